/**
 * Builds an English rendering from a transcription, its annotations and its segments.
 *
 * Which translation a segment shows (docs/english-rendering.md has the rule in prose):
 * - candidates are the annotations of kind "translation" that are not deleted, are on words
 *   (a text target, not orphaned), are in the wanted language (`language`, "en" by default,
 *   compared by primary subtag; a body with no language counts as any) and have some text;
 * - a candidate covers a segment when its target's position runs from at or before the
 *   segment's first word to at or after its last (white space and punctuation at the segment's
 *   edges need not be covered: a target that leaves out the final full stop still counts);
 * - when a translation already shown at an earlier segment covers this one too, this segment is
 *   `joined` to it and shows nothing (one English sentence for two of the original);
 * - otherwise the best candidate wins: one the caller lists in `chosenTranslationIds` first;
 *   then one that does not also cover an earlier segment showing another translation (it would
 *   repeat that segment's English); then the most recently modified; then the highest revision;
 *   then the smallest id, so that the result never depends on the annotations' order.
 *
 * Text that no segment covers is not dropped: each such stretch of a paragraph becomes an
 * untranslated segment of its own, with the id `uncovered:<start>-<end>`.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Annotation, TextTarget } from '../annotation';
import { bodyPlainText } from '../annotation-body-schema';
import { TextIndex } from '../anchoring/text-index';
import type { DocumentMetadata } from '../document-metadata';
import type {
  EnglishRendering,
  RenderedFootnote,
  RenderedParagraph,
  RenderedSegment,
  RenderedSheet,
  SourceSegment,
  UntranslatedMode,
} from './types';

export interface RenderingFromAnnotationsOptions {
  /** The language of the translations to use, by BCP 47 primary subtag; null takes any. Default "en". */
  language?: string | null;
  /** Translations the translator has marked as the ones to use; preferred over any other candidate. */
  chosenTranslationIds?: Iterable<string>;
  /** How untranslated segments are shown. Default "placeholder": "[untranslated: <source>]". */
  untranslated?: UntranslatedMode;
  /**
   * Make footnotes of commentary annotations: all of them (true), those a predicate accepts, or
   * none (false, the default). Deleted ones and those with an empty body never are.
   */
  commentaryFootnotes?: boolean | ((annotation: Annotation) => boolean);
  /** The names for the credit line; by default the authors of the translations shown, who translated most first. */
  translators?: readonly string[];
}

/** A paragraph of the transcription: where it is in the plain text. */
interface ParagraphRange {
  sheetIndex: number;
  start: number;
  end: number;
}

export function renderingFromAnnotations(
  doc: ProseMirrorNode,
  metadata: DocumentMetadata,
  annotations: readonly Annotation[],
  segments: readonly SourceSegment[],
  options: RenderingFromAnnotationsOptions = {},
): EnglishRendering {
  const text = TextIndex.fromDoc(doc).text;
  const { sheets, paragraphs } = layoutOf(doc);

  // Segments by paragraph, with the text between them made into segments of its own.
  const rendered: RenderedSegment[] = [];
  const byParagraph = new Map<ParagraphRange, RenderedSegment[]>();
  const cleaned = cleanSegments(segments, text);
  let next = 0;
  let coveredTo = 0;
  for (const paragraph of paragraphs) {
    const list: RenderedSegment[] = [];
    let cursor = Math.max(paragraph.start, coveredTo);
    const uncovered = (from: number, to: number) => {
      const range = trimRange(text, from, to, /\s/u);
      if (range) list.push(segmentOf(`uncovered:${range[0]}-${range[1]}`, range[0], range[1], text));
    };
    while (next < cleaned.length && cleaned[next]!.core[0] < paragraph.end) {
      const segment = cleaned[next++]!;
      uncovered(cursor, segment.start);
      list.push(segmentOf(segment.id, segment.start, segment.end, text));
      cursor = Math.max(cursor, segment.end);
    }
    uncovered(cursor, paragraph.end);
    coveredTo = Math.max(coveredTo, cursor);
    byParagraph.set(paragraph, list);
    rendered.push(...list);
  }

  chooseTranslations(rendered, annotations, text, options);

  const out: RenderedSheet[] = sheets.map((sheet, sheetIndex) => ({
    label: sheet.label,
    numberAsWritten: sheet.numberAsWritten,
    paragraphs: paragraphs
      .filter((p) => p.sheetIndex === sheetIndex)
      .map((p): RenderedParagraph => ({ segments: byParagraph.get(p) ?? [] }))
      .filter((p) => p.segments.length > 0),
  }));

  return {
    metadata,
    translators: options.translators ? [...options.translators] : translatorsOf(rendered),
    sourceLanguage: metadata.languageCode,
    untranslated: options.untranslated ?? 'placeholder',
    sheets: out,
    footnotes: footnotesOf(rendered, annotations, text, options),
  };
}

// ---------------------------------------------------------------------------------------------
// The transcription's layout

function layoutOf(doc: ProseMirrorNode): { sheets: Array<{ label: string; numberAsWritten: string }>; paragraphs: ParagraphRange[] } {
  const sheets: Array<{ label: string; numberAsWritten: string }> = [];
  const paragraphs: ParagraphRange[] = [];
  // The same plain text as TextIndex: "\n" between textblocks, a line break is "\n", editorial atoms nothing.
  let offset = 0;
  let blockSeen = false;
  doc.forEach((sheet, _pos, sheetIndex) => {
    sheets.push({
      label: typeof sheet.attrs.label === 'string' && sheet.attrs.label !== '' ? sheet.attrs.label : `Sheet ${sheetIndex + 1}`,
      numberAsWritten: typeof sheet.attrs.numberAsWritten === 'string' ? sheet.attrs.numberAsWritten : '',
    });
    sheet.descendants((node) => {
      if (!node.isTextblock) return true;
      if (blockSeen) offset += 1;
      blockSeen = true;
      const start = offset;
      node.forEach((child) => {
        if (child.isText) offset += child.text!.length;
        else if (child.isLeaf) offset += (child.type.spec.leafText ? child.type.spec.leafText(child) : '\n').length;
      });
      paragraphs.push({ sheetIndex, start, end: offset });
      return false;
    });
  });
  return { sheets, paragraphs };
}

interface CleanSegment {
  id: string;
  start: number;
  end: number;
  /** The segment without white space at its edges (where it is placed). */
  core: readonly [number, number];
}

/** Segments in order, within the text, not overlapping (a later one is cut to start where the earlier ends), not blank. */
function cleanSegments(segments: readonly SourceSegment[], text: string): CleanSegment[] {
  const sorted = segments
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end))
    .map((s) => ({ id: s.id, start: clamp(Math.floor(s.start), text.length), end: clamp(Math.floor(s.end), text.length) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: CleanSegment[] = [];
  const ids = new Set<string>();
  let end = 0;
  for (const s of sorted) {
    const start = Math.max(s.start, end);
    const core = trimRange(text, start, s.end, /\s/u);
    if (!core || ids.has(s.id)) continue;
    ids.add(s.id);
    out.push({ id: s.id, start, end: s.end, core });
    end = s.end;
  }
  return out;
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}

/** The range without characters matching `edge` at either end, or null if nothing is left. */
function trimRange(text: string, start: number, end: number, edge: RegExp): [number, number] | null {
  let from = start;
  let to = end;
  while (from < to && edge.test(text[from]!)) from++;
  while (to > from && edge.test(text[to - 1]!)) to--;
  return from < to ? [from, to] : null;
}

function segmentOf(id: string, start: number, end: number, text: string): RenderedSegment {
  return {
    id,
    start,
    end,
    source: text.slice(start, end).trim(),
    english: null,
    status: 'untranslated',
    translationId: null,
    translator: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Translations

const EDGE = /[\s\p{P}]/u;

/** The part of a segment a translation must cover: without white space and punctuation at its edges. */
function coreOf(segment: RenderedSegment, text: string): [number, number] {
  return trimRange(text, segment.start, segment.end, EDGE) ?? trimRange(text, segment.start, segment.end, /\s/u) ?? [segment.start, segment.end];
}

function wordsOf(annotation: Annotation): TextTarget | null {
  const target = annotation.target;
  return target.type === 'text' && !target.orphaned ? target : null;
}

function covers(target: TextTarget, core: readonly [number, number]): boolean {
  return target.position.start <= core[0] && target.position.end >= core[1];
}

function languageMatches(language: string, wanted: string | null): boolean {
  if (wanted === null || language.trim() === '') return true;
  const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary(language) === primary(wanted);
}

function chooseTranslations(
  segments: RenderedSegment[],
  annotations: readonly Annotation[],
  text: string,
  options: RenderingFromAnnotationsOptions,
): void {
  const wanted = options.language === undefined ? 'en' : options.language;
  const chosen = new Set(options.chosenTranslationIds ?? []);
  const candidates = annotations.filter(
    (a) =>
      a.kind === 'translation' &&
      !a.deleted &&
      wordsOf(a) !== null &&
      languageMatches(a.body.language, wanted) &&
      bodyPlainText(a.body.doc) !== '',
  );
  const cores = segments.map((s) => coreOf(s, text));
  const shown: Array<{ annotation: Annotation; target: TextTarget }> = [];

  segments.forEach((segment, i) => {
    const core = cores[i]!;
    const earlier = shown.find((s) => covers(s.target, core));
    if (earlier) {
      segment.status = 'joined';
      segment.translationId = earlier.annotation.id;
      segment.translator = earlier.annotation.creator.name;
      return;
    }
    const covering = candidates.filter((a) => covers(wordsOf(a)!, core));
    if (covering.length === 0) return;
    // Whether a candidate also covers an earlier segment that shows another translation.
    const repeats = (a: Annotation) =>
      segments.slice(0, i).some((s, j) => s.status === 'translated' && s.translationId !== a.id && covers(wordsOf(a)!, cores[j]!));
    const ranked = covering
      .map((a) => ({ a, key: [chosen.has(a.id) ? 0 : 1, repeats(a) ? 1 : 0, -timeOf(a.modified), -a.revision] as const }))
      .sort((x, y) => {
        for (let k = 0; k < x.key.length; k++) if (x.key[k] !== y.key[k]) return x.key[k]! - y.key[k]!;
        return x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0;
      });
    const best = ranked[0]!.a;
    segment.status = 'translated';
    segment.english = best.body.doc;
    segment.translationId = best.id;
    segment.translator = best.creator.name;
    shown.push({ annotation: best, target: wordsOf(best)! });
  });
}

function timeOf(iso: string): number {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
}

/** The authors of the translations shown, who translated most segments first (ties: who comes first). */
function translatorsOf(segments: readonly RenderedSegment[]): string[] {
  const counts = new Map<string, { count: number; first: number }>();
  segments.forEach((s, i) => {
    const name = s.status === 'translated' ? s.translator?.trim() ?? '' : '';
    if (name === '') return;
    const entry = counts.get(name) ?? { count: 0, first: i };
    entry.count++;
    counts.set(name, entry);
  });
  return [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first).map(([name]) => name);
}

// ---------------------------------------------------------------------------------------------
// Footnotes

/**
 * Footnotes from commentary, each after the segment where the words it comments on end (a
 * comment on a region goes after the words linked to the region). In reading order; notes after
 * the same segment by where their words start, then by when they were written.
 */
function footnotesOf(
  segments: readonly RenderedSegment[],
  annotations: readonly Annotation[],
  text: string,
  options: RenderingFromAnnotationsOptions,
): RenderedFootnote[] {
  const wanted = options.commentaryFootnotes ?? false;
  if (wanted === false || segments.length === 0) return [];
  const placed: Array<{ note: RenderedFootnote; segment: number; start: number; created: number; id: string }> = [];
  for (const a of annotations) {
    if (a.kind !== 'commentary' || a.deleted) continue;
    if (typeof wanted === 'function' && !wanted(a)) continue;
    if (bodyPlainText(a.body.doc) === '') continue;
    const words = wordsOf(a) ?? [...a.links].reverse().find((link) => !link.orphaned) ?? null;
    if (!words) continue;
    const range = trimRange(text, clamp(words.position.start, text.length), clamp(words.position.end, text.length), /\s/u);
    const [start, end] = range ?? [words.position.start, words.position.end];
    // The last segment that starts before the words end.
    let at = 0;
    for (let i = 0; i < segments.length; i++) if (segments[i]!.start < end) at = i;
    placed.push({
      note: { afterSegmentId: segments[at]!.id, body: a.body.doc, author: a.creator.name, annotationId: a.id },
      segment: at,
      start,
      created: timeOf(a.created),
      id: a.id,
    });
  }
  placed.sort((x, y) => x.segment - y.segment || x.start - y.start || x.created - y.created || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return placed.map((p) => p.note);
}
