/** Deleting an annotation: it becomes a tombstone. Undo: the tombstone is lifted. */
import { ANNOTATION_KIND_LABELS, type Annotation } from '../../shared/annotation';
import { setAnnotationDeleted } from '../db/annotation-store';
import type { MarginaliaDatabase } from '../db/database';
import type { UndoStack } from './undo-stack';

export async function deleteAnnotationAction(
  db: MarginaliaDatabase,
  undoStack: UndoStack,
  annotation: Annotation,
): Promise<void> {
  await setAnnotationDeleted(db, annotation.id, true);
  undoStack.push({
    label: `Delete ${ANNOTATION_KIND_LABELS[annotation.kind].toLowerCase()}`,
    undo: async () => void (await setAnnotationDeleted(db, annotation.id, false)),
  });
}
