/**
 * One copy of each short string that records read in bulk repeat.
 *
 * IndexedDB hands every record back through a structured clone, which makes a fresh copy of
 * every string in it: the 10,000 annotations of one document come with 10,000 copies of its id,
 * of "TextQuoteSelector" and "TextPositionSelector", of each author's id and name, of
 * "paragraph" and "text" in every body. Those the view keeps for as long as the document is
 * open. Pointing each such value at one shared copy lets the others be collected.
 *
 * Values longer than SHARED_UP_TO are left alone: the quoted words and the bodies' text rarely
 * repeat, and looking each one up would cost more than it saves. Property names need nothing:
 * the JavaScript engine already keeps one copy of each.
 */

/** Longest string shared: a `urn:uuid:` id (45 characters) and a timestamp fit. */
export const SHARED_UP_TO = 64;

/** Replaces, in place, each short string value in `records` (at any depth) by one copy per value; answers `records`. */
export function shareRepeatedStrings<T>(records: T[]): T[] {
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
  for (const record of records) if (walkable(record)) visit(record);
  return records;
}
