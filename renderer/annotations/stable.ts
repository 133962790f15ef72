/**
 * Keeping what did not change the same object, so that a change to one annotation (a body
 * saved, a card's language changed) costs one annotation's work: the live query of a document's
 * annotations answers 10,000 new objects after every write, and everything keyed on them —
 * anchors, reading order, highlights (a ProseMirror decoration set), memoised cards — would be
 * computed again for all of them.
 */
import { useRef } from 'react';
import type { Annotation, TextTarget } from '../../shared/annotation';
import type { TextIndex } from '../../shared/anchoring/text-index';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Highlight } from '../transcription/highlight-plugin';
import { anchorTextTarget, type Anchor, type AnchorMap } from './anchors';

/**
 * Whether a stored annotation is the one seen before. Every edit bumps the revision and the
 * modified time; the editor's moved targets and a merge's conflicts or lineage do not, so every
 * field but the body (which changes only with the revision, or with the lineage) is compared.
 */
function sameRecord(a: Annotation, b: Annotation): boolean {
  if (a.revision !== b.revision || a.modified !== b.modified) return false;
  const keys = Object.keys(b) as Array<keyof Annotation>;
  if (keys.length !== Object.keys(a).length) return false;
  for (const key of keys) {
    if (key === 'body') continue;
    const x: unknown = a[key];
    const y: unknown = b[key];
    if (x === y) continue;
    if (!sameValue(x, y)) return false;
  }
  return true;
}

/** Deep equality of values as stored (JSON-like: no dates, maps or cycles). */
function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    if (!sameValue((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The annotations, each the object given before when its record did not change; the array given before when none did. */
export function useStableAnnotations(annotations: Annotation[] | undefined): Annotation[] | undefined {
  const previous = useRef<{ input: Annotation[]; list: Annotation[]; byId: Map<string, Annotation> } | null>(null);
  if (!annotations) return annotations;
  const before = previous.current;
  if (before?.input === annotations) return before.list;
  let changed = !before || before.list.length !== annotations.length;
  const stable = annotations.map((a, i) => {
    const old = before?.byId.get(a.id);
    if (old && sameRecord(old, a)) {
      if (before!.list[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return a;
  });
  if (!changed) {
    previous.current = { ...before!, input: annotations };
    return before!.list;
  }
  previous.current = { input: annotations, list: stable, byId: new Map(stable.map((a) => [a.id, a])) };
  return stable;
}

const NO_ANCHORS: AnchorMap = new Map();

/**
 * `anchorAnnotations`, with each target's anchor kept for as long as the text and the target
 * object are the same (useStableAnnotations keeps the objects), and the map given before when
 * no anchor changed.
 */
export function useAnchors(doc: ProseMirrorNode | null, index: TextIndex | null, annotations: readonly Annotation[] | undefined): AnchorMap {
  const cache = useRef<{ doc: ProseMirrorNode | null; byTarget: WeakMap<TextTarget, Anchor | null>; map: AnchorMap }>({
    doc: null,
    byTarget: new WeakMap(),
    map: new Map(),
  });
  const current = cache.current;
  if (!doc || !index || !annotations) return NO_ANCHORS;
  if (current.doc !== doc) {
    current.doc = doc;
    current.byTarget = new WeakMap();
  }
  const map = new Map<string, Anchor | null>();
  let changed = false;
  for (const annotation of annotations) {
    const target = annotation.target;
    if (target.type !== 'text') continue;
    let anchor = current.byTarget.get(target);
    if (anchor === undefined) {
      anchor = anchorTextTarget(doc, index, target);
      current.byTarget.set(target, anchor);
    }
    map.set(annotation.id, anchor);
    if (!changed && current.map.get(annotation.id) !== anchor) changed = true;
  }
  if (!changed && map.size === current.map.size) return current.map;
  current.map = map;
  return map;
}

function sameHighlight(a: Highlight, b: Highlight): boolean {
  return a.annotationId === b.annotationId && a.kind === b.kind && a.from === b.from && a.to === b.to && a.colour === b.colour;
}

/** The highlights given before when these are the same, so that the transcription keeps its decorations. */
export function useStableHighlights(highlights: Highlight[]): Highlight[] {
  const previous = useRef<Highlight[]>(highlights);
  const before = previous.current;
  if (before !== highlights && (before.length !== highlights.length || highlights.some((h, i) => !sameHighlight(h, before[i]!)))) {
    previous.current = highlights;
  }
  return previous.current;
}
