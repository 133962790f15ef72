import { describe, expect, it } from 'vitest';
import { TextIndex } from '../anchoring/text-index';
import { mergeSheetWithPrevious, paragraphAt, sheetIndexAfterMerge, sheetIndexAfterSplit, splitSheetAt } from './sheet-edits';
import { transcriptionFromSheets } from './schema';

const doc = transcriptionFromSheets([
  { label: 'Sheet 1', numberAsWritten: '', paragraphs: ['Первый.', 'Второй.', 'Третий.'] },
  { label: 'Sheet 2', numberAsWritten: '2', paragraphs: ['Четвёртый.'] },
]);

function sheetTexts(d: typeof doc): string[][] {
  const out: string[][] = [];
  d.forEach((sheet) => {
    const ps: string[] = [];
    sheet.forEach((p) => ps.push(p.textContent));
    out.push(ps);
  });
  return out;
}

describe('splitting and merging sheets', () => {
  it('splits a sheet at a paragraph, relabelling the sheets by position', () => {
    const split = splitSheetAt(doc, 0, 1)!;
    expect(sheetTexts(split)).toEqual([['Первый.'], ['Второй.', 'Третий.'], ['Четвёртый.']]);
    const labels: string[] = [];
    split.forEach((s) => labels.push(s.attrs.label as string));
    expect(labels).toEqual(['Sheet 1', 'Sheet 2', 'Sheet 3']);
    expect(split.child(2).attrs.numberAsWritten).toBe('2');
  });

  it('refuses to split at the first paragraph of a sheet', () => {
    expect(splitSheetAt(doc, 1, 0)).toBeNull();
  });

  it('merges a sheet into the previous one and refuses to merge the first', () => {
    expect(sheetTexts(mergeSheetWithPrevious(doc, 1)!)).toEqual([['Первый.', 'Второй.', 'Третий.', 'Четвёртый.']]);
    expect(mergeSheetWithPrevious(doc, 0)).toBeNull();
  });

  it('leaves the plain text, and so every annotation anchor, unchanged', () => {
    const before = TextIndex.fromDoc(doc).text;
    expect(TextIndex.fromDoc(splitSheetAt(doc, 0, 2)!).text).toBe(before);
    expect(TextIndex.fromDoc(mergeSheetWithPrevious(doc, 1)!).text).toBe(before);
  });

  it('finds the paragraph a position is in', () => {
    const pos = TextIndex.fromDoc(doc).posAt('Первый.\nВторой.\nТр'.length, 1);
    expect(paragraphAt(doc, pos)).toEqual({ sheetIndex: 0, paragraphIndex: 2 });
  });

  it('moves scans with their sheets', () => {
    expect([0, 1, 2].map(sheetIndexAfterSplit(0))).toEqual([0, 2, 3]);
    expect([0, 1, 2].map(sheetIndexAfterMerge(1))).toEqual([0, 0, 1]);
  });
});
