/**
 * Opening the library at start-up so that a failure is a message, never a blank window: a
 * database that another window holds open with an older version (IndexedDB then waits without
 * end) is given up on after a time limit, and every failure is said in words — what happened and
 * what to do — rather than as the browser's error name.
 *
 * Meant for renderer/main.tsx: `await openLibrary(db)` in place of `await db.open()`, and
 * `startupFailureMessage(error)` for the paragraph of its start-up error.
 */
import type Dexie from 'dexie';
import { storageProblem } from './storage-error';

export const BLOCKED_TIMEOUT_MS = 10_000;

export class LibraryBlocked extends Error {
  constructor() {
    super('Another window of Marginalia (or another browser tab with it) holds the library open and has not let go.');
    this.name = 'BlockedError';
  }
}

/** Opens the database; rejects when it fails, or when it stays blocked for `blockedTimeoutMs`. */
export async function openLibrary(db: Dexie, blockedTimeoutMs = BLOCKED_TIMEOUT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const blocked = new Promise<never>((_, reject) => {
    db.on('blocked', () => {
      timer ??= setTimeout(() => reject(new LibraryBlocked()), blockedTimeoutMs);
    });
  });
  try {
    await Promise.race([db.open(), blocked]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

function names(error: unknown): string[] {
  const out: string[] = [];
  for (let e = error, i = 0; e && typeof e === 'object' && i < 8; e = (e as { inner?: unknown }).inner, i++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') out.push(name);
  }
  return out;
}

/** What went wrong opening the library, and what to do, in words. */
export function startupFailureMessage(error: unknown): string {
  const n = names(error);
  if (error instanceof LibraryBlocked || n.includes('BlockedError')) {
    return `${(error as Error).message} Close the other windows and tabs of Marginalia, then start it again.`;
  }
  if (n.includes('MissingAPIError')) {
    return 'This browser does not let Marginalia keep a library here (its storage, IndexedDB, is turned off — as in some private windows). Open Marginalia in an ordinary window, or use the desktop app.';
  }
  if (n.includes('VersionError')) {
    return 'The library was last opened by a newer version of Marginalia, which this version cannot read. Open it with the newer version.';
  }
  if (storageProblem(error) === 'full') {
    return 'There is no space left for the library: the disk, or the share of it this browser lets Marginalia use, is full. Free some space, then start Marginalia again.';
  }
  const detail = error instanceof Error ? error.message.replace(/^(\w+Error:\s*)+/, '') : String(error);
  return `The browser could not open the library’s storage (${detail}). Restarting the browser, or the computer, usually mends this; your library is not deleted.`;
}
