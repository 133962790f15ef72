import { describe, expect, it } from 'vitest';
import { isLanguageName, languageCodeFor } from './languages';

describe('languageCodeFor', () => {
  it.each([
    ['Russian', 'ru'],
    ['chinese', 'zh'],
    ['Korean', 'ko'],
    ['Chinese (Simplified)', 'zh'],
    ['Russian, English', 'ru'],
    ['Russian and Chinese', 'ru'],
    ['Korean\nEnglish', 'ko'],
    ['East German', 'de'],
    ['Klingon', ''],
    ['', ''],
  ])('%j → %j', (name, code) => expect(languageCodeFor(name)).toBe(code));
});

describe('isLanguageName', () => {
  it('accepts one language name, and nothing else', () => {
    expect(isLanguageName('English')).toBe(true);
    expect(isLanguageName('Full')).toBe(false);
    expect(isLanguageName('Russian, English')).toBe(false);
  });
});
