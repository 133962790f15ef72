/**
 * What a windowed list (@tanstack/react-virtual) renders besides the items near view: a few
 * items kept mounted wherever they are — the open one, so that it stays marked and can be found
 * (Ctrl+L, a test, a screen reader's "current"), and the one holding the focus, so that
 * scrolling away does not drop the focus to the page.
 */
import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { useMemo } from 'react';

/**
 * A range extractor rendering the items near view and the `kept` indexes, in list order, each
 * once (the open item is often the focused one too).
 */
export function keepingMounted(kept: readonly number[]): (range: Range) => number[] {
  return (range) => {
    const indexes = defaultRangeExtractor(range);
    const extra = kept.filter((i, at) => !indexes.includes(i) && kept.indexOf(i) === at);
    return extra.length === 0 ? indexes : [...indexes, ...extra].sort((a, b) => a - b);
  };
}

/**
 * `keepingMounted` for the items with these ids (null for none), found by `indexOf` (id → index);
 * the same function for as long as they are at the same indexes.
 */
export function useKeepingMounted(indexOf: ReadonlyMap<string, number>, ids: ReadonlyArray<string | null>): (range: Range) => number[] {
  const kept = ids.map((id) => (id === null ? undefined : indexOf.get(id))).filter((i): i is number => i !== undefined);
  const key = kept.join(',');
  // Keyed on the indexes themselves: a new array of the same indexes keeps the extractor.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => keepingMounted(kept), [key]);
}
