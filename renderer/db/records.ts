/**
 * The records stored in IndexedDB, one interface per table.
 */
import type { DocumentMetadata } from '../../shared/document-metadata';
import type { StoredTranscription } from '../../shared/transcription/schema';

export interface DocumentRecord extends DocumentMetadata {
  id: string;
  /** How many sheets the transcription has, so the library can show it without loading the text. */
  sheetCount: number;
  /** Set on the bundled sample, so the UI can say where it comes from. */
  isSample: boolean;
  /** ISO 8601 UTC. */
  created: string;
  modified: string;
}

export interface TranscriptionRecord extends StoredTranscription {
  documentId: string;
  modified: string;
}

export interface ScanRecord {
  id: string;
  documentId: string;
  /** 0-based index of the sheet this image shows. */
  sheetIndex: number;
  blob: Blob;
  mime: string;
  size: number;
  width: number;
  height: number;
  /** True for a facsimile generated from the text rather than a photograph of the original. */
  generated: boolean;
  /** A short description for the viewer ("Generated facsimile — not the archival scan"). */
  caption: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}
