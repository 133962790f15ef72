/**
 * Changing how a transcription is divided into sheets. The transcription, the document's sheet
 * count and the sheets its scans belong to change together, in one transaction.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { TRANSCRIPTION_SCHEMA_VERSION } from '../../shared/transcription/schema';
import type { MarginaliaDatabase } from './database';
import { nowIso } from './ids';

export interface SheetLayoutSnapshot {
  doc: Record<string, unknown>;
  sheetCount: number;
  scanSheets: Array<[string, number]>;
}

/**
 * Stores a new sheet layout, moving each scan with its sheet; answers the layout before the
 * change, for undo.
 */
export async function saveSheetLayout(
  db: MarginaliaDatabase,
  documentId: string,
  doc: ProseMirrorNode,
  scanSheet: (old: number) => number,
): Promise<SheetLayoutSnapshot> {
  return db.transaction('rw', [db.transcriptions, db.documents, db.scans], async () => {
    const before = await db.transcriptions.get(documentId);
    const document = await db.documents.get(documentId);
    if (!before || !document) throw new Error('The document is no longer in the library.');
    const scans = await db.scans.where('documentId').equals(documentId).toArray();
    const now = nowIso();
    await db.transcriptions.put({
      documentId,
      schemaVersion: TRANSCRIPTION_SCHEMA_VERSION,
      doc: doc.toJSON() as Record<string, unknown>,
      modified: now,
    });
    await db.documents.update(documentId, { sheetCount: doc.childCount, modified: now });
    for (const scan of scans) {
      const sheetIndex = Math.min(doc.childCount - 1, scanSheet(scan.sheetIndex));
      if (sheetIndex !== scan.sheetIndex) await db.scans.update(scan.id, { sheetIndex });
    }
    return { doc: before.doc, sheetCount: document.sheetCount, scanSheets: scans.map((s) => [s.id, s.sheetIndex]) };
  });
}

/** Puts a sheet layout back as it was. */
export async function restoreSheetLayout(db: MarginaliaDatabase, documentId: string, snapshot: SheetLayoutSnapshot): Promise<void> {
  await db.transaction('rw', [db.transcriptions, db.documents, db.scans], async () => {
    const now = nowIso();
    await db.transcriptions.put({ documentId, schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc: snapshot.doc, modified: now });
    await db.documents.update(documentId, { sheetCount: snapshot.sheetCount, modified: now });
    for (const [id, sheetIndex] of snapshot.scanSheets) await db.scans.update(id, { sheetIndex });
  });
}
