/**
 * Annotations as W3C Web Annotations in JSON-LD, and back: the `annotations.jsonld` of a pack,
 * and the plain collection other annotation tools read.
 *
 * Everything the Web Annotation model can say is said in its own terms, so that any conforming
 * tool understands the file; what it cannot say exactly is in properties of the `marginalia:`
 * namespace, declared in a context object of its own (docs/pack-format.md lists them all):
 *
 * - kind → `motivation`: commentary `commenting`, translation `supplementing` (the IIIF
 *   context is then added, last), cross-reference `linking`;
 * - body → a `TextualBody` with the plain text (`text/plain`) and the language, carrying the
 *   exact ProseMirror JSON in `marginalia:doc`;
 * - words → a `SpecificResource` on `urn:marginalia:document:<id>` with a TextQuoteSelector and
 *   a TextPositionSelector; a region → one on `urn:marginalia:scan:<id>` with the stored
 *   FragmentSelector or SvgSelector;
 * - passages linked to the annotation (a region's transcribed words) → further bodies, each a
 *   `SpecificResource` with `purpose: "linking"` and `marginalia:role: "link"`;
 * - where a cross-reference points → a `linking` body for other tools, and exactly in
 *   `marginalia:crossref`;
 * - revision, lineage, tombstone, owning document, orphaned targets, the sheet a region was
 *   drawn on and conflicting versions → `marginalia:` properties.
 *
 * Reading (`annotationFromJsonLd`) is strict: it is for Marginalia's own packs, which are
 * untrusted input, and refuses anything that does not have exactly this shape, naming the
 * annotation and the field. Other tools' files are read by foreign-jsonld.ts instead.
 */
import {
  isAnnotationKind,
  type Annotation,
  type AnnotationKind,
  type ConflictingVersion,
  type Creator,
  type CrossReferenceTarget,
  type TextTarget,
} from '../annotation';
import { bodyFromJSON, bodyPlainText, isAllowedLinkHref } from '../annotation-body-schema';
import { contentHash } from '../annotation-version';
import type { BodyDocJSON } from '../annotation';
import { isRegionSelector, selectorToShape, shapeToSelector, shapeToSvgSelector, type RegionSelector } from '../regions/selectors';
import { documentIdFromUrn, documentUrn, scanIdFromUrn, scanUrn } from '../tei/ids';
import { describeValue, fail, Fields, isPlainObject } from './checks';
import type { PackLimits } from './format';
import { lineageEndingWith } from './lineage';
import { chosenAlternative, workbenchProblems, type SegmentWorkbench } from '../translation/types';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const IIIF_PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';
/** The namespace of Marginalia's own properties. A URN: it names, it is never fetched. */
export const MARGINALIA_NAMESPACE = 'urn:marginalia:vocab:';

/**
 * The context object that declares the `marginalia:` prefix. Properties holding JSON of
 * Marginalia's own (a ProseMirror document, a cross-reference, conflicting versions) are JSON
 * literals, so that a JSON-LD processor keeps them whole instead of reading them as graph data.
 */
export const MARGINALIA_CONTEXT = {
  '@version': 1.1,
  marginalia: MARGINALIA_NAMESPACE,
  'marginalia:doc': { '@type': '@json' },
  'marginalia:crossref': { '@type': '@json' },
  'marginalia:conflicts': { '@type': '@json' },
  'marginalia:lineage': { '@container': '@list' },
  'marginalia:workbench': { '@type': '@json' },
} as const;

export const MOTIVATION_OF_KIND: Readonly<Record<AnnotationKind, string>> = {
  commentary: 'commenting',
  translation: 'supplementing',
  crossref: 'linking',
};

const KIND_OF_MOTIVATION: Readonly<Record<string, AnnotationKind>> = Object.fromEntries(
  Object.entries(MOTIVATION_OF_KIND).map(([kind, motivation]) => [motivation, kind as AnnotationKind]),
);

/** The kind of annotation a motivation stands for in a pack, or null for one Marginalia does not use. */
export function kindOfMotivation(motivation: unknown): AnnotationKind | null {
  return typeof motivation === 'string' && Object.hasOwn(KIND_OF_MOTIVATION, motivation) ? KIND_OF_MOTIVATION[motivation]! : null;
}

type JsonObject = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Identifiers

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ANNOTATION_URN = 'urn:marginalia:annotation:';

/** An annotation's IRI: `urn:uuid:…` for the UUIDs the app makes, `urn:marginalia:annotation:…` for any other id. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : ANNOTATION_URN + encodeURIComponent(id);
}

/** The annotation id an IRI stands for: the inverse of `annotationIri`; any other IRI is its own id. */
export function annotationIdFromIri(iri: string): string {
  if (iri.startsWith('urn:uuid:') && UUID.test(iri.slice(9))) return iri.slice(9);
  if (iri.startsWith(ANNOTATION_URN)) {
    try {
      const id = decodeURIComponent(iri.slice(ANNOTATION_URN.length));
      if (id !== '') return id;
    } catch {
      // not one of ours after all
    }
  }
  return iri;
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface JsonLdWriteOptions {
  /**
   * Write the `marginalia:` properties (a pack), or leave them out (a plain file for other
   * tools, which also leaves out tombstones and conflicting versions).
   */
  marginalia: boolean;
  /** The MIME type of each scan, by id, written as the format of region targets' sources. */
  scanMimes?: ReadonlyMap<string, string>;
}

/** One annotation as a W3C Web Annotation (without `@context`: a collection carries it). */
export function annotationToJsonLd(a: Omit<Annotation, 'conflicts'> & { conflicts?: ConflictingVersion[] }, options: JsonLdWriteOptions): JsonObject {
  const ext = options.marginalia;
  const bodies: JsonObject[] = [textualBody(a, ext)];
  if (a.workbench) bodies.push(...workbenchBodies(a.workbench, a.body.language));
  if (a.crossref) bodies.push(...crossrefBodies(a.crossref, ext));
  for (const link of a.links) bodies.push({ ...textResource(link, ext), purpose: 'linking', ...(ext ? { 'marginalia:role': 'link' } : {}) });

  const out: JsonObject = {
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: MOTIVATION_OF_KIND[a.kind],
    creator: creatorJson(a.creator),
  };
  if (a.created) out.created = utc(a.created);
  if (a.modified) out.modified = utc(a.modified);
  out.body = bodies.length === 1 ? bodies[0] : bodies;
  if (a.target.type === 'text') {
    out.target = textResource(a.target, ext);
  } else {
    const mime = options.scanMimes?.get(a.target.scanId);
    out.target = {
      type: 'SpecificResource',
      source: { id: scanUrn(a.target.scanId), type: 'Image', ...(mime ? { format: mime } : {}) },
      selector: { ...a.target.selector },
      ...(ext ? { 'marginalia:sheetIndex': a.target.sheetIndex } : {}),
    };
  }
  if (ext) {
    out['marginalia:documentId'] = a.documentId;
    out['marginalia:revision'] = a.revision;
    out['marginalia:lineage'] = [...a.lineage];
    out['marginalia:deleted'] = a.deleted;
    if (a.crossref) out['marginalia:crossref'] = a.crossref;
    if (a.workbench) out['marginalia:workbench'] = a.workbench;
    if (a.conflicts && a.conflicts.length > 0) {
      out['marginalia:conflicts'] = a.conflicts.map((c) => ({ source: c.source, annotation: annotationToJsonLd(c.annotation, options) }));
    }
  }
  return out;
}

function textualBody(a: Pick<Annotation, 'body' | 'kind'>, ext: boolean): JsonObject {
  return {
    type: 'TextualBody',
    value: bodyPlainText(a.body.doc),
    format: 'text/plain',
    ...(a.body.language ? { language: a.body.language } : {}),
    // A cross-reference's text says why the other passage or source is relevant.
    ...(a.kind === 'crossref' ? { purpose: 'describing' } : {}),
    ...(ext ? { 'marginalia:doc': a.body.doc } : {}),
  };
}

/**
 * A workbench translation's other renderings and note, for other tools: the renderings as a
 * `Choice` (the chosen one first, the model's default), the note as a `commenting` body. The
 * exact values travel in `marginalia:workbench`; reading takes them from there.
 */
function workbenchBodies(workbench: SegmentWorkbench, language: string): JsonObject[] {
  const bodies: JsonObject[] = [];
  const plain = (doc: BodyDocJSON): JsonObject => ({
    type: 'TextualBody',
    value: bodyPlainText(doc),
    format: 'text/plain',
    ...(language ? { language } : {}),
  });
  if (workbench.alternatives.length > 1) {
    const chosen = chosenAlternative(workbench);
    const ordered = chosen ? [chosen, ...workbench.alternatives.filter((alt) => alt !== chosen)] : workbench.alternatives;
    bodies.push({ type: 'Choice', items: ordered.map((alt) => plain(alt.doc)) });
  }
  if (workbench.note) bodies.push({ ...plain(workbench.note), language: 'en', purpose: 'commenting' });
  return bodies;
}

function textResource(target: TextTarget, ext: boolean): JsonObject {
  return {
    type: 'SpecificResource',
    source: { id: documentUrn(target.documentId), type: 'Text' },
    selector: [
      { type: 'TextQuoteSelector', exact: target.quote.exact, prefix: target.quote.prefix, suffix: target.quote.suffix },
      { type: 'TextPositionSelector', start: target.position.start, end: target.position.end },
    ],
    ...(ext && target.orphaned ? { 'marginalia:orphaned': true } : {}),
  };
}

/** What a cross-reference points at, as bodies other tools can follow. */
function crossrefBodies(crossref: CrossReferenceTarget, ext: boolean): JsonObject[] {
  const role = ext ? { 'marginalia:role': 'crossref' } : {};
  switch (crossref.type) {
    case 'passage':
      return [{ ...textResource(crossref.target, false), purpose: 'linking', ...role }];
    case 'document':
      return [{ type: 'SpecificResource', source: { id: documentUrn(crossref.documentId), type: 'Text' }, purpose: 'linking', ...role }];
    case 'external': {
      const bodies: JsonObject[] = [];
      if (isWebAddress(crossref.url)) bodies.push({ type: 'SpecificResource', source: { id: crossref.url.trim(), type: 'Text' }, purpose: 'linking', ...role });
      if (crossref.citation.trim() !== '') bodies.push({ type: 'TextualBody', value: crossref.citation, format: 'text/plain', purpose: 'describing', ...role });
      return bodies;
    }
  }
}

function isWebAddress(url: string): boolean {
  const trimmed = url.trim();
  if (!/^https?:\/\/\S+$/i.test(trimmed)) return false;
  try {
    new URL(trimmed);
    return true;
  } catch {
    return false;
  }
}

function creatorJson(creator: Creator): JsonObject {
  return { id: creator.id, type: 'Person', name: creator.name };
}

function utc(date: string): string {
  if (date.endsWith('Z')) return date;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? date : new Date(ms).toISOString();
}

/** The @context of a collection: the W3C context, ours when `marginalia`, IIIF's last when any annotation supplements. */
export function collectionContext(annotations: readonly Pick<Annotation, 'kind'>[], marginalia: boolean): unknown[] {
  const context: unknown[] = [ANNOTATION_CONTEXT];
  if (marginalia) context.push(MARGINALIA_CONTEXT);
  if (annotations.some((a) => a.kind === 'translation')) context.push(IIIF_PRESENTATION_CONTEXT);
  return context;
}

export interface CollectionOptions extends JsonLdWriteOptions {
  /** The collection's IRI; its one page is `<id>/page/1`. */
  id: string;
  label: string;
  creator: Creator;
  /** ISO 8601 UTC. */
  created: string;
  generator: string;
}

/** An `AnnotationCollection` whose `first` page holds every annotation given. */
export function annotationCollection(annotations: readonly Annotation[], options: CollectionOptions): JsonObject {
  return collectionOf(annotations, options, annotations.map((a) => annotationToJsonLd(a, options)));
}

/*
 * The JSON text of `annotationCollection(annotations, options)`, exactly as `JSON.stringify`
 * writes it, in pieces: `collectionHeadJson`, then `annotationItemsJson` (in as many parts as
 * wanted), then `COLLECTION_TAIL`. A large library's collection (some 20 MB of JSON) is then
 * made, stringified and encoded a piece at a time, and the first pieces can be deflated (in a
 * worker) while the next are made, or even read (writePackAsync).
 */

/** What closes a collection's JSON after its items: the list, its page, the collection. */
export const COLLECTION_TAIL = ']}}';

/**
 * The JSON text of the collection before its items (up to the `[` of its page's list): it names
 * their count, and the collection's id is a hash of them all, so it is made once they are known.
 */
export function collectionHeadJson(annotations: readonly Annotation[], options: CollectionOptions): string {
  const shell = JSON.stringify(collectionOf(annotations, options, []));
  // The page is the collection's last member and its items the page's last: the shell ends with them, empty.
  if (!shell.endsWith(`[${COLLECTION_TAIL}`)) throw new Error('collectionHeadJson: the page of items is not last');
  return shell.slice(0, -COLLECTION_TAIL.length);
}

/**
 * The JSON text of annotations as items of a collection's list, `itemsPerPiece` at a time, each
 * piece after the list's `first` one starting with the comma before it: the annotations of a
 * library can then be written a part at a time, as they are read.
 */
export function* annotationItemsJson(annotations: readonly Annotation[], options: JsonLdWriteOptions, first: boolean, itemsPerPiece = 500): Generator<string> {
  for (let from = 0; from < annotations.length; from += itemsPerPiece) {
    const items = JSON.stringify(annotations.slice(from, from + itemsPerPiece).map((a) => annotationToJsonLd(a, options)));
    yield first && from === 0 ? items.slice(1, -1) : `,${items.slice(1, -1)}`;
  }
}

function collectionOf(annotations: readonly Annotation[], options: CollectionOptions, items: JsonObject[]): JsonObject {
  return {
    '@context': collectionContext(annotations, options.marginalia),
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label,
    creator: creatorJson(options.creator),
    created: utc(options.created),
    generator: { type: 'Software', name: options.generator },
    total: annotations.length,
    // No `partOf` on the page: the W3C schemas want it to be an object, and it is embedded anyway.
    first: {
      id: `${options.id}/page/1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
}

export interface PlainExportOptions {
  creator: Creator;
  generator: string;
  /** ISO 8601 UTC (default now). */
  created?: string;
  label?: string;
  /** Include tombstones (default false: other tools would show deleted annotations as live). */
  includeDeleted?: boolean;
  scanMimes?: ReadonlyMap<string, string>;
}

/**
 * Annotations as a plain W3C `AnnotationCollection` in JSON-LD, for other annotation tools: no
 * Marginalia properties, no tombstones, no conflicting versions. Pretty-printed, with a final
 * newline.
 */
export function exportAnnotationsJsonLd(annotations: readonly Annotation[], options: PlainExportOptions): string {
  const chosen = options.includeDeleted ? [...annotations] : annotations.filter((a) => !a.deleted);
  const created = options.created ?? new Date().toISOString();
  const collection = annotationCollection(chosen, {
    marginalia: false,
    id: `urn:marginalia:collection:${collectionHash(chosen, created)}`,
    label: options.label ?? `Annotations exported from Marginalia by ${options.creator.name}`,
    creator: options.creator,
    created,
    generator: options.generator,
    ...(options.scanMimes ? { scanMimes: options.scanMimes } : {}),
  });
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** A stable name for a collection of these annotations made at this time. */
export function collectionHash(annotations: readonly Pick<Annotation, 'id' | 'lineage'>[], created: string): string {
  let h = 0x811c9dc5;
  const text = created + annotations.map((a) => `${a.id}:${a.lineage[a.lineage.length - 1] ?? ''}`).join('|');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// Reading (Marginalia's own packs)

/** What reading found that it tidied rather than refused. */
export interface ReadNotes {
  warnings: string[];
}

/** The hashes in lineages: 16 hex digits (`hashText`). */
const HASH = /^[0-9a-f]{16}$/;

/**
 * Reads one annotation of a pack's collection, checking every field; `where` names it in
 * messages ("annotation 3 of annotations.jsonld"). Throws PackFormatError.
 */
export function annotationFromJsonLd(value: unknown, where: string, limits: PackLimits, notes: ReadNotes, nested = false): Annotation {
  const item = Fields.of(value, where);
  const iri = item.string('id', { nonEmpty: true, maxLength: 2048 });
  const id = annotationIdFromIri(iri);
  const what = `${nested ? 'a conflicting version of ' : ''}annotation “${id}” (${where})`;
  const f = Fields.of(value, what);

  const type = f.value.type;
  if (!(type === 'Annotation' || (Array.isArray(type) && type.includes('Annotation')))) f.problem('type', '“Annotation”');
  const motivation = f.string('motivation');
  const kind = kindOfMotivation(motivation);
  if (!kind || !isAnnotationKind(kind)) {
    fail(`${what} has the motivation “${motivation}”, which Marginalia annotations do not use (commenting, supplementing or linking)`);
  }
  const creator = readCreator(f.object('creator', `the creator of ${what}`));
  const created = f.dateTime('created', true);
  const modified = f.dateTime('modified', true);
  const documentId = f.string('marginalia:documentId', { nonEmpty: true, maxLength: 1024 });
  const revision = f.integer('marginalia:revision', 0, 1_000_000_000);
  const lineage = f.strings('marginalia:lineage', limits.maxLineage, { pattern: HASH, describe: 'a version hash of 16 hexadecimal digits' });
  const deleted = f.boolean('marginalia:deleted');

  // Bodies: the text (exactly one TextualBody with marginalia:doc), linked passages, and the
  // cross-reference's bodies, which are read from marginalia:crossref instead.
  const rawBodies = f.value.body;
  const bodies = Array.isArray(rawBodies) ? rawBodies : rawBodies === undefined ? [] : [rawBodies];
  if (bodies.length > limits.maxLinks + 3) fail(`${what} has ${bodies.length} bodies, more than the ${limits.maxLinks + 3} allowed`);
  let body: Annotation['body'] | null = null;
  const links: TextTarget[] = [];
  for (const [i, raw] of bodies.entries()) {
    const b = Fields.of(raw, `body ${i + 1} of ${what}`);
    if (b.has('marginalia:doc')) {
      if (body) fail(`${what} has two bodies with Marginalia text; it should have one`);
      if (b.value.type !== 'TextualBody') b.problem('type', '“TextualBody”');
      const language = b.optionalString('language');
      if (language.length > 64) b.problem('language', 'a language code such as “en”');
      body = { doc: readBodyDoc(b.value['marginalia:doc'], what, notes), language };
    } else if (b.value['marginalia:role'] === 'link') {
      links.push(readTextResource(b));
    }
  }
  if (!body) fail(`${what} has no body with Marginalia text (a TextualBody with “marginalia:doc”)`);

  const crossref = f.has('marginalia:crossref') ? readCrossref(f.value['marginalia:crossref'], what) : null;
  const workbench = f.has('marginalia:workbench') ? readWorkbench(f.value['marginalia:workbench'], kind, what, notes) : undefined;

  // The target: words or a region.
  let rawTarget = f.value.target;
  if (Array.isArray(rawTarget)) {
    if (rawTarget.length !== 1) fail(`${what} has ${rawTarget.length} targets; Marginalia annotations have one`);
    rawTarget = rawTarget[0];
  }
  const t = Fields.of(rawTarget, `the target of ${what}`);
  const sourceId = resourceSourceId(t);
  let target: Annotation['target'];
  if (scanIdFromUrn(sourceId) !== null) {
    const scanId = scanIdFromUrn(sourceId)!;
    const sheetIndex = t.integer('marginalia:sheetIndex', 0, 1_000_000);
    const selector = readRegionSelector(t, what, notes);
    target = { type: 'region', documentId, scanId, sheetIndex, selector };
  } else {
    target = readTextResource(t);
    if (target.documentId !== documentId) {
      fail(`the target of ${what} is in the document “${target.documentId}”, not in its own document “${documentId}”`);
    }
  }

  const annotation: Annotation = {
    id,
    documentId,
    kind,
    target,
    links,
    body,
    crossref,
    creator,
    created,
    modified,
    revision,
    deleted,
    lineage,
    ...(workbench ? { workbench } : {}),
  };
  // A lineage that does not end with this version's hash does not describe it (the pack was
  // edited by hand, or a body was tidied above): this version then counts as a later one.
  annotation.lineage = lineageEndingWith(lineage, contentHash(annotation));

  if (f.has('marginalia:conflicts')) {
    if (nested) fail(`${what} has conflicting versions of its own; a conflicting version has none`);
    const conflicts = f.array('marginalia:conflicts', limits.maxConflicts).map((raw, i): ConflictingVersion => {
      const c = Fields.of(raw, `conflicting version ${i + 1} of ${what}`);
      const source = c.string('source', { maxLength: 1024 });
      const version = annotationFromJsonLd(c.value.annotation, `conflicting version ${i + 1} of ${what}`, limits, notes, true);
      if (version.id !== id) fail(`conflicting version ${i + 1} of ${what} has another id (“${version.id}”)`);
      return { annotation: version, source };
    });
    if (conflicts.length > 0) annotation.conflicts = conflicts;
  }
  return annotation;
}

function readCreator(c: Fields): Creator {
  return { id: c.string('id', { nonEmpty: true, maxLength: 1024 }), name: c.string('name', { maxLength: 1024 }) };
}

/** A SpecificResource's source IRI: `source` as a string or as an object with an `id`. */
function resourceSourceId(r: Fields): string {
  const source = r.value.source;
  if (typeof source === 'string' && source !== '') return source;
  if (isPlainObject(source) && typeof source.id === 'string' && source.id !== '') return source.id;
  return r.problem('source', 'a document or scan IRI, or an object with one as its “id”');
}

/** A SpecificResource on a document, with a quote and a position selector. */
function readTextResource(r: Fields): TextTarget {
  if (r.value.type !== 'SpecificResource') r.problem('type', '“SpecificResource”');
  const sourceId = resourceSourceId(r);
  const documentId = documentIdFromUrn(sourceId);
  if (documentId === null || documentId === '') {
    fail(`the source of ${r.what} is “${sourceId.slice(0, 200)}”, which is not a Marginalia document (urn:marginalia:document:…)`);
  }
  const selectors = Array.isArray(r.value.selector) ? r.value.selector : [r.value.selector];
  const quoteRaw = selectors.find((s) => isPlainObject(s) && s.type === 'TextQuoteSelector');
  const positionRaw = selectors.find((s) => isPlainObject(s) && s.type === 'TextPositionSelector');
  if (!quoteRaw) fail(`${r.what} has no TextQuoteSelector`);
  if (!positionRaw) fail(`${r.what} has no TextPositionSelector`);
  const q = Fields.of(quoteRaw, `the TextQuoteSelector of ${r.what}`);
  const p = Fields.of(positionRaw, `the TextPositionSelector of ${r.what}`);
  const start = p.integer('start', 0, 2_000_000_000);
  const end = p.integer('end', start, 2_000_000_000);
  const target: TextTarget = {
    type: 'text',
    documentId,
    quote: { type: 'TextQuoteSelector', exact: q.string('exact'), prefix: q.optionalString('prefix'), suffix: q.optionalString('suffix') },
    position: { type: 'TextPositionSelector', start, end },
  };
  if (r.has('marginalia:orphaned')) {
    if (r.value['marginalia:orphaned'] !== true) r.problem('marginalia:orphaned', 'true, or absent');
    target.orphaned = true;
  }
  return target;
}

/** A region selector read as strictly as regions/selectors.ts reads any, and written afresh from its numbers if it was not in the form Marginalia writes. */
function readRegionSelector(t: Fields, what: string, notes: ReadNotes): RegionSelector {
  const raw = Array.isArray(t.value.selector) ? t.value.selector : [t.value.selector];
  if (raw.length !== 1) fail(`the target of ${what} should have one region selector, but it has ${raw.length}`);
  const selector = raw[0];
  if (!isRegionSelector(selector)) {
    fail(`the target of ${what} has a region that is not a readable FragmentSelector (xywh=pixel:x,y,w,h) or SvgSelector (one polygon, rectangle or path, and nothing else)`);
  }
  const shape = selectorToShape(selector)!;
  const canonical = selector.type === 'SvgSelector' ? shapeToSvgSelector(shape) : shapeToSelector(shape);
  const same =
    canonical.type === selector.type &&
    canonical.value === selector.value &&
    (selector.type !== 'FragmentSelector' || (selector as { conformsTo?: unknown }).conformsTo === (canonical as { conformsTo?: unknown }).conformsTo);
  if (!same) notes.warnings.push(`The region of ${what} was rewritten from its coordinates (its selector held more than the shape).`);
  return same ? (selector.type === 'SvgSelector' ? { type: 'SvgSelector', value: selector.value } : { ...canonical }) : canonical;
}

/** A translation's workbench data: its shape checked, every rendering and the note read as bodies. */
function readWorkbench(raw: unknown, kind: AnnotationKind, what: string, notes: ReadNotes): SegmentWorkbench {
  if (kind !== 'translation') fail(`${what} is not a translation but carries translation workbench data`);
  const problems = workbenchProblems(raw);
  if (problems.length > 0) fail(`the translation workbench data of ${what} is damaged: ${problems.join('; ')}`);
  const value = raw as SegmentWorkbench;
  if (value.alternatives.length > MAX_ALTERNATIVES) fail(`${what} has ${value.alternatives.length} alternative renderings, more than the ${MAX_ALTERNATIVES} allowed`);
  return {
    status: value.status,
    alternatives: value.alternatives.map((alt, i) => ({
      id: alt.id,
      doc: readBodyDoc(alt.doc, `rendering ${i + 1} of ${what}`, notes),
    })),
    chosen: value.chosen,
    note: value.note ? readBodyDoc(value.note, `the translator’s note of ${what}`, notes) : null,
  };
}

/** More alternative renderings of one sentence than any translator weighs. */
const MAX_ALTERNATIVES = 100;

/** A body's ProseMirror JSON, checked against the body schema, with links that are not web or e-mail addresses removed. */
function readBodyDoc(raw: unknown, what: string, notes: ReadNotes): BodyDocJSON {
  if (!isPlainObject(raw) || raw.type !== 'doc') fail(`the text of ${what} is not a Marginalia body (ProseMirror JSON whose type is “doc”), but ${describeValue(raw)}`);
  if (deeperThan(raw, MAX_BODY_DEPTH)) fail(`the text of ${what} is nested more than ${MAX_BODY_DEPTH} levels deep (quotes in lists in quotes…), which no real text is`);
  let node;
  try {
    node = bodyFromJSON(raw as unknown as BodyDocJSON);
  } catch (error) {
    fail(`the text of ${what} does not fit Marginalia’s body format (${shortMessage(error)})`);
  }
  const json = node.toJSON() as BodyDocJSON;
  const { doc, removed } = withoutUnsafeLinks(json);
  if (removed > 0) notes.warnings.push(`${removed} link${removed === 1 ? '' : 's'} in the text of ${what} ${removed === 1 ? 'was' : 'were'} removed: only web (http, https) and e-mail addresses are kept.`);
  return doc;
}

/** How deeply a body's nodes may nest: far more than any text a person writes needs. */
const MAX_BODY_DEPTH = 64;

/** Whether a node's `content` nests deeper than `limit`; stops looking there, so hostile depth costs nothing. */
function deeperThan(node: unknown, limit: number): boolean {
  if (limit < 0) return true;
  if (!isPlainObject(node) || !Array.isArray(node.content)) return false;
  return node.content.some((child) => deeperThan(child, limit - 1));
}

/** The body without link marks whose href is not an allowed address, and how many were removed. */
function withoutUnsafeLinks(doc: BodyDocJSON): { doc: BodyDocJSON; removed: number } {
  let removed = 0;
  const walk = (node: unknown): unknown => {
    if (!isPlainObject(node)) return node;
    const out: Record<string, unknown> = { ...node };
    if (Array.isArray(node.marks)) {
      const marks = node.marks.filter((m) => {
        const bad = isPlainObject(m) && m.type === 'link' && !(isPlainObject(m.attrs) && typeof m.attrs.href === 'string' && isAllowedLinkHref(m.attrs.href));
        if (bad) removed++;
        return !bad;
      });
      if (marks.length > 0) out.marks = marks;
      else delete out.marks;
    }
    if (Array.isArray(node.content)) out.content = node.content.map(walk);
    return out;
  };
  const cleaned = walk(doc) as BodyDocJSON;
  return { doc: removed > 0 ? cleaned : doc, removed };
}

function readCrossref(raw: unknown, what: string): CrossReferenceTarget {
  const c = Fields.of(raw, `the cross-reference of ${what}`);
  const type = c.choice('type', ['passage', 'document', 'external'] as const);
  switch (type) {
    case 'passage': {
      const t = c.object('target', `the passage the cross-reference of ${what} points to`);
      if (t.value.type !== 'text') t.problem('type', '“text”');
      const q = t.object('quote');
      const p = t.object('position');
      const start = p.integer('start', 0, 2_000_000_000);
      const target: TextTarget = {
        type: 'text',
        documentId: t.string('documentId', { nonEmpty: true, maxLength: 1024 }),
        quote: { type: 'TextQuoteSelector', exact: q.string('exact'), prefix: q.optionalString('prefix'), suffix: q.optionalString('suffix') },
        position: { type: 'TextPositionSelector', start, end: p.integer('end', start, 2_000_000_000) },
      };
      if (t.has('orphaned')) {
        if (t.value.orphaned !== true) t.problem('orphaned', 'true, or absent');
        target.orphaned = true;
      }
      return { type: 'passage', target };
    }
    case 'document':
      return { type: 'document', documentId: c.string('documentId', { nonEmpty: true, maxLength: 1024 }) };
    case 'external':
      return { type: 'external', citation: c.string('citation'), url: c.string('url', { maxLength: 8192 }) };
  }
}

export function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 300 ? `${message.slice(0, 297)}…` : message;
}
