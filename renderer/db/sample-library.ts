/**
 * Installing the bundled sample — the 1951 telegram — into an empty library on first run.
 *
 * It is installed once: a historian who deletes the sample does not get it back on the next
 * start. The sample's text and images are loaded before the write transaction opens, because an
 * IndexedDB transaction closes itself when its code waits on anything but the database.
 */
import { parseWilsonCenterText } from '../../shared/importers/wilson-center';
import { firstRevision } from './revision-store';
import { TRANSCRIPTION_SCHEMA_VERSION, transcriptionFromSheets } from '../../shared/transcription/schema';
import type { MarginaliaDatabase } from './database';
import { newId, nowIso } from './ids';
import type { DocumentRecord, ScanRecord } from './records';

/** A stable id, so packs and cross-references made on different machines agree on the sample. */
export const SAMPLE_DOCUMENT_ID = 'wilson-center-119538';
const SAMPLE_INSTALLED_KEY = 'sampleInstalled';

export interface SampleFacsimile {
  sheetIndex: number;
  blob: Blob;
  width: number;
  height: number;
}

export interface SampleSource {
  text: string;
  facsimiles: SampleFacsimile[];
}

export const GENERATED_FACSIMILE_CAPTION = 'Generated facsimile — drawn from the transcription, not the archival scan';

/** Installs the sample unless it was installed before; answers whether it installed it now. */
export async function ensureSampleLibrary(
  db: MarginaliaDatabase,
  loadSample: () => Promise<SampleSource>,
): Promise<boolean> {
  if (await db.settings.get(SAMPLE_INSTALLED_KEY)) return false;
  const source = await loadSample();
  const parsed = parseWilsonCenterText(source.text);
  const now = nowIso();
  const document: DocumentRecord = {
    ...parsed.metadata,
    archiveReference: parsed.metadata.archiveReference || 'CWIHP archive',
    recordId: parsed.metadata.recordId || '119538',
    id: SAMPLE_DOCUMENT_ID,
    sheetCount: parsed.sheets.length,
    isSample: true,
    created: now,
    modified: now,
  };
  const scans: ScanRecord[] = source.facsimiles.map((f) => ({
    id: newId(),
    documentId: SAMPLE_DOCUMENT_ID,
    sheetIndex: f.sheetIndex,
    blob: f.blob,
    mime: f.blob.type,
    size: f.blob.size,
    width: f.width,
    height: f.height,
    generated: true,
    caption: GENERATED_FACSIMILE_CAPTION,
    order: f.sheetIndex,
    // Shown scaled down where a thumbnail is wanted: four images do not need their own.
    thumbnail: null,
    sourceName: `facsimile-sheet-${f.sheetIndex + 1}.png`,
    pageNumber: 1,
  }));

  const transcription = {
    schemaVersion: TRANSCRIPTION_SCHEMA_VERSION,
    doc: transcriptionFromSheets(parsed.sheets).toJSON() as Record<string, unknown>,
  };
  return db.transaction('rw', [db.settings, db.documents, db.transcriptions, db.scans, db.revisions], async () => {
    if (await db.settings.get(SAMPLE_INSTALLED_KEY)) return false; // another window got here first
    await db.documents.put(document);
    await db.transcriptions.put({ documentId: SAMPLE_DOCUMENT_ID, ...transcription, modified: now });
    await db.revisions.put(firstRevision(SAMPLE_DOCUMENT_ID, transcription, 'Imported from the Wilson Center Digital Archive record', now));
    await db.scans.bulkPut(scans);
    await db.settings.put({ key: SAMPLE_INSTALLED_KEY, value: now });
    return true;
  });
}
