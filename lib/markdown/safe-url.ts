/**
 * Which URLs in model output may become links or images. Model text is untrusted: only http(s)
 * and mailto survive, after undoing the obfuscations browsers themselves forgive.
 */

const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) =>
      String.fromCodePoint(parseInt(hex, 16) % 0x110000),
    )
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec) % 0x110000))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n');
}

/** The URL if it is safe to link to, else null. Relative URLs are refused: there is no base. */
export function safeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // Browsers drop control characters and whitespace inside a scheme ("java\tscript:").
  const cleaned = decodeEntities(raw).replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  let url: URL;
  try {
    url = new URL(cleaned);
  } catch {
    return null;
  }
  if (!ALLOWED.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url.href;
}

/** Images load only from https, and only after a click. */
export function safeImageUrl(raw: string | null | undefined): string | null {
  const url = safeUrl(raw);
  return url && url.startsWith('https:') ? url : null;
}
