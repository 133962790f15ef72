/**
 * Between the library in IndexedDB and the pack module (shared/pack): gathering the records a
 * pack is made from, loading the part of the library a pack touches, and writing a merge — all
 * of a merge in one transaction, so the library has all of it or none of it.
 */
import type { Annotation, Creator } from '../../shared/annotation';
import {
  documentsTouchedBy,
  transcriptionLineage,
  type MergeLibrary,
  type MergeWrites,
  type PackDocument,
  type PackInput,
  type PackInputInParts,
  type PackScan,
  type ParsedPack,
} from '../../shared/pack';
import type { MarginaliaDatabase } from '../db/database';
import Dexie, { type Table } from 'dexie';
import type { DocumentRecord, ScanRecord, TranscriptionRecord } from '../db/records';
import type { RevisionRecord } from '../db/revision-store';

async function bytesOf(blob: Blob | null): Promise<Uint8Array | null> {
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}

async function packScan(scan: ScanRecord, withImages: boolean): Promise<PackScan> {
  const { blob, thumbnail, ...meta } = scan;
  return { ...meta, bytes: withImages ? await bytesOf(blob) : null, thumbnail: withImages ? await bytesOf(thumbnail) : null };
}

/** A document's records as stored, read with others in one transaction. */
interface StoredDocument {
  record: DocumentRecord;
  transcription: TranscriptionRecord;
  /** Its revisions, oldest first. */
  revisions: RevisionRecord[];
  scans: ScanRecord[];
  /** The transcription's lineage, from its revisions and itself. */
  lineage: string[];
}

/**
 * Reading whole tables, rather than asking for each document's rows, pays once a query asks for
 * more than this share of the library's documents: one `getAll` per table beats thousands of
 * cursor steps or index lookups.
 */
const WHOLE_TABLE_SHARE = 0.25;

/**
 * Where the annotations table is cut when it is read whole for a pack: eight runs of primary
 * keys, asked for at once in the same transaction and answered one after another, so that the
 * pack's writer can make the JSON-LD of the first while IndexedDB reads the next. The app's ids
 * are UUIDs, spread evenly by their first hex digit; any other id falls in one run or another.
 */
const ANNOTATION_KEY_CUTS = ['2', '4', '6', '8', 'a', 'c', 'e'];

/** A library's documents as stored, and their annotations in parts still being read (in the order of the table). */
interface StoredLibrary {
  documents: StoredDocument[];
  /** The scans as a pack takes them, by id, their images read, when asked for. */
  packScans: Map<string, PackScan> | null;
  annotationParts: Array<Promise<Annotation[]>>;
}

/**
 * The documents with these ids (in that order; ids with no record or no transcription left out),
 * their revisions, scans and lineages, and every annotation of them, in one read transaction: a
 * few requests per table, not a few per document (a library of a thousand documents would
 * otherwise take thousands of round trips, the page idle between them). Settles when the
 * documents are read; the annotations, asked for last and the most, come after, in parts.
 */
function readDocumentsInParts(
  db: MarginaliaDatabase,
  documentIds: readonly string[],
  { withAnnotations, packScans }: { withAnnotations: boolean; packScans?: { withImages: boolean } },
): Promise<StoredLibrary> {
  const ids = [...new Set(documentIds)];
  if (ids.length === 0) return Promise.resolve({ documents: [], packScans: packScans ? new Map() : null, annotationParts: [] });
  return new Promise<StoredLibrary>((resolve, reject) => {
    db.transaction('r', [db.documents, db.transcriptions, db.revisions, db.scans, db.annotations], async () => {
      const wanted = new Set(ids);
      const whole = ids.length > 1 && ids.length >= WHOLE_TABLE_SHARE * (await db.documents.count());
      const byDocument = <T extends { documentId: string }>(table: Table<T, string>): Promise<T[]> =>
        whole
          ? table.toArray().then((rows) => rows.filter((r) => wanted.has(r.documentId)))
          : ids.length === 1
            ? table.where('documentId').equals(ids[0]!).toArray()
            : table.where('documentId').anyOf(ids).toArray();
      // For most of the library, records and transcriptions too are read whole: `bulkGet` asks for
      // each key on its own (a thousand requests, the page idle between them), `toArray` is one.
      const byKey = <T, K extends keyof T>(table: Table<T, string>, key: K): Promise<Array<T | undefined>> =>
        whole
          ? table.toArray().then((rows) => {
              const map = new Map(rows.map((row) => [row[key] as unknown as string, row]));
              return ids.map((id) => map.get(id));
            })
          : table.bulkGet(ids);
      // The documents are put together (their lineages hashed) as soon as their tables are read,
      // while the annotations, read last and the most, are still on their way.
      const scans = byDocument(db.scans);
      // The images are read as soon as their records are (reading a Blob is no IndexedDB
      // request), beside the hashing of the lineages: read after it, they came after the
      // annotations' first parts, and the pack's writer waited for them to begin.
      const packed = packScans ? scans.then((rows) => Promise.all(rows.map((scan) => packScan(scan, packScans.withImages)))) : Promise.resolve(null);
      const documents = Promise.all([byKey(db.documents, 'id'), byKey(db.transcriptions, 'documentId'), byDocument(db.revisions), scans]).then(
        ([records, transcriptions, revisions, scans]) => storedDocuments(ids, records, transcriptions, revisions, scans),
      );
      const runs: Array<[lower: unknown, upper: unknown]> = [Dexie.minKey, ...ANNOTATION_KEY_CUTS].map((lower, i) => [lower, ANNOTATION_KEY_CUTS[i] ?? Dexie.maxKey]);
      const annotationParts = !withAnnotations
        ? []
        : whole
          ? runs.map(([lower, upper], i) =>
              db.annotations
                .where(':id')
                .between(lower, upper, true, i === runs.length - 1)
                .toArray()
                .then((rows) => rows.filter((r) => wanted.has(r.documentId))),
            )
          : [byDocument(db.annotations)];
      // A part that fails fails the transaction, and is reported to whoever waits for it.
      for (const part of annotationParts) part.catch(() => undefined);
      Promise.all([documents, packed]).then(
        ([stored, scansPacked]) => resolve({ documents: stored, packScans: scansPacked && new Map(scansPacked.map((scan) => [scan.id, scan])), annotationParts }),
        reject,
      );
      await Promise.all([documents, ...annotationParts]);
    }).catch(reject);
  });
}

/** The documents with these ids, as readDocumentsInParts reads them, and all their annotations, in the order of their documents. */
async function readDocuments(
  db: MarginaliaDatabase,
  documentIds: readonly string[],
  withAnnotations: boolean,
): Promise<{ documents: StoredDocument[]; annotations: Annotation[] }> {
  const { documents, annotationParts } = await readDocumentsInParts(db, documentIds, { withAnnotations });
  // Annotations in the order of their documents; a document's keep the order of the table.
  const annotationsOf = group((await Promise.all(annotationParts)).flat());
  return { documents, annotations: documents.flatMap((d) => annotationsOf.get(d.record.id) ?? []) };
}

/** Rows by document, each document's in the order of the table (by primary key), as a query of the one document gives them. */
function group<T extends { documentId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.documentId);
    if (list) list.push(row);
    else map.set(row.documentId, [row]);
  }
  return map;
}

function storedDocuments(
  ids: readonly string[],
  records: ReadonlyArray<DocumentRecord | undefined>,
  transcriptions: ReadonlyArray<TranscriptionRecord | undefined>,
  revisions: readonly RevisionRecord[],
  scans: readonly ScanRecord[],
): StoredDocument[] {
  const revisionsOf = group(revisions);
  const scansOf = group(scans);
  const documents: StoredDocument[] = [];
  ids.forEach((id, i) => {
    const record = records[i];
    const transcription = transcriptions[i];
    if (!record || !transcription) return;
    // Revisions go oldest first.
    const ordered = [...(revisionsOf.get(id) ?? [])].sort((a, b) => a.number - b.number);
    const lineage = transcriptionLineage(ordered.map((r) => r.transcription.doc), transcription.doc);
    documents.push({ record, transcription, revisions: ordered, scans: scansOf.get(id) ?? [], lineage });
  });
  return documents;
}

function packDocumentOf(stored: StoredDocument, scans: PackScan[]): PackDocument {
  const { documentId: _id, ...transcription } = stored.transcription;
  return { record: stored.record, transcription, lineage: stored.lineage, scans };
}

/**
 * The chosen documents with their transcriptions, lineages and scans, and their annotations in
 * parts as they are read (in the order of the table): what writePackAsync makes a pack of while
 * the annotations are still being read. Settles when the documents are read.
 */
export async function gatherPackInputInParts(
  db: MarginaliaDatabase,
  documentIds: readonly string[],
  options: { includeScans: boolean; creator: Creator; generator: string },
): Promise<PackInputInParts> {
  const { documents, packScans, annotationParts } = await readDocumentsInParts(db, documentIds, { withAnnotations: true, packScans: { withImages: options.includeScans } });
  return { documents: documents.map((d) => packDocumentOf(d, d.scans.map((s) => packScans!.get(s.id)!))), annotationParts, creator: options.creator, generator: options.generator };
}

/** The chosen documents with their transcriptions, lineages and scans, and all their annotations. */
export async function gatherPackInput(
  db: MarginaliaDatabase,
  documentIds: readonly string[],
  options: { includeScans: boolean; creator: Creator; generator: string },
): Promise<PackInput> {
  const { documents, annotations } = await readDocuments(db, documentIds, true);
  // The images are read after the transaction: reading a Blob is no IndexedDB request.
  const packed = await Promise.all(
    documents.map(async (d) => packDocumentOf(d, await Promise.all(d.scans.map((s) => packScan(s, options.includeScans))))),
  );
  return { documents: packed, annotations, creator: options.creator, generator: options.generator };
}

/** The part of the library a pack touches, as `planMerge` needs it. */
export async function loadMergeLibrary(db: MarginaliaDatabase, pack: ParsedPack): Promise<MergeLibrary> {
  const records = await db.documents.toArray();
  const touched = documentsTouchedBy(pack, records);
  const { documents } = await readDocuments(db, touched, false);
  const packScanIds = pack.documents.flatMap((d) => d.scans.map((s) => s.id));
  // Only ids the library holds are asked for: asking for thousands of absent ones one by one
  // costs as much as reading them, and a pack is often new to the library.
  const [extraScans, annotations] = await db.transaction('r', [db.scans, db.annotations], async () => {
    const [scanKeys, annotationKeys] = await Promise.all([db.scans.toCollection().primaryKeys(), db.annotations.toCollection().primaryKeys()]);
    const present = (keys: readonly string[], wanted: readonly string[]): string[] => {
      const have = new Set(keys);
      return wanted.filter((id) => have.has(id));
    };
    return Promise.all([
      db.scans.bulkGet(present(scanKeys as string[], packScanIds)),
      db.annotations.bulkGet(present(annotationKeys as string[], pack.annotations.map((a) => a.id))),
    ]);
  });
  const scans = [...documents.flatMap((d) => d.scans), ...extraScans.filter((s): s is ScanRecord => !!s)];
  const unique = new Map(scans.map((s) => [s.id, { id: s.id, documentId: s.documentId, sheetIndex: s.sheetIndex, mime: s.mime, size: s.size }]));
  return {
    documents: documents.map((d) => {
      const { lineage, record, transcription } = packDocumentOf(d, []);
      return { record, transcription, lineage, lastRevisionNumber: d.revisions.at(-1)?.number ?? 0 };
    }),
    annotations: annotations.filter((a): a is Annotation => !!a),
    scans: [...unique.values()],
  };
}

/** Writes a merge's records in one transaction. */
export async function writeMerge(db: MarginaliaDatabase, writes: MergeWrites): Promise<void> {
  const scans: ScanRecord[] = writes.scans.map(({ bytes, thumbnail, ...meta }) => ({
    ...meta,
    blob: new Blob([(bytes ?? new Uint8Array()) as BlobPart], { type: meta.mime }),
    thumbnail: thumbnail ? new Blob([thumbnail as BlobPart], { type: 'image/jpeg' }) : null,
  }));
  await db.transaction('rw', [db.documents, db.transcriptions, db.revisions, db.scans, db.annotations], async () => {
    await db.documents.bulkPut(writes.documents);
    await db.transcriptions.bulkPut(writes.transcriptions.map((t) => ({ ...t, modified: t.modified })));
    await db.revisions.bulkPut(writes.revisions);
    await db.scans.bulkPut(scans);
    for (const { id, sheetIndex } of writes.scanSheetIndexes) await db.scans.update(id, { sheetIndex });
    await db.annotations.bulkPut(writes.annotations);
  });
}
