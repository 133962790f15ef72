/**
 * The library benchmark's loader and harness page (served at /bench/harness.html, the app's own
 * origin, so that it shares the app's IndexedDB). Built by esbuild from the app's modules; it
 * exposes `window.benchLibrary`:
 *
 * - `seed(spec)`: makes the synthetic library (library-data.ts) and writes it into the app's
 *   database, "marginalia", through the app's own MarginaliaDatabase class (so at the current
 *   schema version), before the app opens it;
 * - `exportPack()` / `readRaw()`: the whole library as a pack, as File › Export Annotation Pack
 *   makes it (gatherPackInputInParts handed to writePackAsync), against reading the same tables with `toArray`;
 * - `importPack()` / `writeRaw()`: that pack into an empty library, as File › Open Annotation
 *   Pack merges it (readPackAsync + loadMergeLibrary + planMerge + applyMergePlan + writeMerge),
 *   against `bulkPut` of the records `readRaw` read;
 * - `prepareReanchor(spec, edits)` / `reanchor(which)`: every text target of the large document
 *   found again with reanchorTextQuote in its text after a batch of edits, or in the text as it
 *   was (where every anchor holds at its stored position).
 *
 * Every timing is taken in the page with performance.now().
 */
import Dexie from 'dexie';
import type { Annotation } from '../../shared/annotation';
import { reanchorTextQuote } from '../../shared/anchoring/reanchor';
import { applyMergePlan, planMerge, readPackAsync, writePackAsync } from '../../shared/pack';
import { MarginaliaDatabase } from '../../renderer/db/database';
import type { DocumentRecord, ScanRecord, TranscriptionRecord } from '../../renderer/db/records';
import type { RevisionRecord } from '../../renderer/db/revision-store';
import { gatherPackInputInParts, loadMergeLibrary, writeMerge } from '../../renderer/packs/pack-library';
import type { BenchLibraryApi, ExportTiming, ImportTiming, LibrarySpec, ReanchorRun, ReanchorSetup, SeedSummary } from '../support/library-protocol';
import { generateLibrary, wordSpans, type LibraryRecords } from './library-data';

/** The empty library packs are imported into, and raw records written to (never the app's). */
const SCRATCH_DATABASE = 'marginalia-bench-import';
const CREATOR = { id: 'urn:uuid:00000000-0000-4000-8000-000000000001', name: 'Benchmark' };

interface RawLibrary {
  documents: DocumentRecord[];
  transcriptions: TranscriptionRecord[];
  revisions: RevisionRecord[];
  scans: ScanRecord[];
  annotations: Annotation[];
}

let lastPack: Uint8Array | null = null;
let lastRaw: RawLibrary | null = null;
let reanchorData: { before: string; after: string; targets: LibraryRecords['large']['targets'] } | null = null;

async function seed(spec: LibrarySpec): Promise<SeedSummary> {
  const t0 = performance.now();
  const records = await generateLibrary(spec);
  const t1 = performance.now();
  const db = new MarginaliaDatabase();
  await db.open();
  await db.transaction('rw', [db.documents, db.transcriptions, db.revisions, db.scans, db.annotations, db.settings], async () => {
    await db.documents.bulkPut(records.documents);
    await db.transcriptions.bulkPut(records.transcriptions);
    await db.revisions.bulkPut(records.revisions);
    await db.scans.bulkPut(records.scans);
    await db.annotations.bulkPut(records.annotations);
    await db.settings.bulkPut(records.settings);
  });
  db.close();
  const t2 = performance.now();
  return { ...records.summary, generateMs: Math.round(t1 - t0), writeMs: Math.round(t2 - t1) };
}

async function openLibrary(): Promise<MarginaliaDatabase> {
  const db = new MarginaliaDatabase();
  await db.open();
  return db;
}

/** An empty library of the app's current schema, under another name. */
async function emptyScratch(): Promise<MarginaliaDatabase> {
  await Dexie.delete(SCRATCH_DATABASE);
  const db = new MarginaliaDatabase(SCRATCH_DATABASE);
  await db.open();
  return db;
}

async function exportPack(): Promise<ExportTiming> {
  const db = await openLibrary();
  try {
    // The export dialog knows the chosen documents before the export starts.
    const ids = (await db.documents.toCollection().primaryKeys()) as string[];
    const t0 = performance.now();
    // As the app does: the writer is handed the gathering under way (it starts its worker
    // meanwhile, and writes the annotations as they come); the first phase ends when the last
    // annotations are read.
    let t1 = 0;
    const input = gatherPackInputInParts(db, ids, { includeScans: true, creator: CREATOR, generator: 'Marginalia benchmark' }).then((gathered) => {
      void Promise.all(gathered.annotationParts).then(() => (t1 = performance.now()), () => undefined);
      return gathered;
    });
    const bytes = await writePackAsync(input, { documentIds: ids, includeScans: true });
    const t2 = performance.now();
    lastPack = bytes;
    return { totalMs: t2 - t0, phases: { gatherPackInput: t1 - t0, writePack: t2 - t1 }, packBytes: bytes.length };
  } finally {
    db.close();
  }
}

async function readRaw(): Promise<{ ms: number; records: Record<string, number> }> {
  const db = await openLibrary();
  try {
    const t0 = performance.now();
    const raw = await db.transaction('r', [db.documents, db.transcriptions, db.revisions, db.scans, db.annotations], async () => {
      const [documents, transcriptions, revisions, scans, annotations] = await Promise.all([
        db.documents.toArray(),
        db.transcriptions.toArray(),
        db.revisions.toArray(),
        db.scans.toArray(),
        db.annotations.toArray(),
      ]);
      return { documents, transcriptions, revisions, scans, annotations };
    });
    const ms = performance.now() - t0;
    lastRaw = raw;
    return { ms, records: Object.fromEntries(Object.entries(raw).map(([table, rows]) => [table, rows.length])) };
  } finally {
    db.close();
  }
}

async function importPack(): Promise<ImportTiming> {
  if (!lastPack) throw new Error('importPack: export a pack first');
  const db = await emptyScratch();
  try {
    const t0 = performance.now();
    const pack = await readPackAsync(lastPack, { fileName: 'library.mpack' });
    const t1 = performance.now();
    const library = await loadMergeLibrary(db, pack);
    const t2 = performance.now();
    const plan = planMerge(library, pack);
    const t3 = performance.now();
    const writes = applyMergePlan(plan, { newId: () => crypto.randomUUID(), now: new Date().toISOString() });
    const t4 = performance.now();
    await writeMerge(db, writes);
    const t5 = performance.now();
    return {
      totalMs: t5 - t0,
      phases: { readPack: t1 - t0, loadMergeLibrary: t2 - t1, planMerge: t3 - t2, applyMergePlan: t4 - t3, writeMerge: t5 - t4 },
      written: Object.fromEntries(Object.entries(writes).map(([table, rows]) => [table, (rows as unknown[]).length])),
    };
  } finally {
    db.close();
  }
}

async function writeRaw(): Promise<{ ms: number }> {
  if (!lastRaw) throw new Error('writeRaw: read the library first');
  const raw = lastRaw;
  const db = await emptyScratch();
  try {
    const t0 = performance.now();
    await db.transaction('rw', [db.documents, db.transcriptions, db.revisions, db.scans, db.annotations], async () => {
      await db.documents.bulkPut(raw.documents);
      await db.transcriptions.bulkPut(raw.transcriptions);
      await db.revisions.bulkPut(raw.revisions);
      await db.scans.bulkPut(raw.scans);
      await db.annotations.bulkPut(raw.annotations);
    });
    return { ms: performance.now() - t0 };
  } finally {
    db.close();
  }
}

/**
 * The large document's text, and the same text after `edits` edits spread evenly over it (each
 * in its own stretch of the text): half insert one to four words between two words, half delete
 * one to three words. Some deletions take annotated words with them.
 */
async function prepareReanchor(spec: LibrarySpec, edits: number): Promise<ReanchorSetup> {
  const records = await generateLibrary({ ...spec, twin: false });
  const before = records.large.text;
  const spans = wordSpans(before);
  let seed = spec.seed ^ 0x5eed;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const planned: Array<{ start: number; end: number; insert: string }> = [];
  let insertions = 0;
  let deletions = 0;
  for (let k = 0; k < edits; k++) {
    const from = Math.floor((k * spans.length) / edits);
    const to = Math.floor(((k + 1) * spans.length) / edits) - 4;
    const i = from + Math.floor(random() * Math.max(1, to - from));
    const word = spans[i]!;
    if (random() < 0.5) {
      const count = 1 + Math.floor(random() * 4);
      const inserted = Array.from({ length: count }, () => spec.words[Math.floor(random() * spec.words.length)] ?? 'слово').join(' ');
      planned.push({ start: word.start, end: word.start, insert: `${inserted} ` });
      insertions++;
    } else {
      const count = 1 + Math.floor(random() * 3);
      const last = spans[Math.min(spans.length - 1, i + count - 1)]!;
      const next = spans[Math.min(spans.length - 1, i + count)]!;
      // The words and what separates them from the next word, unless a paragraph ends between.
      const end = before.slice(last.end, next.start).includes('\n') ? last.end : next.start;
      planned.push({ start: word.start, end, insert: '' });
      deletions++;
    }
  }
  let after = before;
  for (const edit of [...planned].sort((a, b) => b.start - a.start)) after = after.slice(0, edit.start) + edit.insert + after.slice(edit.end);
  reanchorData = { before, after, targets: records.large.targets };
  return { anchors: records.large.targets.length, edits, charactersBefore: before.length, charactersAfter: after.length, insertions, deletions };
}

function reanchor(which: 'edited' | 'unchanged'): ReanchorRun {
  if (!reanchorData) throw new Error('reanchor: prepare first');
  const text = which === 'edited' ? reanchorData.after : reanchorData.before;
  const methods: Record<string, number> = { position: 0, quote: 0, fuzzy: 0, orphan: 0 };
  const t0 = performance.now();
  for (const target of reanchorData.targets) {
    const found = reanchorTextQuote(text, target.quote, target.position);
    methods[found ? found.method : 'orphan']!++;
  }
  return { anchors: reanchorData.targets.length, ms: performance.now() - t0, methods };
}

const api: BenchLibraryApi = { seed, exportPack, readRaw, importPack, writeRaw, prepareReanchor, reanchor };
(window as unknown as { benchLibrary: BenchLibraryApi }).benchLibrary = api;
