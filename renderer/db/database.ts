/**
 * The local library: one IndexedDB database, opened through Dexie.
 *
 * Schema versions are never edited once released: a change adds `this.version(n + 1)` with an
 * upgrade function, and docs/database.md records it. Transactions use strict durability, so a
 * write that reported success has reached the disk (Chromium otherwise relaxes this).
 */
import Dexie, { type Table } from 'dexie';
import type { Annotation } from '../../shared/annotation';
import type { DocumentRecord, ScanRecord, SettingRecord, TranscriptionRecord } from './records';

export const DATABASE_NAME = 'marginalia';

export class MarginaliaDatabase extends Dexie {
  documents!: Table<DocumentRecord, string>;
  transcriptions!: Table<TranscriptionRecord, string>;
  scans!: Table<ScanRecord, string>;
  annotations!: Table<Annotation, string>;
  settings!: Table<SettingRecord, string>;

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
