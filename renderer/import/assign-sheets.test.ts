import { describe, expect, it } from 'vitest';
import { assignSheets, scanForSheet } from './assign-sheets';

describe('assignSheets', () => {
  it('gives pages to sheets in order, past generated facsimiles', () => {
    const facsimiles = [0, 1, 2, 3].map((sheetIndex) => ({ sheetIndex, generated: true }));
    expect(assignSheets(facsimiles, 4, 4)).toEqual([0, 1, 2, 3]);
  });

  it('skips sheets that already have a real scan and keeps extra pages on the last sheet', () => {
    expect(assignSheets([{ sheetIndex: 0, generated: false }, { sheetIndex: 2, generated: false }], 4, 4)).toEqual([1, 3, 3, 3]);
  });

  it('puts everything on sheet 1 of a one-sheet document', () => {
    expect(assignSheets([], 3, 1)).toEqual([0, 0, 0]);
  });
});

describe('scanForSheet', () => {
  it('shows the first real scan of a sheet, else its facsimile', () => {
    const scans = [
      { id: 'f', sheetIndex: 0, generated: true, order: 0 },
      { id: 'b', sheetIndex: 0, generated: false, order: 7 },
      { id: 'a', sheetIndex: 0, generated: false, order: 5 },
      { id: 'g', sheetIndex: 1, generated: true, order: 1 },
    ];
    expect(scanForSheet(scans, 0)?.id).toBe('a');
    expect(scanForSheet(scans, 1)?.id).toBe('g');
    expect(scanForSheet(scans, 2)).toBeUndefined();
  });
});
