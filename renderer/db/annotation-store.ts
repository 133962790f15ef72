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
import type { RegionSelector } from '../../shared/regions/selectors';
import type { MarginaliaDatabase } from './database';
import { newId, nowIso } from './ids';

export interface NewAnnotation {
  documentId: string;
  kind: AnnotationKind;
  target: AnnotationTarget;
  creator: Creator;
  /** Language of the body; a translation defaults to English. */
  language?: string;
}

export async function createAnnotation(db: MarginaliaDatabase, input: NewAnnotation): Promise<Annotation> {
  const now = nowIso();
  const annotation: Annotation = {
    id: newId(),
    documentId: input.documentId,
    kind: input.kind,
    target: input.target,
    body: { doc: emptyBodyDoc(), language: input.language ?? 'en' },
    crossref: null,
    links: [],
    creator: input.creator,
    created: now,
    modified: now,
    revision: 1,
    deleted: false,
  };
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
    await db.annotations.put(next);
    return next;
  });
}

export function saveAnnotationBody(db: MarginaliaDatabase, id: string, body: AnnotationBody): Promise<Annotation | undefined> {
  return updateAnnotation(db, id, (a) => (JSON.stringify(a.body) === JSON.stringify(body) ? null : { body }));
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

/** The annotations of a document that are not deleted. */
export function liveAnnotations(db: MarginaliaDatabase, documentId: string): Promise<Annotation[]> {
  return db.annotations
    .where('documentId')
    .equals(documentId)
    .filter((a) => !a.deleted)
    .toArray();
}
