/**
 * Importing text files as new documents: every file is read and parsed first, and only when
 * all of them can be read are they written, in one transaction.
 */
import { parseDocumentFile } from '../../shared/importers/import-document';
import { MAX_TEXT_FILE_BYTES } from '../../shared/importers/import-error';
import { TRANSCRIPTION_SCHEMA_VERSION, transcriptionFromSheets } from '../../shared/transcription/schema';
import type { MarginaliaDatabase } from '../db/database';
import { newId, nowIso } from '../db/ids';
import type { DocumentRecord, TranscriptionRecord } from '../db/records';
import { asImportError, ImportFailure } from './import-failure';
import { readWithin, type ImportSource } from './import-source';

export async function importDocuments(db: MarginaliaDatabase, sources: readonly ImportSource[]): Promise<DocumentRecord[]> {
  const documents: DocumentRecord[] = [];
  const transcriptions: TranscriptionRecord[] = [];
  const problems = [];
  const now = nowIso();
  for (const source of sources) {
    try {
      const parsed = parseDocumentFile(source.name, await readWithin(source, MAX_TEXT_FILE_BYTES));
      const id = newId();
      documents.push({ ...parsed.metadata, id, sheetCount: parsed.sheets.length, isSample: false, created: now, modified: now });
      transcriptions.push({
        documentId: id,
        schemaVersion: TRANSCRIPTION_SCHEMA_VERSION,
        doc: transcriptionFromSheets(parsed.sheets).toJSON() as Record<string, unknown>,
        modified: now,
      });
    } catch (error) {
      problems.push(asImportError(source.name, error));
    }
  }
  if (problems.length > 0) throw new ImportFailure(problems);
  await db.transaction('rw', db.documents, db.transcriptions, async () => {
    await db.documents.bulkAdd(documents);
    await db.transcriptions.bulkAdd(transcriptions);
  });
  return documents;
}
