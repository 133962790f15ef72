/** Editing a document's metadata. Undo: the replaced values are written back. */
import type { DocumentMetadata } from '../../shared/document-metadata';
import type { MarginaliaDatabase } from '../db/database';
import { saveMetadata } from '../db/document-store';
import type { UndoStack } from './undo-stack';

export async function editMetadataAction(
  db: MarginaliaDatabase,
  undoStack: UndoStack,
  documentId: string,
  changes: Partial<DocumentMetadata>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  const previous = await saveMetadata(db, documentId, changes);
  undoStack.push({ label: 'Edit metadata', undo: async () => void (await saveMetadata(db, documentId, previous)) });
}
