/**
 * How far the translation of a document has come: segments and source words per status.
 *
 * A translation belongs to the segment its target overlaps most (the earlier one on a tie);
 * when several translations belong to one segment, the one that fits it best counts (the largest
 * overlap, then the least text outside the segment, then the latest modified) and the others are
 * listed beside it. Deleted annotations, annotations of other kinds, region targets and orphaned
 * targets count for nothing.
 *
 * A segment's status is its translation's `workbench.status`; a translation without workbench
 * data is a draft when its body has text, and a segment without a translation is untranslated.
 *
 * Words are counted in the source text as CAT tools count them: runs of letters and digits, a
 * hyphen, apostrophe or full stop inside a run keeping it one word ("Цзэ-дун", "т.е", "20.07.1951");
 * every Han, hiragana and katakana character is a word of its own (those scripts put no spaces
 * between words); punctuation and signs ("№", "—") are no words.
 */
import { bodyPlainText } from '../annotation-body-schema';
import type { Segment } from './segment';
import { chosenAlternative, SEGMENT_STATUSES, type SegmentStatus, type WorkbenchTranslation } from './types';

const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.\-‐][\p{L}\p{M}\p{N}]+)*/gu;

/** The number of words in a text (see the module comment). */
export function countWords(text: string): number {
  const cjk = text.match(CJK_CHARACTER)?.length ?? 0;
  const rest = text.replace(CJK_CHARACTER, ' ').match(WORD)?.length ?? 0;
  return cjk + rest;
}

/** The plain text of a translation's chosen rendering. */
export function translationText(translation: WorkbenchTranslation): string {
  const chosen = translation.workbench ? chosenAlternative(translation.workbench) : undefined;
  return bodyPlainText(chosen?.doc ?? translation.body.doc);
}

/** A translation's status (see the module comment). */
export function translationStatus(translation: WorkbenchTranslation): SegmentStatus {
  if (translation.workbench) return translation.workbench.status;
  return translationText(translation) === '' ? 'untranslated' : 'draft';
}

/** The plain-text range a translation targets, or null when it counts for nothing. */
function countedRange(translation: WorkbenchTranslation): { start: number; end: number } | null {
  const target = translation.target;
  if (translation.deleted || translation.kind !== 'translation' || target.type !== 'text' || target.orphaned) return null;
  return { start: target.position.start, end: target.position.end };
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * The indexes of the segments a range overlaps, in order. Segments must be in document order
 * and not overlap, as segmentTranscription and applyOverrides return them.
 */
export function segmentsOverlapping(segments: readonly Segment[], range: { start: number; end: number }): number[] {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.end <= range.start) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < segments.length && segments[i]!.start < range.end; i++) {
    if (overlap(segments[i]!, range) > 0) out.push(i);
  }
  return out;
}

/** The index of the segment a range belongs to (the one it overlaps most, the earlier on a tie), or -1. */
export function segmentIndexOf(segments: readonly Segment[], range: { start: number; end: number }): number {
  let best = -1;
  let bestOverlap = 0;
  for (const i of segmentsOverlapping(segments, range)) {
    const o = overlap(segments[i]!, range);
    if (o > bestOverlap) {
      best = i;
      bestOverlap = o;
    }
  }
  return best;
}

export interface TranslationAssignment {
  /** For each segment id that has translations: the one that counts first, then the others. */
  bySegment: Map<string, WorkbenchTranslation[]>;
  /** Counted translations whose target overlaps no segment. */
  unassigned: WorkbenchTranslation[];
  /** Counted translations whose target overlaps more than one segment (they belong to one only). */
  spanning: WorkbenchTranslation[];
}

/** Which segment each translation belongs to (see the module comment). */
export function assignTranslations(segments: readonly Segment[], translations: readonly WorkbenchTranslation[]): TranslationAssignment {
  const bySegment = new Map<string, WorkbenchTranslation[]>();
  const unassigned: WorkbenchTranslation[] = [];
  const spanning: WorkbenchTranslation[] = [];
  for (const translation of translations) {
    const range = countedRange(translation);
    if (!range) continue;
    const overlapping = segmentsOverlapping(segments, range);
    if (overlapping.length > 1) spanning.push(translation);
    const index = segmentIndexOf(segments, range);
    if (index < 0) {
      unassigned.push(translation);
      continue;
    }
    const id = segments[index]!.id;
    const list = bySegment.get(id) ?? [];
    list.push(translation);
    bySegment.set(id, list);
  }
  const byId = new Map(segments.map((s) => [s.id, s]));
  for (const [id, list] of bySegment) {
    const segment = byId.get(id)!;
    list.sort((a, b) => fitOrder(segment, a, b));
  }
  return { bySegment, unassigned, spanning };
}

/** Orders two translations of a segment: the better fit (then the later modified) first. */
function fitOrder(segment: Segment, a: WorkbenchTranslation, b: WorkbenchTranslation): number {
  const ra = countedRange(a)!;
  const rb = countedRange(b)!;
  const byOverlap = overlap(segment, rb) - overlap(segment, ra);
  if (byOverlap !== 0) return byOverlap;
  const outside = (r: { start: number; end: number }): number => r.end - r.start - overlap(segment, r);
  const byOutside = outside(ra) - outside(rb);
  if (byOutside !== 0) return byOutside;
  return (b.modified ?? '').localeCompare(a.modified ?? '');
}

export interface StatusTally {
  segments: number;
  words: number;
}

export interface SegmentProgress {
  segmentId: string;
  status: SegmentStatus;
  /** Source words in the segment. */
  words: number;
  /** The translation that counts for the segment, or null. */
  translationId: string | null;
  /** Other translations that belong to the segment too (duplicates to resolve). */
  otherTranslationIds: string[];
}

export interface TranslationProgress {
  byStatus: Record<SegmentStatus, StatusTally>;
  total: StatusTally;
  segments: SegmentProgress[];
  /** Ids of translations that overlap no segment. */
  unassigned: string[];
  /** Ids of translations that overlap several segments (each counts for one). */
  spanning: string[];
}

/** Segments and source words per status, and each segment's status and translation. */
export function translationProgress(segments: readonly Segment[], translations: readonly WorkbenchTranslation[]): TranslationProgress {
  const { bySegment, unassigned, spanning } = assignTranslations(segments, translations);
  const byStatus = Object.fromEntries(SEGMENT_STATUSES.map((s) => [s, { segments: 0, words: 0 }])) as Record<SegmentStatus, StatusTally>;
  const total: StatusTally = { segments: 0, words: 0 };
  const perSegment = segments.map((segment): SegmentProgress => {
    const [first, ...others] = bySegment.get(segment.id) ?? [];
    const status = first ? translationStatus(first) : 'untranslated';
    const words = countWords(segment.text);
    byStatus[status].segments++;
    byStatus[status].words += words;
    total.segments++;
    total.words += words;
    return { segmentId: segment.id, status, words, translationId: first?.id ?? null, otherTranslationIds: others.map((t) => t.id) };
  });
  return { byStatus, total, segments: perSegment, unassigned: unassigned.map((t) => t.id), spanning: spanning.map((t) => t.id) };
}
