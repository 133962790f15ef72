/** Scrolling the transcription's pane so that a document position comes into view near its top. */
import type { EditorView } from 'prosemirror-view';

export function scrollContainer(element: HTMLElement): HTMLElement {
  for (let el = element.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return el;
  }
  return document.documentElement;
}

export function scrollViewTo(view: EditorView, pos: number): void {
  const scroller = scrollContainer(view.dom);
  const coords = view.coordsAtPos(Math.min(pos, view.state.doc.content.size));
  const top = scroller.getBoundingClientRect().top;
  scroller.scrollTo({ top: scroller.scrollTop + coords.top - top - 24, behavior: 'instant' });
}
