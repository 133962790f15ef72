/**
 * Which items of a long scrolling list are on screen or near it, so that a list of hundreds of
 * sheets renders its pictures (and other costly parts) only there: a picture that has once been
 * decoded stays decoded for as long as its `<img>` exists, about 0.3 MiB for a thumbnail.
 *
 * The list's items must be its direct children and carry `data-index`. One IntersectionObserver
 * watches them all against the list itself (its scroll box), widened by `margin` each way.
 */
import { useEffect, useState, type RefObject } from 'react';

/**
 * The indices of `list`'s children (`data-index`) within `margin` (a CSS length, as
 * IntersectionObserver's rootMargin takes it) of the list's visible box. Empty until the first
 * observation; `count` is the number of items (the children are observed again when it changes).
 */
export function useNearView(list: RefObject<HTMLElement | null>, count: number, margin: string): ReadonlySet<number> {
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set());

  useEffect(() => {
    const root = list.current;
    if (!root || typeof IntersectionObserver === 'undefined') return;
    const shown = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        let changed = false;
        for (const entry of entries) {
          const index = Number((entry.target as HTMLElement).dataset.index);
          if (!Number.isInteger(index)) continue;
          if (entry.isIntersecting && !shown.has(index)) {
            shown.add(index);
            changed = true;
          } else if (!entry.isIntersecting && shown.delete(index)) {
            changed = true;
          }
        }
        if (changed) setNear(new Set(shown));
      },
      { root, rootMargin: margin },
    );
    for (const child of Array.from(root.children)) {
      if (child instanceof HTMLElement && child.dataset.index !== undefined) observer.observe(child);
    }
    return () => observer.disconnect();
  }, [list, count, margin]);

  return near;
}
