/**
 * The local library: one IndexedDB database, opened through Dexie.
 *
 * Schema versions are never edited once released: a change adds `this.version(n + 1)` with an
 * upgrade function, and docs/database.md records it. Transactions use strict durability, so a
 * write that reported success has reached the disk (Chromium otherwise relaxes this).
 */
import Dexie, { type Table } from 'dexie';
import type { Annotation } from '../../shared/annotation';
import { contentHash } from '../../shared/annotation-version';
import { emptyMetadata } from '../../shared/document-metadata';
import type { DocumentRecord, ScanRecord, SettingRecord, StagedScanRecord, TranscriptionRecord } from './records';
import { firstRevision, type RevisionRecord } from './revision-store';
import type { GlossaryEntryRecord, SegmentationRecord } from './translation-records';

export const DATABASE_NAME = 'marginalia';

export class MarginaliaDatabase extends Dexie {
  documents!: Table<DocumentRecord, string>;
  transcriptions!: Table<TranscriptionRecord, string>;
  scans!: Table<ScanRecord, string>;
  annotations!: Table<Annotation, string>;
  settings!: Table<SettingRecord, string>;
  stagedScans!: Table<StagedScanRecord, string>;
  revisions!: Table<RevisionRecord, string>;
  glossary!: Table<GlossaryEntryRecord, string>;
  segmentations!: Table<SegmentationRecord, string>;

  constructor(name: string = DATABASE_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    // Version 1: documents, their transcriptions, scans, annotations (with tombstones), settings.
    this.version(1).stores({
      documents: 'id, title, dateIso, modified',
      transcriptions: 'documentId',
      scans: 'id, documentId, [documentId+sheetIndex]',
      annotations: 'id, documentId, kind, modified, creator.id',
      settings: 'key',
    });
    // Version 2: metadata of the Wilson Center variants (authors, topics, rights, …), scans in
    // an explicit order with thumbnails and their source file, and a staging table for imports.
    this.version(2)
      .stores({
        scans: 'id, documentId, [documentId+sheetIndex], [documentId+order]',
        stagedScans: 'id, importId',
      })
      .upgrade(async (tx) => {
        const blank = emptyMetadata();
        await tx
          .table<DocumentRecord>('documents')
          .toCollection()
          .modify((d) => {
            for (const [key, value] of Object.entries(blank)) {
              if ((d as unknown as Record<string, unknown>)[key] === undefined) (d as unknown as Record<string, unknown>)[key] = value;
            }
            if (!d.textLanguage) d.textLanguage = d.originalLanguage;
          });
        await tx
          .table<ScanRecord>('scans')
          .toCollection()
          .modify((scan) => {
            scan.order ??= scan.sheetIndex;
            scan.thumbnail ??= null;
            scan.sourceName ??= '';
            scan.pageNumber ??= 1;
          });
      });
    // Version 3: annotation targets say what they are ('text' or, new, 'region' of a scan), and
    // annotations carry the passages they are linked to (a region to the words transcribing it).
    this.version(3)
      .stores({ annotations: 'id, documentId, kind, modified, creator.id, target.scanId' })
      .upgrade(async (tx) => {
        await tx
          .table<Annotation>('annotations')
          .toCollection()
          .modify((a) => {
            const legacy = a as unknown as { target: { type?: string }; links?: unknown; crossref: { type: string; target?: { type?: string } } | null };
            legacy.target.type ??= 'text';
            legacy.links ??= [];
            if (legacy.crossref?.type === 'passage' && legacy.crossref.target) legacy.crossref.target.type ??= 'text';
          });
      });
    // Version 4: revisions of each transcription. Every document starts with its transcription
    // as it stands, revision 1, so there is always something to go back to. (Transcription
    // schema 2 only added editorial marks, so stored transcriptions need no change.)
    this.version(4)
      .stores({ revisions: 'id, documentId, [documentId+number]' })
      .upgrade(async (tx) => {
        const transcriptions = await tx.table<TranscriptionRecord>('transcriptions').toArray();
        await tx
          .table<RevisionRecord>('revisions')
          .bulkAdd(transcriptions.map((t) => firstRevision(t.documentId, t, 'The transcription as it stood before revisions were kept', t.modified)));
      });
    // Version 5: annotations carry the lineage of their versions' content hashes, which merging
    // packs compares; each existing annotation starts with its current version.
    this.version(5)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table<Annotation>('annotations')
          .toCollection()
          .modify((a) => {
            a.lineage ??= [contentHash(a)];
          });
      });
    // Version 6: the translator's workbench — the library's glossary, and each document's
    // manual splits and joins of segments. New tables only; translations carry their workbench
    // data in an optional field of the annotation, which needs no index.
    this.version(6).stores({ glossary: 'id, order', segmentations: 'documentId' });
    // Version 7: annotations on a document's words, indexed by where those words begin, so that
    // opening a document of thousands of annotations can show those on its first pages before
    // all of them are read. (Region annotations have no text position and are not in it.)
    this.version(7).stores({ annotations: 'id, documentId, kind, modified, creator.id, target.scanId, [documentId+target.position.start]' });
    // Version 8: annotations indexed by document and id, so that a document's annotations can be
    // read a page at a time (`liveAnnotations`), each page's repeated strings shared before the
    // next is read, rather than all of them at once: the whole list of a 10,000-annotation
    // document arrived as one 17 MiB allocation, most of the peak of the heap while it opened.
    this.version(8).stores({ annotations: 'id, documentId, kind, modified, creator.id, target.scanId, [documentId+target.position.start], [documentId+id]' });
  }
}

/** Asks the browser not to evict the library under storage pressure; answers whether it agreed. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
