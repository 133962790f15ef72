/** Changing a document's metadata, in one transaction, keeping what it replaced for undo. */
import type { DocumentMetadata } from '../../shared/document-metadata';
import type { MarginaliaDatabase } from './database';
import { nowIso } from './ids';

export async function saveMetadata(
  db: MarginaliaDatabase,
  documentId: string,
  changes: Partial<DocumentMetadata>,
): Promise<Partial<DocumentMetadata>> {
  return db.transaction('rw', db.documents, async () => {
    const current = await db.documents.get(documentId);
    if (!current) throw new Error('The document is no longer in the library.');
    const previous: Partial<DocumentMetadata> = {};
    for (const key of Object.keys(changes) as Array<keyof DocumentMetadata>) {
      (previous as Record<string, unknown>)[key] = current[key];
    }
    await db.documents.update(documentId, { ...changes, modified: nowIso() });
    return previous;
  });
}
