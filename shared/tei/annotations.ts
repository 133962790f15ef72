/**
 * Annotations as TEI P5 `standOff/listAnnotation/annotation` (the element that follows the W3C
 * Web Annotation model), their regions as `facsimile` zones, and both read back.
 *
 * Words an annotation is attached to are marked in the text by two `<anchor xml:id>`
 * milestones, and pointed at as `#range(start,end)`; the stored quote, its context and its
 * position are written beside the pointer too, so that a target whose words are gone (an
 * orphan) keeps everything it had. Regions are zones of the sheet's surface, inside a surface
 * for the scan the region was drawn on. See docs/tei.md for the element-by-element encoding.
 */
import type { Element } from '@xmldom/xmldom';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import {
  isAnnotationKind,
  type Annotation,
  type AnnotationKind,
  type AnnotationTarget,
  type CrossReferenceTarget,
  type RegionTarget,
  type TextTarget,
} from '../annotation';
import { describeTextRange, resolveTextQuote } from '../anchoring/selectors';
import type { TextIndex } from '../anchoring/text-index';
import { MAX_REGION_COORDINATE, selectorToShape, shapeToSelector, type RegionSelector } from '../regions/selectors';
import type { RegionShape } from '../regions/region-shape';
import { bodyXml, readBody } from './body';
import { annotationKindCategory, MOTIVATION_OF_KIND } from './conventions';
import { dateAttributes, dateFromAttributes } from './header';
import {
  annotationIdFromXmlId,
  annotationXmlId,
  documentIdFromUrn,
  documentUrn,
  parsePointers,
  rangePointer,
  scanIdFromUrn,
  scanUrn,
  TRANSCRIPTION_XML_ID,
  type LocalPointer,
} from './ids';
import type { AnchorPlacement } from './transcription';
import { sheetXmlId } from './transcription';
import {
  attribute,
  childElements,
  closeTag,
  descendants,
  emptyTag,
  escapeText,
  firstChild,
  isElement,
  openTag,
  preservesSpace,
  textElement,
  textValue,
} from './xml';

// ---------------------------------------------------------------------------------------------
// Writing

/** A text target with the ids of its anchors, or null ids when it is not anchored in the text. */
interface PlacedTextTarget {
  target: TextTarget;
  anchors: { start: string; end: string } | null;
}

interface PlacedAnnotation {
  annotation: Annotation;
  xmlId: string;
  target: PlacedTextTarget | { region: RegionTarget; zoneId: string };
  links: PlacedTextTarget[];
}

interface ZonePlacement {
  zoneId: string;
  region: RegionTarget;
}

export interface PlacedAnnotations {
  annotations: PlacedAnnotation[];
  anchors: AnchorPlacement[];
  zones: ZonePlacement[];
}

/**
 * Decides where every text target's anchors go and which zones regions become. A target is
 * anchored where the app would show it (`resolveTextQuote`: its position if the words there
 * still match, else its quote); an orphan, or one whose words cannot be found, is not anchored
 * and keeps its stored quote and position only.
 */
export function placeAnnotations(doc: ProseMirrorNode, index: TextIndex, annotations: readonly Annotation[]): PlacedAnnotations {
  const anchors: AnchorPlacement[] = [];
  const zones: ZonePlacement[] = [];
  const seen = new Set<string>();
  const placed = annotations.map((annotation): PlacedAnnotation => {
    const xmlId = annotationXmlId(annotation.id);
    if (seen.has(xmlId)) throw new RangeError(`Two annotations have the id “${annotation.id}”.`);
    seen.add(xmlId);
    const placeText = (target: TextTarget, key: string): PlacedTextTarget => {
      const range = anchorRange(doc, index, target);
      if (!range) return { target, anchors: null };
      const ids = { start: `${xmlId}.${key}.start`, end: `${xmlId}.${key}.end` };
      anchors.push({ pos: range.start, xmlId: ids.start }, { pos: range.end, xmlId: ids.end });
      return { target, anchors: ids };
    };
    let target: PlacedAnnotation['target'];
    if (annotation.target.type === 'region') {
      const { sheetIndex } = annotation.target;
      if (!Number.isSafeInteger(sheetIndex) || sheetIndex < 0) throw new RangeError(`Annotation “${annotation.id}” has no valid sheet index.`);
      const zoneId = `${xmlId}.zone`;
      zones.push({ zoneId, region: annotation.target });
      target = { region: annotation.target, zoneId };
    } else {
      target = placeText(annotation.target, 'target');
    }
    const links = annotation.links.map((link, i) => placeText(link, `link${i + 1}`));
    return { annotation, xmlId, target, links };
  });
  return { annotations: placed, anchors, zones };
}

/** The document positions of a target's two anchors, or null when it is not to be anchored. */
function anchorRange(doc: ProseMirrorNode, index: TextIndex, target: TextTarget): { start: number; end: number } | null {
  if (target.orphaned) return null;
  const range = resolveTextQuote(index.text, target.quote, target.position);
  if (!range) return null;
  const start = anchorPosition(doc, index, range.start, 1);
  const end = anchorPosition(doc, index, range.end, -1);
  return start !== null && end !== null && start < end ? { start, end } : null;
}

/**
 * A position inside a paragraph that reads back as exactly this plain-text offset. An offset
 * on a separator between blocks can be reached from either side; one between two empty
 * paragraphs from neither, and is then not anchored.
 */
function anchorPosition(doc: ProseMirrorNode, index: TextIndex, offset: number, side: 1 | -1): number | null {
  for (const s of [side, -side as 1 | -1]) {
    const pos = index.posAt(offset, s);
    if (pos < 0 || pos > doc.content.size || !doc.resolve(pos).parent.isTextblock) continue;
    if (index.offsetAt(pos) === offset) return pos;
  }
  return null;
}

/** The `<facsimile>`: a surface per sheet (with its label), holding the regions' zones. */
export function facsimileXml(doc: ProseMirrorNode, zones: readonly ZonePlacement[]): string {
  const sheetCount = Math.max(doc.childCount, ...zones.map((z) => z.region.sheetIndex + 1));
  let out = '  <facsimile>\n';
  for (let sheet = 0; sheet < sheetCount; sheet++) {
    const label = sheet < doc.childCount ? (doc.child(sheet).attrs.label as string) : null;
    const mine = zones.filter((z) => z.region.sheetIndex === sheet);
    if (label === null && mine.length === 0) {
      out += `    ${emptyTag('surface', [['xml:id', sheetXmlId(sheet)]])}\n`;
      continue;
    }
    out += `    ${openTag('surface', [['xml:id', sheetXmlId(sheet)]])}\n`;
    if (label !== null) out += `      ${textElement('label', [], label)}\n`;
    const scans = [...new Set(mine.map((z) => z.region.scanId))];
    for (const scanId of scans) {
      out += `      ${openTag('surface', [['type', 'scan']])}\n`;
      out += `        ${emptyTag('graphic', [['url', scanUrn(scanId)]])}\n`;
      for (const zone of mine.filter((z) => z.region.scanId === scanId)) out += `        ${zoneXml(zone)}\n`;
      out += '      </surface>\n';
    }
    out += '    </surface>\n';
  }
  return out + '  </facsimile>\n';
}

/**
 * A region as a zone: a rectangle by its corners (ulx, uly, lrx, lry), a polygon by its
 * `points`. A selector that is not exactly what Marginalia would write for that shape (or that
 * describes no shape it reads) is kept verbatim, as JSON, in a note inside the zone.
 */
function zoneXml({ zoneId, region }: ZonePlacement): string {
  const shape = selectorToShape(region.selector);
  const coordinates: Array<[string, string]> = [];
  if (shape?.type === 'rect') {
    coordinates.push(['ulx', String(shape.x)], ['uly', String(shape.y)], ['lrx', String(shape.x + shape.width)], ['lry', String(shape.y + shape.height)]);
  } else if (shape?.type === 'polygon') {
    coordinates.push(['points', shape.points.map((p) => `${p.x},${p.y}`).join(' ')]);
  }
  const attributes: Array<[string, string]> = [['xml:id', zoneId], ...coordinates];
  if (shape && isCanonical(shape, region.selector)) return emptyTag('zone', attributes);
  return `${openTag('zone', attributes)}${textElement('note', [['type', 'selector']], JSON.stringify(region.selector))}${closeTag('zone')}`;
}

function isCanonical(shape: RegionShape, selector: RegionSelector): boolean {
  try {
    const canonical = shapeToSelector(shape) as unknown as Record<string, unknown>;
    const stored = selector as unknown as Record<string, unknown>;
    const keys = Object.keys(stored);
    return keys.length === Object.keys(canonical).length && keys.every((k) => canonical[k] === stored[k]);
  } catch {
    return false;
  }
}

/** The `<standOff>` with every annotation. */
export function standOffXml(placed: PlacedAnnotations): string {
  if (placed.annotations.length === 0) return '';
  let out = '  <standOff>\n    <listAnnotation>\n';
  for (const p of placed.annotations) out += annotationXml(p);
  return out + '    </listAnnotation>\n  </standOff>\n';
}

function textPointer(placed: PlacedTextTarget): string {
  return placed.anchors ? rangePointer(placed.anchors.start, placed.anchors.end) : `#${TRANSCRIPTION_XML_ID}`;
}

function annotationXml(p: PlacedAnnotation): string {
  const a = p.annotation;
  const mainPointer = 'region' in p.target ? `#${p.target.zoneId}` : textPointer(p.target);
  const pointers = [mainPointer, ...p.links.map(textPointer)].join(' ');
  const i3 = '        ';
  let out = `      ${openTag('annotation', [
    ['xml:id', p.xmlId],
    ['target', pointers],
    ['motivation', MOTIVATION_OF_KIND[a.kind]],
    ['ana', `#${annotationKindCategory(a.kind)}`],
  ])}\n`;
  out += `${i3}<respStmt><resp>creator</resp>${textElement('persName', [['ref', a.creator.id || undefined]], a.creator.name)}</respStmt>\n`;
  out += `${i3}<revisionDesc>${emptyTag('change', [['status', 'created'], ...dateAttributes(a.created)])}${emptyTag('change', [
    ['status', 'modified'],
    ...dateAttributes(a.modified),
    ['n', String(a.revision)],
  ])}</revisionDesc>\n`;
  if (!('region' in p.target)) out += `${i3}${textTargetNoteXml('target', p.target)}\n`;
  for (const link of p.links) out += `${i3}${textTargetNoteXml('link', link)}\n`;
  let body: string;
  try {
    body = bodyXml(a.body.doc);
  } catch (error) {
    throw new RangeError(`The body of annotation “${a.id}” is not a valid body: ${(error as Error).message}`);
  }
  out += `${i3}${openTag('note', [['type', 'body'], ['xml:lang', a.body.language], ['xml:space', 'preserve']])}${body}</note>\n`;
  if (a.crossref) out += `${i3}${crossrefXml(a.crossref)}\n`;
  return out + '      </annotation>\n';
}

/** A text target's stored selectors: quote with its context, and position. */
function selectorsXml(target: TextTarget): string {
  const { quote, position } = target;
  const part = (name: string, type: string | undefined, value: string) =>
    value === '' ? emptyTag(name, [['type', type]]) : `${openTag(name, [['type', type]])}${escapeText(value)}${closeTag(name)}`;
  return (
    part('seg', 'prefix', quote.prefix) +
    part('quote', undefined, quote.exact) +
    part('seg', 'suffix', quote.suffix) +
    part('num', 'start', String(position.start)) +
    part('num', 'end', String(position.end))
  );
}

function textTargetNoteXml(type: 'target' | 'link', placed: PlacedTextTarget): string {
  return `${openTag('note', [
    ['type', type],
    ['subtype', placed.target.orphaned ? 'orphaned' : undefined],
    ['target', textPointer(placed)],
    ['xml:space', 'preserve'],
  ])}${selectorsXml(placed.target)}</note>`;
}

function crossrefXml(crossref: CrossReferenceTarget): string {
  const note = (content: string) => `${openTag('note', [['type', 'crossref'], ['xml:space', 'preserve']])}${content}</note>`;
  switch (crossref.type) {
    case 'passage': {
      const t = crossref.target;
      return note(
        `${openTag('ref', [['type', 'passage'], ['subtype', t.orphaned ? 'orphaned' : undefined], ['target', documentUrn(t.documentId)]])}${selectorsXml(t)}</ref>`,
      );
    }
    case 'document':
      return note(emptyTag('ref', [['type', 'document'], ['target', documentUrn(crossref.documentId)]]));
    case 'external':
      return note(textElement('ref', [['type', 'external'], ['target', crossref.url || undefined]], crossref.citation));
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A zone as an annotation target needs it. */
interface ZoneRead {
  sheetIndex: number;
  scanId: string;
  selector: RegionSelector | null;
}

export interface FacsimileRead {
  /** Sheet labels by surface xml:id (only surfaces that have a `label`). */
  labels: Map<string, string>;
  zones: Map<string, ZoneRead>;
}

/** Reads the surfaces (the n-th is sheet n) and their zones. */
export function readFacsimile(facsimile: Element | null): FacsimileRead {
  const labels = new Map<string, string>();
  const zones = new Map<string, ZoneRead>();
  if (!facsimile) return { labels, zones };
  childElements(facsimile, 'surface').forEach((surface, sheetIndex) => {
    const id = attribute(surface, 'xml:id');
    const label = firstChild(surface, 'label');
    if (id && label) labels.set(id, textValue(label));
    for (const zone of descendants(surface, 'zone')) {
      const zoneId = attribute(zone, 'xml:id');
      if (zoneId) zones.set(zoneId, { sheetIndex, scanId: scanOf(zone, surface), selector: zoneSelector(zone) });
    }
  });
  return { labels, zones };
}

/** The scan a zone was drawn on: the graphic of the nearest surface that has one. */
function scanOf(zone: Element, sheetSurface: Element): string {
  for (let at = zone.parentNode; at && isElement(at); at = at.parentNode) {
    const graphic = firstChild(at, 'graphic');
    if (graphic) {
      const url = attribute(graphic, 'url') ?? '';
      return scanIdFromUrn(url) ?? url;
    }
    if (at === sheetSurface) break;
  }
  return '';
}

/** The selector a zone stands for: its verbatim selector when it has a readable one, else its coordinates'. */
function zoneSelector(zone: Element): RegionSelector | null {
  const verbatim = childElements(zone, 'note').find((n) => attribute(n, 'type') === 'selector');
  if (verbatim) {
    const selector = readableSelector(textValue(verbatim));
    if (selector) return selector;
  }
  const number = (name: string) => {
    const value = attribute(zone, name);
    return value !== null && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : null;
  };
  let shape: RegionShape | null = null;
  const points = attribute(zone, 'points');
  if (points !== null) {
    const pairs = points.trim().split(/\s+/).map((pair) => /^(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$/.exec(pair));
    if (pairs.every((m) => m !== null)) shape = { type: 'polygon', points: pairs.map((m) => ({ x: Number(m![1]), y: Number(m![2]) })) };
  } else {
    const [ulx, uly, lrx, lry] = ['ulx', 'uly', 'lrx', 'lry'].map(number);
    if (ulx != null && uly != null && lrx != null && lry != null) shape = { type: 'rect', x: ulx, y: uly, width: lrx - ulx, height: lry - uly };
  }
  if (!shape) return null;
  try {
    return shapeToSelector(shape);
  } catch {
    return null; // not a region Marginalia can hold (empty, negative, absurdly large)
  }
}

/** A selector from JSON, only if it is one the region reader understands; nothing else of the JSON is kept. */
function readableSelector(json: string): RegionSelector | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { type, value: selectorValue, conformsTo } = value as Record<string, unknown>;
  if ((type !== 'FragmentSelector' && type !== 'SvgSelector') || typeof selectorValue !== 'string') return null;
  if (conformsTo !== undefined && typeof conformsTo !== 'string') return null;
  const selector = { type, ...(conformsTo !== undefined ? { conformsTo } : {}), value: selectorValue } as unknown as RegionSelector;
  const anySize = { width: MAX_REGION_COORDINATE, height: MAX_REGION_COORDINATE };
  return selectorToShape(selector, anySize) ? selector : null;
}

export interface AnnotationReadContext {
  documentId: string | null;
  index: TextIndex;
  positions: ReadonlyMap<string, number>;
  zones: ReadonlyMap<string, ZoneRead>;
  warn: (message: string) => void;
}

/** Reads every annotation in the standOff sections (and plain notes with a target in a listAnnotation). */
export function readAnnotations(standOffs: readonly Element[], context: AnnotationReadContext): Annotation[] {
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  let counter = 0;
  for (const standOff of standOffs) {
    for (const list of descendants(standOff, 'listAnnotation')) {
      for (const element of childElements(list)) {
        if (element.localName !== 'annotation' && element.localName !== 'note') continue;
        counter++;
        const annotation = element.localName === 'annotation' ? readAnnotation(element, counter, context) : readNoteAnnotation(element, counter, context);
        if (!annotation) continue;
        if (ids.has(annotation.id)) {
          context.warn(`Two annotations have the id “${annotation.id}”; the second was left out.`);
          continue;
        }
        ids.add(annotation.id);
        annotations.push(annotation);
      }
    }
  }
  return annotations;
}

function annotationId(element: Element, counter: number, context: AnnotationReadContext): string {
  const xmlId = attribute(element, 'xml:id');
  return xmlId ? annotationIdFromXmlId(xmlId) : `${context.documentId ?? 'tei'}-annotation-${counter}`;
}

const MOTIVATION_KINDS: Readonly<Record<string, AnnotationKind>> = { commenting: 'commentary', linking: 'crossref', supplementing: 'translation' };

function kindOf(element: Element): AnnotationKind {
  for (const pointer of (attribute(element, 'ana') ?? '').split(/\s+/)) {
    const kind = /^#marginalia-kind-(.+)$/.exec(pointer)?.[1];
    if (isAnnotationKind(kind)) return kind;
  }
  return MOTIVATION_KINDS[attribute(element, 'motivation') ?? ''] ?? 'commentary';
}

/** The language in scope at an element (its own xml:lang or an ancestor's). */
function languageOf(element: Element): string {
  for (let at: Element | null = element; at; at = at.parentNode && isElement(at.parentNode) ? at.parentNode : null) {
    const lang = at.getAttribute('xml:lang');
    if (at.hasAttribute('xml:lang')) return lang ?? '';
  }
  return '';
}

function readAnnotation(element: Element, counter: number, context: AnnotationReadContext): Annotation | null {
  const id = annotationId(element, counter, context);
  const notes = childElements(element, 'note');
  const typed = (type: string) => notes.filter((n) => attribute(n, 'type') === type);
  const targetNote = typed('target')[0];
  const linkNotes = typed('link');
  const pointers = parsePointers(attribute(element, 'target'));

  let target: AnnotationTarget | null;
  let links: TextTarget[];
  if (targetNote || linkNotes.length > 0) {
    target = targetNote ? targetFromNote(targetNote, context) : pointers[0] ? resolveTarget(pointers[0], null, context) : null;
    links = linkNotes.map((note) => targetFromNote(note, context)).filter((t): t is TextTarget => t?.type === 'text');
  } else {
    target = pointers[0] ? resolveTarget(pointers[0], null, context) : null;
    links = pointers
      .slice(1)
      .map((p) => resolveTarget(p, null, context))
      .filter((t): t is TextTarget => t?.type === 'text');
  }
  if (!target) {
    context.warn(`The target of annotation “${id}” could not be found in the text; the annotation was left out.`);
    return null;
  }

  const bodyNote = typed('body')[0] ?? notes.find((n) => !['target', 'link', 'crossref', 'selector'].includes(attribute(n, 'type') ?? ''));
  const respStmt = childElements(element, 'respStmt').find((r) => textValue(firstChild(r, 'resp')) === 'creator') ?? firstChild(element, 'respStmt');
  const person = respStmt ? (firstChild(respStmt, 'persName') ?? firstChild(respStmt, 'name') ?? firstChild(respStmt, 'orgName')) : null;
  const changes = descendants(element, 'change').filter((c) => c.parentNode && isElement(c.parentNode) && c.parentNode.localName === 'revisionDesc');
  const change = (status: string) => changes.find((c) => attribute(c, 'status') === status) ?? null;
  const modified = change('modified');
  const revision = Number.parseInt(attribute(modified ?? element, 'n') ?? '', 10);
  const crossrefNote = typed('crossref')[0];

  return {
    id,
    documentId: context.documentId ?? '',
    kind: kindOf(element),
    target,
    links,
    body: {
      doc: bodyNote ? readBody(bodyNote, preservesSpace(bodyNote)) : { type: 'doc', content: [{ type: 'paragraph' }] },
      language: bodyNote ? languageOf(bodyNote) : '',
    },
    crossref: crossrefNote ? readCrossref(crossrefNote, context) : null,
    creator: { id: person ? (attribute(person, 'ref') ?? '') : '', name: textValue(person) },
    created: dateFromAttributes(change('created')),
    modified: dateFromAttributes(modified),
    revision: Number.isSafeInteger(revision) && revision >= 0 ? revision : 1,
    deleted: false,
    // A file is one version: its lineage starts here (filled in by importTei).
    lineage: [],
  };
}

/** A TEI note with a target in a listAnnotation (the older way of stand-off notes): a commentary. */
function readNoteAnnotation(note: Element, counter: number, context: AnnotationReadContext): Annotation | null {
  const id = annotationId(note, counter, context);
  const from = parsePointers(attribute(note, 'target'))[0];
  const to = parsePointers(attribute(note, 'targetEnd'))[0];
  const pointer: LocalPointer | undefined =
    from?.kind === 'id' && to?.kind === 'id' ? { kind: 'range', from: from.id, to: to.id } : from;
  const target = pointer ? resolveTarget(pointer, null, context) : null;
  if (!target) {
    context.warn(`The target of note “${id}” could not be found in the text; the note was left out.`);
    return null;
  }
  return {
    id,
    documentId: context.documentId ?? '',
    kind: 'commentary',
    target,
    links: [],
    body: { doc: readBody(note, preservesSpace(note)), language: languageOf(note) },
    crossref: null,
    creator: { id: '', name: '' },
    created: '',
    modified: '',
    revision: 1,
    deleted: false,
    lineage: [],
  };
}

/** The selectors written beside a pointer: quote with context, and position; null without a quote. */
function storedTextTarget(element: Element, documentId: string): TextTarget | null {
  const children = childElements(element);
  const quote = children.find((c) => c.localName === 'quote');
  if (!quote) return null;
  const typed = (name: string, type: string) => children.find((c) => c.localName === name && attribute(c, 'type') === type) ?? null;
  const number = (type: string) => {
    const value = Number.parseInt(textValue(typed('num', type)), 10);
    return Number.isSafeInteger(value) && value >= 0 ? value : 0;
  };
  const target: TextTarget = {
    type: 'text',
    documentId,
    quote: { type: 'TextQuoteSelector', exact: textValue(quote), prefix: textValue(typed('seg', 'prefix')), suffix: textValue(typed('seg', 'suffix')) },
    position: { type: 'TextPositionSelector', start: number('start'), end: number('end') },
  };
  if (attribute(element, 'subtype') === 'orphaned') target.orphaned = true;
  return target;
}

function targetFromNote(note: Element, context: AnnotationReadContext): AnnotationTarget | null {
  const stored = storedTextTarget(note, context.documentId ?? '');
  const pointer = parsePointers(attribute(note, 'target'))[0];
  return pointer ? resolveTarget(pointer, stored, context) : stored;
}

/**
 * What a pointer designates: a zone (a region), or words between two anchors or within an
 * element (rebuilt from their positions in the imported text); else the stored target, if any.
 */
function resolveTarget(pointer: LocalPointer, stored: TextTarget | null, context: AnnotationReadContext): AnnotationTarget | null {
  if (pointer.kind === 'id') {
    const zone = context.zones.get(pointer.id);
    if (zone) {
      if (!zone.selector) return null;
      return { type: 'region', documentId: context.documentId ?? '', scanId: zone.scanId, sheetIndex: zone.sheetIndex, selector: zone.selector };
    }
  }
  const positions = context.positions;
  let start: number | undefined;
  let end: number | undefined;
  if (pointer.kind === 'range') {
    start = positions.get(`point:${pointer.from}`) ?? positions.get(`start:${pointer.from}`);
    end = positions.get(`point:${pointer.to}`) ?? positions.get(`end:${pointer.to}`);
  } else if (pointer.kind === 'id') {
    start = positions.get(`start:${pointer.id}`);
    end = positions.get(`end:${pointer.id}`);
  }
  if (start !== undefined && end !== undefined) {
    const range = { start: context.index.offsetAt(start), end: context.index.offsetAt(end) };
    if (range.start < range.end) {
      const { quote, position } = describeTextRange(context.index.text, range);
      return { type: 'text', documentId: context.documentId ?? '', quote, position };
    }
  }
  return stored;
}

function readCrossref(note: Element, context: AnnotationReadContext): CrossReferenceTarget | null {
  const ref = firstChild(note, 'ref') ?? firstChild(note, 'ptr');
  if (!ref) return null;
  const target = attribute(ref, 'target') ?? '';
  switch (attribute(ref, 'type')) {
    case 'passage': {
      const passage = storedTextTarget(ref, documentIdFromUrn(target) ?? context.documentId ?? '');
      return passage ? { type: 'passage', target: passage } : null;
    }
    case 'document':
      return { type: 'document', documentId: documentIdFromUrn(target) ?? target };
    default:
      return { type: 'external', citation: textValue(ref), url: target };
  }
}
