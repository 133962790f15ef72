/**
 * While the transcription is edited, every annotation's words are carried through each
 * transaction (mapped, not searched for), so an annotation stays on the same words when text is
 * typed or deleted before, after or inside them. Words that are deleted entirely leave an orphan,
 * remembered with the place where they were.
 *
 * Text typed at the very end of an annotation's words normally stays outside them. One case is
 * different: overtyping. When the user selects annotated words (or their last part) and types a
 * correction letter by letter, the first letter replaces the selection and is inside the range;
 * the letters that follow continue it and belong inside too. So an insertion exactly where the
 * previous replacement inside a range ended grows that range.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';
import { mapAnchorRanges, type OrphanedRange } from '../../../shared/anchoring/mapped-anchors';
import type { TrackedTarget } from '../../../shared/anchoring/targets-after-edit';

export interface TrackedAnchors {
  anchors: readonly TrackedTarget[];
  orphans: readonly OrphanedRange<TrackedTarget>[];
  /** Anchors being overtyped, and the position where typing continues them. */
  overtyping: { ids: ReadonlySet<string>; at: number } | null;
}

export const anchorTrackingKey = new PluginKey<TrackedAnchors>('anchor-tracking');

/** The one replacement a transaction made, in old and new positions, if it made exactly one. */
function singleReplacement(tr: Transaction): { oldStart: number; oldEnd: number; newEnd: number } | null {
  if (tr.steps.length !== 1 || !(tr.steps[0] instanceof ReplaceStep)) return null;
  let found: { oldStart: number; oldEnd: number; newEnd: number } | null = null;
  tr.mapping.maps[0]!.forEach((oldStart, oldEnd, _newStart, newEnd) => {
    found = { oldStart, oldEnd, newEnd };
  });
  return found;
}

export function mapTrackedAnchors(value: TrackedAnchors, tr: Transaction): TrackedAnchors {
  if (!tr.docChanged) return tr.selectionSet ? { ...value, overtyping: null } : value;
  const edit = singleReplacement(tr);
  const continuing = value.overtyping && edit && edit.oldStart === edit.oldEnd && edit.oldStart === value.overtyping.at ? value.overtyping.ids : null;
  const growing = value.anchors.filter((a) => continuing?.has(a.id));
  const others = continuing ? value.anchors.filter((a) => !continuing.has(a.id)) : value.anchors;
  const mapped = mapAnchorRanges(others, tr.mapping);
  const grown = growing.map((a) => ({ ...a, from: tr.mapping.map(a.from, 1), to: tr.mapping.map(a.to, 1) }));
  const anchors = [...mapped.anchors, ...grown];
  // Orphans keep following the place their words were, leaning left, so that words put back
  // there (an undo) are found at exactly that place.
  const carried = value.orphans.map((o) => ({ ...o, at: tr.mapping.map(o.at, -1) }));

  let overtyping: TrackedAnchors['overtyping'] = null;
  if (edit && edit.newEnd > edit.oldStart) {
    const ids = new Set<string>();
    for (const before of value.anchors) {
      const replacedInside = edit.oldEnd > edit.oldStart && edit.oldStart >= before.from && edit.oldEnd <= before.to;
      if (!replacedInside && !continuing?.has(before.id)) continue;
      const after = anchors.find((a) => a.id === before.id);
      if (after && after.to === edit.newEnd) ids.add(before.id);
    }
    if (ids.size > 0) overtyping = { ids, at: edit.newEnd };
  }
  return { anchors, orphans: [...carried, ...mapped.orphans], overtyping };
}

export function anchorTrackingPlugin(initial: readonly TrackedTarget[]): Plugin<TrackedAnchors> {
  return new Plugin<TrackedAnchors>({
    key: anchorTrackingKey,
    state: {
      init: () => ({ anchors: initial, orphans: [], overtyping: null }),
      apply: (tr, value) => mapTrackedAnchors(value, tr),
    },
  });
}

export function trackedAnchors(state: EditorState): TrackedAnchors {
  return anchorTrackingKey.getState(state) ?? { anchors: [], orphans: [], overtyping: null };
}

/** The key a tracked target goes by: which annotation, and whether its own target or which link. */
export function trackingId(annotationId: string, slot: 'target' | number): string {
  return slot === 'target' ? annotationId : `${annotationId}#link${slot}`;
}

export function parseTrackingId(id: string): { annotationId: string; slot: 'target' | number } {
  const match = /^(.*)#link(\d+)$/.exec(id);
  return match ? { annotationId: match[1]!, slot: Number(match[2]) } : { annotationId: id, slot: 'target' };
}
