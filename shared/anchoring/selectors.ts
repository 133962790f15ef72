/**
 * Describing a range of plain text as W3C selectors, and finding it again.
 *
 * Resolution follows the order Hypothesis uses: trust the stored position when the text there
 * still equals the quote; otherwise look for the quote itself and, among several occurrences
 * ("38 параллели" occurs three times in the sample), prefer the one whose prefix and suffix
 * match best and which lies nearest the old position. (Fuzzy matching of changed quotes comes
 * with transcription editing.)
 */
import type { TextPositionSelector, TextQuoteSelector } from '../annotation';

/** How many characters of context a quote selector keeps on each side. */
export const QUOTE_CONTEXT_LENGTH = 32;

export interface TextRange {
  start: number;
  end: number;
}

export function describeTextRange(
  text: string,
  range: TextRange,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  const { start, end } = range;
  if (!(start >= 0 && start < end && end <= text.length)) {
    throw new RangeError(`Cannot describe text range ${start}–${end} of a ${text.length}-character text.`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

export type AnchorResolution = TextRange & { method: 'position' | 'quote' };

/** Finds the text a quote and position describe, or null when the quoted words are gone. */
export function resolveTextQuote(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector | null,
): AnchorResolution | null {
  if (quote.exact === '') return null;
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  let best: (TextRange & { score: number }) | null = null;
  for (let at = text.indexOf(quote.exact); at >= 0; at = text.indexOf(quote.exact, at + 1)) {
    const end = at + quote.exact.length;
    const score = contextScore(text, at, end, quote) - proximityPenalty(at, position);
    if (!best || score > best.score) best = { start: at, end, score };
  }
  return best ? { start: best.start, end: best.end, method: 'quote' } : null;
}

/** Characters of prefix and suffix that still stand next to a candidate. */
function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  let score = 0;
  for (let i = 1; i <= quote.prefix.length && text[start - i] === quote.prefix[quote.prefix.length - i]; i++) score++;
  for (let i = 0; i < quote.suffix.length && text[end + i] === quote.suffix[i]; i++) score++;
  return score;
}

/** A tie-breaker between equally well-framed candidates: nearer the old position wins. */
function proximityPenalty(start: number, position: TextPositionSelector | null): number {
  return position ? Math.abs(start - position.start) / 1e6 : 0;
}

/** The range without the whitespace at its ends (a mouse selection often takes a space along). */
export function trimTextRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
