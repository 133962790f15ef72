/**
 * What went wrong when the library (IndexedDB) refused a write or could not be opened, in words
 * a historian can act on. Dexie wraps the browser's errors (an AbortError whose `inner` is the
 * QuotaExceededError, a DatabaseClosedError, an OpenFailedError…), so the whole chain is read.
 */

/** `full`: no space left; `unavailable`: the database cannot be opened or written; `other`: anything else. */
export type StorageProblem = 'full' | 'unavailable' | 'other';

const UNAVAILABLE = new Set([
  'DatabaseClosedError',
  'OpenFailedError',
  'MissingAPIError',
  'InvalidStateError',
  'UnknownError',
  'VersionError',
  'InvalidAccessError',
  'SecurityError',
  'NotReadableError',
  'BlockedError',
]);

/** The error and the errors it wraps (`inner`, `cause`, a bulk operation's `failures`), outermost first. */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  const queue = [error];
  while (queue.length > 0 && out.length < 16) {
    const e = queue.shift();
    if (e === null || e === undefined || out.includes(e)) continue;
    out.push(e);
    if (typeof e === 'object') {
      const o = e as { inner?: unknown; cause?: unknown; failures?: unknown };
      queue.push(o.inner, o.cause);
      if (Array.isArray(o.failures)) queue.push(...o.failures);
      else if (o.failures && typeof o.failures === 'object') queue.push(...Object.values(o.failures));
    }
  }
  return out;
}

function nameOf(e: unknown): string {
  return e && typeof e === 'object' && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : '';
}

export function storageProblem(error: unknown): StorageProblem {
  const names = chain(error).map(nameOf);
  if (names.includes('QuotaExceededError')) return 'full';
  if (names.some((n) => UNAVAILABLE.has(n))) return 'unavailable';
  return 'other';
}

/** The innermost message, without Dexie's "Name: " prefixes, for the parenthesis of a message. */
function detail(error: unknown): string {
  const messages = chain(error)
    .map((e) => (e instanceof Error || (e && typeof e === 'object' && 'message' in e) ? String((e as { message: unknown }).message) : typeof e === 'string' ? e : ''))
    .filter((m) => m.trim() !== '');
  const last = messages[messages.length - 1] ?? String(error);
  return last.replace(/^(\w+Error:\s*)+/, '').trim();
}

/** Why the library refused, as a clause: "there is no space left for the library — …". */
export function storageReason(error: unknown): string {
  switch (storageProblem(error)) {
    case 'full':
      return 'there is no space left for the library — the disk, or the share of it this browser lets Marginalia use, is full';
    case 'unavailable':
      return `the library cannot be written to just now (${detail(error)})`;
    case 'other':
      return detail(error);
  }
}

/**
 * Why `what` (e.g. "The annotation", "The transcription") could not be saved, as a sentence.
 * The caller adds what is kept and what the user can do.
 */
export function storageErrorMessage(what: string, error: unknown): string {
  return storageProblem(error) === 'other'
    ? `${what} could not be saved (${storageReason(error)}).`
    : `${what} could not be saved: ${storageReason(error)}.`;
}

/** Whether an error came from the library's storage rather than from the work itself. */
export function isStorageError(error: unknown): boolean {
  return storageProblem(error) !== 'other';
}
