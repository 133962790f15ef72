/**
 * Describing a range of plain text as W3C selectors, and finding it again.
 *
 * Resolution follows the order Hypothesis uses: trust the stored position when the text there
 * still equals the quote; otherwise look for the quote itself and, among several occurrences
 * ("38 параллели" occurs four times in the sample), prefer the one whose prefix and suffix
 * match best and which lies nearest the old position; otherwise look for it fuzzily, near the
 * old position first. The details are in reanchor.ts.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../annotation';
import { reanchorTextQuote, type AnchorMethod } from './reanchor';

export type { AnchorMethod } from './reanchor';

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

export type AnchorResolution = TextRange & { method: AnchorMethod };

/**
 * Finds the text a quote and position describe — by position, by exact quote or fuzzily (see
 * reanchor.ts for the ladder, the error budget and the context check) — or null when the quoted
 * words are gone and the annotation is an orphan.
 */
export function resolveTextQuote(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector | null,
): AnchorResolution | null {
  const found = reanchorTextQuote(text, quote, position);
  return found ? { start: found.start, end: found.end, method: found.method } : null;
}

/** The range without the whitespace at its ends (a mouse selection often takes a space along). */
export function trimTextRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
