import 'fake-indexeddb/auto';
import { RangeSet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/annotation';
import { body, target } from '../test-support/annotation-fixtures';
import { createAnnotation, saveAnnotationBody, setAnnotationDeleted } from './annotation-store';
import { loadCreator } from './creator';
import { MarginaliaDatabase } from './database';
import { touchedAnnotationIds, watchDocumentAnnotations, withRecords } from './watch-annotations';

describe('touchedAnnotationIds', () => {
  it('names the annotations a write touched, or all of them when it named a range', () => {
    expect(touchedAnnotationIds('lib', { 'idb://lib/annotations/': new RangeSet().addKeys(['b', 'a']) })).toEqual(new Set(['a', 'b']));
    expect(touchedAnnotationIds('lib', { 'idb://lib/annotations/': new RangeSet('a', 'z') })).toBe('all');
    expect(touchedAnnotationIds('lib', { 'idb://lib/documents/': new RangeSet().addKeys(['a']) })).toEqual(new Set());
    expect(touchedAnnotationIds('lib', { 'idb://other/annotations/': new RangeSet().addKeys(['a']) })).toEqual(new Set());
  });
});

describe('withRecords', () => {
  const make = (id: string, documentId = 'doc', deleted = false) => ({ id, documentId, deleted }) as Annotation;
  const list = [make('a'), make('c')];

  it('puts a changed record in place of the old, adds a new one in id order, and keeps the others', () => {
    const changed = make('c');
    const next = withRecords(list, 'doc', ['c', 'b'], [changed, make('b')]);
    expect(next.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(next[0]).toBe(list[0]);
    expect(next[2]).toBe(changed);
  });

  it('takes out a tombstone, a record moved to another document and one gone from the table', () => {
    expect(withRecords(list, 'doc', ['a'], [make('a', 'doc', true)]).map((a) => a.id)).toEqual(['c']);
    expect(withRecords(list, 'doc', ['a'], [make('a', 'other')]).map((a) => a.id)).toEqual(['c']);
    expect(withRecords(list, 'doc', ['c'], [undefined]).map((a) => a.id)).toEqual(['a']);
  });

  it('answers the list itself when nothing of this document changed', () => {
    expect(withRecords(list, 'doc', ['x'], [make('x', 'other')])).toBe(list);
  });
});

describe('watchDocumentAnnotations', () => {
  let db: MarginaliaDatabase;
  let count = 0;
  beforeEach(() => {
    db = new MarginaliaDatabase(`watch-${++count}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  /** The lists the watcher gives, and a way to wait for the next. */
  function watch(documentId: string) {
    const lists: Annotation[][] = [];
    let waiting: ((list: Annotation[]) => void) | null = null;
    const stop = watchDocumentAnnotations(
      db,
      documentId,
      (list) => {
        lists.push(list);
        waiting?.(list);
        waiting = null;
      },
      (error) => {
        throw error;
      },
    );
    const next = () => new Promise<Annotation[]>((resolve) => (waiting = resolve));
    return { lists, next, stop };
  }

  it('gives the whole list, then after each write the records it touched, the others kept as they were', async () => {
    const creator = await loadCreator(db, 'A. Historian');
    const first = await createAnnotation(db, { documentId: 'doc', kind: 'commentary', target, creator });
    const second = await createAnnotation(db, { documentId: 'doc', kind: 'translation', target, creator });
    const watcher = watch('doc');
    const initial = await watcher.next();
    expect(initial.map((a) => a.id).sort()).toEqual([first.id, second.id].sort());

    let next = watcher.next();
    await saveAnnotationBody(db, first.id, body('A first note.'));
    const afterSave = await next;
    expect(afterSave.find((a) => a.id === first.id)?.body).toEqual(body('A first note.'));
    expect(afterSave.find((a) => a.id === second.id)).toBe(initial.find((a) => a.id === second.id));

    // Another document's annotation changes nothing here; this document's new one is added.
    next = watcher.next();
    await createAnnotation(db, { documentId: 'elsewhere', kind: 'commentary', target: { ...target, documentId: 'elsewhere' }, creator });
    const third = await createAnnotation(db, { documentId: 'doc', kind: 'commentary', target, creator });
    expect((await next).map((a) => a.id)).toContain(third.id);
    expect(watcher.lists).toHaveLength(3);

    next = watcher.next();
    await setAnnotationDeleted(db, second.id, true);
    expect((await next).map((a) => a.id).sort()).toEqual([first.id, third.id].sort());
    watcher.stop();
  });

  it('reads the whole list again after a write of many records at once', async () => {
    const creator = await loadCreator(db, 'A. Historian');
    const many = await Promise.all(Array.from({ length: 60 }, () => createAnnotation(db, { documentId: 'other', kind: 'commentary', target, creator })));
    const watcher = watch('doc');
    expect(await watcher.next()).toEqual([]);
    const next = watcher.next();
    // 50 records and more: Dexie names the whole table, not their keys.
    await db.annotations.bulkPut(many.map((a) => ({ ...a, documentId: 'doc' })));
    expect(await next).toHaveLength(60);
    watcher.stop();
  });
});
