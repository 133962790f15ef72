import { describe, expect, it } from 'vitest';
import { dominantScript, languageFromScript, readsAsEnglish, scriptOfLanguage } from './text-script';

describe('dominantScript', () => {
  it.each([
    ['Товарищу Сталину. Сообщаю (MOUSE-ON).', 'Cyrillic'],
    ['毛泽东同志：来电收到。', 'Han'],
    ['朝鮮民主主義人民共和國 내각 결정 제5호', 'Hangul'],
    ['東京で会議がありました。', 'Japanese'],
    ['The ambassador reported.', 'Latin'],
    ['Half English half Русский текст тут', ''],
    ['1951 — № 5', ''],
  ])('%j is %j', (text, script) => expect(dominantScript(text)).toBe(script));
});

describe('languageFromScript', () => {
  it('names a language only where the script leaves no doubt', () => {
    expect(languageFromScript('Сообщаю следующее.')).toEqual({ name: 'Russian', code: 'ru' });
    expect(languageFromScript('각 도 인민위원회')).toEqual({ name: 'Korean', code: 'ko' });
    expect(languageFromScript('Der Botschafter berichtete.')).toBeUndefined();
  });
});

describe('scriptOfLanguage', () => {
  it('knows the script of the archives\' languages', () => {
    expect(scriptOfLanguage('Russian')).toBe('Cyrillic');
    expect(scriptOfLanguage('Chinese')).toBe('Han');
    expect(scriptOfLanguage('English')).toBe('Latin');
    expect(scriptOfLanguage('Serbian')).toBe('');
  });
});

describe('readsAsEnglish', () => {
  it('tells English prose from other Latin-script languages', () => {
    expect(readsAsEnglish('The ambassador said that the talks with the minister were useful and that he would report on them.')).toBe(true);
    expect(readsAsEnglish('Der Botschafter sagte, dass die Gespräche mit dem Minister nützlich waren und er darüber berichten werde.')).toBe(false);
    expect(readsAsEnglish('Сообщаю, что переговоры с министром были полезными и что я доложу о них.')).toBe(false);
    expect(readsAsEnglish('The end.')).toBe(false);
  });
});
