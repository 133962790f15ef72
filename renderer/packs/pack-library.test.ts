import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { TextTarget } from '../../shared/annotation';
import { describeTextRange } from '../../shared/anchoring/selectors';
import { TextIndex } from '../../shared/anchoring/text-index';
import { applyMergePlan, isEmptyMerge, planMerge, readPack, writePack, writePackAsync } from '../../shared/pack';
import { shapeToSelector } from '../../shared/regions/selectors';
import { transcriptionFromJSON } from '../../shared/transcription/schema';
import { createAnnotation, saveAnnotationBody, saveCrossReference, saveLinks, setAnnotationDeleted } from '../db/annotation-store';
import { MarginaliaDatabase } from '../db/database';
import { newId, nowIso } from '../db/ids';
import { ensureSampleLibrary, SAMPLE_DOCUMENT_ID } from '../db/sample-library';
import { gatherPackInput, gatherPackInputInParts, loadMergeLibrary, writeMerge } from './pack-library';

const sampleText = readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');
/** A real PNG, a few pixels of a shade that tells the sheets apart. */
function tinyPng(shade: number): Uint8Array {
  const png = new PNG({ width: 3, height: 2 });
  png.data.fill(40 * shade);
  return new Uint8Array(PNG.sync.write(png));
}

const historian = { id: 'urn:uuid:11111111-1111-4111-8111-111111111111', name: 'Historian' };
let count = 0;
const open: MarginaliaDatabase[] = [];

async function library(): Promise<MarginaliaDatabase> {
  const db = new MarginaliaDatabase(`pack-${++count}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** The sample with its facsimiles, and annotations of every kind: text, region with links, cross-reference, a tombstone. */
async function annotatedSample(db: MarginaliaDatabase): Promise<void> {
  await ensureSampleLibrary(db, async () => ({
    text: sampleText,
    facsimiles: [0, 1, 2, 3].map((sheetIndex) => ({ sheetIndex, blob: new Blob([tinyPng(sheetIndex) as BlobPart], { type: 'image/png' }), width: 3, height: 2 })),
  }));
  const transcription = (await db.transcriptions.get(SAMPLE_DOCUMENT_ID))!;
  const text = TextIndex.fromDoc(transcriptionFromJSON(transcription)).text;
  const on = (words: string): TextTarget => {
    const start = text.indexOf(words);
    return { type: 'text', documentId: SAMPLE_DOCUMENT_ID, ...describeTextRange(text, { start, end: start + words.length }) };
  };
  const note = await createAnnotation(db, { documentId: SAMPLE_DOCUMENT_ID, kind: 'commentary', target: on('беседы Кенана с Маликом'), creator: historian });
  await saveAnnotationBody(db, note.id, { doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kennan–Malik, 31 May 1951.' }] }] }, language: 'en' });
  const translation = await createAnnotation(db, { documentId: SAMPLE_DOCUMENT_ID, kind: 'translation', target: on('38 параллели'), creator: historian, language: 'en' });
  await saveAnnotationBody(db, translation.id, { doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'the 38th parallel' }] }] }, language: 'en' });
  const crossref = await createAnnotation(db, { documentId: SAMPLE_DOCUMENT_ID, kind: 'crossref', target: on('Малик'), creator: historian });
  await saveCrossReference(db, crossref.id, { type: 'external', citation: 'FRUS 1951, vol. VII', url: 'https://history.state.gov/' });
  const scan = (await db.scans.where('documentId').equals(SAMPLE_DOCUMENT_ID).first())!;
  const region = await createAnnotation(db, {
    documentId: SAMPLE_DOCUMENT_ID,
    kind: 'commentary',
    target: { type: 'region', documentId: SAMPLE_DOCUMENT_ID, scanId: scan.id, sheetIndex: 0, selector: shapeToSelector({ type: 'rect', x: 10, y: 20, width: 300, height: 80 }) },
    creator: historian,
  });
  await saveLinks(db, region.id, [on('Получено 03.15.21.7')]);
  const gone = await createAnnotation(db, { documentId: SAMPLE_DOCUMENT_ID, kind: 'commentary', target: on('СЕРИЯ 17'), creator: historian });
  await setAnnotationDeleted(db, gone.id, true);
}

/** Everything stored about the library's documents, in a comparable form (scans as bytes). */
async function dump(db: MarginaliaDatabase): Promise<unknown> {
  const scans = await db.scans.orderBy('id').toArray();
  return {
    documents: await db.documents.orderBy('id').toArray(),
    transcriptions: (await db.transcriptions.toArray()).map(({ modified: _m, ...t }) => t),
    scans: await Promise.all(scans.map(async ({ blob, thumbnail, ...s }) => ({ ...s, bytes: [...new Uint8Array(await blob.arrayBuffer())], thumbnail: thumbnail ? [...new Uint8Array(await thumbnail.arrayBuffer())] : null }))),
    annotations: await db.annotations.orderBy('id').toArray(),
  };
}

async function exportPack(db: MarginaliaDatabase, includeScans: boolean): Promise<Uint8Array> {
  const input = await gatherPackInput(db, [SAMPLE_DOCUMENT_ID], { includeScans, creator: historian, generator: 'test' });
  return writePack(input, { includeScans });
}

async function importPack(db: MarginaliaDatabase, bytes: Uint8Array) {
  const pack = readPack(bytes);
  const plan = planMerge(await loadMergeLibrary(db, pack), pack);
  const writes = applyMergePlan(plan, { newId, now: nowIso() });
  await writeMerge(db, writes);
  return { plan, writes };
}

describe('a pack made from the library and opened in another', () => {
  it('gives back the same documents, transcriptions, scans and annotations', async () => {
    const here = await library();
    await annotatedSample(here);
    const there = await library();
    const { plan } = await importPack(there, await exportPack(here, true));
    expect(plan.documents.map((d) => d.status)).toEqual(['new']);
    expect(await dump(there)).toEqual(await dump(here));
    expect(await there.revisions.where('documentId').equals(SAMPLE_DOCUMENT_ID).count()).toBe(1);
  });

  it('changes nothing when opened where it came from, or a second time', async () => {
    const here = await library();
    await annotatedSample(here);
    const bytes = await exportPack(here, false);
    const before = await dump(here);
    const again = await importPack(here, bytes);
    expect(isEmptyMerge(again.writes)).toBe(true);
    expect(again.plan.annotations.every((a) => a.status === 'unchanged')).toBe(true);
    expect(await dump(here)).toEqual(before);
  });
});

describe('a library gathered for a pack in parts', () => {
  it('gives every annotation of the chosen documents once, whatever its id, and the pack holds them all', async () => {
    const db = await library();
    await annotatedSample(db);
    // A second document, and annotations whose ids are not UUIDs or sort at either end.
    const record = (await db.documents.get(SAMPLE_DOCUMENT_ID))!;
    const transcription = (await db.transcriptions.get(SAMPLE_DOCUMENT_ID))!;
    await db.documents.put({ ...record, id: 'second', title: 'A second document' });
    await db.transcriptions.put({ ...transcription, documentId: 'second' });
    const model = (await db.annotations.toArray()).find((a) => a.target.type === 'text')!;
    const ids = ['0', '1ffff', '2', 'c0000000-0000-4000-8000-000000000000', 'f', 'ffffffff-ffff-4fff-8fff-ffffffffffff', 'note-7', 'Заметка', '\uffff'];
    await db.annotations.bulkPut(ids.map((id, i) => ({ ...model, id, documentId: i % 2 ? 'second' : SAMPLE_DOCUMENT_ID, target: { ...model.target, documentId: i % 2 ? 'second' : SAMPLE_DOCUMENT_ID } })));
    // A document not chosen: its annotation is left out.
    await db.annotations.put({ ...model, id: 'elsewhere', documentId: 'not-chosen' });

    const input = await gatherPackInputInParts(db, [SAMPLE_DOCUMENT_ID, 'second'], { includeScans: true, creator: historian, generator: 'test' });
    expect(input.annotationParts.length).toBeGreaterThan(1);
    const gathered = (await Promise.all(input.annotationParts)).flat().map((a) => a.id);
    const expected = (await db.annotations.toArray()).filter((a) => a.documentId !== 'not-chosen').map((a) => a.id);
    expect([...gathered].sort()).toEqual([...expected].sort());
    expect(new Set(gathered).size).toBe(gathered.length);

    const pack = readPack(await writePackAsync(input, {}));
    expect(pack.annotations.map((a) => a.id).sort()).toEqual([...expected].sort());
    expect(pack.documents.map((d) => d.record.id).sort()).toEqual([SAMPLE_DOCUMENT_ID, 'second'].sort());
  });
});
