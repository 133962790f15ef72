/** Annotating selected words. Undo: the new annotation becomes a tombstone. */
import { ANNOTATION_KIND_LABELS, type Annotation } from '../../shared/annotation';
import { createAnnotation, setAnnotationDeleted, type NewAnnotation } from '../db/annotation-store';
import type { MarginaliaDatabase } from '../db/database';
import type { UndoStack } from './undo-stack';

export async function createAnnotationAction(
  db: MarginaliaDatabase,
  undoStack: UndoStack,
  input: NewAnnotation,
): Promise<Annotation> {
  const annotation = await createAnnotation(db, input);
  undoStack.push({
    label: `Add ${ANNOTATION_KIND_LABELS[annotation.kind].toLowerCase()}`,
    undo: async () => void (await setAnnotationDeleted(db, annotation.id, true)),
  });
  return annotation;
}
