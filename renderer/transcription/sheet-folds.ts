/**
 * Folding the undrawn sheets of a long transcription: each run of consecutive sheets that are
 * not drawn (lazy-sheets.ts) is laid out as one box, the run's first sheet, as tall as the whole
 * run; the others are not laid out at all (`display: none`).
 *
 * Why: one empty box per undrawn sheet still cost every keystroke. The browser kept each of the
 * 300 boxes in its layout, hit-tested and painted past them, and watched each one for
 * `content-visibility: auto`. Folded, a keystroke in the editor costs about 3 ms less
 * (docs/benchmarks.md). Pure: lazy-sheets.ts applies the folds to the DOM; the sheets' boxes for
 * the view's measuring come from `sheetBox`.
 */

/** Where each sheet is laid out, by index. */
export interface SheetFolds {
  /** The index of the sheet whose box holds this one (its run's first sheet); -1 for a drawn sheet. */
  readonly holder: Int32Array;
  /** Pixels from the top of the holder's box to this sheet's share of it. */
  readonly offset: Float64Array;
  /** This sheet's share of the holder's box, in pixels (its estimated height). */
  readonly height: Float64Array;
  /** Each holder's index and the height of its box: the sum of its run's sheets. */
  readonly holders: ReadonlyArray<{ index: number; height: number }>;
}

/** Folds each run of undrawn sheets into its first sheet; `heightOf(i)` is an undrawn sheet's estimated height. */
export function foldRuns(drawn: readonly boolean[], heightOf: (index: number) => number): SheetFolds {
  const count = drawn.length;
  const holder = new Int32Array(count).fill(-1);
  const offset = new Float64Array(count);
  const height = new Float64Array(count);
  const holders: Array<{ index: number; height: number }> = [];
  let run: { index: number; height: number } | null = null;
  for (let i = 0; i < count; i++) {
    if (drawn[i]) {
      run = null;
      continue;
    }
    if (!run) {
      run = { index: i, height: 0 };
      holders.push(run);
    }
    holder[i] = run.index;
    offset[i] = run.height;
    height[i] = heightOf(i);
    run.height += height[i]!;
  }
  return { holder, offset, height, holders };
}

/** A box's vertical extent, in the coordinates of the rectangles it is made from. */
export interface VerticalBox {
  top: number;
  bottom: number;
}

/**
 * Sheet `index`'s box: its own for a drawn sheet (`boxOf`), else its share of its holder's box.
 * A holder that is not laid out (a hidden pane: an empty box) stands for all its sheets, so that
 * a pane not laid out still reads as one.
 */
export function sheetBox(folds: SheetFolds | null, index: number, boxOf: (index: number) => VerticalBox): VerticalBox {
  const holder = folds?.holder[index] ?? -1;
  if (holder < 0) return boxOf(index);
  const box = boxOf(holder);
  if (box.bottom <= box.top) return box;
  const top = box.top + folds!.offset[index]!;
  return { top, bottom: top + folds!.height[index]! };
}
