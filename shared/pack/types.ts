/**
 * What a pack holds, as plain data: the shapes `writePack` takes and `readPack` returns. They
 * mirror the app's stored records (renderer/db/records.ts) field for field, except that images
 * are bytes (`Uint8Array`) rather than Blobs, so that this code runs under Node as well as in
 * the browser.
 */
import type { Annotation, AnnotationKind, Creator } from '../annotation';
import type { DocumentMetadata } from '../document-metadata';

/** A document record: its metadata, id, sheet count and timestamps (the app's DocumentRecord). */
export interface PackDocumentRecord extends DocumentMetadata {
  id: string;
  sheetCount: number;
  isSample: boolean;
  /** ISO 8601 UTC. */
  created: string;
  modified: string;
}

/** A transcription: its schema version and ProseMirror JSON (the app's TranscriptionRecord without documentId). */
export interface PackTranscription {
  schemaVersion: number;
  doc: Record<string, unknown>;
  /** ISO 8601 UTC. */
  modified: string;
}

/** A scan of one sheet (the app's ScanRecord, with bytes instead of Blobs). */
export interface PackScan {
  id: string;
  documentId: string;
  sheetIndex: number;
  order: number;
  mime: string;
  size: number;
  width: number;
  height: number;
  generated: boolean;
  caption: string;
  sourceName: string;
  pageNumber: number;
  /** The image; null when the pack was made without scans (the metadata still travels). */
  bytes: Uint8Array | null;
  /** The small JPEG the library shows; null when there is none or scans were left out. */
  thumbnail: Uint8Array | null;
}

/** One document as a pack carries it. */
export interface PackDocument {
  record: PackDocumentRecord;
  transcription: PackTranscription;
  /**
   * Hashes of the transcription's versions, oldest first, the last being the current one
   * (`transcriptionHash`; see lineage.ts). A merge compares lineages to tell a later
   * transcription from one changed apart.
   */
  lineage: string[];
  scans: PackScan[];
}

/** One file in the zip, as the manifest lists it. */
export interface PackFileEntry {
  path: string;
  bytes: number;
  sha256: string;
}

/** `manifest.json`. */
export interface PackManifest {
  format: string;
  formatVersion: string;
  /** What wrote the pack: "Marginalia 0.1.0". */
  generator: string;
  /** The person who made the pack. */
  creator: Creator;
  /** ISO 8601 UTC. */
  created: string;
  contents: {
    documents: number;
    annotations: number;
    scans: number;
    scansIncluded: boolean;
    documentIds: string[];
    files: PackFileEntry[];
  };
}

/** A pack after reading: every record checked. */
export interface ParsedPack {
  manifest: PackManifest;
  documents: PackDocument[];
  /** Every annotation, tombstones included. */
  annotations: Annotation[];
  /** What was ignored or tidied, in words for the user. */
  warnings: string[];
}

/** What a pack is made from. */
export interface PackInput {
  documents: PackDocument[];
  annotations: Annotation[];
  creator: Creator;
  generator: string;
}

/**
 * A pack's input as a library is read: the documents, and their annotations in parts that come
 * one after another (the pack holds them in that order). writePackAsync makes each part's
 * JSON-LD, and has it deflated, while the next is still being read.
 */
export interface PackInputInParts extends Omit<PackInput, 'annotations'> {
  annotationParts: ReadonlyArray<Promise<readonly Annotation[]>>;
}

export interface WritePackOptions {
  /** The documents to include (default: all of `input.documents`). */
  documentIds?: readonly string[];
  /** Whether to include the scan images (default true); their metadata travels either way. */
  includeScans?: boolean;
  /** Only annotations by these creators (ids); default all. */
  authorIds?: readonly string[];
  /** Only annotations of these kinds; default all. */
  kinds?: readonly AnnotationKind[];
  /** When the pack was made, ISO 8601 UTC (default now). */
  created?: string;
  /** Called as the pack is built: bytes of entries done, of all entries. */
  onProgress?: (done: number, total: number) => void;
}
