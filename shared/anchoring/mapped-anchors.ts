/**
 * Carrying anchors through edits of the transcription, as the editor makes them: each anchor's
 * ProseMirror range is mapped through the transaction's mapping, so nothing needs to be found
 * again (see reanchor.ts for that, when a document changed elsewhere).
 *
 * - `from` is mapped with assoc 1 and `to` with assoc -1: text typed exactly at either edge of
 *   the annotated words stays outside them; text typed inside makes the range grow. Replacing
 *   exactly the annotated words (selecting them and pasting a correction) keeps the anchor on the
 *   new words, because ProseMirror maps the start of a replaced range before the new content and
 *   its end after it.
 * - Nothing is trimmed: the range is what the mapping says.
 * - An anchor whose words are all deleted (its range collapses or inverts) becomes an orphan. It
 *   is reported, with the place where its words were, never dropped.
 */

/**
 * What maps positions through edits: a ProseMirror `Mapping`, `StepMap` or a transaction's
 * `mapping` (prosemirror-transform's `Mappable`, narrowed to what this module uses).
 */
export interface PositionMapping {
  map(pos: number, assoc?: number): number;
}

/** An anchor's range in a ProseMirror document; other fields ride along untouched. */
export interface AnchorRange {
  id: string;
  from: number;
  to: number;
}

/** An anchor whose words are gone; `at` is where they were in the new document. */
export type OrphanedRange<T extends AnchorRange = AnchorRange> = T & { at: number };

export interface MappedAnchors<T extends AnchorRange = AnchorRange> {
  /** The anchors that still hold words, in the order given; unchanged ones are the same objects. */
  anchors: T[];
  orphans: OrphanedRange<T>[];
}

/** Maps one range; null when its words are all gone. */
export function mapAnchorRange(range: { from: number; to: number }, mapping: PositionMapping): { from: number; to: number } | null {
  const from = mapping.map(range.from, 1);
  const to = mapping.map(range.to, -1);
  return from < to ? { from, to } : null;
}

/** Maps a set of anchor ranges through a mapping, separating those whose words were all deleted. */
export function mapAnchorRanges<T extends AnchorRange>(ranges: readonly T[], mapping: PositionMapping): MappedAnchors<T> {
  const change = singleChangeOf(mapping);
  if (change) return mapAnchorRangesThroughChange(ranges, change);
  const anchors: T[] = [];
  const orphans: OrphanedRange<T>[] = [];
  for (const range of ranges) {
    const from = range.from < range.to ? mapping.map(range.from, 1) : 0;
    const to = range.from < range.to ? mapping.map(range.to, -1) : 0;
    if (!(from < to)) {
      orphans.push({ ...range, at: mapping.map(range.from, -1) });
    } else if (from === range.from && to === range.to) {
      anchors.push(range);
    } else {
      anchors.push({ ...range, from, to });
    }
  }
  return { anchors, orphans };
}

/**
 * The one range a mapping changed, when it is a single step's map that changed one range (typing
 * a letter, a backspace, pasting over a selection): the old positions `start`..`oldEnd` became
 * `start`..`newEnd`. Such a change can be applied to positions by arithmetic alone, exactly as
 * ProseMirror's `StepMap` maps them (`mapThroughChange`).
 */
export interface SingleChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** What `singleChangeOf` looks into: a `Mapping` (its maps) or a `StepMap` (its changed ranges). */
interface RangesLike {
  forEach(f: (oldStart: number, oldEnd: number, newStart: number, newEnd: number) => void): void;
}

/**
 * The single changed range of a mapping, or null when it is anything else (several steps, a step
 * that changed several ranges, or a mapping of an unknown kind, which is then mapped as it says).
 */
export function singleChangeOf(mapping: PositionMapping): SingleChange | null {
  const m = mapping as PositionMapping & { maps?: readonly RangesLike[]; mirror?: unknown; from?: number; to?: number };
  let ranges: RangesLike;
  if (Array.isArray(m.maps)) {
    // A Mapping of exactly one map, not sliced, with no mirrored maps.
    if (m.maps.length !== 1 || m.from !== 0 || m.to !== 1 || m.mirror) return null;
    ranges = m.maps[0]!;
  } else if (typeof (m as Partial<RangesLike>).forEach === 'function' && 'ranges' in m) {
    ranges = m as unknown as RangesLike; // a StepMap
  } else {
    return null;
  }
  let change: SingleChange | null = null;
  let count = 0;
  ranges.forEach((oldStart, oldEnd, newStart, newEnd) => {
    count++;
    change = oldStart === newStart ? { start: oldStart, oldEnd, newEnd } : null;
  });
  return count === 1 ? change : null;
}

/** A position mapped through a single change, as `StepMap.map` maps it (the same `assoc` rules). */
export function mapThroughChange(pos: number, assoc: number, change: SingleChange): number {
  const { start, oldEnd, newEnd } = change;
  if (pos < start) return pos;
  if (pos > oldEnd) return pos + (newEnd - oldEnd);
  const side = oldEnd === start ? assoc : pos === start ? -1 : pos === oldEnd ? 1 : assoc;
  return side < 0 ? start : newEnd;
}

/**
 * `mapAnchorRanges` through a single change, by arithmetic: an anchor wholly before the change is
 * kept as it is (the same object), one wholly after it is shifted by the change's size, and only
 * one touching it is mapped position by position. The result is the one the mapping gives.
 */
export function mapAnchorRangesThroughChange<T extends AnchorRange>(ranges: readonly T[], change: SingleChange): MappedAnchors<T> {
  const { start, oldEnd, newEnd } = change;
  const delta = newEnd - oldEnd;
  const anchors: T[] = new Array<T>(ranges.length);
  let n = 0;
  let orphans: OrphanedRange<T>[] | null = null;
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i]!;
    const { from, to } = range;
    if (from < to) {
      if (to < start) {
        anchors[n++] = range;
        continue;
      }
      if (from > oldEnd) {
        anchors[n++] = delta === 0 ? range : { ...range, from: from + delta, to: to + delta };
        continue;
      }
      const newFrom = mapThroughChange(from, 1, change);
      const newTo = mapThroughChange(to, -1, change);
      if (newFrom < newTo) {
        anchors[n++] = newFrom === from && newTo === to ? range : { ...range, from: newFrom, to: newTo };
        continue;
      }
    }
    (orphans ??= []).push({ ...range, at: mapThroughChange(from, -1, change) });
  }
  anchors.length = n;
  return { anchors, orphans: orphans ?? [] };
}
