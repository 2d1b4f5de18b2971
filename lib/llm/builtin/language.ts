/**
 * A rough check of the language a question is written in, for the built-in model, which knows
 * English, Spanish and Japanese only (BUILTIN_LANGUAGES). It looks at the script, then at common
 * words of the Latin-script languages people write most; it only decides whether to tell the user
 * the model may not support the language, never what the model is sent.
 */
import { notice } from '../../model/notices';

const OTHER_SCRIPTS: [RegExp, string][] = [
  [/[\u0400-\u04ff]/, notice('languageCyrillic')],
  [/[\u0600-\u06ff]/, notice('languageArabic')],
  [/[\u0590-\u05ff]/, notice('languageHebrew')],
  [/[\u0900-\u097f]/, notice('languageHindi')],
  [/[\uac00-\ud7af]/, notice('languageKorean')],
  [/[\u0e00-\u0e7f]/, notice('languageThai')],
  [/[\u0370-\u03ff]/, notice('languageGreek')],
];

// A few very common words each; two or more hits in a question name its language.
const LATIN_WORDS: [string, RegExp][] = [
  [notice('languageGerman'), /\b(und|der|die|das|ist|nicht|ich|wie|was|mit|für|ein|eine)\b/g],
  [notice('languageFrench'), /\b(le|la|les|est|et|je|pas|vous|une|des|pour|avec|qui|que)\b/g],
  [notice('languagePortuguese'), /\b(não|você|uma|com|para|isso|como|está|são|meu)\b/g],
  [notice('languageItalian'), /\b(il|che|non|sono|una|per|come|questo|della|gli)\b/g],
  [notice('languageDutch'), /\b(het|een|niet|ik|wat|hoe|zijn|voor|met|deze)\b/g],
];
const SPANISH = /\b(el|los|las|es|que|de|una|por|para|cómo|qué|está|y|no)\b/g;
const ENGLISH = /\b(the|is|and|what|how|you|of|to|in|it|a|not|this)\b/g;

const hits = (text: string, words: RegExp) => text.match(words)?.length ?? 0;

/**
 * The name of the language `text` seems to be in when the built-in model may not support it,
 * else null (English, Spanish, Japanese, or too little text to tell).
 */
export function unsupportedLanguage(text: string): string | null {
  const sample = text.slice(0, 2000);
  // Kana: Japanese. Han characters without kana: most likely Chinese.
  if (/[\u3040-\u30ff]/.test(sample)) return null;
  if (/[\u4e00-\u9fff]/.test(sample)) return notice('languageChinese');
  for (const [script, name] of OTHER_SCRIPTS) if (script.test(sample)) return name;
  const lower = sample.toLowerCase();
  const supported = Math.max(hits(lower, ENGLISH), hits(lower, SPANISH));
  let best: [string, number] | null = null;
  for (const [name, words] of LATIN_WORDS) {
    const n = hits(lower, words);
    if (n >= 2 && n > supported && (!best || n > best[1])) best = [name, n];
  }
  return best?.[0] ?? null;
}

/** The notice shown when a conversation is in a language the built-in model may not support. */
export function languageNotice(language: string): string {
  return notice('builtinLanguageNotice', language);
}
