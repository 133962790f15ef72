/**
 * `documents/<id>.json`: one document's record, transcription, transcription lineage and scan
 * metadata, and reading it back with every field checked.
 */
import { emptyMetadata, type DocumentMetadata } from '../document-metadata';
import { TRANSCRIPTION_SCHEMA_VERSION, transcriptionFromJSON } from '../transcription/schema';
import { shortMessage } from './annotation-jsonld';
import { fail, Fields, isPlainObject } from './checks';
import { DOCUMENTS_FOLDER, SCANS_FOLDER, type PackLimits } from './format';
import { lineageEndingWith, transcriptionHash } from './lineage';
import type { PackDocument, PackDocumentRecord, PackScan } from './types';

/** The scan metadata a document entry lists, and where the images are in the zip. */
export interface ScanEntryJson {
  id: string;
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
  /** `scans/<id>.<ext>`, or null when the pack was made without scans. */
  file: string | null;
  thumbnail: string | null;
}

/** A document entry's JSON. */
export interface DocumentEntryJson {
  document: PackDocumentRecord;
  transcription: { schemaVersion: number; modified: string; doc: Record<string, unknown> };
  lineage: string[];
  scans: ScanEntryJson[];
}

const METADATA_KEYS = Object.keys(emptyMetadata()) as Array<keyof DocumentMetadata>;

/** The zip path of a document's entry. Ids are percent-encoded, so any id makes a safe name. */
export function documentEntryPath(documentId: string): string {
  return `${DOCUMENTS_FOLDER}${encodeURIComponent(documentId)}.json`;
}

/** The zip path of a scan image, or of its thumbnail. */
export function scanEntryPath(scanId: string, extension: string, thumbnail = false): string {
  return `${SCANS_FOLDER}${encodeURIComponent(scanId)}${thumbnail ? '.thumbnail' : ''}.${extension}`;
}

/** The entry's JSON for a document; `files` gives each scan's zip paths when its bytes are included. */
export function documentEntryJson(
  document: PackDocument,
  files: ReadonlyMap<string, { file: string; thumbnail: string | null }>,
): DocumentEntryJson {
  const r = document.record;
  const record = {
    id: r.id,
    ...Object.fromEntries(METADATA_KEYS.map((key) => [key, r[key]])),
    sheetCount: r.sheetCount,
    isSample: r.isSample,
    created: r.created,
    modified: r.modified,
  } as PackDocumentRecord;
  return {
    document: record,
    transcription: { schemaVersion: document.transcription.schemaVersion, modified: document.transcription.modified, doc: document.transcription.doc },
    lineage: [...document.lineage],
    scans: document.scans.map((s) => ({
      id: s.id,
      sheetIndex: s.sheetIndex,
      order: s.order,
      mime: s.mime,
      size: s.size,
      width: s.width,
      height: s.height,
      generated: s.generated,
      caption: s.caption,
      sourceName: s.sourceName,
      pageNumber: s.pageNumber,
      file: files.get(s.id)?.file ?? null,
      thumbnail: files.get(s.id)?.thumbnail ?? null,
    })),
  };
}

/** A document entry read back: the document (scans without bytes yet) and where their images are. */
export interface ReadDocumentEntry {
  document: PackDocument;
  files: Map<string, { file: string | null; thumbnail: string | null }>;
}

const HASH = /^[0-9a-f]{16}$/;
const ISO_DATE = /^(\d{4})(-\d{2}(-\d{2})?)?$/;

/**
 * Reads a document entry, checking every field, the transcription against its ProseMirror
 * schema, and the scans' paths; `entryName` names it in messages. Missing metadata fields (a
 * pack from an older version) are empty; unknown fields are ignored.
 */
export function readDocumentEntry(json: unknown, entryName: string, limits: PackLimits, warnings: string[]): ReadDocumentEntry {
  const top: Fields = Fields.of(json, `the document file ${entryName}`);
  const d = top.object('document', `the document in ${entryName}`);
  const id = d.string('id', { nonEmpty: true, maxLength: 1024 });
  const title = d.string('title', { maxLength: 10_000 });
  const what = `the document “${title || id}” (${entryName})`;
  const f = Fields.of(d.value, what);

  const metadata = emptyMetadata(title);
  for (const key of METADATA_KEYS) {
    if (key === 'title' || key === 'textKind') continue;
    metadata[key] = f.optionalString(key);
  }
  metadata.textKind = f.choice('textKind', ['', 'original', 'translation'] as const, '');
  if (metadata.dateIso !== '' && !ISO_DATE.test(metadata.dateIso)) f.problem('dateIso', 'a date such as “1951-07-20” (or empty)');

  const t: Fields = top.object('transcription', `the transcription of ${what}`);
  const schemaVersion = t.integer('schemaVersion', 1, 1_000_000);
  if (schemaVersion > TRANSCRIPTION_SCHEMA_VERSION) {
    fail(`the transcription of ${what} was saved by a newer Marginalia (transcription schema ${schemaVersion}; this version reads up to ${TRANSCRIPTION_SCHEMA_VERSION}). Update Marginalia to import this pack.`);
  }
  const given = t.value.doc;
  if (!isPlainObject(given)) t.problem('doc', 'a transcription (ProseMirror JSON)');
  let node;
  try {
    node = transcriptionFromJSON({ schemaVersion, doc: given });
  } catch (error) {
    fail(`the transcription of ${what} does not fit Marginalia’s transcription format (${shortMessage(error)})`);
  }
  const doc = node.toJSON() as Record<string, unknown>;
  const sheetCount = node.childCount;

  const lineageGiven = top.strings('lineage', limits.maxLineage, { pattern: HASH, describe: 'a version hash of 16 hexadecimal digits' });
  const current = transcriptionHash(doc);
  // Hashing the document as given too would serialise a long transcription twice; when it is the
  // same JSON as the tidied one, its hash is the same.
  if (!sameJson(doc, given) && current !== transcriptionHash(given)) warnings.push(`The transcription of ${what} was tidied to fit the transcription format; it counts as a new version.`);
  const lineage = lineageEndingWith(lineageGiven, current);

  const declaredSheets = f.integer('sheetCount', 0, 1_000_000);
  if (declaredSheets !== sheetCount) {
    warnings.push(`${capitalise(what)} said it has ${declaredSheets} sheets, but its transcription has ${sheetCount}; the transcription’s count is used.`);
  }

  const record: PackDocumentRecord = {
    ...metadata,
    id,
    sheetCount,
    isSample: f.optionalBoolean('isSample', false),
    created: f.dateTime('created'),
    modified: f.dateTime('modified'),
  };

  const files = new Map<string, { file: string | null; thumbnail: string | null }>();
  const scans: PackScan[] = top.optionalArray('scans', limits.maxScans).map((raw, i) => {
    const s = Fields.of(raw, `scan ${i + 1} of ${what}`);
    const scanId = s.string('id', { nonEmpty: true, maxLength: 1024 });
    const sf = Fields.of(raw, `the scan “${scanId}” of ${what}`);
    const file = sf.has('file') && sf.value.file !== null ? sf.string('file', { maxLength: 4096 }) : null;
    const thumbnail = sf.has('thumbnail') && sf.value.thumbnail !== null ? sf.string('thumbnail', { maxLength: 4096 }) : null;
    for (const [key, path] of [['file', file], ['thumbnail', thumbnail]] as const) {
      if (path !== null && !path.startsWith(SCANS_FOLDER)) sf.problem(key, `a file in ${SCANS_FOLDER}`);
    }
    files.set(scanId, { file, thumbnail });
    return {
      id: scanId,
      documentId: id,
      sheetIndex: sf.integer('sheetIndex', 0, Math.max(0, sheetCount - 1)),
      order: sf.integer('order', -1_000_000_000, 1_000_000_000),
      mime: sf.choice('mime', ['image/jpeg', 'image/png', 'image/webp', 'image/tiff'] as const),
      size: sf.integer('size', 0, Number.MAX_SAFE_INTEGER),
      width: sf.integer('width', 1, 1_000_000),
      height: sf.integer('height', 1, 1_000_000),
      generated: sf.optionalBoolean('generated', false),
      caption: sf.optionalString('caption'),
      sourceName: sf.optionalString('sourceName'),
      pageNumber: sf.optionalInteger('pageNumber', 0, 1_000_000, 1),
      bytes: null,
      thumbnail: null,
    };
  });

  return {
    document: { record, transcription: { schemaVersion, doc, modified: t.dateTime('modified') }, lineage, scans },
    files,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}


/**
 * Whether two values are the same JSON whatever the order of their keys, so that their canonical
 * JSON (and hash) is the same: plain objects, arrays, strings, finite numbers, booleans and null
 * only. Anything else (undefined, a class instance, NaN) answers false, and the caller hashes.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return a === null || typeof a === 'string' || typeof a === 'boolean' || (typeof a === 'number' && Number.isFinite(a));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const key of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
