import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BodyAutosave, type SaveState } from '../annotations/body-autosave';
import { pendingDrafts } from '../annotations/draft-journal';
import { createAnnotation } from '../db/annotation-store';
import { loadCreator } from '../db/creator';
import { MarginaliaDatabase } from '../db/database';
import { FIRST_RETRY_MS } from './retry-timer';
import { storageErrorMessage, storageProblem } from './storage-error';
import { unsavedWork } from './unsaved-work';
import { MemoryStorage } from '../test-support/memory-storage';
import { body, target } from '../test-support/annotation-fixtures';

/** Makes every IndexedDB write fail as a full disk does, while `full.on` is true. */
const full = { on: false };
function quota(): never {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

let db: MarginaliaDatabase;
let n = 0;
let annotationId: string;

beforeEach(async () => {
  vi.stubGlobal('localStorage', new MemoryStorage());
  db = new MarginaliaDatabase(`storage-failure-${++n}`);
  await db.open();
  const creator = await loadCreator(db, 'Tester');
  annotationId = (await createAnnotation(db, { documentId: 'doc', kind: 'commentary', target, creator })).id;
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
      return full.on ? quota() : original.apply(this, args);
    });
  }
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  full.on = false;
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await db.delete();
});

describe('storage errors in words', () => {
  it('tells a full disk from a library that cannot be opened, through Dexie’s wrapping', () => {
    const inner = new DOMException('quota', 'QuotaExceededError');
    expect(storageProblem(Object.assign(new Error('AbortError'), { name: 'AbortError', inner }))).toBe('full');
    expect(storageProblem(Object.assign(new Error('closed'), { name: 'DatabaseClosedError' }))).toBe('unavailable');
    expect(storageProblem(new TypeError('x is undefined'))).toBe('other');
    expect(storageErrorMessage('The annotation', inner)).toMatch(/^The annotation could not be saved: there is no space left for the library/);
  });
});

describe('BodyAutosave when the library refuses the write', () => {
  it('keeps the body in memory and in the journal, says why, and saves it when retried', async () => {
    const autosave = new BodyAutosave(db);
    const states: SaveState[] = [];
    autosave.onStateChange((_, state) => states.push(state));
    full.on = true;
    autosave.change(annotationId, body('Typed on a full disk'));
    await autosave.flush(annotationId);

    expect(states).toEqual(['pending', 'saving', 'error']);
    expect(autosave.stateOf(annotationId)).toBe('error');
    expect(autosave.unsavedBody(annotationId)).toEqual(body('Typed on a full disk'));
    expect(autosave.problemOf(annotationId)).toMatch(/no space left/);
    expect(pendingDrafts().map((d) => d.body)).toEqual([body('Typed on a full disk')]);
    expect(unsavedWork.get(`body:${annotationId}`)?.message).toMatch(/no space left/);

    full.on = false;
    await autosave.retry(annotationId);
    expect((await db.annotations.get(annotationId))?.body).toEqual(body('Typed on a full disk'));
    expect(autosave.stateOf(annotationId)).toBe('saved');
    expect(autosave.unsavedBody(annotationId)).toBeUndefined();
    expect(pendingDrafts()).toEqual([]);
    expect(unsavedWork.get(`body:${annotationId}`)).toBeUndefined();
  });

  it('tries again by itself', async () => {
    vi.useFakeTimers();
    const autosave = new BodyAutosave(db);
    full.on = true;
    autosave.change(annotationId, body('Saved when space is freed'));
    await autosave.flush(annotationId);
    expect(autosave.stateOf(annotationId)).toBe('error');
    full.on = false;
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS + 10);
    vi.useRealTimers();
    await vi.waitFor(async () => expect((await db.annotations.get(annotationId))?.body).toEqual(body('Saved when space is freed')));
    expect(autosave.stateOf(annotationId)).toBe('saved');
  });

  it('does not stop the start when a journalled draft cannot be written', async () => {
    new BodyAutosave(db).change(annotationId, body('Typed before the reload'));
    full.on = true;
    const next = new BodyAutosave(db);
    expect(await next.recoverDrafts()).toBe(0);
    expect(next.stateOf(annotationId)).toBe('error');
    expect(pendingDrafts().map((d) => d.body)).toEqual([body('Typed before the reload')]);
    full.on = false;
    await next.flushAll();
    expect((await db.annotations.get(annotationId))?.body).toEqual(body('Typed before the reload'));
  });

  it('a later body typed after a failure replaces the failed one', async () => {
    const autosave = new BodyAutosave(db);
    full.on = true;
    autosave.change(annotationId, body('first'));
    await autosave.flush(annotationId);
    autosave.change(annotationId, body('first and second'));
    expect(autosave.stateOf(annotationId)).toBe('error'); // still not saved
    full.on = false;
    await autosave.flush(annotationId);
    expect((await db.annotations.get(annotationId))?.body).toEqual(body('first and second'));
    expect(autosave.stateOf(annotationId)).toBe('saved');
    expect(autosave.problemOf(annotationId)).toBeUndefined();
  });
});
