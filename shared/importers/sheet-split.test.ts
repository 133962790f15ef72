import { describe, expect, it } from 'vitest';
import { splitSheets } from './sheet-split';

describe('splitSheets', () => {
  it('starts a sheet at every continuation header and keeps the header text', () => {
    const sheets = splitSheets('Первый лист.\n\nПродолжение шифртелеграммы № 1\n\nЛист 2\n\nВторой лист.');
    expect(sheets.map((s) => s.paragraphs)).toEqual([
      ['Первый лист.'],
      ['Продолжение шифртелеграммы № 1', 'Лист 2', 'Второй лист.'],
    ]);
    expect(sheets[1]!.numberAsWritten).toBe('2');
  });

  it('splits after "(см. сл. лист)" when no header follows, keeping a short footer on its sheet', () => {
    const withFooter = splitSheets('Текст.\n\n(см. сл. лист)\n\nИТ МВО 195-1\n\nПродолжение\n\nДальше.');
    expect(withFooter.map((s) => s.paragraphs.length)).toEqual([3, 2]);
    const noHeader = splitSheets('Текст.\n\n(см. сл. лист)\n\nДальше идёт длинный абзац второго листа без заголовка.\n\nЕщё абзац.');
    expect(noHeader.map((s) => s.paragraphs)).toEqual([
      ['Текст.', '(см. сл. лист)'],
      ['Дальше идёт длинный абзац второго листа без заголовка.', 'Ещё абзац.'],
    ]);
  });

  it('splits at form feeds and at [page break] markers, dropping only the marker', () => {
    expect(splitSheets('One.\fTwo.').map((s) => s.paragraphs)).toEqual([['One.'], ['Two.']]);
    expect(splitSheets('One.\n\n[page break]\n\nTwo.').map((s) => s.paragraphs)).toEqual([['One.'], ['Two.']]);
  });

  it('numbers sheets by order, whatever the headers say', () => {
    const sheets = splitSheets('A.\n\nПродолжение\n\nЛист 8\n\nB.\n\nПродолжение\n\nЛист 1\n\nC.');
    expect(sheets.map((s) => s.label)).toEqual(['Sheet 1', 'Sheet 2', 'Sheet 3']);
    expect(sheets.map((s) => s.numberAsWritten)).toEqual(['', '8', '1']);
  });
});
