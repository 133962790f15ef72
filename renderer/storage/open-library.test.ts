import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { LibraryBlocked, openLibrary, startupFailureMessage } from './open-library';

describe('openLibrary', () => {
  it('gives up on a library another connection holds open at an older version', async () => {
    const old = new Dexie('blocked-library');
    old.version(1).stores({ things: 'id' });
    await old.open();
    old.on('versionchange', () => false); // the other window does not let go
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const next = new Dexie('blocked-library');
    next.version(2).stores({ things: 'id, name' });
    const opening = openLibrary(next, 50);
    await expect(opening).rejects.toBeInstanceOf(LibraryBlocked);
    expect(startupFailureMessage(await opening.catch((e: unknown) => e))).toMatch(/Close the other windows/);
    old.close();
    next.close();
    warn.mockRestore();
  });

  it('opens a library nobody blocks', async () => {
    const db = new Dexie('free-library');
    db.version(1).stores({ things: 'id' });
    await openLibrary(db, 50);
    expect(db.isOpen()).toBe(true);
    await db.delete();
  });
});

describe('startupFailureMessage', () => {
  it('says what to do for each kind of failure, not the error name alone', () => {
    expect(startupFailureMessage(Object.assign(new Error('indexedDB API missing'), { name: 'MissingAPIError' }))).toMatch(/private windows/);
    expect(startupFailureMessage(Object.assign(new Error('x'), { name: 'OpenFailedError', inner: { name: 'VersionError' } }))).toMatch(/newer version/);
    expect(startupFailureMessage(Object.assign(new Error('OpenFailedError: UnknownError Internal error'), { name: 'OpenFailedError' }))).toBe(
      'The browser could not open the library’s storage (UnknownError Internal error). Restarting the browser, or the computer, usually mends this; your library is not deleted.',
    );
  });
});
