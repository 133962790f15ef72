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
  type PackScan,
  type ParsedPack,
} from '../../shared/pack';
import type { MarginaliaDatabase } from '../db/database';
import type { ScanRecord } from '../db/records';
import { listRevisions } from '../db/revision-store';

async function bytesOf(blob: Blob | null): Promise<Uint8Array | null> {
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}

async function packScan(scan: ScanRecord, withImages: boolean): Promise<PackScan> {
  const { blob, thumbnail, ...meta } = scan;
  return { ...meta, bytes: withImages ? await bytesOf(blob) : null, thumbnail: withImages ? await bytesOf(thumbnail) : null };
}

/** The chosen documents with their transcriptions, lineages and scans, and all their annotations. */
export async function gatherPackInput(
  db: MarginaliaDatabase,
  documentIds: readonly string[],
  options: { includeScans: boolean; creator: Creator; generator: string },
): Promise<PackInput> {
  const documents: PackDocument[] = [];
  const annotations: Annotation[] = [];
  for (const id of documentIds) {
    const [record, transcription, revisions, scans] = await Promise.all([
      db.documents.get(id),
      db.transcriptions.get(id),
      listRevisions(db, id),
      db.scans.where('documentId').equals(id).toArray(),
    ]);
    if (!record || !transcription) continue;
    const { documentId: _id, ...stored } = transcription;
    documents.push({
      record,
      transcription: stored,
      lineage: transcriptionLineage(
        [...revisions].reverse().map((r) => r.transcription.doc),
        transcription.doc,
      ),
      scans: await Promise.all(scans.map((s) => packScan(s, options.includeScans))),
    });
    annotations.push(...(await db.annotations.where('documentId').equals(id).toArray()));
  }
  return { documents, annotations, creator: options.creator, generator: options.generator };
}

/** The part of the library a pack touches, as `planMerge` needs it. */
export async function loadMergeLibrary(db: MarginaliaDatabase, pack: ParsedPack): Promise<MergeLibrary> {
  const records = await db.documents.toArray();
  const touched = documentsTouchedBy(pack, records);
  const input = await gatherPackInput(db, touched, { includeScans: false, creator: { id: '', name: '' }, generator: '' });
  const revisions = await Promise.all(touched.map((id) => listRevisions(db, id)));
  const packScanIds = pack.documents.flatMap((d) => d.scans.map((s) => s.id));
  const extraScans = (await db.scans.bulkGet(packScanIds)).filter((s): s is ScanRecord => !!s);
  const scans = [...input.documents.flatMap((d) => d.scans), ...extraScans];
  const unique = new Map(scans.map((s) => [s.id, { id: s.id, documentId: s.documentId, sheetIndex: s.sheetIndex, mime: s.mime, size: s.size }]));
  const annotations = (await db.annotations.bulkGet(pack.annotations.map((a) => a.id))).filter((a): a is Annotation => !!a);
  return {
    documents: input.documents.map((d, i) => ({
      record: d.record,
      transcription: d.transcription,
      lineage: d.lineage,
      lastRevisionNumber: revisions[i]?.[0]?.number ?? 0,
    })),
    annotations,
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
