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
  /** Position among the document's scans (pages in reading order); sheets show their first scan. */
  order: number;
  /** A small JPEG for thumbnails; null for scans stored before thumbnails existed. */
  thumbnail: Blob | null;
  /** The file the scan came from, and its page in that file (1-based; 1 for an image). */
  sourceName: string;
  pageNumber: number;
}

/**
 * A scan rendered during an import that has not finished. Large imports are written here page
 * by page, and moved into `scans` in one transaction at the end, so the library changes all at
 * once or not at all.
 */
export interface StagedScanRecord extends ScanRecord {
  importId: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}
