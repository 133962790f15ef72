/**
 * A windowed list (@tanstack/react-virtual): only the items in and near view are in the DOM, each
 * measured once drawn, each `li` placed at its offset and telling a screen reader its place in
 * the whole list (aria-posinset of aria-setsize). Besides those, a few items are kept mounted
 * wherever they are — the open one, so that it stays marked and can be found (Ctrl+L, a test, a
 * screen reader's "current"), and the one holding the focus, so that scrolling away does not
 * drop the focus to the page. The library's documents and the annotations panel's cards use it.
 */
import { defaultRangeExtractor, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState, type FocusEvent, type ReactNode } from 'react';

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
function useKeepingMounted(indexOf: ReadonlyMap<string, number>, ids: ReadonlyArray<string | null>): (range: Range) => number[] {
  const kept = ids.map((id) => (id === null ? undefined : indexOf.get(id))).filter((i): i is number => i !== undefined);
  const key = kept.join(',');
  // Keyed on the indexes themselves: a new array of the same indexes keeps the extractor.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => keepingMounted(kept), [key]);
}

export interface WindowedListOptions<T> {
  items: readonly T[];
  /** The open item, kept mounted. */
  openId: string | null;
  estimateSize: (index: number) => number;
  overscan: number;
  paddingStart?: number;
  paddingEnd?: number;
  /** Items side by side, scrolled across (a strip), rather than one under another. */
  horizontal?: boolean;
  /** Space between items, in CSS pixels. */
  gap?: number;
}

/**
 * The virtualizer of a list of items with ids, scrolled by the element `scrollRef` is given to,
 * which must also take `onFocus`: the item holding the focus is kept mounted. `setFocusedId`
 * keeps one mounted before it takes the focus (the arrow keys moving to an item out of view).
 */
export function useWindowedList<T extends { id: string }>({ items, openId, ...sizes }: WindowedListOptions<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const indexOf = useMemo(() => new Map(items.map((item, i) => [item.id, i])), [items]);
  const rangeExtractor = useKeepingMounted(indexOf, [openId, focusedId]);
  // The same function for as long as the items are the same: the virtualizer works out every
  // item's offset again whenever it changes (10,000 cards: 20-40 ms at each render of the panel,
  // a click on highlighted words included).
  const getItemKey = useCallback((i: number) => items[i]!.id, [items]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    getItemKey,
    rangeExtractor,
    ...sizes,
  });
  const onFocus = (event: FocusEvent): void => {
    const row = (event.target as Element).closest<HTMLElement>('li[data-index]');
    const id = row ? (items[Number(row.dataset.index)]?.id ?? null) : null;
    if (id !== focusedId) setFocusedId(id);
  };
  return { scrollRef, virtualizer, indexOf, onFocus, setFocusedId };
}

/** The drawn items of a windowed list, each its `li`, for the list element (`ul` or `ol`) to hold. */
export function WindowedRows({ virtualizer, count, render }: { virtualizer: Virtualizer<HTMLDivElement, Element>; count: number; render: (index: number) => ReactNode }) {
  const axis = virtualizer.options.horizontal ? 'X' : 'Y';
  return (
    <>
      {virtualizer.getVirtualItems().map((item) => (
        <li
          key={item.key}
          data-index={item.index}
          ref={virtualizer.measureElement}
          aria-setsize={count}
          aria-posinset={item.index + 1}
          style={{ transform: `translate${axis}(${item.start}px)` }}
        >
          {render(item.index)}
        </li>
      ))}
    </>
  );
}
