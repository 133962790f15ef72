/**
 * Changing how a transcription is divided into sheets. The transcription, the document's sheet
 * count, the sheets its scans belong to and the revision recording the change are written
 * together, in one transaction.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { TRANSCRIPTION_SCHEMA_VERSION } from '../../shared/transcription/schema';
import type { Creator } from '../../shared/annotation';
import type { MarginaliaDatabase } from './database';
import { storeMovedTargets, type MovedTarget } from './annotation-store';
import { appendRevision, updateRevision } from './revision-store';
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
  change: { creator: Creator; summary: string },
): Promise<SheetLayoutSnapshot> {
  return db.transaction('rw', [db.transcriptions, db.documents, db.scans, db.revisions], async () => {
    const before = await db.transcriptions.get(documentId);
    const document = await db.documents.get(documentId);
    if (!before || !document) throw new Error('The document is no longer in the library.');
    const scans = await db.scans.where('documentId').equals(documentId).toArray();
    const now = nowIso();
    const json = doc.toJSON() as Record<string, unknown>;
    await db.transcriptions.put({ documentId, schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc: json, modified: now });
    await appendRevision(db, { documentId, creator: change.creator, summary: change.summary, doc: json });
    await db.documents.update(documentId, { sheetCount: doc.childCount, modified: now });
    for (const scan of scans) {
      const sheetIndex = Math.min(doc.childCount - 1, scanSheet(scan.sheetIndex));
      if (sheetIndex !== scan.sheetIndex) await db.scans.update(scan.id, { sheetIndex });
    }
    return { doc: before.doc, sheetCount: document.sheetCount, scanSheets: scans.map((s) => [s.id, s.sheetIndex]) };
  });
}

/** Puts a sheet layout back as it was (an undo, recorded as a revision like any change). */
export async function restoreSheetLayout(
  db: MarginaliaDatabase,
  documentId: string,
  snapshot: SheetLayoutSnapshot,
  change: { creator: Creator; summary: string },
): Promise<void> {
  await db.transaction('rw', [db.transcriptions, db.documents, db.scans, db.revisions], async () => {
    const now = nowIso();
    await db.transcriptions.put({ documentId, schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc: snapshot.doc, modified: now });
    await appendRevision(db, { documentId, creator: change.creator, summary: change.summary, doc: snapshot.doc });
    await db.documents.update(documentId, { sheetCount: snapshot.sheetCount, modified: now });
    for (const [id, sheetIndex] of snapshot.scanSheets) await db.scans.update(id, { sheetIndex });
  });
}

/** One autosave of an editing session: the text as it now stands and what changed with it. */
export interface EditSessionSave {
  documentId: string;
  creator: Creator;
  /** The session's revision once its first save made it; null before. */
  revisionId: string | null;
  summary: string;
  doc: ProseMirrorNode;
  /** Annotation targets whose words moved, changed or were deleted, keyed by annotation id and slot. */
  targets: readonly MovedTarget[];
  /** How scans' sheet indices change (sheets split or merged since the last save), or null. */
  scanSheet: ((old: number) => number) | null;
}

/**
 * Saves an editing session's text, its revision, the annotation targets that moved with the
 * text and the scans that moved with their sheets, all in one transaction: after a crash the
 * library is as of the last save, never a text whose annotations point at the wrong words.
 * Moving an annotation with its words is not an edit of the annotation: its revision and
 * modified time stay, so that merging packs does not see a conflict where nobody wrote.
 * Answers the session's revision id.
 */
export async function saveEditSession(db: MarginaliaDatabase, save: EditSessionSave): Promise<string> {
  const { documentId } = save;
  return db.transaction('rw', [db.transcriptions, db.documents, db.scans, db.revisions, db.annotations], async () => {
    const document = await db.documents.get(documentId);
    if (!document) throw new Error('The document is no longer in the library.');
    const now = nowIso();
    const json = save.doc.toJSON() as Record<string, unknown>;
    await db.transcriptions.put({ documentId, schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc: json, modified: now });
    await db.documents.update(documentId, { sheetCount: save.doc.childCount, modified: now });
    let revisionId = save.revisionId;
    if (revisionId && (await db.revisions.get(revisionId))) await updateRevision(db, revisionId, { summary: save.summary, doc: json });
    else revisionId = (await appendRevision(db, { documentId, creator: save.creator, summary: save.summary, doc: json })).id;
    await storeMovedTargets(db, save.targets);
    if (save.scanSheet) {
      const scans = await db.scans.where('documentId').equals(documentId).toArray();
      for (const scan of scans) {
        const sheetIndex = Math.min(save.doc.childCount - 1, save.scanSheet(scan.sheetIndex));
        if (sheetIndex !== scan.sheetIndex) await db.scans.update(scan.id, { sheetIndex });
      }
    }
    return revisionId;
  });
}
