/**
 * Where each annotation of a document lies in its transcription, found from its selectors.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Annotation } from '../../shared/annotation';
import { resolveTextQuote } from '../../shared/anchoring/selectors';
import type { TextIndex } from '../../shared/anchoring/text-index';
import type { Highlight } from '../transcription/highlight-plugin';
import { sheetIndexAt } from '../transcription/sheets';

export interface Anchor {
  /** Plain-text offsets. */
  start: number;
  end: number;
  /** ProseMirror positions. */
  from: number;
  to: number;
  sheetIndex: number;
}

/** Anchors by annotation id; null for an annotation whose words are no longer in the text. */
export type AnchorMap = ReadonlyMap<string, Anchor | null>;

export function anchorAnnotations(doc: ProseMirrorNode, index: TextIndex, annotations: readonly Annotation[]): AnchorMap {
  const anchors = new Map<string, Anchor | null>();
  for (const annotation of annotations) {
    const found = resolveTextQuote(index.text, annotation.target.quote, annotation.target.position);
    if (!found) {
      anchors.set(annotation.id, null);
      continue;
    }
    const from = index.posAt(found.start, 1);
    anchors.set(annotation.id, {
      start: found.start,
      end: found.end,
      from,
      to: index.posAt(found.end, -1),
      sheetIndex: sheetIndexAt(doc, from),
    });
  }
  return anchors;
}

/** Annotations in reading order; those that could not be anchored come last. */
export function inTextOrder(annotations: readonly Annotation[], anchors: AnchorMap): Annotation[] {
  const key = (a: Annotation): number => anchors.get(a.id)?.start ?? Number.MAX_SAFE_INTEGER;
  return [...annotations].sort((a, b) => key(a) - key(b) || (anchors.get(a.id)?.end ?? 0) - (anchors.get(b.id)?.end ?? 0) || a.created.localeCompare(b.created));
}

export function highlightsFor(annotations: readonly Annotation[], anchors: AnchorMap): Highlight[] {
  const highlights: Highlight[] = [];
  for (const annotation of annotations) {
    const anchor = anchors.get(annotation.id);
    if (anchor) highlights.push({ annotationId: annotation.id, kind: annotation.kind, from: anchor.from, to: anchor.to });
  }
  return highlights;
}
