/**
 * Revisions of a transcription: every saved change is one (who, when, what), holding the whole
 * transcription as it stood after the change, so any earlier state can be viewed and restored.
 *
 * An editing session is one revision: autosaves during the session update it, and the next
 * session starts a new one. Sheet splits and merges from the reading view, and restores, are a
 * revision each. Writes here always run inside the caller's transaction, beside the change of
 * the transcription itself, so the two never disagree.
 */
import type { Creator } from '../../shared/annotation';
import { TRANSCRIPTION_SCHEMA_VERSION, type StoredTranscription } from '../../shared/transcription/schema';
import type { MarginaliaDatabase } from './database';
import { newId, nowIso } from './ids';

export interface RevisionRecord {
  id: string;
  documentId: string;
  /** 1 for the transcription as imported, then counting up. */
  number: number;
  creator: Creator;
  /** ISO 8601 UTC: when the change began, and when it was last saved. */
  created: string;
  modified: string;
  /** What changed, in words: "Typed 12 characters; marked “MOUSE-ON” as corrected". */
  summary: string;
  /** The transcription after the change. */
  transcription: StoredTranscription;
  /** Set when this revision put back an earlier one. */
  restoredFrom: number | null;
}

/** Who made the first revision of a document that came in by import rather than by a person's edit. */
export const IMPORT_CREATOR: Creator = { id: 'urn:marginalia:import', name: 'Imported' };

/** The record of a transcription as it came in: revision 1. */
export function firstRevision(documentId: string, transcription: StoredTranscription, summary: string, at = nowIso()): RevisionRecord {
  return {
    id: newId(),
    documentId,
    number: 1,
    creator: IMPORT_CREATOR,
    created: at,
    modified: at,
    summary,
    transcription: { schemaVersion: transcription.schemaVersion, doc: transcription.doc },
    restoredFrom: null,
  };
}

/** A document's revisions, newest first. */
export function listRevisions(db: MarginaliaDatabase, documentId: string): Promise<RevisionRecord[]> {
  return db.revisions.where('[documentId+number]').between([documentId, -Infinity], [documentId, Infinity]).reverse().toArray();
}

/**
 * Adds a revision after the document's newest. Call inside a transaction that includes
 * `db.revisions` and writes the same transcription.
 */
export async function appendRevision(
  db: MarginaliaDatabase,
  input: { documentId: string; creator: Creator; summary: string; doc: Record<string, unknown>; restoredFrom?: number | null },
): Promise<RevisionRecord> {
  const newest = await db.revisions.where('[documentId+number]').between([input.documentId, -Infinity], [input.documentId, Infinity]).last();
  const now = nowIso();
  const record: RevisionRecord = {
    id: newId(),
    documentId: input.documentId,
    number: (newest?.number ?? 0) + 1,
    creator: input.creator,
    created: now,
    modified: now,
    summary: input.summary,
    transcription: { schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc: input.doc },
    restoredFrom: input.restoredFrom ?? null,
  };
  await db.revisions.add(record);
  return record;
}

/** Brings a session's revision up to date with the latest autosave. Call inside a transaction. */
export async function updateRevision(db: MarginaliaDatabase, id: string, change: { summary: string; doc: Record<string, unknown> }): Promise<void> {
  await db.revisions.update(id, {
    summary: change.summary,
    modified: nowIso(),
    transcription: { schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc: change.doc },
  });
}

/**
 * Makes an earlier revision the current transcription, as a new revision (so the restore can
 * itself be undone by restoring the one before). Orphans are released: the words they quoted
 * may be back, and opening the document looks for every annotation's words again.
 */
export async function restoreRevision(db: MarginaliaDatabase, revision: RevisionRecord, creator: Creator): Promise<RevisionRecord> {
  const { documentId } = revision;
  return db.transaction('rw', [db.transcriptions, db.documents, db.revisions, db.annotations, db.scans], async () => {
    const now = nowIso();
    const doc = revision.transcription.doc;
    await db.transcriptions.put({ documentId, schemaVersion: revision.transcription.schemaVersion, doc, modified: now });
    const sheetCount = Array.isArray(doc.content) ? doc.content.length : 1;
    await db.documents.update(documentId, { sheetCount, modified: now });
    await db.scans
      .where('documentId')
      .equals(documentId)
      .modify((scan) => {
        if (scan.sheetIndex >= sheetCount) scan.sheetIndex = sheetCount - 1;
      });
    await db.annotations
      .where('documentId')
      .equals(documentId)
      .modify((annotation) => {
        if (annotation.target.type === 'text') delete annotation.target.orphaned;
        for (const link of annotation.links) delete link.orphaned;
      });
    return appendRevision(db, { documentId, creator, summary: `Restored revision ${revision.number}`, doc, restoredFrom: revision.number });
  });
}
