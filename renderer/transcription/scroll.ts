/** Scrolling the transcription's pane so that a document position comes into view near its top. */
import type { EditorView } from 'prosemirror-view';
import { scrollContainer } from '../ui/caret-scroll';

export function scrollViewTo(view: EditorView, pos: number): void {
  const scroller = scrollContainer(view.dom);
  const coords = view.coordsAtPos(Math.min(pos, view.state.doc.content.size));
  const top = scroller.getBoundingClientRect().top;
  scroller.scrollTo({ top: scroller.scrollTop + coords.top - top - 24, behavior: 'instant' });
}
