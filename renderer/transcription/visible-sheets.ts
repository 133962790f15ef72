/**
 * Which sheets of a long transcription get their highlights drawn: those in view and a few on
 * either side. Drawing 10,000 highlights over 300 sheets cost ProseMirror over a second when a
 * large document opened (docs/benchmarks.md); the words of sheets far from view need none, and
 * the window follows the scroll. Pure: the view measures, these decide.
 */

/** A run of sheets by index, both ends included. */
export interface SheetWindow {
  first: number;
  last: number;
}

/** Documents with fewer sheets draw every highlight (no window). */
export const WINDOW_MIN_SHEETS = 20;
/** Sheets drawn on either side of those in view. */
export const WINDOW_MARGIN = 2;

export function sameWindow(a: SheetWindow | null, b: SheetWindow | null): boolean {
  return a === b || (a !== null && b !== null && a.first === b.first && a.last === b.last);
}

/** The sheets in view widened by `margin` on each side, within the document's `count` sheets. */
export function drawWindow(visible: SheetWindow, count: number, margin = WINDOW_MARGIN): SheetWindow {
  const last = Math.max(0, count - 1);
  return {
    first: Math.min(last, Math.max(0, visible.first - margin)),
    last: Math.max(0, Math.min(last, visible.last + margin)),
  };
}

/**
 * The sheets to draw for those now visible: the ones drawn already while they hold all the
 * visible sheets (so that scrolling within the margin redraws nothing), else the visible sheets
 * widened by the margin.
 */
export function windowFor(current: SheetWindow | null, visible: SheetWindow, count: number, margin = WINDOW_MARGIN): SheetWindow {
  if (current && current.first <= visible.first && visible.last <= current.last) return current;
  return drawWindow(visible, count, margin);
}

/**
 * The sheets that overlap the band from `top` to `bottom`, given each sheet's box (`boxOf(i)`,
 * in the same coordinates), sheets laid out top to bottom. A binary search: a few boxes read,
 * not one per sheet. With no sheet in the band, the nearest one; in a pane not laid out, the first.
 */
export function visibleSheets(count: number, boxOf: (index: number) => { top: number; bottom: number }, top: number, bottom: number): SheetWindow | null {
  if (count === 0) return null;
  // Not laid out (a hidden pane: every box empty): the first sheet.
  if (boxOf(count - 1).bottom <= boxOf(0).top) return { first: 0, last: 0 };
  // The first sheet whose bottom is below the band's top.
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boxOf(mid).bottom > top) hi = mid;
    else lo = mid + 1;
  }
  const first = lo;
  // The last sheet whose top is above the band's bottom (at least the first).
  lo = first;
  hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (boxOf(mid).top < bottom) lo = mid;
    else hi = mid - 1;
  }
  return { first, last: lo };
}

/** The index of the sheet holding `pos`, given where each sheet's content starts (`sheetStarts`). */
export function sheetOfPos(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/**
 * The first and last sheet of each range, two numbers per range: computed once when the
 * highlights change, so moving the window only compares numbers.
 */
export function sheetSpans(ranges: readonly { from: number; to: number }[], starts: readonly number[]): Int32Array {
  const spans = new Int32Array(ranges.length * 2);
  ranges.forEach((r, i) => {
    spans[2 * i] = sheetOfPos(starts, r.from);
    spans[2 * i + 1] = sheetOfPos(starts, Math.max(r.from, r.to - 1));
  });
  return spans;
}

/** The ranges with a sheet in the window: one spanning sheets is drawn whole when any of them is. */
export function inWindow<T>(ranges: readonly T[], spans: Int32Array, window: SheetWindow): T[] {
  const drawn: T[] = [];
  for (let i = 0; i < ranges.length; i++) {
    if (spans[2 * i]! <= window.last && spans[2 * i + 1]! >= window.first) drawn.push(ranges[i]!);
  }
  return drawn;
}
