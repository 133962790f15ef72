/**
 * Importing text files as new documents: every file is read and parsed first, and only when
 * all of them can be read are they written, in one transaction. A TEI file (.xml) brings its
 * editorial markup and annotations along.
 */
import { parseDocumentFile } from '../../shared/importers/import-document';
import type { Annotation } from '../../shared/annotation';
import { decodeTextFile } from '../../shared/importers/decode-text';
import { ImportError, MAX_TEXT_FILE_BYTES } from '../../shared/importers/import-error';
import { importTei } from '../../shared/tei';
import { TRANSCRIPTION_SCHEMA_VERSION, transcriptionFromSheets } from '../../shared/transcription/schema';
import type { MarginaliaDatabase } from '../db/database';
import { newId, nowIso } from '../db/ids';
import type { DocumentRecord, TranscriptionRecord } from '../db/records';
import { firstRevision } from '../db/revision-store';
import { asImportError, ImportFailure, storageRefusal } from './import-failure';
import { readWithin, type ImportSource } from './import-source';

export async function importDocuments(db: MarginaliaDatabase, sources: readonly ImportSource[]): Promise<DocumentRecord[]> {
  const documents: DocumentRecord[] = [];
  const transcriptions: TranscriptionRecord[] = [];
  const annotations: Annotation[] = [];
  const problems: ImportError[] = [];
  const now = nowIso();
  for (const source of sources) {
    try {
      const bytes = await readWithin(source, MAX_TEXT_FILE_BYTES);
      if (/\.xml$/i.test(source.name)) {
        const tei = importTei(decodeTextFile(source.name, bytes).text, { fileName: source.name });
        const id = tei.documentId ?? newId();
        if (tei.documentId && ((await db.documents.get(id)) || documents.some((d) => d.id === id))) {
          throw new ImportError(source.name, `it is “${tei.metadata.title}”, which is already in the library. Delete that document first to import this file in its place.`);
        }
        const sheetCount = Array.isArray(tei.transcription.content) ? tei.transcription.content.length : 1;
        documents.push({ ...tei.metadata, id, sheetCount, isSample: false, created: now, modified: now });
        transcriptions.push({ documentId: id, schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc: tei.transcription, modified: now });
        annotations.push(
          ...tei.annotations.map((a) => ({
            ...a,
            documentId: id,
            target: { ...a.target, documentId: id },
            links: a.links.map((link) => ({ ...link, documentId: id })),
          })),
        );
        continue;
      }
      const parsed = parseDocumentFile(source.name, bytes);
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
  const taken = await db.annotations.bulkGet(annotations.map((a) => a.id));
  if (taken.some(Boolean)) {
    throw new ImportFailure([new ImportError(sources[0]!.name, 'its annotations are already in the library (it was imported before).')]);
  }
  try {
    await db.transaction('rw', [db.documents, db.transcriptions, db.revisions, db.annotations], async () => {
      await db.documents.bulkAdd(documents);
      await db.transcriptions.bulkAdd(transcriptions);
      await db.revisions.bulkAdd(
        transcriptions.map((t, i) => firstRevision(t.documentId, t, `Imported from ${sources[i]!.name}`, now)),
      );
      await db.annotations.bulkAdd(annotations);
    });
  } catch (error) {
    // No space left, or the library not writable: said so, file by file; the transaction added nothing.
    throw storageRefusal(sources.map((s) => s.name), error) ?? error;
  }
  return documents;
}
