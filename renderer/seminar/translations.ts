/**
 * Everybody's translations of one passage: the translations whose words overlap the given
 * one's, for reading side by side in a seminar.
 */
import type { Annotation } from '../../shared/annotation';
import type { AnchorMap } from '../annotations/anchors';

/** The translations overlapping `of` (itself included), in order of their authors' names. */
export function translationsAlongside(of: Annotation, annotations: readonly Annotation[], anchors: AnchorMap): Annotation[] {
  const anchor = anchors.get(of.id);
  if (of.kind !== 'translation' || !anchor) return [];
  return annotations
    .filter((a) => {
      if (a.kind !== 'translation' || a.deleted) return false;
      const other = anchors.get(a.id);
      return !!other && other.start < anchor.end && anchor.start < other.end;
    })
    .sort((a, b) => a.creator.name.localeCompare(b.creator.name) || a.created.localeCompare(b.created));
}
