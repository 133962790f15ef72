/**
 * Measuring which sheets of a long transcription are in view, and following the pane as it
 * scrolls or is resized. Both the reading view and the editor draw only the sheets near view
 * (lazy-sheets.ts); the reading view also draws only their highlights (highlight-plugin.ts).
 */
import type { EditorView } from 'prosemirror-view';
import { drawsLazily, sheetBoxes, sheetElements } from './lazy-sheets';
import { scrollContainer } from '../ui/caret-scroll';
import { visibleSheets, windowFor, type SheetWindow } from './visible-sheets';

/**
 * The sheets to draw for those in the pane (`windowFor`: `current` while it holds them, else
 * those in the pane and WINDOW_MARGIN on either side); null (all of them) in a short document. A
 * binary search over the sheets' boxes: a few boxes read, not one per sheet.
 */
export function sheetWindowInView(view: EditorView, current: SheetWindow | null, scroller: HTMLElement = scrollContainer(view.dom)): SheetWindow | null {
  if (!drawsLazily(view.state.doc)) return null;
  const count = view.state.doc.childCount;
  const sheets = sheetElements(view);
  const pane = scroller === document.documentElement ? { top: 0, bottom: window.innerHeight } : scroller.getBoundingClientRect();
  const visible = visibleSheets(sheets.length, sheetBoxes(view, sheets), pane.top, pane.bottom);
  return visible ? windowFor(current, visible, count) : null;
}

/**
 * Calls `onFrame` once a frame while the view's pane scrolls, and when a long document's pane is
 * resized (a taller pane shows more sheets). Answers a function that stops.
 */
export function followPane(view: EditorView, onFrame: (scroller: HTMLElement, cause: 'scroll' | 'resize') => void): () => void {
  const scroller = scrollContainer(view.dom);
  let frame = 0;
  let resizeFrame = 0;
  const onScroll = (): void => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      // A view taken out of the page (React stops following it a moment later) has nothing to measure.
      if (view.dom.isConnected) onFrame(scroller, 'scroll');
    });
  };
  const onResize = (): void => {
    if (resizeFrame) return;
    resizeFrame = requestAnimationFrame(() => {
      resizeFrame = 0;
      if (view.dom.isConnected) onFrame(scroller, 'resize');
    });
  };
  const resizes = drawsLazily(view.state.doc) ? new ResizeObserver(onResize) : null;
  resizes?.observe(scroller);
  scroller.addEventListener('scroll', onScroll, { passive: true });
  return () => {
    scroller.removeEventListener('scroll', onScroll);
    resizes?.disconnect();
    cancelAnimationFrame(frame);
    cancelAnimationFrame(resizeFrame);
  };
}
