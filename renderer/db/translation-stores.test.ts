/** The workbench's stores: segment translations, the library glossary, segmentation corrections. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TextTarget } from '../../shared/annotation';
import type { GlossaryEntry } from '../../shared/glossary/types';
import type { SegmentWorkbench } from '../../shared/translation/types';
import { createAnnotation, saveAnnotationBody, saveWorkbench } from './annotation-store';
import { MarginaliaDatabase } from './database';
import { deleteGlossaryEntry, loadGlossary, replaceGlossary, restoreGlossaryEntry, saveGlossaryEntry } from './glossary-store';
import { loadSegmentation, saveSegmentation } from './segmentation-store';

const target: TextTarget = {
  type: 'text',
  documentId: 'd1',
  quote: { type: 'TextQuoteSelector', exact: 'Противник', prefix: '', suffix: ' стремится' },
  position: { type: 'TextPositionSelector', start: 0, end: 9 },
};
const creator = { id: 'urn:uuid:00000000-0000-4000-8000-000000000001', name: 'T. Translator' };
const para = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const entry = (id: string, source: string, preferred: string): GlossaryEntry => ({
  id, source, forms: [], stem: '', preferred, admitted: [], forbidden: [], notes: '',
});

let db: MarginaliaDatabase;
let n = 0;
beforeEach(async () => {
  db = new MarginaliaDatabase(`translation-stores-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('segment translations', () => {
  it('start with their chosen rendering as the body, and a status change is a new version', async () => {
    const workbench: SegmentWorkbench = { status: 'draft', alternatives: [{ id: 'alt-1', doc: para('The enemy') }], chosen: 'alt-1', note: null };
    const created = await createAnnotation(db, { documentId: 'd1', kind: 'translation', target, creator, language: 'en', workbench });
    expect(created.body.doc).toEqual(para('The enemy'));
    const reviewed = await saveWorkbench(db, created.id, { ...workbench, status: 'reviewed' });
    expect(reviewed?.workbench?.status).toBe('reviewed');
    expect(reviewed?.revision).toBe(2);
    expect(reviewed?.lineage).toHaveLength(2);
  });

  it('choosing another rendering makes it the body that cards and exports read', async () => {
    const workbench: SegmentWorkbench = { status: 'draft', alternatives: [{ id: 'alt-1', doc: para('The enemy') }], chosen: 'alt-1', note: null };
    const created = await createAnnotation(db, { documentId: 'd1', kind: 'translation', target, creator, workbench });
    const both = { ...workbench, alternatives: [...workbench.alternatives, { id: 'alt-2', doc: para('The adversary') }], chosen: 'alt-2' };
    await saveWorkbench(db, created.id, both);
    expect((await db.annotations.get(created.id))?.body.doc).toEqual(para('The adversary'));
    // Saving the same thing again is no new version.
    const again = await saveWorkbench(db, created.id, both);
    expect(again?.revision).toBe(2);
  });
});

describe('the library glossary', () => {
  it('keeps entries in the order they were added, and refuses an entry with problems, saying why', async () => {
    await saveGlossaryEntry(db, entry('zone', 'буферная зона', 'buffer zone'));
    await saveGlossaryEntry(db, entry('line', 'военная разгранлиния', 'military demarcation line'));
    await saveGlossaryEntry(db, { ...entry('zone', 'буферная зона', 'buffer zone'), notes: 'Korean War usage' });
    const glossary = await loadGlossary(db);
    expect(glossary.entries.map((e) => [e.id, e.notes])).toEqual([['zone', 'Korean War usage'], ['line', '']]);
    await expect(saveGlossaryEntry(db, { ...entry('bad', 'противник', 'enemy'), forbidden: ['Enemy'] })).rejects.toThrow(
      /both the preferred rendering and a forbidden one/,
    );
    expect((await loadGlossary(db)).entries).toHaveLength(2);
  });

  it('deleting an entry can be undone; replacing the glossary is all or nothing', async () => {
    await saveGlossaryEntry(db, entry('zone', 'буферная зона', 'buffer zone'));
    const removed = await deleteGlossaryEntry(db, 'zone');
    expect((await loadGlossary(db)).entries).toHaveLength(0);
    await restoreGlossaryEntry(db, removed!);
    expect((await loadGlossary(db)).entries.map((e) => e.id)).toEqual(['zone']);

    // Two entries with one id: the second add fails, so nothing of the new glossary is written.
    const clash = { sourceLanguage: 'ru', targetLanguage: 'en', entries: [entry('a', 'один', 'one'), entry('a', 'два', 'two')] };
    await expect(replaceGlossary(db, clash)).rejects.toThrow();
    expect((await loadGlossary(db)).entries.map((e) => e.id)).toEqual(['zone']);

    await replaceGlossary(db, { sourceLanguage: 'ru', targetLanguage: 'en-GB', entries: [entry('b', 'прекращение военных действий', 'cessation of hostilities')] });
    const replaced = await loadGlossary(db);
    expect(replaced.targetLanguage).toBe('en-GB');
    expect(replaced.entries.map((e) => e.preferred)).toEqual(['cessation of hostilities']);
  });
});

describe('segmentation corrections', () => {
  it('are none until saved, then kept per document', async () => {
    expect(await loadSegmentation(db, 'd1')).toEqual({ splits: [], joins: [] });
    const overrides = { splits: [{ offset: 12, before: 'Противник ст', after: 'ремится' }], joins: [] };
    await saveSegmentation(db, 'd1', overrides);
    expect(await loadSegmentation(db, 'd1')).toEqual(overrides);
    expect(await loadSegmentation(db, 'd2')).toEqual({ splits: [], joins: [] });
  });
});

describe('a workbench translation edited in its annotation card', () => {
  it('changes its chosen rendering too, so the workbench and its progress read the same text', async () => {
    const workbench: SegmentWorkbench = {
      status: 'draft',
      alternatives: [{ id: 'alt-1', doc: para('The enemy') }, { id: 'alt-2', doc: para('The adversary') }],
      chosen: 'alt-2',
      note: null,
    };
    const created = await createAnnotation(db, { documentId: 'd1', kind: 'translation', target, creator, workbench });
    await saveAnnotationBody(db, created.id, { doc: para('The opponent'), language: 'en' });
    const saved = await db.annotations.get(created.id);
    expect(saved?.workbench?.alternatives.map((a) => a.doc)).toEqual([para('The enemy'), para('The opponent')]);
    expect(saved?.workbench?.chosen).toBe('alt-2');
  });
});
