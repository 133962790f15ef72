import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, TextTarget } from '../../shared/annotation';
import { transcriptionFromJSON } from '../../shared/transcription/schema';
import {
  createAnnotation,
  liveAnnotations,
  openingAnnotations,
  saveAnnotationBody,
  saveBodyLanguage,
  saveCrossReference,
  setAnnotationDeleted,
} from './annotation-store';
import { loadCreator, renameCreator } from './creator';
import { MarginaliaDatabase } from './database';
import { ensureSampleLibrary, SAMPLE_DOCUMENT_ID, type SampleSource } from './sample-library';

const sampleText = readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');
let loads = 0;
const loadSample = async (): Promise<SampleSource> => {
  loads++;
  return {
    text: sampleText,
    facsimiles: [0, 1, 2, 3].map((sheetIndex) => ({
      sheetIndex,
      blob: new Blob([`png ${sheetIndex}`], { type: 'image/png' }),
      width: 1240,
      height: 1754,
    })),
  };
};

const target: TextTarget = {
  type: 'text',
  documentId: SAMPLE_DOCUMENT_ID,
  quote: { type: 'TextQuoteSelector', exact: 'беседы Кенана с Маликом', prefix: 'Исходя из ', suffix: ', из хода' },
  position: { type: 'TextPositionSelector', start: 100, end: 123 },
};

let db: MarginaliaDatabase;
let dbCount = 0;

beforeEach(async () => {
  db = new MarginaliaDatabase(`test-${++dbCount}`);
  await db.open();
  loads = 0;
});
afterEach(async () => {
  await db.delete();
});

describe('the sample library', () => {
  it('installs the telegram with its metadata, four sheets and four facsimiles on first run', async () => {
    expect(await ensureSampleLibrary(db, loadSample)).toBe(true);
    const doc = await db.documents.get(SAMPLE_DOCUMENT_ID);
    expect(doc?.title).toBe('Ciphered Telegram from Mao Zedong to Filippov [Stalin]');
    expect(doc?.dateIso).toBe('1951-07-20');
    expect(doc?.sheetCount).toBe(4);
    const transcription = await db.transcriptions.get(SAMPLE_DOCUMENT_ID);
    expect(transcriptionFromJSON(transcription!).childCount).toBe(4);
    const scans = await db.scans.where('documentId').equals(SAMPLE_DOCUMENT_ID).sortBy('sheetIndex');
    expect(scans.map((s) => [s.sheetIndex, s.generated])).toEqual([[0, true], [1, true], [2, true], [3, true]]);
    const revisions = await db.revisions.where('documentId').equals(SAMPLE_DOCUMENT_ID).toArray();
    expect(revisions.map((r) => [r.number, r.creator.name, r.transcription.doc])).toEqual([[1, 'Imported', transcription!.doc]]);
  });

  it('is installed once: a second start, or a deleted sample, does not bring it back', async () => {
    await ensureSampleLibrary(db, loadSample);
    expect(await ensureSampleLibrary(db, loadSample)).toBe(false);
    await db.documents.delete(SAMPLE_DOCUMENT_ID);
    expect(await ensureSampleLibrary(db, loadSample)).toBe(false);
    expect(loads).toBe(1);
    expect(await db.documents.count()).toBe(0);
  });

  it('leaves the library empty when the sample cannot be loaded', async () => {
    await expect(ensureSampleLibrary(db, () => Promise.reject(new Error('missing asset')))).rejects.toThrow('missing asset');
    expect(await db.documents.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
  });
});

describe('annotations', () => {
  it('are created with creator, timestamps and revision 1, and bodies are saved with a new revision', async () => {
    const creator = await loadCreator(db, 'A. Historian');
    const created = await createAnnotation(db, { documentId: SAMPLE_DOCUMENT_ID, kind: 'translation', target, creator });
    expect(created.creator).toEqual(creator);
    expect(created.body.language).toBe('en');
    expect(created.created).toMatch(/Z$/);
    const body = { doc: { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kennan' }] }] }, language: 'en' };
    const saved = await saveAnnotationBody(db, created.id, body);
    expect(saved?.revision).toBe(2);
    expect((await db.annotations.get(created.id))?.body).toEqual(body);
    // Saving the same body again is not a change.
    expect((await saveAnnotationBody(db, created.id, body))?.revision).toBe(2);
    // Changing the language keeps the text.
    const german = await saveBodyLanguage(db, created.id, 'de');
    expect(german?.body).toEqual({ ...body, language: 'de' });
    expect(german?.revision).toBe(3);
  });

  it('keeps a tombstone on delete, which undo restores', async () => {
    const creator = await loadCreator(db, 'A. Historian');
    const a = await createAnnotation(db, { documentId: SAMPLE_DOCUMENT_ID, kind: 'commentary', target, creator });
    await setAnnotationDeleted(db, a.id, true);
    expect(await liveAnnotations(db, SAMPLE_DOCUMENT_ID)).toHaveLength(0);
    expect((await db.annotations.get(a.id))?.deleted).toBe(true);
    await setAnnotationDeleted(db, a.id, false);
    expect((await liveAnnotations(db, SAMPLE_DOCUMENT_ID)).map((x) => x.id)).toEqual([a.id]);
  });

  it('reads the annotations on the opening words of a document alone: not later words, regions, tombstones or other documents', async () => {
    const creator = await loadCreator(db, 'A. Historian');
    const at = (start: number, documentId = SAMPLE_DOCUMENT_ID): TextTarget => ({ ...target, documentId, position: { type: 'TextPositionSelector', start, end: start + 5 } });
    const first = await createAnnotation(db, { documentId: SAMPLE_DOCUMENT_ID, kind: 'commentary', target: at(0), creator });
    const near = await createAnnotation(db, { documentId: SAMPLE_DOCUMENT_ID, kind: 'translation', target: at(999), creator });
    await createAnnotation(db, { documentId: SAMPLE_DOCUMENT_ID, kind: 'commentary', target: at(1000), creator });
    await createAnnotation(db, { documentId: 'another', kind: 'commentary', target: at(10, 'another'), creator });
    const gone = await createAnnotation(db, { documentId: SAMPLE_DOCUMENT_ID, kind: 'commentary', target: at(20), creator });
    await setAnnotationDeleted(db, gone.id, true);
    await createAnnotation(db, {
      documentId: SAMPLE_DOCUMENT_ID,
      kind: 'commentary',
      target: { type: 'region', documentId: SAMPLE_DOCUMENT_ID, scanId: 's1', sheetIndex: 0, selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:1,2,3,4' } },
      creator,
    });
    const opening = await openingAnnotations(db, SAMPLE_DOCUMENT_ID, 1000);
    expect(opening.map((a) => a.id).sort()).toEqual([first.id, near.id].sort());
    expect(await liveAnnotations(db, SAMPLE_DOCUMENT_ID)).toHaveLength(4);
  });

  it('reads every live annotation of a document of thousands, page after page, and no other document’s', async () => {
    const creator = await loadCreator(db, 'A. Historian');
    const record = (i: number, documentId: string, deleted = false): Annotation => ({
      id: `urn:uuid:${String(i).padStart(6, '0')}`,
      documentId,
      kind: 'commentary' as const,
      target: { ...target, documentId },
      links: [],
      body: { doc: { type: 'doc', content: [] }, language: 'en' },
      crossref: null,
      creator,
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      revision: 1,
      deleted,
      lineage: [`h${i}`],
    });
    // Ids of the two documents interleave, as random ids do; every seventh is a tombstone.
    await db.annotations.bulkPut(Array.from({ length: 2600 }, (_, i) => record(i, i % 3 === 0 ? 'other' : SAMPLE_DOCUMENT_ID, i % 7 === 0)));
    const live = await liveAnnotations(db, SAMPLE_DOCUMENT_ID);
    const expected = Array.from({ length: 2600 }, (_, i) => i).filter((i) => i % 3 !== 0 && i % 7 !== 0);
    expect(live.map((a) => a.id)).toEqual(expected.map((i) => `urn:uuid:${String(i).padStart(6, '0')}`));
    expect(live.length).toBeGreaterThan(1000);
  });

  it('stores where a cross-reference points', async () => {
    const creator = await loadCreator(db, 'A. Historian');
    const a = await createAnnotation(db, { documentId: SAMPLE_DOCUMENT_ID, kind: 'crossref', target, creator });
    const external = {
      type: 'external' as const,
      citation: 'FRUS 1951, vol. VII, Korea and China, Part 1',
      url: 'https://history.state.gov/historicaldocuments/frus1951v07p1',
    };
    await saveCrossReference(db, a.id, external);
    expect((await db.annotations.get(a.id))?.crossref).toEqual(external);
  });
});

describe('the creator', () => {
  it('is made once with a stable id and keeps it when renamed', async () => {
    const first = await loadCreator(db, 'historian');
    expect(first.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(await loadCreator(db, 'someone else')).toEqual(first);
    const renamed = await renameCreator(db, first, 'Dr. N. Petrova');
    expect(renamed).toEqual({ id: first.id, name: 'Dr. N. Petrova' });
    expect(await loadCreator(db, 'x')).toEqual(renamed);
  });
});

describe('schema upgrades', () => {
  it('opens a version 1 library and upgrades it to the current version without losing anything', async () => {
    const name = `v1-${++dbCount}`;
    // A library as version 1 of the app wrote it.
    const { default: Dexie } = await import('dexie');
    const v1 = new Dexie(name);
    v1.version(1).stores({
      documents: 'id, title, dateIso, modified',
      transcriptions: 'documentId',
      scans: 'id, documentId, [documentId+sheetIndex]',
      annotations: 'id, documentId, kind, modified, creator.id',
      settings: 'key',
    });
    await v1.table('documents').put({ id: 'd1', title: 'Old document', originalLanguage: 'Russian', languageCode: 'ru', sheetCount: 2 });
    const oldText = {
      type: 'doc',
      content: [{ type: 'sheet', attrs: { label: 'Sheet 1', numberAsWritten: '' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x y' }] }] }],
    };
    await v1.table('transcriptions').put({ documentId: 'd1', schemaVersion: 1, doc: oldText, modified: '2026-01-02T03:04:05.000Z' });
    await v1.table('scans').bulkPut([
      { id: 's1', documentId: 'd1', sheetIndex: 0, blob: new Blob(['a']), mime: 'image/png', size: 1, width: 1, height: 1, generated: false, caption: '' },
      { id: 's2', documentId: 'd1', sheetIndex: 1, blob: new Blob(['b']), mime: 'image/png', size: 1, width: 1, height: 1, generated: false, caption: '' },
    ]);
    await v1.table('annotations').put({
      id: 'a1',
      documentId: 'd1',
      kind: 'commentary',
      target: { documentId: 'd1', quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } },
      crossref: { type: 'passage', target: { documentId: 'd1', quote: { type: 'TextQuoteSelector', exact: 'y', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 2, end: 3 } } },
    });
    v1.close();

    const upgraded = new MarginaliaDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(8);
    const doc = await upgraded.documents.get('d1');
    expect(doc).toMatchObject({ title: 'Old document', textLanguage: 'Russian', authors: '', associatedTopics: '', textKind: '' });
    const scans = await upgraded.scans.where('[documentId+order]').between(['d1', 0], ['d1', Infinity]).toArray();
    expect(scans.map((s) => [s.id, s.order, s.thumbnail, s.pageNumber])).toEqual([
      ['s1', 0, null, 1],
      ['s2', 1, null, 1],
    ]);
    expect(await upgraded.annotations.get('a1')).toMatchObject({
      kind: 'commentary',
      target: { type: 'text', documentId: 'd1' },
      links: [],
      crossref: { type: 'passage', target: { type: 'text' } },
    });
    expect((await upgraded.annotations.get('a1'))!.lineage).toHaveLength(1);
    expect(await upgraded.stagedScans.count()).toBe(0);
    // The transcription is readable by the current schema, and is the document's first revision.
    const transcription = (await upgraded.transcriptions.get('d1'))!;
    expect(transcriptionFromJSON(transcription).textContent).toBe('x y');
    const revisions = await upgraded.revisions.where('documentId').equals('d1').toArray();
    expect(revisions.map((r) => [r.number, r.created, r.transcription.doc])).toEqual([[1, '2026-01-02T03:04:05.000Z', oldText]]);
    // Version 6's tables exist and start empty; no annotation gained workbench data.
    expect(await upgraded.glossary.count()).toBe(0);
    expect(await upgraded.segmentations.count()).toBe(0);
    expect((await upgraded.annotations.get('a1'))!.workbench).toBeUndefined();
    await upgraded.delete();
  });
});
