/**
 * One copy of each short string that records read in bulk repeat.
 *
 * IndexedDB hands every record back through a structured clone, which makes a fresh copy of
 * every string in it: the 10,000 annotations of one document come with 10,000 copies of its id,
 * of "TextQuoteSelector" and "TextPositionSelector", of each author's id and name, of
 * "paragraph" and "text" in every body. Those the view keeps for as long as the document is
 * open. Pointing each such value at one shared copy lets the others be collected.
 * `liveAnnotations` shares each page of records as it reads them, so that a page's copies can go
 * while the next page is read, before the whole list is in.
 *
 * Values longer than SHARED_UP_TO are left alone, and so are the values of keys that are
 * different in every record (UNIQUE_VALUED_KEYS: the quoted words and their context, the
 * bodies' text, timestamps, version hashes, the record's own id): looking each one up would cost
 * more than it saves, and the sharer's table would hold a copy of each — measured with a heap
 * sampling profile while the 10,000-annotation document opened, that table was 5.4 MiB of the
 * peak, for nothing. Property names need nothing: the JavaScript engine already keeps one copy
 * of each.
 */

/** Longest string shared: a `urn:uuid:` id (45 characters) and a timestamp fit. */
export const SHARED_UP_TO = 64;

/** Keys whose string values differ from record to record: never shared, never kept in the table. */
const UNIQUE_VALUED_KEYS: ReadonlySet<string> = new Set(['exact', 'prefix', 'suffix', 'text', 'created', 'modified', 'lineage']);

/** A sharer (see stringSharer), and how many distinct values its table holds. */
export interface StringSharer {
  <T>(record: T): T;
  readonly tableSize: number;
}

/**
 * A sharer: each record given to it has, in place and at any depth, each short string value
 * replaced by the one copy the sharer holds of that value (the first it was given). Records
 * given to one sharer share with each other; the sharer itself (its table of every distinct
 * value) is meant to be let go once they are shared. A record's own `id` (at its top level) and
 * the values of UNIQUE_VALUED_KEYS are left as they are.
 */
export function stringSharer(): StringSharer {
  const pool = new Map<string, string>();
  const share = (value: string): string => {
    const copy = pool.get(value);
    if (copy !== undefined) return copy;
    pool.set(value, value);
    return value;
  };
  // Only plain objects and arrays (JSON-like records); a Blob or a typed array is left as it is.
  const walkable = (value: unknown): value is Record<string, unknown> | unknown[] =>
    value !== null && typeof value === 'object' && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
  const visit = (node: Record<string, unknown> | unknown[], top: boolean): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const value = node[i];
        if (typeof value === 'string') {
          if (value.length <= SHARED_UP_TO) node[i] = share(value);
        } else if (walkable(value)) visit(value, false);
      }
      return;
    }
    for (const key in node) {
      if (UNIQUE_VALUED_KEYS.has(key) || (top && key === 'id')) continue;
      const value = node[key];
      if (typeof value === 'string') {
        if (value.length <= SHARED_UP_TO) node[key] = share(value);
      } else if (walkable(value)) visit(value, false);
    }
  };
  const sharer = <T,>(record: T): T => {
    if (walkable(record)) visit(record, !Array.isArray(record));
    return record;
  };
  return Object.defineProperty(sharer, 'tableSize', { get: () => pool.size }) as StringSharer;
}
