/**
 * The `.mpack` annotation pack: its name, version, file layout and the limits a reader holds it
 * to. docs/pack-format.md describes the format; this module is its single source of numbers.
 *
 * Versions are MAJOR.MINOR. A minor version only adds (fields, entries) that an older reader may
 * ignore without misreading the rest; anything else is a new major version, which older readers
 * refuse rather than guess at.
 */

/** The `format` a manifest names. */
export const PACK_FORMAT = 'marginalia-pack';

/** The version this code writes, and the newest it reads completely. */
export const PACK_FORMAT_VERSION = '1.0';

/** The file name extension of a pack. */
export const PACK_EXTENSION = 'mpack';

/** Fixed entries of the zip. */
export const MANIFEST_PATH = 'manifest.json';
export const ANNOTATIONS_PATH = 'annotations.jsonld';
export const DOCUMENTS_FOLDER = 'documents/';
export const SCANS_FOLDER = 'scans/';

export interface FormatVersion {
  major: number;
  minor: number;
}

/** "1.0" → {1, 0}; null for anything else (a version is two whole numbers with a dot). */
export function parseFormatVersion(text: string): FormatVersion | null {
  const match = /^(\d{1,6})\.(\d{1,6})$/.exec(text);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : null;
}

/** How a pack of `version` relates to what this code reads. */
export type VersionCompatibility = 'current' | 'older' | 'newer-minor' | 'newer-major';

export function versionCompatibility(version: FormatVersion): VersionCompatibility {
  const ours = parseFormatVersion(PACK_FORMAT_VERSION)!;
  if (version.major > ours.major) return 'newer-major';
  if (version.major < ours.major) return 'older';
  if (version.minor > ours.minor) return 'newer-minor';
  return version.minor === ours.minor ? 'current' : 'older';
}

/**
 * What a reader accepts from a pack, which is untrusted input: a file from a stranger can be
 * built to exhaust memory (a "zip bomb"), so every size is checked from the zip's directory
 * before anything is inflated, and again while inflating.
 */
export interface PackLimits {
  /** The pack file itself. */
  maxPackBytes: number;
  /** All entries together, inflated. */
  maxTotalBytes: number;
  /** Entries in the zip. */
  maxEntries: number;
  /** Inflated size over compressed size, for entries larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Each kind of entry, inflated. */
  maxManifestBytes: number;
  maxAnnotationsBytes: number;
  maxDocumentBytes: number;
  maxScanBytes: number;
  /** Counts of records. */
  maxDocuments: number;
  maxAnnotations: number;
  maxScans: number;
  /** Versions in a transcription's or annotation's lineage. */
  maxLineage: number;
  /** Conflicting versions kept beside one annotation. */
  maxConflicts: number;
  /** Linked passages of one annotation, and bodies of one annotation. */
  maxLinks: number;
  /** Pixels of one scan, from its header (the app's import limit). */
  maxScanPixels: number;
}

const MB = 1024 * 1024;

export const DEFAULT_PACK_LIMITS: Readonly<PackLimits> = {
  maxPackBytes: 1024 * MB,
  maxTotalBytes: 2048 * MB,
  maxEntries: 20_000,
  maxRatio: 200,
  ratioFloorBytes: 1 * MB,
  maxManifestBytes: 4 * MB,
  maxAnnotationsBytes: 256 * MB,
  maxDocumentBytes: 64 * MB,
  maxScanBytes: 500 * MB,
  maxDocuments: 5_000,
  maxAnnotations: 250_000,
  maxScans: 20_000,
  maxLineage: 10_000,
  maxConflicts: 1_000,
  maxLinks: 1_000,
  maxScanPixels: 100_000_000,
};

/** A size for a message: "3.2 MB", "512 KB", "17 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= MB * 1024) return `${(bytes / (MB * 1024)).toFixed(1)} GB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}
