import { describe, expect, it } from 'vitest';
import { foldRuns, sheetBox, type VerticalBox } from './sheet-folds';

const heights = [100, 200, 300, 400, 500, 600, 700];
const heightOf = (i: number) => heights[i]!;

describe('foldRuns', () => {
  it('folds each run of sheets not drawn into its first sheet, as tall as the run', () => {
    //              0      1     2      3     4      5      6
    const drawn = [false, true, false, false, true, false, false];
    const folds = foldRuns(drawn, heightOf);
    expect([...folds.holder]).toEqual([0, -1, 2, 2, -1, 5, 5]);
    expect([...folds.offset]).toEqual([0, 0, 0, 300, 0, 0, 600]);
    expect(folds.holders).toEqual([
      { index: 0, height: 100 },
      { index: 2, height: 700 },
      { index: 5, height: 1300 },
    ]);
  });

  it('folds nothing when every sheet is drawn, and everything into the first when none is', () => {
    expect(foldRuns([true, true, true], heightOf).holders).toEqual([]);
    const none = foldRuns([false, false, false], heightOf);
    expect([...none.holder]).toEqual([0, 0, 0]);
    expect(none.holders).toEqual([{ index: 0, height: 600 }]);
  });
});

describe('sheetBox', () => {
  const drawn = [true, false, false, true];
  const folds = foldRuns(drawn, heightOf);
  // Laid out: sheet 0 at 0–100, the run's box (sheets 1 and 2) at 100–600, sheet 3 at 600–1000.
  const laidOut: Record<number, VerticalBox> = { 0: { top: 0, bottom: 100 }, 1: { top: 100, bottom: 600 }, 2: { top: 0, bottom: 0 }, 3: { top: 600, bottom: 1000 } };

  it('gives a drawn sheet its own box and a folded one its share of its run’s box', () => {
    const box = (i: number) => sheetBox(folds, i, (j) => laidOut[j]!);
    expect(box(0)).toEqual({ top: 0, bottom: 100 });
    expect(box(1)).toEqual({ top: 100, bottom: 300 });
    // Sheet 2 is not laid out; its share of the run is below sheet 1's.
    expect(box(2)).toEqual({ top: 300, bottom: 600 });
    expect(box(3)).toEqual({ top: 600, bottom: 1000 });
  });

  it('answers the empty box of a pane not laid out for a folded sheet too', () => {
    expect(sheetBox(folds, 2, () => ({ top: 0, bottom: 0 }))).toEqual({ top: 0, bottom: 0 });
  });

  it('without folds, every sheet is measured as it is', () => {
    expect(sheetBox(null, 2, (j) => ({ top: j, bottom: j + 1 }))).toEqual({ top: 2, bottom: 3 });
  });
});
