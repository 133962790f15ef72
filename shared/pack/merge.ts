/**
 * Merging a pack into a library, in two pure steps: `planMerge` decides, item by item, what the
 * pack brings (the preview the user confirms), and `applyMergePlan` turns the plan into exactly
 * the records to put, so that the app writes them in one transaction.
 *
 * Documents are matched by id, else by the same source record (source URL and record id), else
 * by the same title and date when the two transcriptions share a version; a matched document
 * keeps its local id and the pack's annotations are moved onto it, never duplicated.
 * Transcriptions and annotations are compared by lineage (lineage.ts): a version whose lineage
 * holds the other's current hash is the later one; when neither holds the other's, the two were
 * changed apart. Nobody's work is lost: an annotation edited apart keeps the local version and
 * gains the pack's as a conflicting version (`conflicts`); a deletion never erases an edit made
 * apart from it (the edit stays, the deletion becomes the conflicting version); a transcription
 * changed apart keeps the local text and gains the pack's as a revision. Annotations keep their
 * creators. Merging the same pack again changes nothing.
 */
import type { Annotation, AnnotationKind, ConflictingVersion, Creator, CrossReferenceTarget, TextTarget } from '../annotation';
import { contentHash } from '../annotation-version';
import { emptyMetadata, type DocumentMetadata } from '../document-metadata';
import { lineageEndingWith, transcriptionHash } from './lineage';
import type { PackDocument, PackDocumentRecord, PackScan, PackTranscription, ParsedPack } from './types';

// ---------------------------------------------------------------------------------------------
// Input and output

/** A document of the library as the merge needs it. */
export interface LibraryDocument {
  record: PackDocumentRecord;
  transcription: PackTranscription;
  /** The transcription's lineage (`transcriptionLineage` of its revisions and current text). */
  lineage: string[];
  /** The number of the document's newest revision, 0 when it has none. */
  lastRevisionNumber: number;
}

/** A scan of the library, without its image. */
export interface LibraryScan {
  id: string;
  documentId: string;
  sheetIndex: number;
  mime: string;
  size: number;
}

/**
 * The part of the library a pack touches: the documents `documentsTouchedBy` names (with their
 * transcriptions and lineages), every local annotation whose id is in the pack, and the scans
 * of those documents plus any whose id is in the pack.
 */
export interface MergeLibrary {
  documents: LibraryDocument[];
  annotations: Annotation[];
  scans: LibraryScan[];
}

export type MergeStatus = 'new' | 'updated' | 'unchanged' | 'conflict';

export interface DocumentMergeEntry {
  /** The document's id in the pack, and in the library after the merge. */
  packId: string;
  localId: string;
  title: string;
  /** How the pack's document was recognised in the library (null: it is new). */
  matchedBy: 'id' | 'source' | 'title-date-text' | null;
  status: MergeStatus;
  transcription: 'new' | 'same' | 'fast-forward' | 'local-newer' | 'diverged';
  metadata: 'new' | 'same' | 'updated' | 'local-kept';
  scans: { new: number; unchanged: number; notIncluded: number };
}

export interface AnnotationMergeEntry {
  id: string;
  /** The document in the library after the merge. */
  documentId: string;
  kind: AnnotationKind;
  creator: Creator;
  deleted: boolean;
  status: MergeStatus | 'skipped';
  /** Why, in words. */
  reason: string;
  /** The record to put, or null when nothing is written. */
  result: Annotation | null;
}

export interface AuthorCounts {
  creator: Creator;
  new: number;
  updated: number;
  unchanged: number;
  conflict: number;
  skipped: number;
}

export interface MergePlan {
  /** Where the pack came from, in words: "the pack from Anna Petrova, 3 March 2026". */
  source: string;
  packCreator: Creator;
  documents: DocumentMergeEntry[];
  annotations: AnnotationMergeEntry[];
  /** Annotations by author, for the preview. */
  byAuthor: AuthorCounts[];
  warnings: string[];
  /** What `applyMergePlan` needs, by pack document id. */
  readonly internal: ReadonlyMap<string, PlannedDocument>;
}

/** The decisions about one document that `applyMergePlan` turns into records. */
interface PlannedDocument {
  pack: PackDocument;
  local: LibraryDocument | null;
  localId: string;
  updateMetadata: boolean;
  newScans: PackScan[];
  /** Local scans of sheets a fast-forwarded transcription no longer has: they move to its last sheet, as after restoring a revision. */
  clampedScans: Array<{ id: string; sheetIndex: number }>;
}

/** A revision of a transcription, as the app's RevisionRecord. */
export interface MergeRevisionRecord {
  id: string;
  documentId: string;
  number: number;
  creator: Creator;
  created: string;
  modified: string;
  summary: string;
  transcription: { schemaVersion: number; doc: Record<string, unknown> };
  restoredFrom: number | null;
}

/** Exactly the records a merge writes (puts), for one transaction. */
export interface MergeWrites {
  documents: PackDocumentRecord[];
  transcriptions: Array<PackTranscription & { documentId: string }>;
  revisions: MergeRevisionRecord[];
  /** New scans, with their images (the app makes Blobs of `bytes` and `thumbnail`). */
  scans: PackScan[];
  /** Local scans of a document whose transcription now has fewer sheets: their new sheet index. */
  scanSheetIndexes: Array<{ id: string; sheetIndex: number }>;
  annotations: Annotation[];
}

// ---------------------------------------------------------------------------------------------
// Matching documents

const METADATA_KEYS = Object.keys(emptyMetadata()) as Array<keyof DocumentMetadata>;

function normalisedUrl(url: string): string {
  return url.trim().replace(/^http:\/\//i, 'https://').replace(/\/+$/, '');
}

/**
 * Whether two records describe the same archival record: the same source URL or the same
 * record id, with neither of the two (nor the archive reference) differing.
 */
export function sameSourceRecord(a: DocumentMetadata, b: DocumentMetadata): boolean {
  const urlA = normalisedUrl(a.sourceUrl);
  const urlB = normalisedUrl(b.sourceUrl);
  const idA = a.recordId.trim();
  const idB = b.recordId.trim();
  const differ = (x: string, y: string) => x !== '' && y !== '' && x !== y;
  if (differ(urlA, urlB) || differ(idA, idB)) return false;
  if (urlA !== '' && urlA === urlB) return true;
  return idA !== '' && idA === idB && !differ(a.archiveReference.trim(), b.archiveReference.trim());
}

function sameTitleAndDate(a: DocumentMetadata, b: DocumentMetadata): boolean {
  return a.title.trim() !== '' && a.dateIso !== '' && a.title.trim() === b.title.trim() && a.dateIso === b.dateIso;
}

/**
 * The ids of the library's documents a pack may touch — by id, by source record, or as
 * candidates by title and date — from the records alone, so that the app loads only those
 * documents' transcriptions and revisions for `planMerge`.
 */
export function documentsTouchedBy(pack: Pick<ParsedPack, 'documents'>, records: readonly PackDocumentRecord[]): string[] {
  const ids = new Set<string>();
  for (const d of pack.documents) {
    for (const r of records) {
      if (r.id === d.record.id || sameSourceRecord(d.record, r) || sameTitleAndDate(d.record, r)) ids.add(r.id);
    }
  }
  return [...ids];
}

function matchDocument(
  d: PackDocument,
  library: readonly LibraryDocument[],
  taken: ReadonlySet<string>,
): { local: LibraryDocument; by: NonNullable<DocumentMergeEntry['matchedBy']> } | null {
  const free = library.filter((l) => !taken.has(l.record.id));
  const byId = free.find((l) => l.record.id === d.record.id);
  if (byId) return { local: byId, by: 'id' };
  // An id of the pack that the library uses for another document is not a match by source.
  const bySource = free.find((l) => sameSourceRecord(d.record, l.record));
  if (bySource) return { local: bySource, by: 'source' };
  const lineage = new Set(d.lineage);
  const byText = free.find((l) => sameTitleAndDate(d.record, l.record) && l.lineage.some((h) => lineage.has(h)));
  return byText ? { local: byText, by: 'title-date-text' } : null;
}

// ---------------------------------------------------------------------------------------------
// Planning

/** "the pack from Anna Petrova, 3 March 2026" */
export function describePackSource(pack: Pick<ParsedPack, 'manifest'>): string {
  const { creator, created } = pack.manifest;
  const date = formatDay(created);
  return `the pack from ${creator.name || creator.id}${date ? `, ${date}` : ''}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function formatDay(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Decides what merging `pack` into `library` does, item by item. Pure: nothing is written. */
export function planMerge(library: MergeLibrary, pack: ParsedPack): MergePlan {
  const source = describePackSource(pack);
  const warnings: string[] = [];
  const documentMap = new Map<string, string>();
  const scanMap = new Map<string, string>();
  const internal = new Map<string, PlannedDocument>();
  const documents: DocumentMergeEntry[] = [];
  const taken = new Set<string>();
  const libraryScans = library.scans;

  for (const d of pack.documents) {
    const match = matchDocument(d, library.documents, taken);
    const local = match?.local ?? null;
    const localId = local ? local.record.id : d.record.id;
    if (local) taken.add(localId);
    documentMap.set(d.record.id, localId);

    const transcription = local ? compareTranscription(d, local) : 'new';
    let metadata: DocumentMergeEntry['metadata'] = 'new';
    if (local) {
      const same = METADATA_KEYS.every((key) => local.record[key] === d.record[key]);
      metadata = same ? 'same' : Date.parse(d.record.modified) > Date.parse(local.record.modified) ? 'updated' : 'local-kept';
    }
    const sheetCount = transcription === 'new' || transcription === 'fast-forward' ? d.record.sheetCount : local!.record.sheetCount;

    const scans = { new: 0, unchanged: 0, notIncluded: 0 };
    const newScans: PackScan[] = [];
    for (const scan of d.scans) {
      if (!scan.bytes) {
        scans.notIncluded++;
        continue;
      }
      const sameId = libraryScans.find((s) => s.id === scan.id);
      if (sameId) {
        if (sameId.documentId !== localId) warnings.push(`The scan “${scan.id}” of “${d.record.title}” is already in the library, on another document; it was not added.`);
        scans.unchanged++;
        continue;
      }
      const sameImage = libraryScans.find(
        (s) => s.documentId === localId && s.sheetIndex === scan.sheetIndex && s.size === scan.size && s.mime === scan.mime && !scanMap.has(scan.id) && ![...scanMap.values()].includes(s.id),
      );
      if (sameImage) {
        scanMap.set(scan.id, sameImage.id);
        scans.unchanged++;
        continue;
      }
      scans.new++;
      newScans.push({ ...scan, documentId: localId, sheetIndex: Math.min(scan.sheetIndex, Math.max(0, sheetCount - 1)) });
    }

    const status: MergeStatus = !local
      ? 'new'
      : transcription === 'diverged'
        ? 'conflict'
        : transcription === 'fast-forward' || metadata === 'updated' || scans.new > 0
          ? 'updated'
          : 'unchanged';
    documents.push({ packId: d.record.id, localId, title: d.record.title, matchedBy: match?.by ?? null, status, transcription, metadata, scans });
    const clampedScans =
      transcription === 'fast-forward'
        ? libraryScans.filter((s) => s.documentId === localId && s.sheetIndex >= sheetCount).map((s) => ({ id: s.id, sheetIndex: Math.max(0, sheetCount - 1) }))
        : [];
    internal.set(d.record.id, { pack: d, local, localId, updateMetadata: metadata === 'updated', newScans, clampedScans });
  }

  const mapping = new IdMapping(documentMap, scanMap);
  const localById = new Map(library.annotations.map((a) => [a.id, a]));
  const annotations = pack.annotations.map((raw) => planAnnotation(raw, mapping, localById.get(raw.id) ?? null, source));
  return { source, packCreator: pack.manifest.creator, documents, annotations, byAuthor: countByAuthor(annotations), warnings, internal };
}

function compareTranscription(d: PackDocument, local: LibraryDocument): DocumentMergeEntry['transcription'] {
  const packCurrent = transcriptionHash(d.transcription.doc);
  const localCurrent = transcriptionHash(local.transcription.doc);
  if (packCurrent === localCurrent) return 'same';
  if (local.lineage.includes(packCurrent)) return 'local-newer';
  if (d.lineage.includes(localCurrent)) return 'fast-forward';
  return 'diverged';
}

/** Document and scan ids of the pack → the library's, and back. */
class IdMapping {
  private readonly documentsBack: Map<string, string>;
  private readonly scansBack: Map<string, string>;

  private readonly documents: ReadonlyMap<string, string>;
  private readonly scans: ReadonlyMap<string, string>;

  /** Ids mapped onto themselves are left out, so that most annotations need no copy (and no second hash). */
  constructor(documents: ReadonlyMap<string, string>, scans: ReadonlyMap<string, string>) {
    const changed = (map: ReadonlyMap<string, string>) => new Map([...map].filter(([k, v]) => k !== v));
    this.documents = changed(documents);
    this.scans = changed(scans);
    this.documentsBack = new Map([...this.documents].map(([k, v]) => [v, k]));
    this.scansBack = new Map([...this.scans].map(([k, v]) => [v, k]));
  }

  /** The annotation with the pack's ids replaced by the library's. */
  toLocal<A extends Omit<Annotation, 'conflicts'> & { conflicts?: ConflictingVersion[] }>(a: A): A {
    return remap(a, this.documents, this.scans);
  }

  /** The annotation with the library's ids replaced by the pack's (for comparing hashes). */
  toPack<A extends Omit<Annotation, 'conflicts'> & { conflicts?: ConflictingVersion[] }>(a: A): A {
    return remap(a, this.documentsBack, this.scansBack);
  }
}

function remap<A extends Omit<Annotation, 'conflicts'> & { conflicts?: ConflictingVersion[] }>(
  a: A,
  documents: ReadonlyMap<string, string>,
  scans: ReadonlyMap<string, string>,
): A {
  if (!mentionsAny(a, documents, scans)) return a;
  const doc = (id: string) => documents.get(id) ?? id;
  const text = (t: TextTarget): TextTarget => (documents.has(t.documentId) ? { ...t, documentId: doc(t.documentId) } : t);
  const crossref = (c: CrossReferenceTarget | null): CrossReferenceTarget | null => {
    if (!c) return c;
    if (c.type === 'passage') return { type: 'passage', target: text(c.target) };
    if (c.type === 'document') return { type: 'document', documentId: doc(c.documentId) };
    return c;
  };
  const target =
    a.target.type === 'text'
      ? text(a.target)
      : { ...a.target, documentId: doc(a.target.documentId), scanId: scans.get(a.target.scanId) ?? a.target.scanId };
  const out = { ...a, documentId: doc(a.documentId), target, links: a.links.map(text), crossref: crossref(a.crossref) };
  if (a.conflicts) out.conflicts = a.conflicts.map((c) => ({ source: c.source, annotation: remap(c.annotation, documents, scans) }));
  return out;
}

/** Whether an annotation (or one of its conflicting versions) names an id the maps change. */
function mentionsAny(a: Omit<Annotation, 'conflicts'> & { conflicts?: ConflictingVersion[] }, documents: ReadonlyMap<string, string>, scans: ReadonlyMap<string, string>): boolean {
  if (documents.size === 0 && scans.size === 0) return false;
  const c = a.crossref;
  return (
    documents.has(a.documentId) ||
    documents.has(a.target.documentId) ||
    (a.target.type === 'region' && scans.has(a.target.scanId)) ||
    a.links.some((l) => documents.has(l.documentId)) ||
    (c?.type === 'passage' && documents.has(c.target.documentId)) ||
    (c?.type === 'document' && documents.has(c.documentId)) ||
    (a.conflicts ?? []).some((v) => mentionsAny(v.annotation, documents, scans))
  );
}

/** The hashes a version goes by: its content hash with the library's ids, and with the pack's. */
function currentHashes(local: Omit<Annotation, 'conflicts'>, mapping: IdMapping): Set<string> {
  const inPackIds = mapping.toPack(local);
  return new Set(inPackIds === local ? [contentHash(local)] : [contentHash(local), contentHash(inPackIds)]);
}

function withoutConflicts(a: Annotation): Omit<Annotation, 'conflicts'> {
  const { conflicts: _conflicts, ...rest } = a;
  return rest;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string> | readonly string[]): boolean {
  for (const x of b) if (a.has(x)) return true;
  return false;
}

/**
 * What to do with one annotation of the pack (ids as in the pack) given the library's
 * annotation with its id, if any.
 */
function planAnnotation(raw: Annotation, mapping: IdMapping, local: Annotation | null, source: string): AnnotationMergeEntry {
  const pack = mapping.toLocal(raw);
  const entry = (status: AnnotationMergeEntry['status'], reason: string, result: Annotation | null): AnnotationMergeEntry => ({
    id: pack.id,
    documentId: pack.documentId,
    kind: pack.kind,
    creator: pack.creator,
    deleted: pack.deleted,
    status,
    reason,
    result,
  });
  // The version in the library's ids, its lineage ending with its hash there.
  const rawHash = contentHash(raw);
  const packHash = pack === raw ? rawHash : contentHash(pack);
  const packVersion: Annotation = { ...pack, lineage: lineageEndingWith(raw.lineage, packHash) };
  if (!local) return entry('new', 'not in the library yet', packVersion);
  if (local.documentId !== pack.documentId) {
    return entry('skipped', `an annotation with this id is on another document (“${local.documentId}”) in the library`, null);
  }

  const packCurrent = new Set([rawHash, packHash]);
  const packLineage = new Set([...raw.lineage, ...packCurrent]);
  const localCurrent = currentHashes(withoutConflicts(local), mapping);
  const localLineage = new Set([...local.lineage, ...localCurrent]);

  if (intersects(packCurrent, localCurrent) || intersects(localLineage, packCurrent)) {
    // The same version, or the library's is later: only conflicting versions can be new.
    const conflicts = mergeConflicts(local, [pack.conflicts ?? []], mapping);
    return conflicts.added > 0
      ? entry('updated', `${conflicts.added} conflicting version${conflicts.added === 1 ? '' : 's'} from the pack added`, withConflicts(local, conflicts.list))
      : entry('unchanged', intersects(packCurrent, localCurrent) ? 'the same version' : 'the library’s version is later', null);
  }
  if (intersects(packLineage, localCurrent)) {
    // The pack's version was made from the library's: a later edit (or deletion).
    const conflicts = mergeConflicts(packVersion, [local.conflicts ?? [], pack.conflicts ?? []], mapping);
    return entry('updated', pack.deleted && !local.deleted ? 'deleted after the library’s version' : 'a later edit of the library’s version', withConflicts(packVersion, conflicts.list));
  }
  // Edited apart. The library's version stays, unless it is a deletion and the pack's an edit:
  // a deletion never erases an edit made apart from it.
  const packWins = local.deleted && !pack.deleted;
  const winner = packWins ? packVersion : local;
  const loser: ConflictingVersion = packWins
    ? { annotation: withoutConflicts(local), source: `this library, before merging ${source}` }
    : { annotation: withoutConflicts(packVersion), source };
  const conflicts = mergeConflicts(winner, [local.conflicts ?? [], pack.conflicts ?? [], [loser]], mapping);
  if (packWins) {
    return entry('conflict', 'deleted in the library but edited apart in the pack: the edit is kept, the deletion is a conflicting version', withConflicts(winner, conflicts.list));
  }
  if (conflicts.addedVersions.has(versionKey(loser.annotation))) {
    const reason =
      pack.deleted && !local.deleted
        ? 'deleted in the pack but edited apart in the library: the edit is kept, the deletion is a conflicting version'
        : 'edited apart: the library’s version is kept, the pack’s is a conflicting version';
    return entry('conflict', reason, withConflicts(winner, conflicts.list));
  }
  if (conflicts.added > 0) {
    return entry('updated', `${conflicts.added} conflicting version${conflicts.added === 1 ? '' : 's'} from the pack added`, withConflicts(winner, conflicts.list));
  }
  return entry('unchanged', 'edited apart; the pack’s version is already kept as a conflicting version', null);
}

function withConflicts(a: Annotation, conflicts: ConflictingVersion[]): Annotation {
  const out: Annotation = { ...a };
  if (conflicts.length > 0) out.conflicts = conflicts;
  else delete out.conflicts;
  return out;
}

function versionKey(a: Omit<Annotation, 'conflicts'>): string {
  return contentHash(a);
}

/**
 * The conflicting versions `winner` keeps: its own, then those of `lists` not already there
 * (compared by content hash with either side's ids), leaving out any version that the winner's
 * lineage shows it was made from (that conflict is settled).
 */
function mergeConflicts(
  winner: Annotation,
  lists: ReadonlyArray<readonly ConflictingVersion[]>,
  mapping: IdMapping,
): { list: ConflictingVersion[]; added: number; addedVersions: Set<string> } {
  const settled = new Set([...winner.lineage, ...currentHashes(withoutConflicts(winner), mapping)]);
  const seen = new Set<string>();
  const list: ConflictingVersion[] = [];
  const keep = (c: ConflictingVersion): boolean => {
    const hashes = currentHashes(c.annotation, mapping);
    if (intersects(settled, hashes) || intersects(seen, hashes)) return false;
    for (const h of hashes) seen.add(h);
    list.push(c);
    return true;
  };
  for (const c of winner.conflicts ?? []) keep(c);
  const before = list.length;
  const addedVersions = new Set<string>();
  for (const c of lists.flat()) if (keep(c)) addedVersions.add(versionKey(c.annotation));
  return { list, added: list.length - before, addedVersions };
}

function countByAuthor(entries: readonly AnnotationMergeEntry[]): AuthorCounts[] {
  const byId = new Map<string, AuthorCounts>();
  for (const e of entries) {
    let counts = byId.get(e.creator.id);
    if (!counts) {
      counts = { creator: e.creator, new: 0, updated: 0, unchanged: 0, conflict: 0, skipped: 0 };
      byId.set(e.creator.id, counts);
    }
    counts[e.status]++;
  }
  return [...byId.values()];
}

// ---------------------------------------------------------------------------------------------
// Applying

export interface ApplyOptions {
  /** A new record id (the app's `newId`). */
  newId: () => string;
  /** Now, ISO 8601 UTC (the app's `nowIso()`). */
  now: string;
}

/** Exactly the records to put for a plan; empty lists when the plan changes nothing. */
export function applyMergePlan(plan: MergePlan, options: ApplyOptions): MergeWrites {
  const writes: MergeWrites = { documents: [], transcriptions: [], revisions: [], scans: [], scanSheetIndexes: [], annotations: [] };
  const { now } = options;
  for (const entry of plan.documents) {
    const planned = plan.internal.get(entry.packId)!;
    const { pack, local, localId } = planned;
    const revision = (number: number, summary: string): MergeRevisionRecord => ({
      id: options.newId(),
      documentId: localId,
      number,
      creator: plan.packCreator,
      created: now,
      modified: now,
      summary,
      transcription: { schemaVersion: pack.transcription.schemaVersion, doc: pack.transcription.doc },
      restoredFrom: null,
    });
    if (!local) {
      writes.documents.push({ ...pack.record, id: localId });
      writes.transcriptions.push({ documentId: localId, ...pack.transcription });
      writes.revisions.push(revision(1, `Imported from ${plan.source}`));
    } else {
      let record: PackDocumentRecord | null = null;
      if (planned.updateMetadata) {
        record = { ...local.record, ...Object.fromEntries(METADATA_KEYS.map((k) => [k, pack.record[k]])), modified: now };
      }
      if (entry.transcription === 'fast-forward') {
        record = { ...(record ?? local.record), sheetCount: pack.record.sheetCount, modified: now };
        writes.transcriptions.push({ documentId: localId, schemaVersion: pack.transcription.schemaVersion, doc: pack.transcription.doc, modified: now });
        writes.revisions.push(revision(local.lastRevisionNumber + 1, `Transcription from ${plan.source}`));
        writes.scanSheetIndexes.push(...planned.clampedScans);
      } else if (entry.transcription === 'diverged') {
        writes.revisions.push(
          revision(local.lastRevisionNumber + 1, `Transcription from ${plan.source}, changed apart from this one: kept as a revision, not applied (restore it to use it)`),
        );
      }
      if (record) writes.documents.push(record);
    }
    writes.scans.push(...planned.newScans);
  }
  for (const a of plan.annotations) if (a.result) writes.annotations.push(a.result);
  return writes;
}

/** Whether a merge writes nothing. */
export function isEmptyMerge(writes: MergeWrites): boolean {
  return Object.values(writes).every((list: unknown[]) => list.length === 0);
}
