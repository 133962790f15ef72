/**
 * Bringing the caret into view after a keystroke, only when it is out of view.
 *
 * ProseMirror scrolls the caret into view after every typed character. Its way measures the
 * caret, then every box around the editor that could scroll, each one's position and size:
 * about 1 ms a key in the transcription editor and in an annotation's body, and several on the
 * first key after a pause (docs/benchmarks.md). While someone types, the caret is nearly always
 * in view already. Here only the caret and the one box that scrolls the editor are measured;
 * ProseMirror's own scrolling runs when the caret is outside that box, or that box outside the
 * window.
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** The nearest ancestor of `element` that scrolls; the page itself if none does. */
export function scrollContainer(element: HTMLElement): HTMLElement {
  for (let el = element.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return el;
  }
  return document.documentElement;
}

const scrollerOfView = new WeakMap<EditorView, HTMLElement>();

/** The box that scrolls the editor, kept per view: looking for it reads the style of every ancestor. */
function scrollerOf(view: EditorView): HTMLElement {
  const known = scrollerOfView.get(view);
  if (known && known.contains(view.dom)) return known;
  const scroller = scrollContainer(view.dom);
  scrollerOfView.set(view, scroller);
  return scroller;
}

/** Whether a box lies within another, both as the browser measures them. */
function boxWithin(inner: { top: number; bottom: number; left: number; right: number }, outer: { top: number; bottom: number; left: number; right: number }): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

/**
 * For ProseMirror's `handleScrollToSelection`: true (nothing to do) when a text caret or
 * selection's head is in view already; false lets ProseMirror scroll it into view.
 */
export function caretAlreadyInView(view: EditorView): boolean {
  const selection = view.state.selection;
  if (!(selection instanceof TextSelection)) return false;
  let caret: { top: number; bottom: number; left: number; right: number };
  try {
    caret = view.coordsAtPos(selection.head, 1);
  } catch {
    return false;
  }
  const page = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
  const scroller = scrollerOf(view);
  if (scroller === document.documentElement) return boxWithin(caret, page);
  const box = scroller.getBoundingClientRect();
  return boxWithin(caret, box) && boxWithin(box, page);
}
