/**
 * A document's live annotations, kept up to date one record at a time.
 *
 * A Dexie live query runs its whole query again after any write it may be affected by: with a
 * document of 10,000 annotations, saving one card's body read all 10,000 back (0.3–0.7 s of the
 * main thread, in the pause after typing, in a profile). Dexie says, after each write
 * transaction commits, which primary keys it touched (its "storagemutated" event, the same one
 * live queries listen to); the watcher reads just those records again and puts them in the
 * list, or takes them out. Where Dexie names a range of keys rather than the keys (a table
 * cleared, a delete by index range), the whole list is read again.
 *
 * Reads run one after another: the first (the whole list) begins after the watcher listens, so a
 * write committed while it runs is read again after it, and nothing is missed.
 */
import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { Annotation } from '../../shared/annotation';
import type { MarginaliaDatabase } from './database';
import { liveAnnotations } from './annotation-store';
import { stringSharer } from './shared-strings';

/** Which annotation records a committed write touched: their ids, 'all' when it named a range, or none. */
export function touchedAnnotationIds(dbName: string, parts: ObservabilitySet): ReadonlySet<string> | 'all' {
  const ids = new Set<string>();
  for (const part of [`idb://${dbName}/annotations/`, `idb://${dbName}/annotations/:dels`]) {
    const tree = parts[part];
    if (!tree) continue;
    // A RangeSet made of the tree (called, not constructed: `new` would take it for a key) walks its ranges.
    for (const range of RangeSet(tree) as unknown as Iterable<{ from: unknown; to: unknown }>) {
      if (typeof range.from !== 'string' || range.from !== range.to) return 'all';
      ids.add(range.from);
    }
  }
  return ids;
}

/**
 * The list with the given records put in their place: each one of this document and not
 * deleted is in it (replacing the one of the same id), any other (another document's, a
 * tombstone, gone from the table: `undefined` for an id read and not found) is not. The list
 * stays in id order, as the whole list is read; records not touched keep their objects. The
 * list itself when nothing in it changed.
 */
export function withRecords(list: Annotation[], documentId: string, touched: readonly string[], records: ReadonlyArray<Annotation | undefined>): Annotation[] {
  const byId = new Map<string, Annotation | null>();
  touched.forEach((id, i) => {
    const record = records[i];
    byId.set(id, record && record.documentId === documentId && !record.deleted ? record : null);
  });
  let changed = false;
  const kept: Annotation[] = [];
  for (const a of list) {
    if (!byId.has(a.id)) kept.push(a);
    else changed = true;
  }
  const added = [...byId.values()].filter((a): a is Annotation => a !== null);
  if (!changed && added.length === 0) return list;
  return [...kept, ...added].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Calls `onList` with the document's live annotations (tombstones left out), then again after
 * every write that changed them. Answers a function that stops watching.
 */
export function watchDocumentAnnotations(
  db: MarginaliaDatabase,
  documentId: string,
  onList: (annotations: Annotation[]) => void,
  onError: (error: unknown) => void,
): () => void {
  let stopped = false;
  let list: Annotation[] | null = null;
  /** What the next read must read: everything, or these ids. */
  let wanted: Set<string> | 'all' | null = 'all';
  let reading = false;

  const readWanted = async (): Promise<void> => {
    reading = true;
    try {
      while (wanted && !stopped) {
        const now = wanted;
        wanted = null;
        let next: Annotation[];
        if (now === 'all' || list === null) {
          next = await liveAnnotations(db, documentId);
        } else {
          const ids = [...now];
          const share = stringSharer();
          const records = await db.annotations.bulkGet(ids);
          next = withRecords(list, documentId, ids, records.map((r) => r && share(r)));
        }
        if (stopped) return;
        if (next !== list) {
          list = next;
          onList(next);
        }
      }
    } catch (error) {
      if (!stopped) onError(error);
    } finally {
      reading = false;
    }
  };

  const onMutated = (parts: ObservabilitySet): void => {
    const touched = touchedAnnotationIds(db.name, parts);
    if (touched === 'all') wanted = 'all';
    else if (touched.size === 0) return;
    else if (wanted !== 'all') wanted = new Set([...(wanted ?? []), ...touched]);
    if (!reading) void readWanted();
  };

  Dexie.on.storagemutated.subscribe(onMutated);
  void readWanted();
  return () => {
    stopped = true;
    Dexie.on.storagemutated.unsubscribe(onMutated);
  };
}
