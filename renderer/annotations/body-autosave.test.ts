import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnotation } from '../db/annotation-store';
import { loadCreator } from '../db/creator';
import { MarginaliaDatabase } from '../db/database';
import { AUTOSAVE_DELAY_MS, BodyAutosave, type SaveState } from './body-autosave';
import { pendingDrafts } from './draft-journal';
import { MemoryStorage } from '../test-support/memory-storage';
import { body, target } from '../test-support/annotation-fixtures';

let db: MarginaliaDatabase;
let n = 0;
let annotationId: string;

beforeEach(async () => {
  vi.stubGlobal('localStorage', new MemoryStorage());
  db = new MarginaliaDatabase(`autosave-${++n}`);
  await db.open();
  const creator = await loadCreator(db, 'Tester');
  annotationId = (await createAnnotation(db, { documentId: 'doc', kind: 'commentary', target, creator })).id;
});
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await db.delete();
});

describe('BodyAutosave', () => {
  it('journals every change at once and saves it after the delay', async () => {
    vi.useFakeTimers();
    const autosave = new BodyAutosave(db);
    const states: SaveState[] = [];
    autosave.onStateChange((_, state) => states.push(state));
    autosave.change(annotationId, body('Ser'));
    autosave.change(annotationId, body('Series'));
    expect(pendingDrafts().map((d) => d.body)).toEqual([body('Series')]);
    expect((await db.annotations.get(annotationId))?.body).not.toEqual(body('Series'));

    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    vi.useRealTimers();
    await vi.waitFor(async () => expect((await db.annotations.get(annotationId))?.body).toEqual(body('Series')));
    expect(pendingDrafts()).toEqual([]);
    expect(states).toEqual(['pending', 'pending', 'saving', 'saved']);
  });

  it('saves at once on flush (blur, window closing)', async () => {
    const autosave = new BodyAutosave(db);
    autosave.change(annotationId, body('On blur'));
    await autosave.flushAll();
    expect((await db.annotations.get(annotationId))?.body).toEqual(body('On blur'));
    expect(pendingDrafts()).toEqual([]);
  });

  it('recovers on the next start what a reload interrupted before it was saved', async () => {
    new BodyAutosave(db).change(annotationId, body('Typed just before the reload'));
    // The page goes away: its timers never fire. A new page starts with the same storage.
    const next = new BodyAutosave(db);
    expect(await next.recoverDrafts()).toBe(1);
    expect((await db.annotations.get(annotationId))?.body).toEqual(body('Typed just before the reload'));
    expect(pendingDrafts()).toEqual([]);
  });

  it('keeps a newer draft that arrived while an older one was being saved', async () => {
    const autosave = new BodyAutosave(db);
    autosave.change(annotationId, body('first'));
    const saving = autosave.flush(annotationId);
    autosave.change(annotationId, body('first and second'));
    await saving;
    expect(pendingDrafts().map((d) => d.body)).toEqual([body('first and second')]);
    await autosave.flushAll();
    expect((await db.annotations.get(annotationId))?.body).toEqual(body('first and second'));
  });
});
