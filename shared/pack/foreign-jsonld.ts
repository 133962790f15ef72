/**
 * Annotations from other tools — W3C Web Annotation JSON-LD as Recogito and others export it
 * (an AnnotationCollection, an AnnotationPage, a list, or one Annotation), and Hypothesis's API
 * JSON — read leniently, then anchored on a document the user chooses, by their quotes.
 *
 * Only what Marginalia can show is kept: the quoted words (a TextQuoteSelector, with a
 * TextPositionSelector as a hint), the text of the bodies, tags, the creator and the dates.
 * Bodies in HTML are reduced to their text (never rendered as HTML); annotations on images or
 * without a quote are counted and left out. Unknown motivations become commentary.
 */
import type { AnnotationBody, AnnotationKind, Annotation, BodyDocJSON, Creator, CrossReferenceTarget, TextPositionSelector, TextQuoteSelector, TextTarget } from '../annotation';
import { bodyFromJSON, emptyBodyDoc } from '../annotation-body-schema';
import { contentHash } from '../annotation-version';
import { describeTextRange, resolveTextQuote } from '../anchoring/selectors';
import { TextIndex } from '../anchoring/text-index';
import { ImportError } from '../importers/import-error';
import { TRANSCRIPTION_SCHEMA_VERSION, transcriptionFromJSON } from '../transcription/schema';
import { annotationIdFromIri } from './annotation-jsonld';
import { isPlainObject } from './checks';
import { DEFAULT_PACK_LIMITS } from './format';

/** An annotation read from another tool's file, not yet on a document. */
export interface ForeignAnnotation {
  /** Its id in the file (an IRI), or "" when it had none. */
  sourceId: string;
  kind: AnnotationKind;
  /** The motivation the file gave ("" when none). */
  motivation: string;
  /** What it annotated in the other tool (usually a URL), "" when not given. */
  targetSource: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  body: AnnotationBody;
  crossref: CrossReferenceTarget | null;
  creator: Creator | null;
  created: string;
  modified: string;
}

export interface ForeignAnnotations {
  annotations: ForeignAnnotation[];
  /** What was left out or changed, in words. */
  warnings: string[];
}

export interface ForeignReadOptions {
  fileName?: string;
  maxAnnotations?: number;
}

/** Reads another tool's annotations; throws ImportError when the file is not annotations at all. */
export function readAnnotationsJsonLd(text: string, options: ForeignReadOptions = {}): ForeignAnnotations {
  const fileName = options.fileName ?? 'annotations file';
  const max = options.maxAnnotations ?? DEFAULT_PACK_LIMITS.maxAnnotations;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError(fileName, `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const items = annotationItems(json, fileName);
  if (items.length > max) throw new ImportError(fileName, `it holds ${items.length} annotations, more than the ${max} that can be imported at once`);
  const warnings: string[] = [];
  const annotations: ForeignAnnotation[] = [];
  let withoutQuote = 0;
  let htmlBodies = 0;
  for (const item of items) {
    const read = readForeign(item);
    if (!read) {
      withoutQuote++;
      continue;
    }
    if (read.html) htmlBodies++;
    annotations.push(read.annotation);
  }
  if (withoutQuote > 0) {
    warnings.push(`${withoutQuote} annotation${withoutQuote === 1 ? ' was' : 's were'} left out: ${withoutQuote === 1 ? 'it does' : 'they do'} not quote words of a text (an image region, a whole page, or no target).`);
  }
  if (htmlBodies > 0) warnings.push(`${htmlBodies} annotation${htmlBodies === 1 ? '' : 's'} had HTML text; only the words were kept.`);
  return { annotations, warnings };
}

/** The annotations in any of the shapes the module comment lists. */
function annotationItems(json: unknown, fileName: string): unknown[] {
  if (Array.isArray(json)) return json;
  if (!isPlainObject(json)) throw new ImportError(fileName, 'it holds no annotations (it is neither a list nor an object)');
  const types = ([] as unknown[]).concat(json.type ?? []);
  if (types.includes('AnnotationCollection')) {
    if (typeof json.first === 'string') throw new ImportError(fileName, 'its annotations are on pages elsewhere (its “first” page is a link); export them with the pages included');
    if (!isPlainObject(json.first)) return [];
    const first = json.first;
    if (first.next !== undefined) throw new ImportError(fileName, 'its annotations are on several pages, and only the first is in the file; export them with all pages included');
    return Array.isArray(first.items) ? first.items : [];
  }
  if (types.includes('AnnotationPage')) return Array.isArray(json.items) ? json.items : [];
  if (types.includes('Annotation')) return [json];
  if (Array.isArray(json.rows)) return json.rows; // Hypothesis search API
  if (typeof json.text === 'string' && Array.isArray(json.target)) return [json]; // one Hypothesis annotation
  throw new ImportError(fileName, 'it holds no Web Annotations (no AnnotationCollection, AnnotationPage or Annotation)');
}

const KIND_OF_MOTIVATION: Readonly<Record<string, AnnotationKind>> = {
  commenting: 'commentary',
  supplementing: 'translation',
  translating: 'translation',
  linking: 'crossref',
};

function readForeign(item: unknown): { annotation: ForeignAnnotation; html: boolean } | null {
  if (!isPlainObject(item)) return null;
  const targets = ([] as unknown[]).concat(item.target ?? []);
  let found: { source: string; quote: TextQuoteSelector; position: TextPositionSelector | null } | null = null;
  for (const t of targets) {
    found = textSelectors(t);
    if (found) break;
  }
  if (!found) return null;

  const motivations = ([] as unknown[]).concat(item.motivation ?? []).filter((m): m is string => typeof m === 'string');
  const motivation = motivations[0] ?? '';
  let kind: AnnotationKind = KIND_OF_MOTIVATION[motivation] ?? 'commentary';

  const paragraphs: string[] = [];
  const tags: string[] = [];
  let language = '';
  let html = false;
  let crossref: CrossReferenceTarget | null = null;
  if (typeof item.text === 'string') paragraphs.push(item.text); // Hypothesis
  if (Array.isArray(item.tags)) tags.push(...item.tags.filter((t): t is string => typeof t === 'string'));
  if (typeof item.bodyValue === 'string') paragraphs.push(item.bodyValue);
  for (const body of ([] as unknown[]).concat(item.body ?? [])) {
    if (typeof body === 'string') {
      if (/^https?:\/\//i.test(body)) crossref ??= { type: 'external', citation: '', url: body };
      continue;
    }
    if (!isPlainObject(body)) continue;
    const purpose = ([] as unknown[]).concat(body.purpose ?? [])[0];
    if (typeof body.value === 'string') {
      const isHtml = typeof body.format === 'string' && /html/i.test(body.format);
      html ||= isHtml;
      const value = isHtml ? htmlToText(body.value) : body.value;
      if (purpose === 'tagging') tags.push(value);
      else paragraphs.push(value);
      if (typeof body.language === 'string' && !language) language = body.language;
      if (purpose === 'supplementing' || purpose === 'translating') kind = 'translation';
    } else {
      const id = typeof body.id === 'string' ? body.id : isPlainObject(body.source) && typeof body.source.id === 'string' ? body.source.id : typeof body.source === 'string' ? body.source : '';
      if (/^https?:\/\//i.test(id)) crossref ??= { type: 'external', citation: '', url: id };
    }
  }
  if (crossref && kind === 'commentary' && paragraphs.length === 0) kind = 'crossref';
  if (kind !== 'crossref') crossref = null;
  if (tags.length > 0) paragraphs.push(`Tags: ${tags.join(', ')}`);

  const sourceId =
    typeof item.id === 'string' && item.id !== ''
      ? item.type === undefined && typeof item.text === 'string' && !item.id.includes(':')
        ? `https://hypothes.is/a/${item.id}`
        : item.id
      : '';
  return {
    html,
    annotation: {
      sourceId,
      kind,
      motivation,
      targetSource: found.source,
      quote: found.quote,
      position: found.position,
      body: { doc: textToBody(paragraphs.join('\n\n')), language: language || (kind === 'translation' ? 'en' : '') },
      crossref,
      creator: readCreator(item),
      created: dateOrEmpty(item.created),
      modified: dateOrEmpty(item.modified ?? item.updated),
    },
  };
}

/** The quote (and position) of a target, from a SpecificResource's selectors or a selector list. */
function textSelectors(target: unknown): { source: string; quote: TextQuoteSelector; position: TextPositionSelector | null } | null {
  if (!isPlainObject(target)) return null;
  const selectors = ([] as unknown[]).concat(target.selector ?? []).flatMap((s) => (isPlainObject(s) && isPlainObject(s.refinedBy) ? [s, s.refinedBy] : [s]));
  const quote = selectors.find((s): s is Record<string, unknown> => isPlainObject(s) && s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact !== '');
  if (!quote) return null;
  const position = selectors.find(
    (s): s is Record<string, unknown> =>
      isPlainObject(s) && s.type === 'TextPositionSelector' && Number.isSafeInteger(s.start) && Number.isSafeInteger(s.end) && (s.start as number) >= 0 && (s.end as number) >= (s.start as number),
  );
  const source = typeof target.source === 'string' ? target.source : isPlainObject(target.source) && typeof target.source.id === 'string' ? target.source.id : '';
  return {
    source,
    quote: {
      type: 'TextQuoteSelector',
      exact: quote.exact as string,
      prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
      suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
    },
    position: position ? { type: 'TextPositionSelector', start: position.start as number, end: position.end as number } : null,
  };
}

function readCreator(item: Record<string, unknown>): Creator | null {
  const raw = ([] as unknown[]).concat(item.creator ?? [])[0];
  if (typeof raw === 'string' && raw !== '') return { id: raw, name: raw };
  if (isPlainObject(raw)) {
    const name = typeof raw.name === 'string' ? raw.name : typeof raw.nickname === 'string' ? raw.nickname : '';
    const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : name ? `urn:marginalia:person:${encodeURIComponent(name)}` : '';
    if (id) return { id, name: name || id };
  }
  if (typeof item.user === 'string' && item.user !== '') {
    // Hypothesis: "acct:anna@hypothes.is", with a display name beside it.
    const info = isPlainObject(item.user_info) && typeof item.user_info.display_name === 'string' ? item.user_info.display_name : '';
    return { id: item.user, name: info || item.user.replace(/^acct:/, '').replace(/@.*$/, '') };
  }
  return null;
}

function dateOrEmpty(value: unknown): string {
  if (typeof value !== 'string') return '';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
}

/**
 * The words of an HTML fragment: elements that hold no reading text (script, style) dropped
 * with their content, block ends as line breaks, other tags removed, entities decoded. The
 * result is plain text; nothing of the markup survives to be rendered.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[^]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|blockquote|tr)\s*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}

/** Plain text as a body: blank lines part paragraphs, single line breaks stay line breaks. */
export function textToBody(text: string): BodyDocJSON {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (paragraphs.length === 0) return emptyBodyDoc();
  const doc: BodyDocJSON = {
    type: 'doc',
    content: paragraphs.map((p) => {
      const content: unknown[] = [];
      p.split('\n').forEach((line, i) => {
        if (i > 0) content.push({ type: 'hard_break' });
        if (line !== '') content.push({ type: 'text', text: line });
      });
      return { type: 'paragraph', content };
    }),
  };
  bodyFromJSON(doc); // checks it (a body of plain text always fits)
  return doc;
}

export interface AnchorOptions {
  /** The document to put the annotations on, and its transcription's ProseMirror JSON. */
  documentId: string;
  transcription: Record<string, unknown>;
  /** Who the annotations are by when the file does not say. */
  fallbackCreator: Creator;
  newId: () => string;
  /** ISO 8601 UTC, for annotations the file gives no date. */
  now: string;
}

/**
 * The annotations anchored on a document: each quote is looked for in the transcription as
 * Marginalia looks for its own (position first, then the quote, then fuzzily); what cannot be
 * found is kept as an orphan with its quote, to be re-attached by hand. An annotation keeps the
 * id it had in the file (so importing the same file again finds the same annotations) unless it
 * had none.
 */
export function anchorForeignAnnotations(
  annotations: readonly ForeignAnnotation[],
  options: AnchorOptions,
): { annotations: Annotation[]; anchored: number; orphaned: number } {
  const doc = transcriptionFromJSON({ schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc: options.transcription });
  const text = TextIndex.fromDoc(doc).text;
  let anchored = 0;
  let orphaned = 0;
  const out = annotations.map((f): Annotation => {
    const found = resolveTextQuote(text, f.quote, f.position);
    let target: TextTarget;
    if (found && found.start < found.end) {
      anchored++;
      target = { type: 'text', documentId: options.documentId, ...describeTextRange(text, found) };
    } else {
      orphaned++;
      target = { type: 'text', documentId: options.documentId, quote: f.quote, position: f.position ?? { type: 'TextPositionSelector', start: 0, end: 0 }, orphaned: true };
    }
    const created = f.created || options.now;
    const annotation: Annotation = {
      id: f.sourceId ? annotationIdFromIri(f.sourceId) : options.newId(),
      documentId: options.documentId,
      kind: f.kind,
      target,
      links: [],
      body: f.body,
      crossref: f.kind === 'crossref' ? f.crossref : null,
      creator: f.creator ?? options.fallbackCreator,
      created,
      modified: f.modified || created,
      revision: 1,
      deleted: false,
      lineage: [],
    };
    annotation.lineage = [contentHash(annotation)];
    return annotation;
  });
  return { annotations: out, anchored, orphaned };
}
