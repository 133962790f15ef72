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
  const anchors: T[] = [];
  const orphans: OrphanedRange<T>[] = [];
  for (const range of ranges) {
    const mapped = range.from < range.to ? mapAnchorRange(range, mapping) : null;
    if (!mapped) {
      orphans.push({ ...range, at: mapping.map(range.from, -1) });
    } else if (mapped.from === range.from && mapped.to === range.to) {
      anchors.push(range);
    } else {
      anchors.push({ ...range, from: mapped.from, to: mapped.to });
    }
  }
  return { anchors, orphans };
}
