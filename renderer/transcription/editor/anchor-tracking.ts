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
import { mapAnchorRanges, mapThroughChange, singleChangeOf, type OrphanedRange, type SingleChange } from '../../../shared/anchoring/mapped-anchors';
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

/**
 * The changes not yet applied to the anchors, newest first: a persistent list, so that every
 * editor state keeps its own and appending one for the next state copies nothing.
 */
interface PendingChange {
  change: SingleChange;
  previous: PendingChange | null;
  count: number;
}

/**
 * At this many pending changes, the anchors are brought up to date with the next one, so that
 * reading them never has an unbounded list to go through. Most of that work is copying every
 * moved anchor, whatever the number of changes, so it is done seldom.
 */
const MAX_PENDING = 256;

/**
 * Tracked anchors as of a base, with the changes since then kept pending: a keystroke adds one
 * (or extends the last, while typing goes on at its end) and maps no anchor. They are applied,
 * change by change as the transactions would have applied them, when the anchors are read (saving
 * the carried targets) or an edit needs them (overtyping, a transaction of several steps).
 */
class PendingTrackedAnchors implements TrackedAnchors {
  private current: { anchors: readonly TrackedTarget[]; orphans: readonly OrphanedRange<TrackedTarget>[] } | null = null;

  constructor(
    private readonly base: { anchors: readonly TrackedTarget[]; orphans: readonly OrphanedRange<TrackedTarget>[] },
    readonly pending: PendingChange | null,
    readonly overtyping: TrackedAnchors['overtyping'],
  ) {
    if (!pending) this.current = base;
  }

  get anchors(): readonly TrackedTarget[] {
    return this.upToDate().anchors;
  }

  get orphans(): readonly OrphanedRange<TrackedTarget>[] {
    return this.upToDate().orphans;
  }

  /** The anchors with every pending change applied (once; kept). */
  upToDate(): { anchors: readonly TrackedTarget[]; orphans: readonly OrphanedRange<TrackedTarget>[] } {
    if (!this.current) {
      const changes: SingleChange[] = [];
      for (let p = this.pending; p; p = p.previous) changes.push(p.change);
      changes.reverse();
      this.current = applyChanges(this.base.anchors, this.base.orphans, changes);
    }
    return this.current;
  }

  /** The same anchors and pending changes, overtyping nothing or something else. */
  withOvertyping(overtyping: TrackedAnchors['overtyping']): PendingTrackedAnchors {
    const next = new PendingTrackedAnchors(this.base, this.pending, overtyping);
    next.current = this.current;
    return next;
  }

  /** These anchors with one more change pending. */
  withChange(change: SingleChange): PendingTrackedAnchors {
    if (this.current && this.pending) return new PendingTrackedAnchors(this.current, { change, previous: null, count: 1 }, null);
    const last = this.pending;
    // Typing goes on where the last insertion ended: one insertion of both maps every position as
    // the two did one after the other (only for insertions: a deletion may orphan an anchor, and
    // when it does the orphan is remembered as it was just before).
    if (last && last.change.start === last.change.oldEnd && change.start === change.oldEnd && change.start === last.change.newEnd) {
      const merged = { start: last.change.start, oldEnd: last.change.oldEnd, newEnd: change.newEnd };
      return new PendingTrackedAnchors(this.base, { change: merged, previous: last.previous, count: last.count }, null);
    }
    return new PendingTrackedAnchors(this.base, { change, previous: last, count: (last?.count ?? 0) + 1 }, null);
  }
}

/**
 * Anchors (and orphans) carried through changes one after the other, exactly as
 * `mapAnchorRanges` carries them through one transaction after another: an anchor whose words
 * are all gone after a change becomes an orphan as it was before that change, and the orphans
 * come in the order the changes made them.
 */
function applyChanges(
  anchors: readonly TrackedTarget[],
  orphans: readonly OrphanedRange<TrackedTarget>[],
  changes: readonly SingleChange[],
): { anchors: TrackedTarget[]; orphans: OrphanedRange<TrackedTarget>[] } {
  const k = changes.length;
  const carried: TrackedTarget[] = [];
  const orphaned: OrphanedRange<TrackedTarget>[][] = [];
  for (const anchor of anchors) {
    let from = anchor.from;
    let to = anchor.to;
    let step = 0;
    for (; step < k; step++) {
      const change = changes[step]!;
      if (from < to) {
        const newFrom = mapThroughChange(from, 1, change);
        const newTo = mapThroughChange(to, -1, change);
        if (newFrom < newTo) {
          from = newFrom;
          to = newTo;
          continue;
        }
      }
      break;
    }
    if (step === k) {
      carried.push(from === anchor.from && to === anchor.to ? anchor : { ...anchor, from, to });
      continue;
    }
    let at = mapThroughChange(from, -1, changes[step]!);
    for (let later = step + 1; later < k; later++) at = mapThroughChange(at, -1, changes[later]!);
    (orphaned[step] ??= []).push(from === anchor.from && to === anchor.to ? { ...anchor, at } : { ...anchor, from, to, at });
  }
  const allOrphans: OrphanedRange<TrackedTarget>[] = [];
  for (const o of orphans) {
    let at = o.at;
    for (const change of changes) at = mapThroughChange(at, -1, change);
    allOrphans.push(at === o.at ? o : { ...o, at });
  }
  for (const made of orphaned) if (made) for (const o of made) allOrphans.push(o);
  return { anchors: carried, orphans: allOrphans };
}

export function mapTrackedAnchors(value: TrackedAnchors, tr: Transaction): TrackedAnchors {
  const tracked = value instanceof PendingTrackedAnchors ? value : new PendingTrackedAnchors(value, null, value.overtyping);
  if (!tr.docChanged) return tr.selectionSet && tracked.overtyping ? tracked.withOvertyping(null) : tracked;
  const edit = singleReplacement(tr);
  const continuing = tracked.overtyping && edit && edit.oldStart === edit.oldEnd && edit.oldStart === tracked.overtyping.at ? tracked.overtyping.ids : null;
  const replacing = !!edit && edit.newEnd > edit.oldStart && edit.oldEnd > edit.oldStart;
  // Typing, a backspace: one change of one range that overtypes nothing is only noted; the
  // anchors follow it when they are next needed.
  const change = singleChangeOf(tr.mapping);
  if (change && !continuing && !replacing) {
    const next = tracked.withChange(change);
    return (next.pending?.count ?? 0) < MAX_PENDING ? next : new PendingTrackedAnchors(next.upToDate(), null, null);
  }

  const { anchors: before, orphans: orphansBefore } = tracked.upToDate();
  const map = change ? (pos: number, assoc: number) => mapThroughChange(pos, assoc, change) : (pos: number, assoc: number) => tr.mapping.map(pos, assoc);
  let anchors: TrackedTarget[];
  let newOrphans: OrphanedRange<TrackedTarget>[];
  if (!continuing) {
    ({ anchors, orphans: newOrphans } = mapAnchorRanges(before, tr.mapping));
  } else {
    // The anchors being overtyped grow with the letters typed at their end: they are mapped
    // with both edges leaning right, and come after the others.
    const others: TrackedTarget[] = [];
    const grown: TrackedTarget[] = [];
    for (const a of before) {
      if (continuing.has(a.id)) grown.push({ ...a, from: map(a.from, 1), to: map(a.to, 1) });
      else others.push(a);
    }
    ({ anchors, orphans: newOrphans } = mapAnchorRanges(others, tr.mapping));
    for (const a of grown) anchors.push(a);
  }
  // Orphans keep following the place their words were, leaning left, so that words put back
  // there (an undo) are found at exactly that place.
  let orphans = orphansBefore;
  if (orphansBefore.length > 0 || newOrphans.length > 0) {
    const all: OrphanedRange<TrackedTarget>[] = [];
    for (const o of orphansBefore) {
      const at = map(o.at, -1);
      all.push(at === o.at ? o : { ...o, at });
    }
    for (const o of newOrphans) all.push(o);
    orphans = all;
  }

  let overtyping: TrackedAnchors['overtyping'] = null;
  // Only a replacement inside an anchor, or letters continuing an overtyping, can overtype.
  if (edit && (replacing || (continuing && edit.newEnd > edit.oldStart))) {
    const ids = new Set<string>();
    let byId: Map<string, TrackedTarget> | null = null;
    for (const a of before) {
      const replacedInside = edit.oldEnd > edit.oldStart && edit.oldStart >= a.from && edit.oldEnd <= a.to;
      if (!replacedInside && !continuing?.has(a.id)) continue;
      if (!byId) {
        byId = new Map();
        for (const b of anchors) if (!byId.has(b.id)) byId.set(b.id, b);
      }
      const after = byId.get(a.id);
      if (after && after.to === edit.newEnd) ids.add(a.id);
    }
    if (ids.size > 0) overtyping = { ids, at: edit.newEnd };
  }
  return new PendingTrackedAnchors({ anchors, orphans }, null, overtyping);
}

export function anchorTrackingPlugin(initial: readonly TrackedTarget[]): Plugin<TrackedAnchors> {
  return new Plugin<TrackedAnchors>({
    key: anchorTrackingKey,
    state: {
      init: () => new PendingTrackedAnchors({ anchors: initial, orphans: [] }, null, null),
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
