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

  it('starts a sheet at a standalone "Лист N" paragraph, keeping the marker as the sheet\'s first paragraph', () => {
    const sheets = splitSheets('Лист 1\n\nПервый.\n\nЛист 2\n\nВторой.\n\nЛист З\n\nТретий.');
    expect(sheets.map((s) => s.paragraphs)).toEqual([
      ['Лист 1', 'Первый.'],
      ['Лист 2', 'Второй.'],
      ['Лист З', 'Третий.'],
    ]);
    expect(sheets.map((s) => s.numberAsWritten)).toEqual(['1', '2', 'З']);
  });

  it('does not split again at the sheet number of a continuation header block', () => {
    const sheets = splitSheets('A.\n\nПродолжение шифртелеграммы № 5\n\nЭкз. № 2\n\nЛист 2\n\nB.\n\nЛист 3\n\nC.');
    expect(sheets.map((s) => s.paragraphs)).toEqual([
      ['A.'],
      ['Продолжение шифртелеграммы № 5', 'Экз. № 2', 'Лист 2', 'B.'],
      ['Лист 3', 'C.'],
    ]);
  });

  it('keeps a sheet number that only begins a line of a longer paragraph in the text', () => {
    const sheets = splitSheets('Лист 2 этого дела утерян.\n\nPage 4 of the report\nis missing.');
    expect(sheets).toHaveLength(1);
  });

  it('splits English transcriptions at "Page N", "[Page N]", "- N -" and "Page N of M"', () => {
    const sheets = splitSheets(
      'TOP SECRET\n\nFirst page.\n\nPage 2\n\nSecond page.\n\n[Page 3]\n\nThird.\n\n- 4 -\n\nFourth.\n\nPage 5 of 5\n\nFifth.',
    );
    expect(sheets.map((s) => s.paragraphs.at(-1))).toEqual(['First page.', 'Second page.', 'Third.', 'Fourth.', 'Fifth.']);
    expect(sheets.map((s) => s.numberAsWritten)).toEqual(['', '2', '3', '4', '5']);
  });

  it('does not open an empty sheet when a page marker follows a form feed', () => {
    const sheets = splitSheets('One.\f\nPage 2\n\nTwo.');
    expect(sheets.map((s) => s.paragraphs)).toEqual([['One.'], ['Page 2', 'Two.']]);
  });

  it('splits Chinese and Korean text at their page markers and keeps every character', () => {
    const chinese = splitSheets('周恩来同志：\n\n来电收到。\n\n第2页\n\n此致\n敬礼');
    expect(chinese.map((s) => s.paragraphs)).toEqual([['周恩来同志：', '来电收到。'], ['第2页', '此致\n敬礼']]);
    expect(chinese[1]!.numberAsWritten).toBe('2');
    const korean = splitSheets('조선민주주의인민공화국\n\n첫째 장입니다.\n\n2쪽\n\n둘째 장입니다.');
    expect(korean.map((s) => s.paragraphs)).toEqual([['조선민주주의인민공화국', '첫째 장입니다.'], ['2쪽', '둘째 장입니다.']]);
  });

  it('gives a text without markers one sheet', () => {
    const sheets = splitSheets('A paragraph.\n\nAnother, mentioning page 2 and Лист 3 in passing.\n\n마지막 문단.');
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toEqual({
      label: 'Sheet 1',
      numberAsWritten: '',
      paragraphs: ['A paragraph.', 'Another, mentioning page 2 and Лист 3 in passing.', '마지막 문단.'],
    });
  });
});
