/**
 * Reading and writing annotations. Every write is one transaction, bumps the revision and the
 * modified time, and never removes a record: deletion leaves a tombstone, so it can be undone
 * and so that it travels in packs.
 */
import type {
  Annotation,
  AnnotationBody,
  AnnotationKind,
  Creator,
  CrossReferenceTarget,
  AnnotationTarget,
  TextTarget,
} from '../../shared/annotation';
import { emptyBodyDoc } from '../../shared/annotation-body-schema';
import { extendLineage } from '../../shared/annotation-version';
import type { RegionSelector } from '../../shared/regions/selectors';
import { chosenAlternative, type SegmentWorkbench } from '../../shared/translation/types';
import Dexie from 'dexie';
import type { MarginaliaDatabase } from './database';
import { stringSharer } from './shared-strings';
import { newId, nowIso } from './ids';

export interface NewAnnotation {
  documentId: string;
  kind: AnnotationKind;
  target: AnnotationTarget;
  creator: Creator;
  /** Language of the body; a translation defaults to English. */
  language?: string;
  /** For a translation made in the translator's workbench: its status, renderings and note; the chosen rendering becomes the body. */
  workbench?: SegmentWorkbench;
}

export async function createAnnotation(db: MarginaliaDatabase, input: NewAnnotation): Promise<Annotation> {
  const now = nowIso();
  const annotation: Annotation = {
    id: newId(),
    documentId: input.documentId,
    kind: input.kind,
    target: input.target,
    body: { doc: (input.workbench && chosenAlternative(input.workbench)?.doc) || emptyBodyDoc(), language: input.language ?? 'en' },
    crossref: null,
    links: [],
    creator: input.creator,
    created: now,
    modified: now,
    revision: 1,
    deleted: false,
    lineage: [],
    ...(input.workbench ? { workbench: input.workbench } : {}),
  };
  annotation.lineage = extendLineage([], annotation);
  await db.transaction('rw', db.annotations, () => db.annotations.add(annotation));
  return annotation;
}

/** Applies a change to one annotation, unless it is already in that state. */
async function updateAnnotation(
  db: MarginaliaDatabase,
  id: string,
  change: (current: Annotation) => Partial<Annotation> | null,
): Promise<Annotation | undefined> {
  return db.transaction('rw', db.annotations, async () => {
    const current = await db.annotations.get(id);
    if (!current) return undefined;
    const patch = change(current);
    if (!patch) return current;
    const next: Annotation = { ...current, ...patch, modified: nowIso(), revision: current.revision + 1 };
    next.lineage = extendLineage(patch.lineage ?? current.lineage ?? [], next);
    if (next.conflicts === undefined) delete next.conflicts;
    await db.annotations.put(next);
    return next;
  });
}

/**
 * Saves a body. On a workbench translation the body is the chosen rendering, so that rendering
 * changes with it: the workbench, its progress and glossary check then read the text the card shows.
 */
export function saveAnnotationBody(db: MarginaliaDatabase, id: string, body: AnnotationBody): Promise<Annotation | undefined> {
  return updateAnnotation(db, id, (a) => {
    if (JSON.stringify(a.body) === JSON.stringify(body)) return null;
    if (!a.workbench) return { body };
    const chosen = chosenAlternative(a.workbench);
    const alternatives = a.workbench.alternatives.map((alt) => (alt === chosen ? { ...alt, doc: body.doc } : alt));
    return { body, workbench: { ...a.workbench, alternatives } };
  });
}

/** Changes only the language of a body, keeping its text as stored. */
export function saveBodyLanguage(db: MarginaliaDatabase, id: string, language: string): Promise<Annotation | undefined> {
  return updateAnnotation(db, id, (a) => (a.body.language === language ? null : { body: { ...a.body, language } }));
}

/** Moves or resizes a region annotation: its selector on the same scan. */
export function saveRegionSelector(db: MarginaliaDatabase, id: string, selector: RegionSelector): Promise<Annotation | undefined> {
  return updateAnnotation(db, id, (a) =>
    a.target.type !== 'region' || JSON.stringify(a.target.selector) === JSON.stringify(selector)
      ? null
      : { target: { ...a.target, selector } },
  );
}

/** Replaces the passages an annotation is linked to. */
export function saveLinks(db: MarginaliaDatabase, id: string, links: TextTarget[]): Promise<Annotation | undefined> {
  return updateAnnotation(db, id, (a) => (JSON.stringify(a.links) === JSON.stringify(links) ? null : { links }));
}

export function saveCrossReference(
  db: MarginaliaDatabase,
  id: string,
  crossref: CrossReferenceTarget | null,
): Promise<Annotation | undefined> {
  return updateAnnotation(db, id, (a) => (JSON.stringify(a.crossref) === JSON.stringify(crossref) ? null : { crossref }));
}

export function setAnnotationDeleted(db: MarginaliaDatabase, id: string, deleted: boolean): Promise<Annotation | undefined> {
  return updateAnnotation(db, id, (a) => (a.deleted === deleted ? null : { deleted }));
}

/** How many annotation records are read at once (about 1.7 MB of them, as the benchmark's are). */
const READ_PAGE = 1000;

/** The annotations of a document that are not deleted, their repeated strings shared. */
export async function liveAnnotations(db: MarginaliaDatabase, documentId: string): Promise<Annotation[]> {
  // A page at a time, by id (`getAll` of an index range, not a cursor: Dexie's filter() walks a
  // cursor, one request per record, which for 10,000 took seconds of a live query), each page's
  // repeated strings pointed at one copy before the next page is read, so that the copies of
  // one page can go while the next comes (shared-strings.ts). The tombstones are left out here.
  // In a transaction of its own, so that Dexie's live-query cache does not deep-clone all of
  // them (13 MB for 10,000) each time one is saved; the query stays live all the same.
  return db.transaction('r', db.annotations, async () => {
    const share = stringSharer();
    const live: Annotation[] = [];
    let after: string | null = null;
    for (;;) {
      const range = db.annotations.where('[documentId+id]');
      const page: Annotation[] = await (after === null
        ? range.between([documentId, Dexie.minKey], [documentId, Dexie.maxKey])
        : range.between([documentId, after], [documentId, Dexie.maxKey], false)
      )
        .limit(READ_PAGE)
        .toArray();
      for (const a of page) if (!a.deleted) live.push(share(a));
      if (page.length < READ_PAGE) return live;
      after = page[page.length - 1]!.id;
    }
  });
}

/**
 * The annotations of a document on words that begin within its first `characters` characters,
 * not deleted: those a reader sees first, read in a fraction of the time all of them take
 * (an index range rather than every record of the document). Their stored positions may lag
 * behind edits of the text not yet re-anchored; this is a first view, not the list.
 */
export async function openingAnnotations(db: MarginaliaDatabase, documentId: string, characters: number): Promise<Annotation[]> {
  const first = await db.transaction('r', db.annotations, () =>
    db.annotations.where('[documentId+target.position.start]').between([documentId, 0], [documentId, characters], true, false).toArray(),
  );
  // Shared as the whole list's records are: those of them the view keeps are these objects.
  const share = stringSharer();
  return first.filter((a) => !a.deleted).map((a) => share(a));
}

/** A text target of an annotation (its own, or one of its links) to be stored anew. */
export interface MovedTarget {
  annotationId: string;
  slot: 'target' | number;
  target: TextTarget;
}

/**
 * Stores targets that moved with the text they are on (an edit of the transcription, or words
 * found again by their quote). This is not an edit of the annotation: its revision and modified
 * time stay, so that merging packs does not see a conflict where nobody wrote.
 */
export async function storeMovedTargets(db: MarginaliaDatabase, moved: readonly MovedTarget[]): Promise<void> {
  if (moved.length === 0) return;
  await db.transaction('rw', db.annotations, async () => {
    const byAnnotation = new Map<string, MovedTarget[]>();
    for (const m of moved) byAnnotation.set(m.annotationId, [...(byAnnotation.get(m.annotationId) ?? []), m]);
    const current = await db.annotations.bulkGet([...byAnnotation.keys()]);
    const updated: Annotation[] = [];
    for (const annotation of current) {
      if (!annotation) continue;
      let target = annotation.target;
      const links = [...annotation.links];
      for (const change of byAnnotation.get(annotation.id)!) {
        if (change.slot === 'target') target = change.target;
        else if (links[change.slot]) links[change.slot] = change.target;
      }
      updated.push({ ...annotation, target, links });
    }
    await db.annotations.bulkPut(updated);
  });
}

/**
 * Puts an orphaned annotation (or any annotation on words) on new words, chosen by the user:
 * an edit of the annotation, with a new revision.
 */
export function reattachAnnotation(db: MarginaliaDatabase, id: string, target: TextTarget): Promise<Annotation | undefined> {
  return updateAnnotation(db, id, (a) => (a.target.type !== 'text' ? null : { target }));
}

/**
 * Settles a conflict found by a merge: keeps this annotation as it is ('mine') or takes one of
 * the conflicting versions' words, and drops that version from the list. The lineage takes in
 * the other version's, so merging the same pack again sees nothing new.
 */
export function resolveConflict(db: MarginaliaDatabase, id: string, versionIndex: number, keep: 'mine' | 'theirs'): Promise<Annotation | undefined> {
  return updateAnnotation(db, id, (a) => {
    const version = a.conflicts?.[versionIndex];
    if (!version) return null;
    const theirs = version.annotation;
    const conflicts = a.conflicts!.filter((_, i) => i !== versionIndex);
    const current = a.lineage[a.lineage.length - 1];
    const joined = [...a.lineage.filter((h) => h !== current), ...theirs.lineage.filter((h) => !a.lineage.includes(h)), ...(current ? [current] : [])];
    const content =
      keep === 'theirs'
        ? { kind: theirs.kind, body: theirs.body, crossref: theirs.crossref, deleted: theirs.deleted, links: theirs.links }
        : {};
    return { ...content, conflicts: conflicts.length > 0 ? conflicts : undefined, lineage: joined };
  });
}

/**
 * Saves a translation's workbench data (status, renderings, note); its body becomes the chosen
 * rendering, so every reader of translations (cards, packs, TEI, exports) sees the choice.
 */
export function saveWorkbench(db: MarginaliaDatabase, id: string, workbench: SegmentWorkbench): Promise<Annotation | undefined> {
  return updateAnnotation(db, id, (a) => {
    if (a.kind !== 'translation') return null;
    if (JSON.stringify(a.workbench) === JSON.stringify(workbench)) return null;
    const chosen = chosenAlternative(workbench);
    return { workbench, body: chosen ? { ...a.body, doc: chosen.doc } : a.body };
  });
}
