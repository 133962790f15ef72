import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MarginaliaDatabase } from '../db/database';
import type { StagedScanRecord } from '../db/records';
import { ImportFailure, storageRefusal } from './import-failure';
import { discardInterruptedImports } from './import-scans';

function staged(id: string, importId: string): StagedScanRecord {
  return {
    id,
    importId,
    documentId: 'doc',
    sheetIndex: 0,
    blob: new Blob([new Uint8Array([1, 2, 3])]),
    mime: 'image/png',
    size: 3,
    width: 1,
    height: 1,
    generated: false,
    caption: '',
    order: 0,
    thumbnail: null,
    sourceName: 'scan.png',
    pageNumber: 1,
  };
}

let db: MarginaliaDatabase;
let n = 0;
beforeEach(async () => {
  db = new MarginaliaDatabase(`interrupted-${++n}`);
  await db.open();
  await db.stagedScans.bulkAdd([staged('a1', 'crashed'), staged('a2', 'crashed'), staged('b1', 'running')]);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

describe('discardInterruptedImports', () => {
  it('deletes the pages of imports nobody is running, and keeps those of one running in another window', async () => {
    vi.stubGlobal('navigator', { locks: { query: async () => ({ held: [{ name: 'marginalia:scan-import:running', mode: 'exclusive' }] }) } });
    await discardInterruptedImports(db);
    expect((await db.stagedScans.toArray()).map((s) => s.id)).toEqual(['b1']);
  });

  it('deletes every staged page where the browser has no Web Locks', async () => {
    vi.stubGlobal('navigator', {});
    await discardInterruptedImports(db);
    expect(await db.stagedScans.count()).toBe(0);
  });
});

describe('storageRefusal', () => {
  it('turns a full disk into a refusal naming every file, and leaves other errors alone', () => {
    const full = Object.assign(new Error('AbortError'), { name: 'AbortError', inner: new DOMException('quota', 'QuotaExceededError') });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const refusal = storageRefusal(['a.pdf', 'b.png'], full);
    expect(refusal).toBeInstanceOf(ImportFailure);
    expect(refusal!.problems.map((p) => p.message)).toEqual([
      '“a.pdf” cannot be imported: it could not be stored, as there is no space left for the library — the disk, or the share of it this browser lets Marginalia use, is full.',
      '“b.png” cannot be imported: it could not be stored, as there is no space left for the library — the disk, or the share of it this browser lets Marginalia use, is full.',
    ]);
    expect(storageRefusal(['a.pdf'], new TypeError('bad'))).toBeNull();
  });
});
