/**
 * One copy of each short string that records read in bulk repeat.
 *
 * IndexedDB hands every record back through a structured clone, which makes a fresh copy of
 * every string in it: the 10,000 annotations of one document come with 10,000 copies of its id,
 * of "TextQuoteSelector" and "TextPositionSelector", of each author's id and name, of
 * "paragraph" and "text" in every body. Those the view keeps for as long as the document is
 * open. Pointing each such value at one shared copy lets the others be collected. The view
 * shares the records it keeps (annotations/stable.ts): a record read again unchanged is
 * dropped for the one kept, and costs nothing more.
 *
 * Values longer than SHARED_UP_TO are left alone: the quoted words and the bodies' text rarely
 * repeat, and looking each one up would cost more than it saves. Property names need nothing:
 * the JavaScript engine already keeps one copy of each.
 */

/** Longest string shared: a `urn:uuid:` id (45 characters) and a timestamp fit. */
export const SHARED_UP_TO = 64;

/**
 * A sharer: each record given to it has, in place and at any depth, each short string value
 * replaced by the one copy the sharer holds of that value (the first it was given). Records
 * given to one sharer share with each other; the sharer itself (its table of every distinct
 * value) is meant to be let go once they are shared.
 */
export function stringSharer(): <T>(record: T) => T {
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
  const visit = (node: Record<string, unknown> | unknown[]): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const value = node[i];
        if (typeof value === 'string') {
          if (value.length <= SHARED_UP_TO) node[i] = share(value);
        } else if (walkable(value)) visit(value);
      }
      return;
    }
    for (const key in node) {
      const value = node[key];
      if (typeof value === 'string') {
        if (value.length <= SHARED_UP_TO) node[key] = share(value);
      } else if (walkable(value)) visit(value);
    }
  };
  return (record) => {
    if (walkable(record)) visit(record);
    return record;
  };
}
