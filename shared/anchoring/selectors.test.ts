import { describe, expect, it } from 'vitest';
import { describeTextRange, QUOTE_CONTEXT_LENGTH, resolveTextQuote } from './selectors';

const text =
  'мы предлагали прекращение военных действий на 38 параллели. Если срыв наступит по вопросу о 38 параллели, ' +
  'то мы изгоним противника к югу от 38 параллели и тогда снова начнём.';

function rangeOf(needle: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  return { start: at, end: at + needle.length };
}

describe('describeTextRange', () => {
  it('keeps the exact words and up to 32 characters of context on each side', () => {
    const { quote, position } = describeTextRange(text, rangeOf('38 параллели', 1));
    expect(quote.exact).toBe('38 параллели');
    expect(quote.prefix).toHaveLength(QUOTE_CONTEXT_LENGTH);
    expect(quote.prefix.endsWith('по вопросу о ')).toBe(true);
    expect(quote.suffix.startsWith(', то мы')).toBe(true);
    expect(text.slice(position.start, position.end)).toBe('38 параллели');
  });

  it('refuses an empty or out-of-bounds range', () => {
    expect(() => describeTextRange(text, { start: 5, end: 5 })).toThrow(RangeError);
    expect(() => describeTextRange(text, { start: 0, end: text.length + 1 })).toThrow(RangeError);
  });
});

describe('resolveTextQuote', () => {
  it('trusts the stored position while it still holds the quote', () => {
    const { quote, position } = describeTextRange(text, rangeOf('38 параллели', 2));
    expect(resolveTextQuote(text, quote, position)).toEqual({ ...rangeOf('38 параллели', 2), method: 'position' });
  });

  it('finds the right one of repeated words by their context when text before them changed', () => {
    const { quote, position } = describeTextRange(text, rangeOf('38 параллели', 1));
    const edited = 'Итак, ' + text;
    const found = resolveTextQuote(edited, quote, position);
    expect(found?.method).toBe('quote');
    expect(edited.slice(found!.start, found!.end)).toBe('38 параллели');
    expect(found!.start).toBe(rangeOf('38 параллели', 1).start + 'Итак, '.length);
  });

  it('returns null when the quoted words are gone', () => {
    const { quote, position } = describeTextRange(text, rangeOf('изгоним противника'));
    expect(resolveTextQuote(text.replace('изгоним противника', 'вытесним врага'), quote, position)).toBeNull();
  });
});
