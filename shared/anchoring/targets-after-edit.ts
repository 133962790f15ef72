/**
 * The stored targets of annotations after the transcription was edited in the app, from their
 * ranges as the editor carried them through every transaction (mapped-anchors.ts).
 *
 * A target whose range still holds words gets fresh selectors: its position, and its quote with
 * prefix and suffix, now describe the text as it is. A target whose words were deleted is an
 * orphan: it keeps its old selectors (its quote is what the user needs to re-attach it) and is
 * flagged, so it is never attached by its quote to another occurrence of the same words. An
 * orphan whose very words are back where they were (the deletion was undone) is attached again.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { TextTarget } from '../annotation';
import type { AnchorRange, OrphanedRange } from './mapped-anchors';
import { describeTextRange } from './selectors';
import { TextIndex } from './text-index';

/** A target being carried through an edit: its key (annotation id, and which of its targets), range and stored form. */
export interface TrackedTarget extends AnchorRange {
  stored: TextTarget;
}

export interface ChangedTarget {
  id: string;
  target: TextTarget;
}

/** The targets that must be stored anew after an edit, and only those. */
export function targetsAfterEdit(
  doc: ProseMirrorNode,
  tracked: readonly TrackedTarget[],
  orphans: readonly OrphanedRange<TrackedTarget>[],
  index: TextIndex = TextIndex.fromDoc(doc),
): ChangedTarget[] {
  const text = index.text;
  const changed: ChangedTarget[] = [];
  const describe = (stored: TextTarget, start: number, end: number): TextTarget => {
    const { orphaned: _dropped, ...rest } = stored;
    return { ...rest, ...describeTextRange(text, { start, end }) };
  };
  const orphan = (stored: TextTarget): TextTarget => ({ ...stored, orphaned: true });

  for (const t of tracked) {
    const start = index.offsetAt(t.from);
    const end = index.offsetAt(t.to, -1);
    const next = start < end && text.slice(start, end).trim() !== '' ? describe(t.stored, start, end) : orphan(t.stored);
    if (!sameTarget(next, t.stored)) changed.push({ id: t.id, target: next });
  }
  for (const o of orphans) {
    const start = index.offsetAt(o.at);
    const exact = o.stored.quote.exact;
    const back = exact !== '' && text.startsWith(exact, start);
    const next = back ? describe(o.stored, start, start + exact.length) : orphan(o.stored);
    if (!sameTarget(next, o.stored)) changed.push({ id: o.id, target: next });
  }
  return changed;
}

function sameTarget(a: TextTarget, b: TextTarget): boolean {
  return (
    a.position.start === b.position.start &&
    a.position.end === b.position.end &&
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix &&
    !!a.orphaned === !!b.orphaned
  );
}
