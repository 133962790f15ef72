import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Creator } from '../../shared/annotation';
import { bodyPlainText } from '../../shared/annotation-body-schema';
import { bodyDoc } from '../../shared/translation/test-fixtures';
import { loadCreator } from '../db/creator';
import { MarginaliaDatabase } from '../db/database';
import { DRAFT_SAVE_DELAY_MS, SegmentWriter, type SegmentPlace } from './segment-writer';
import { segmentTarget, withNoteText, withStatus } from './workbench-edits';
import { MemoryStorage } from '../test-support/memory-storage';

const TEXT = 'Товарищу Филиппову. Сегодня тов. Ли Кэ-нун сообщил.';
const place = (segmentId: string, annotationId: string | null = null): SegmentPlace => ({
  documentId: 'doc-1',
  segmentId,
  target: segmentTarget('doc-1', TEXT, segmentId === 's1' ? { start: 0, end: 19 } : { start: 20, end: TEXT.length }),
  annotationId,
});

let db: MarginaliaDatabase;
let creator: Creator;
let n = 0;
const errors: unknown[] = [];
const writer = (): SegmentWriter => new SegmentWriter(db, () => creator, (e) => errors.push(e));
const translations = () => db.annotations.where('documentId').equals('doc-1').toArray();

beforeEach(async () => {
  vi.stubGlobal('localStorage', new MemoryStorage());
  db = new MarginaliaDatabase(`segment-writer-${++n}`);
  await db.open();
  creator = await loadCreator(db, 'Translator');
  errors.length = 0;
});
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await db.delete();
});

describe('SegmentWriter', () => {
  it('creates a draft translation on the segment’s words with the first text, after a pause', async () => {
    vi.useFakeTimers();
    const w = writer();
    w.change(place('s1'), bodyDoc('To'));
    w.change(place('s1'), bodyDoc('To Comrade Filippov.'));
    expect(await translations()).toEqual([]);
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS + 10);
    vi.useRealTimers();
    await vi.waitFor(async () => expect(await translations()).toHaveLength(1));
    const [t] = await translations();
    expect(t!.kind).toBe('translation');
    expect(t!.body.language).toBe('en');
    expect(t!.target).toEqual(place('s1').target);
    expect(t!.workbench?.status).toBe('draft');
    expect(bodyPlainText(t!.body.doc)).toBe('To Comrade Filippov.');
    expect(w.annotationIdOf('s1', null)).toBe(t!.id);
    expect(errors).toEqual([]);
  });

  it('creates nothing for an empty draft, and updates the same translation afterwards', async () => {
    const w = writer();
    w.change(place('s1'), bodyDoc(''));
    expect(await w.flush('s1')).toBeNull();
    expect(await translations()).toEqual([]);
    w.change(place('s1'), bodyDoc('To Comrade'));
    const id = await w.flush('s1');
    w.change(place('s1'), bodyDoc('To Comrade Filippov.'));
    expect(await w.flush('s1')).toBe(id);
    const all = await translations();
    expect(all).toHaveLength(1);
    expect(bodyPlainText(all[0]!.workbench!.alternatives[0]!.doc)).toBe('To Comrade Filippov.');
  });

  it('applies a status after the pending draft, creating the translation first (Ctrl+Shift+Enter at once)', async () => {
    const w = writer();
    w.change(place('s2'), bodyDoc('Today Comrade Li Kenong reported.'));
    const id = await w.update(place('s2'), (wb) => withStatus(wb, 'reviewed'));
    const saved = await db.annotations.get(id!);
    expect(saved!.workbench!.status).toBe('reviewed');
    expect(bodyPlainText(saved!.body.doc)).toBe('Today Comrade Li Kenong reported.');
  });

  it('does not create a translation for a status alone, but does for a note', async () => {
    const w = writer();
    expect(await w.update(place('s1'), (wb) => withStatus(wb, 'final'))).toBeNull();
    expect(await translations()).toEqual([]);
    const id = await w.update(place('s1'), (wb) => withNoteText(wb, 'Who is Filippov?'), true);
    const saved = await db.annotations.get(id!);
    expect(saved!.workbench!.status).toBe('untranslated');
    expect(saved!.workbench!.note).not.toBeNull();
  });

  it('writes drafts a reload left in the journal', async () => {
    const first = writer();
    first.change(place('s1'), bodyDoc('To Comrade Filippov.'));
    first.dispose(); // the page goes away before the pause is over
    expect(await translations()).toEqual([]);
    const second = writer();
    expect(await second.recover('doc-1')).toBe(1);
    const all = await translations();
    expect(all).toHaveLength(1);
    expect(bodyPlainText(all[0]!.body.doc)).toBe('To Comrade Filippov.');
    expect(await writer().recover('doc-1')).toBe(0);
  });
});
