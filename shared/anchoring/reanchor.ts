/**
 * Finding stored words again in a transcription that may have changed since they were
 * annotated: when a document is opened after an edit made elsewhere, or a pack is imported.
 * (While the transcription is edited in the app, anchors are mapped through the edits instead:
 * see mapped-anchors.ts.)
 *
 * The ladder, cheapest first (DESIGN.md, "Measured on these machines"):
 * 1. the stored position, when the text there still equals the quote and its context agrees;
 * 2. the quote itself, exactly: among several occurrences ("38 параллели" occurs four times in
 *    the sample) the one whose prefix and suffix agree best, then the nearest to the old position.
 *    Those with their whole context intact are looked for first, as prefix + quote + suffix,
 *    near the old position before the whole text (after an edit nearly every target has moved
 *    a little, and a common short quote occurs thousands of times in a long text); then the
 *    occurrences with some context exactly beside them, the only ones the context check can pass;
 * 3. the quote fuzzily (approx-string-match, as Hypothesis does), first within ±FUZZY_WINDOW
 *    characters of the old position, then in the whole text; only for quotes of at least
 *    MIN_FUZZY_QUOTE_LENGTH characters and within an error budget of FUZZY_ERROR_RATE of the
 *    quote's length;
 * 4. otherwise null: the annotation is an orphan (kept, listed, re-attachable).
 *
 * Every candidate must also stand in its own context — the 32 characters of prefix and of suffix
 * stored with the quote: one side must agree to STRONG_SIDE, or both to BOTH_SIDES; and words
 * found exactly must have at least ADJACENT_CONTEXT characters of one side exactly next to them.
 * One edit spoils at most one side of words it does not touch, so the words themselves pass; the
 * same words elsewhere, in another sentence, do not. So an annotation whose words were deleted
 * becomes an orphan instead of jumping to the next "38 параллели", to "иностранных войск из
 * Кореи, то противник" two paragraphs on (which differs from the first by one word of its
 * prefix), or — for a one-letter quote — to the same letter three characters away.
 */
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../annotation';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Reanchored {
  /** Plain-text offsets of the words found. */
  start: number;
  end: number;
  method: AnchorMethod;
  /** Errors (insertions, deletions, substitutions) of the fuzzy match; 0 unless `fuzzy`. */
  errors: number;
  /** How well the stored prefix and suffix agree with the text around the words, 0–1. */
  context: number;
}

/** How far on either side of the old position the first fuzzy search looks. */
export const FUZZY_WINDOW = 2000;
/** Shorter quotes are never matched fuzzily: a changed short word would attach to random words. */
export const MIN_FUZZY_QUOTE_LENGTH = 5;
/** A fuzzy match may differ from the quote in at most this share of its characters. */
export const FUZZY_ERROR_RATE = 0.2;
/** A candidate stands in its own context when one side of it agrees this well (1 is unchanged)… */
export const STRONG_SIDE = 0.9;
/** …or both sides this well. */
export const BOTH_SIDES = 0.75;
/** Words found exactly need this many characters of stored context exactly beside them, on one side. */
export const ADJACENT_CONTEXT = 8;
/** How many times the fuzzy search looks again after its best matches were all out of context. */
const MAX_FUZZY_ROUNDS = 12;
/** How far beyond the quote's length (and its errors) a fuzzy match's ends may move out to meet the stored context. */
const SHARPENING_REACH = 64;
/** Longer quotes keep the start approx-string-match gives a fuzzy match (finding a better one costs length²). */
const MAX_START_REFINEMENT = 512;

/** The most edits (insertions, deletions, substitutions) a fuzzy match of a quote may have. */
export function fuzzyErrorBudget(quoteLength: number): number {
  return quoteLength < MIN_FUZZY_QUOTE_LENGTH ? 0 : Math.floor(quoteLength * FUZZY_ERROR_RATE);
}

/** Finds the words a quote and position describe in `text`, or null when they are gone. */
export function reanchorTextQuote(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector | null,
): Reanchored | null {
  const exact = quote.exact;
  if (exact === '') return null;
  const hint = position ? Math.min(Math.max(position.start, 0), text.length) : null;

  // 1. The stored position.
  if (position && position.start >= 0 && position.end - position.start === exact.length) {
    const { start, end } = position;
    // Compared in place (no substring made): run for every annotation each time a document opens.
    if (text.startsWith(exact, start)) {
      if (sideIntact(text, quote, start, end, 'prefix') || sideIntact(text, quote, start, end, 'suffix')) {
        return { start, end, method: 'position', errors: 0, context: 1 };
      }
      // Other words slid into the old place? Only if the context says so.
      const judged = judge(text, quote, start, end, 0, hint);
      if (judged.agrees) return { start, end, method: 'position', errors: 0, context: judged.context };
    }
  }

  // 2. The quote, exactly. Words whose stored context stands intact on both sides need no
  // scoring: the nearest such occurrence wins, looked for near the old position first.
  const intact = nearestIntact(text, quote, hint);
  if (intact !== null) return { start: intact, end: intact + exact.length, method: 'quote', errors: 0, context: 1 };
  // Otherwise the best scored of the occurrences with some of their context exactly beside them
  // (the only ones `judge` can let through), in the order of the text.
  let best: Scored | null = null;
  for (const at of occurrencesBesideContext(text, quote)) {
    const judged = judge(text, quote, at, at + exact.length, 0, hint);
    if (judged.agrees && (!best || judged.score > best.score)) best = judged;
  }
  if (best) return { start: best.start, end: best.end, method: 'quote', errors: 0, context: best.context };

  // 3. The quote, fuzzily: near the old position, then everywhere.
  const budget = fuzzyErrorBudget(exact.length);
  return fuzzyFind(text, quote, budget, hint);
}

/** Where a search for the exact quote near the old position starts looking, on either side. */
const NEAR_WINDOW = 2000;
/** How much wider each next window is, until the whole text is searched. */
const WINDOW_GROWTH = 8;

/** Every occurrence of `pattern` in text[from, to), as offsets in the whole text. */
function occurrencesIn(text: string, pattern: string, from = 0, to = text.length): number[] {
  const found: number[] = [];
  if (to - from < pattern.length) return found;
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  for (let at = region.indexOf(pattern); at >= 0; at = region.indexOf(pattern, at + 1)) found.push(from + at);
  return found;
}

/**
 * The occurrence of the quote with both sides of its stored context exactly around it that is
 * nearest the old position (the first in the text without one), or null. Such an occurrence is
 * an occurrence of prefix + quote + suffix, a long and rare string: it is looked for within
 * NEAR_WINDOW characters of the old position, then in ever wider windows. One found at distance
 * d inside a window reaching at least d either side is the nearest of all, since a nearer one
 * would lie in the same window.
 */
function nearestIntact(text: string, quote: TextQuoteSelector, hint: number | null): number | null {
  const { exact, prefix, suffix } = quote;
  const intactAt = (at: number): boolean =>
    at >= 0 && text.startsWith(exact, at) && sideIntact(text, quote, at, at + exact.length, 'prefix') && sideIntact(text, quote, at, at + exact.length, 'suffix');
  // An empty side stands intact only at the text's start (or end): one place to look.
  if (prefix === '') return intactAt(0) ? 0 : null;
  if (suffix === '') return intactAt(text.length - exact.length) ? text.length - exact.length : null;
  const whole = prefix + exact + suffix;
  if (hint === null) {
    const at = text.indexOf(whole);
    return at < 0 ? null : at + prefix.length;
  }
  for (let radius = NEAR_WINDOW; ; radius *= WINDOW_GROWTH) {
    // Occurrences of the quote at hint − radius … hint + radius.
    const from = Math.max(0, hint - radius - prefix.length);
    const to = Math.min(text.length, hint + radius - prefix.length + whole.length);
    const everything = from === 0 && to === text.length;
    let best: number | null = null;
    for (const found of occurrencesIn(text, whole, from, to)) {
      const at = found + prefix.length;
      // In the order of the text, so that of two as near, the earlier wins.
      if ((everything || Math.abs(at - hint) <= radius) && (best === null || Math.abs(at - hint) < Math.abs(best - hint))) best = at;
    }
    if (best !== null || everything) return best;
  }
}

/**
 * The occurrences of the quote, in the order of the text, that have at least ADJACENT_CONTEXT
 * characters of the stored prefix exactly before them or of the stored suffix exactly after them
 * (all of it, if shorter), or stand at the start (end) of the text where the prefix (suffix) is
 * empty. `judge` rules out every other occurrence of exactly the quote at once, so these are the
 * only ones worth judging; searching for the quote with its context beside it skips the many
 * places where a common word occurs in other surroundings.
 */
function occurrencesBesideContext(text: string, quote: TextQuoteSelector): number[] {
  const { exact, prefix, suffix } = quote;
  const found = new Set<number>();
  if (prefix === '') {
    if (text.startsWith(exact)) found.add(0);
  } else {
    const before = prefix.slice(-Math.min(ADJACENT_CONTEXT, prefix.length));
    for (const at of occurrencesIn(text, before + exact)) found.add(at + before.length);
  }
  if (suffix === '') {
    if (text.length >= exact.length && text.endsWith(exact)) found.add(text.length - exact.length);
  } else {
    for (const at of occurrencesIn(text, exact + suffix.slice(0, Math.min(ADJACENT_CONTEXT, suffix.length)))) found.add(at);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Step 3: the quote fuzzily, near the old position first. Every exact occurrence of the quote was
 * out of context, so each is masked, so that no search finds it again; only those in the stretch
 * searched are looked up, the whole text's only when the window found nothing.
 */
function fuzzyFind(text: string, quote: TextQuoteSelector, budget: number, hint: number | null): Reanchored | null {
  if (budget === 0) return null;
  const exact = quote.exact;
  const ruledOut = (from: number, to: number) =>
    occurrencesIn(text, exact, Math.max(0, from - exact.length + 1), Math.min(text.length, to + exact.length - 1)).map((at) => ({ start: at, end: at + exact.length }));
  if (hint === null) return fuzzySearch(text, quote, 0, maskedSlice(text, ruledOut(0, text.length), 0, text.length), budget, hint).found;
  const from = Math.max(0, hint - FUZZY_WINDOW);
  const to = Math.min(text.length, hint + exact.length + FUZZY_WINDOW);
  const near = fuzzySearch(text, quote, from, maskedSlice(text, ruledOut(from, to), from, to), budget, hint);
  if (near.found || (from === 0 && to === text.length)) return near.found;
  // Everywhere else; what the window ruled out stays masked.
  const all = ruledOut(0, text.length);
  const everywhere = maskedSlice(text, all, 0, from) + near.region + maskedSlice(text, all, to, text.length);
  return fuzzySearch(text, quote, 0, everywhere, budget, hint).found;
}


/** text[from, to) with the given ranges (offsets in the whole text) masked. */
function maskedSlice(text: string, ranges: readonly { start: number; end: number }[], from: number, to: number): string {
  const inside = ranges
    .filter((r) => r.end > from && r.start < to)
    .map((r) => ({ start: Math.max(r.start, from) - from, end: Math.min(r.end, to) - from }));
  return mask(text.slice(from, to), inside);
}

interface Scored {
  start: number;
  end: number;
  errors: number;
  context: number;
  agrees: boolean;
  score: number;
}

/**
 * Looks for the quote in `region`, the text from offset `from` on (with what was already ruled
 * out masked), with at most `budget` errors. approx-string-match only reports the matches with the
 * fewest errors, so when all of those stand in foreign context (another occurrence of the same
 * words), they are masked and the search runs again. Returns the region as masked in the end.
 */
function fuzzySearch(
  text: string,
  quote: TextQuoteSelector,
  from: number,
  region: string,
  budget: number,
  hint: number | null,
): { found: Reanchored | null; region: string } {
  for (let round = 0; round < MAX_FUZZY_ROUNDS; round++) {
    const matches = search(region, quote.exact, budget);
    if (matches.length === 0) break;
    let best: Scored | null = null;
    for (const match of matches) {
      if (match.end <= match.start) continue;
      const judged = judge(text, quote, from + match.start, from + match.end, match.errors, hint);
      if (judged.agrees && (!best || judged.score > best.score)) best = judged;
    }
    if (best) return { found: { ...sharpen(text, quote, best), method: 'fuzzy', errors: best.errors, context: best.context }, region };
    region = mask(region, matches);
  }
  return { found: null, region };
}

/** The region with the characters of the given ranges replaced by NUL, which no quote contains. */
function mask(region: string, ranges: readonly { start: number; end: number }[]): string {
  if (ranges.length === 0) return region;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end } of sorted) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    out += region.slice(at, from) + '\u0000'.repeat(end - from);
    at = end;
  }
  return out + region.slice(at);
}

/**
 * Scores a candidate: the context counts twice as much as the quote's own errors; context exactly
 * beside the words once more (between the same letter two characters apart, only one has it);
 * nearness to the old position settles the rest (the same words in the same surroundings).
 * A fuzzy candidate's context is looked for up to its error count away from its ends, since a
 * fuzzy match's ends are only that sharp.
 */
function judge(
  text: string,
  quote: TextQuoteSelector,
  start: number,
  end: number,
  errors: number,
  hint: number | null,
): Scored {
  const { prefix, suffix } = quote;
  const besideBefore = prefix === '' ? (start === 0 ? 1 : 0) : matchingBefore(text, start, prefix) / prefix.length;
  const besideAfter = suffix === '' ? (end === text.length ? 1 : 0) : matchingAfter(text, end, suffix) / suffix.length;
  const adjacent = (p: string, fraction: number): boolean => fraction > 0 && fraction * p.length >= Math.min(ADJACENT_CONTEXT, p.length);
  if (errors === 0 && !adjacent(prefix, besideBefore) && !adjacent(suffix, besideAfter)) {
    // Cheaply out: words found exactly, with nothing of their context beside them.
    return { start, end, errors, context: 0, agrees: false, score: 0 };
  }
  const prefixScore =
    prefix === ''
      ? start - errors <= 0 ? 1 : 0 // nothing stood before the words: the text began there
      : sideAgreement(prefix, text.slice(Math.max(0, start - prefix.length - errors), start + errors));
  const suffixScore =
    suffix === ''
      ? end + errors >= text.length ? 1 : 0
      : sideAgreement(suffix, text.slice(Math.max(0, end - errors), end + suffix.length + errors));
  const context = (prefixScore + suffixScore) / 2;
  const agrees = Math.max(prefixScore, suffixScore) >= STRONG_SIDE || Math.min(prefixScore, suffixScore) >= BOTH_SIDES;
  const proximity = hint === null ? 0 : 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
  const score = 2 * context + (besideBefore + besideAfter) / 2 + (1 - errors / quote.exact.length) + 0.1 * proximity;
  return { start, end, errors, context, agrees, score };
}

/**
 * 1 when the stored context stands as it was, falling with each character inserted, deleted or
 * changed; 0 once it could agree neither to STRONG_SIDE nor to BOTH_SIDES (not worth the search).
 */
function sideAgreement(stored: string, actual: string): number {
  if (actual.includes(stored)) return 1;
  const matches = search(actual, stored, Math.floor(stored.length * (1 - BOTH_SIDES)));
  if (matches.length === 0) return 0;
  return 1 - Math.min(...matches.map((m) => m.errors)) / stored.length;
}

/** How many characters before `at` equal the end of the stored prefix. */
function matchingBefore(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && at - n - 1 >= 0 && text[at - n - 1] === prefix[prefix.length - n - 1]) n++;
  return n;
}

/** How many characters from `at` equal the start of the stored suffix. */
function matchingAfter(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text[at + n] === suffix[n]) n++;
  return n;
}

/** Whether one side of the stored context stands exactly as it was (empty: the text began or ended there). */
function sideIntact(text: string, quote: TextQuoteSelector, start: number, end: number, side: 'prefix' | 'suffix'): boolean {
  if (side === 'prefix') {
    const { prefix } = quote;
    return prefix === '' ? start === 0 : start >= prefix.length && text.startsWith(prefix, start - prefix.length);
  }
  return quote.suffix === '' ? end === text.length : text.startsWith(quote.suffix, end);
}

/**
 * Sharpens the ends of a fuzzy match. Where the whole stored prefix still stands just before the
 * match (up to the quote's length, its error count and SHARPENING_REACH before it, or its error
 * count inside it), the words start right after it; likewise the suffix for their end. So words
 * typed inside the quote ("38" → "тридцать восьмой") are taken in, as mapping would take them in,
 * rather than cut wherever the match happened to begin. Where that side's context was spoilt
 * too, the match is made as short as its errors allow: the characters that replaced the quote's
 * first ones are not claimed for it.
 */
function sharpen(text: string, quote: TextQuoteSelector, found: Scored): { start: number; end: number } {
  const length = quote.exact.length;
  const { prefix, suffix } = quote;
  let start: number | null = null;
  let end: number | null = null;

  const reach = length + found.errors + SHARPENING_REACH;
  const earliest = Math.max(0, found.start - reach);
  const latest = Math.min(found.end - 1, found.start + found.errors);
  if (prefix.length < ADJACENT_CONTEXT) {
    // Short or no prefix: the words stood at the start of the text; they still should.
    if (earliest <= prefix.length && prefix.length <= latest && text.startsWith(prefix)) start = prefix.length;
  } else {
    // Only the stretch where the prefix could end in range is searched, not the rest of the text.
    const from = Math.max(0, earliest - prefix.length);
    const stretch = text.slice(from, Math.max(from, latest));
    for (let at = stretch.indexOf(prefix); at >= 0; at = stretch.indexOf(prefix, at + 1)) {
      const after = from + at + prefix.length;
      if (after >= earliest && (start === null || Math.abs(after - found.start) < Math.abs(start - found.start))) start = after;
    }
  }

  const first = Math.max((start ?? found.start) + 1, found.end - found.errors);
  const last = Math.min(text.length, found.end + reach);
  if (suffix.length < ADJACENT_CONTEXT) {
    const at = text.length - suffix.length;
    if (first <= at && last === text.length && text.endsWith(suffix)) end = at;
  } else {
    const stretch = text.slice(first, last + suffix.length);
    for (let at = stretch.indexOf(suffix); at >= 0; at = stretch.indexOf(suffix, at + 1)) {
      if (end === null || Math.abs(first + at - found.end) < Math.abs(end - found.end)) end = first + at;
    }
  }

  end ??= found.end;
  start ??= latestStart(text, quote.exact, end, found.errors) ?? found.start;
  return { start, end };
}

/**
 * The latest start of a match of `pattern` ending at `end` with at most `errors` errors: an edit
 * distance table over the reversed strings, whose last row gives the distance for every start.
 */
function latestStart(text: string, pattern: string, end: number, errors: number): number | null {
  if (pattern.length > MAX_START_REFINEMENT) return null;
  const span = Math.min(end, pattern.length + errors);
  // row[j]: distance between the pattern's last i characters and the j characters before `end`.
  let row = Array.from({ length: span + 1 }, (_, j) => j);
  for (let i = 1; i <= pattern.length; i++) {
    const next = [i];
    const p = pattern[pattern.length - i];
    for (let j = 1; j <= span; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (text[end - j] === p ? 0 : 1));
    }
    row = next;
  }
  let best = Infinity;
  let shortest: number | null = null;
  for (let j = 1; j <= span; j++) {
    if (row[j]! < best) {
      best = row[j]!;
      shortest = j;
    }
  }
  return shortest !== null && best <= errors ? end - shortest : null;
}
