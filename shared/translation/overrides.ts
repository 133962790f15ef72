/**
 * The translator's corrections to the automatic segmentation: extra split points and removed
 * boundaries, kept apart from the segments so that the automatic rules can be re-run (after a
 * correction of the transcription, after better rules) and the corrections laid over them again.
 *
 * Each correction is a point in the plain text: its offset, with up to POINT_CONTEXT characters
 * on either side, so that it can be found again after the text changed elsewhere. A point is
 * found (findTextPoint) where the text still has its context around its offset; else where the
 * whole context occurs, nearest the old offset; else where one side of it occurs whole (at least
 * MIN_SIDE_CONTEXT characters), nearest the old offset; else it is lost and listed as such.
 *
 * A split point is the first character of the second part (after any white space); a join is
 * stored at the first character of the segment that it joins to the one before. Splits and joins
 * are made with addSplit and addJoin, which drop an opposite correction at the same place, so
 * that a stored set never both splits and joins one place.
 */
import { withSegmentIds, type Segment } from './segment';

const SPACE = /\s/u;

/** A place between two characters of the plain text, with its surroundings. */
export interface TextPoint {
  offset: number;
  /** Up to POINT_CONTEXT characters before the point. */
  before: string;
  /** Up to POINT_CONTEXT characters after the point. */
  after: string;
}

export interface SegmentationOverrides {
  /** Places where a segment is split that the automatic rules did not split. */
  splits: TextPoint[];
  /** Starts of segments joined to the segment before them. */
  joins: TextPoint[];
}

export const NO_OVERRIDES: SegmentationOverrides = { splits: [], joins: [] };

/** How many characters of context a point keeps on each side. */
export const POINT_CONTEXT = 24;
/** The least context a point may be found again by, when only one side of it is left. */
export const MIN_SIDE_CONTEXT = 8;

/** Describes the point at an offset of the text. */
export function describeTextPoint(text: string, offset: number): TextPoint {
  if (!(Number.isInteger(offset) && offset >= 0 && offset <= text.length)) {
    throw new RangeError(`Cannot describe offset ${offset} of a ${text.length}-character text.`);
  }
  return {
    offset,
    before: text.slice(Math.max(0, offset - POINT_CONTEXT), offset),
    after: text.slice(offset, offset + POINT_CONTEXT),
  };
}

/** Where a point is in the text now (see the module comment), or null when it is lost. */
export function findTextPoint(text: string, point: TextPoint): number | null {
  const { offset, before, after } = point;
  if (before === '' && after === '') return offset <= text.length ? offset : null;
  if (offset >= before.length && text.slice(offset - before.length, offset) === before && text.startsWith(after, offset)) {
    return offset;
  }
  const whole = nearest(occurrences(text, before + after), offset - before.length);
  if (whole !== null) return whole + before.length;
  const candidates: number[] = [];
  if (before.length >= MIN_SIDE_CONTEXT) for (const at of occurrences(text, before)) candidates.push(at + before.length);
  if (after.length >= MIN_SIDE_CONTEXT) candidates.push(...occurrences(text, after));
  return nearest(candidates, offset);
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

function nearest(candidates: readonly number[], offset: number): number | null {
  let best: number | null = null;
  for (const c of candidates) if (best === null || Math.abs(c - offset) < Math.abs(best - offset)) best = c;
  return best;
}

/** The overrides' points where they are in the text now, and those that could not be found. */
export interface ResolvedOverrides {
  splits: number[];
  joins: number[];
  lost: { kind: 'split' | 'join'; point: TextPoint }[];
}

export function resolveOverrides(overrides: SegmentationOverrides, text: string): ResolvedOverrides {
  const lost: ResolvedOverrides['lost'] = [];
  const resolve = (kind: 'split' | 'join', points: readonly TextPoint[]): number[] =>
    points.flatMap((point) => {
      const at = findTextPoint(text, point);
      if (at === null) lost.push({ kind, point });
      return at === null ? [] : [at];
    });
  return { splits: resolve('split', overrides.splits), joins: resolve('join', overrides.joins), lost };
}

/**
 * The segments with the translator's corrections applied: first every join (two segments of
 * one paragraph whose boundary holds the join point become one), then every split (a segment
 * with a split point strictly inside its text becomes two, each trimmed of white space). Joins
 * across paragraphs and points that fall nowhere useful change nothing. Ids are given afresh.
 */
export function applyOverrides(segments: readonly Segment[], overrides: SegmentationOverrides, text: string): Segment[] {
  const { splits, joins } = resolveOverrides(overrides, text);
  let out = [...segments];
  for (const point of joins) {
    const i = boundaryAt(out, point);
    if (i < 0) continue;
    const a = out[i]!;
    const b = out[i + 1]!;
    out.splice(i, 2, { ...a, end: b.end, text: text.slice(a.start, b.end) });
  }
  for (const point of splits) {
    const i = out.findIndex((s) => s.start < point && point < s.end);
    if (i < 0) continue;
    const s = out[i]!;
    let leftEnd = point;
    while (leftEnd > s.start && SPACE.test(text[leftEnd - 1]!)) leftEnd--;
    let rightStart = point;
    while (rightStart < s.end && SPACE.test(text[rightStart]!)) rightStart++;
    if (leftEnd <= s.start || rightStart >= s.end) continue;
    out.splice(
      i,
      1,
      { ...s, end: leftEnd, text: text.slice(s.start, leftEnd) },
      { ...s, start: rightStart, text: text.slice(rightStart, s.end) },
    );
  }
  out = withSegmentIds(out);
  return out;
}

/** The index i of the boundary between segments i and i+1 of one paragraph that holds the point, or -1. */
function boundaryAt(segments: readonly Segment[], point: number): number {
  for (let i = 0; i + 1 < segments.length; i++) {
    const a = segments[i]!;
    const b = segments[i + 1]!;
    if (a.end <= point && point <= b.start && a.sheetIndex === b.sheetIndex && a.paragraphIndex === b.paragraphIndex) return i;
  }
  return -1;
}

/**
 * Adds a split at an offset (moved forward past white space to the next segment's first
 * character). A join stored at the same place is removed instead of adding anything, as is
 * nothing needed when the place is already a boundary of `segments` (the segmentation in use,
 * overrides applied).
 */
export function addSplit(overrides: SegmentationOverrides, text: string, segments: readonly Segment[], offset: number): SegmentationOverrides {
  let at = offset;
  while (at < text.length && SPACE.test(text[at]!)) at++;
  const inside = segments.some((s) => s.start < at && at < s.end);
  if (!inside) return overrides;
  const joins = overrides.joins.filter((p) => findTextPoint(text, p) !== at);
  if (joins.length < overrides.joins.length) return { ...overrides, joins };
  return { ...overrides, splits: [...overrides.splits, describeTextPoint(text, at)] };
}

/**
 * Joins segment `index` of `segments` (the segmentation in use, overrides applied) with the
 * next one. Refused (RangeError) when they are in different paragraphs: a segment never crosses
 * a paragraph. A split stored at that boundary is removed instead of adding a join.
 */
export function addJoin(overrides: SegmentationOverrides, text: string, segments: readonly Segment[], index: number): SegmentationOverrides {
  const a = segments[index];
  const b = segments[index + 1];
  if (!a || !b) throw new RangeError(`There is no segment after segment ${index} to join it with.`);
  if (a.sheetIndex !== b.sheetIndex || a.paragraphIndex !== b.paragraphIndex) {
    throw new RangeError('Segments in different paragraphs cannot be joined: a segment never crosses a paragraph.');
  }
  const splits = overrides.splits.filter((p) => {
    const at = findTextPoint(text, p);
    return at === null || at < a.end || at > b.start;
  });
  if (splits.length < overrides.splits.length) return { ...overrides, splits };
  return { ...overrides, joins: [...overrides.joins, describeTextPoint(text, b.start)] };
}
