/**
 * Where each annotation of a document lies: for words, their place in the transcription, found
 * from the selectors; for a region of a scan, the sheet it was drawn on. Passages linked to an
 * annotation are anchored the same way as words.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { isTextTarget, type Annotation, type TextTarget } from '../../shared/annotation';
import { describeTextRange, resolveTextQuote, type AnchorMethod } from '../../shared/anchoring/selectors';
import type { TextIndex } from '../../shared/anchoring/text-index';
import type { MovedTarget } from '../db/annotation-store';
import type { Highlight } from '../transcription/highlight-plugin';
import { sheetIndexAt, sheetStarts } from '../transcription/sheets';

export interface Anchor {
  /** Plain-text offsets. */
  start: number;
  end: number;
  /** ProseMirror positions. */
  from: number;
  to: number;
  sheetIndex: number;
  /** How the words were found: at the stored position, by the quote, or fuzzily. */
  method: AnchorMethod;
}

/**
 * Anchors of the annotations on words, by annotation id; null for an annotation whose words
 * are no longer in the text. Region annotations have no entry.
 */
export type AnchorMap = ReadonlyMap<string, Anchor | null>;

/** Finds a target's words; null for an orphan (flagged by an edit, or not found). */
export function anchorTextTarget(doc: ProseMirrorNode, index: TextIndex, target: TextTarget): Anchor | null {
  if (target.orphaned) return null;
  const found = resolveTextQuote(index.text, target.quote, target.position);
  if (!found) return null;
  const from = index.posAt(found.start, 1);
  return { start: found.start, end: found.end, from, to: index.posAt(found.end, -1), sheetIndex: sheetIndexAt(doc, from), method: found.method };
}

/**
 * The targets whose stored selectors no longer describe the text (the transcription changed
 * outside this editor: a restored revision, an imported pack), as they should now be stored:
 * found again by quote, with fresh selectors, or flagged as orphans. Storing them means the
 * search is done once, and an orphan stays one rather than drifting to similar words later.
 */
export function reanchoredTargets(
  doc: ProseMirrorNode,
  index: TextIndex,
  annotations: readonly Annotation[],
  anchors: AnchorMap,
): MovedTarget[] {
  const changes: MovedTarget[] = [];
  const check = (annotationId: string, slot: 'target' | number, target: TextTarget): void => {
    if (target.orphaned) return;
    // The main target was just anchored (anchorAnnotations); links are anchored here.
    const anchor = slot === 'target' ? anchors.get(annotationId) : anchorTextTarget(doc, index, target);
    if (anchor?.method === 'position') return;
    changes.push({
      annotationId,
      slot,
      target: anchor
        ? { ...target, ...describeTextRange(index.text, { start: anchor.start, end: anchor.end }) }
        : { ...target, orphaned: true },
    });
  };
  for (const annotation of annotations) {
    if (isTextTarget(annotation.target)) check(annotation.id, 'target', annotation.target);
    annotation.links.forEach((link, i) => check(annotation.id, i, link));
  }
  return changes;
}

export function anchorAnnotations(doc: ProseMirrorNode, index: TextIndex, annotations: readonly Annotation[]): AnchorMap {
  const anchors = new Map<string, Anchor | null>();
  for (const annotation of annotations) {
    if (isTextTarget(annotation.target)) anchors.set(annotation.id, anchorTextTarget(doc, index, annotation.target));
  }
  return anchors;
}

/**
 * Annotations in reading order: words by where they stand, a region at the start of its sheet;
 * annotations whose words could not be found come last.
 */
export function inReadingOrder(
  doc: ProseMirrorNode,
  index: TextIndex,
  annotations: readonly Annotation[],
  anchors: AnchorMap,
): Annotation[] {
  const starts = sheetStarts(doc);
  const key = (a: Annotation): [number, number] => {
    if (!isTextTarget(a.target)) {
      const sheetStart = starts[Math.min(a.target.sheetIndex, starts.length - 1)] ?? 0;
      return [index.offsetAt(sheetStart), -1];
    }
    const anchor = anchors.get(a.id);
    return anchor ? [anchor.start, anchor.end] : [Number.MAX_SAFE_INTEGER, 0];
  };
  // Each key once, not once per comparison: a region's key walks the text index.
  const keyed = annotations.map((annotation) => ({ annotation, key: key(annotation) }));
  keyed.sort(
    (a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.annotation.created.localeCompare(b.annotation.created),
  );
  return keyed.map((k) => k.annotation);
}

/** The highlights of annotations on words, by kind, or in their author's colour when `colours` are given. */
export function highlightsFor(annotations: readonly Annotation[], anchors: AnchorMap, colours?: ReadonlyMap<string, string>): Highlight[] {
  const highlights: Highlight[] = [];
  for (const annotation of annotations) {
    const anchor = anchors.get(annotation.id);
    const colour = colours?.get(annotation.creator.id);
    if (anchor) highlights.push({ annotationId: annotation.id, kind: annotation.kind, from: anchor.from, to: anchor.to, ...(colour ? { colour } : {}) });
  }
  return highlights;
}

/** The passages linked to annotations (a region's transcribed words), anchored. */
export function linkHighlightsFor(doc: ProseMirrorNode, index: TextIndex, annotations: readonly Annotation[]): Highlight[] {
  const highlights: Highlight[] = [];
  for (const annotation of annotations) {
    for (const link of annotation.links) {
      const anchor = anchorTextTarget(doc, index, link);
      if (anchor) highlights.push({ annotationId: annotation.id, kind: 'link', from: anchor.from, to: anchor.to });
    }
  }
  return highlights;
}

/** Whether any annotation's stored target no longer holds at its position and is not yet an orphan. */
export function needsReanchoring(annotations: readonly Annotation[], anchors: AnchorMap): boolean {
  return annotations.some((a) => isTextTarget(a.target) && !a.target.orphaned && anchors.get(a.id)?.method !== 'position');
}
