import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWilsonCenterText } from './wilson-center';

const seed = readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');

describe('parseWilsonCenterText on the bundled telegram', () => {
  const parsed = parseWilsonCenterText(seed);

  it('reads the metadata block', () => {
    const m = parsed.metadata;
    expect(m.title).toBe('Ciphered Telegram from Mao Zedong to Filippov [Stalin]');
    expect(m.dateIso).toBe('1951-07-20');
    expect(m.dateAsWritten).toBe('July 20, 1951');
    expect(m.citation).toBe(
      '"Ciphered Telegram from Mao Zedong to Filippov [Stalin]", July 20, 1951, Wilson Center Digital Archive, CWHIP archive.',
    );
    expect(m.sourceUrl).toBe('https://wilson-center.drivingcreative.com/document/119538');
    expect(m.summary).toMatch(/^Telegram from Mao to Stalin discussing the points of agreement/);
    expect(m.credits).toBe('This document was made possible with support from Leon Levy Foundation');
    expect(m.originalLanguage).toBe('Russian');
    expect(m.languageCode).toBe('ru');
  });

  it('splits the transcription into its four sheets at the continuation headers', () => {
    expect(parsed.sheets.map((s) => s.label)).toEqual(['Sheet 1', 'Sheet 2', 'Sheet 3', 'Sheet 4']);
    expect(parsed.sheets[0]!.paragraphs[0]).toBe('№143, I 245');
    expect(parsed.sheets[0]!.paragraphs.at(-2)).toBe('(см. сл. лист)');
    expect(parsed.sheets[0]!.paragraphs.at(-1)).toBe('ИТ МВО 195-1');
    for (const sheet of parsed.sheets.slice(1)) {
      expect(sheet.paragraphs[0]).toBe('Продолжение шифртелеграммы № 22054');
    }
    expect(parsed.sheets[3]!.paragraphs.at(-1)).toBe('/Мокров/');
  });

  it('keeps garbled sheet numbers as written without reordering the sheets', () => {
    expect(parsed.sheets.map((s) => s.numberAsWritten)).toEqual(['', '2', '8', '1']);
  });

  it('keeps the sentence that runs across the sheet break on both sheets', () => {
    expect(parsed.sheets[1]!.paragraphs.at(-1)).toMatch(/нам будет трудно увеличить оборонное строительство\. Если$/);
    expect(parsed.sheets[2]!.paragraphs[3]).toMatch(/^затянуть время, например, на 6-8 месяцев/);
  });

  it('loses no line of the transcription', () => {
    const contents = seed.slice(seed.indexOf('Original Scan') + 'Original Scan'.length);
    const expected = contents.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const actual = parsed.sheets.flatMap((s) => s.paragraphs.flatMap((p) => p.split('\n'))).map((l) => l.trim());
    expect(actual).toEqual(expected);
  });

  it('keeps the table rows of the address block as lines of one paragraph', () => {
    const table = parsed.sheets[0]!.paragraphs.find((p) => p.startsWith('1\tтов. Сталину'));
    expect(table?.split('\n')).toHaveLength(6);
  });
});
