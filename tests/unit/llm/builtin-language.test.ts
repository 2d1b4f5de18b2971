import { describe, expect, it } from 'vitest';
import { languageNotice, unsupportedLanguage } from '@/lib/llm/builtin/language';

describe('unsupportedLanguage', () => {
  it.each([
    ['What is the capital of France?', null],
    ['¿Qué es la fotosíntesis y cómo funciona?', null],
    ['東京の天気はどうですか？', null],
    ['Was ist das und wie funktioniert es nicht?', 'German'],
    ['Je ne sais pas pourquoi vous avez une question', 'French'],
    ['Привет, как дела?', 'Russian or another Cyrillic-script language'],
    ['你好，今天天气怎么样？', 'Chinese'],
    ['안녕하세요', 'Korean'],
    ['ok', null],
  ])('%s → %s', (text, expected) => {
    expect(unsupportedLanguage(text)).toBe(expected);
  });
  it('says the model may not support it', () => {
    expect(languageNotice('German')).toMatch(/may not support/);
  });
});
