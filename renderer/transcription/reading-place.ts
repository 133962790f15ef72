/**
 * Where the reader is in a transcription, carried from the reading view to the editor and back
 * (Ctrl+E). A historian reading sheet 24 who presses Ctrl+E expects to correct sheet 24: the
 * editor opens on the words in view, with the reader's selection if it is in view (else a caret
 * at the start of the line being read), drawn where they were on screen. Finishing does the
 * same the other way.
 */
import type { EditorView } from 'prosemirror-view';
import { scrollContainer } from '../ui/caret-scroll';

export interface ReadingPlace {
  /** The selection to start with; a caret when `from === to`. */
  from: number;
  to: number;
  /** How far below the top of the pane `from` was drawn, in CSS pixels. */
  top: number;
}

/** The line being read: this far below the pane's top, below the toolbar that stays over the text. */
export const READING_LINE_PX = 96;

/** What a view offers the document around it. */
export interface TextViewHandle {
  /** Where the reader is: `selection` if it is in view (the editor's own selection when not given). */
  readingPlace(selection?: { from: number; to: number } | null): ReadingPlace | null;
}

interface Band {
  top: number;
  bottom: number;
}

function paneOf(scroller: HTMLElement): Band {
  return scroller === document.documentElement ? { top: 0, bottom: window.innerHeight } : scroller.getBoundingClientRect();
}

/** Where a position is drawn; null where it is not (a sheet not drawn has no text to measure). */
function drawnAt(view: EditorView, pos: number): Band | null {
  try {
    const box = view.coordsAtPos(pos, 1);
    return box.bottom > box.top ? box : null;
  } catch {
    return null;
  }
}

/**
 * The place being read in `view`: `selection` if its start is in the pane; else the start of
 * the text when the pane is scrolled to its top; else the start of the line at the reading line.
 * Null when nothing of the text is in the pane.
 */
export function readingPlaceIn(view: EditorView, selection: { from: number; to: number } | null): ReadingPlace | null {
  const scroller = scrollContainer(view.dom);
  const pane = paneOf(scroller);
  const size = view.state.doc.content.size;
  if (selection && selection.to <= size) {
    const at = drawnAt(view, selection.from);
    if (at && at.top >= pane.top && at.bottom <= pane.bottom) return { from: selection.from, to: selection.to, top: at.top - pane.top };
  }
  const text = view.dom.getBoundingClientRect();
  if (scroller.scrollTop === 0 && text.top >= pane.top) return { from: 0, to: 0, top: text.top - pane.top };
  const line = Math.min(pane.top + READING_LINE_PX, pane.bottom - 1);
  const hit = view.posAtCoords({ left: text.left + 1, top: line });
  if (!hit) return null;
  const at = drawnAt(view, hit.pos);
  return { from: hit.pos, to: hit.pos, top: (at?.top ?? line) - pane.top };
}

/**
 * The toolbars that stay over the top of the text as it scrolls (sticky, before the view in the
 * pane): the reading view's and the editor's differ in height.
 */
function coveredTop(view: EditorView, scroller: HTMLElement): number {
  let covered = 0;
  for (let el: Element | null = view.dom; el && el !== scroller; el = el.parentElement) {
    for (let before = el.previousElementSibling; before; before = before.previousElementSibling) {
      if (getComputedStyle(before).position === 'sticky') covered = Math.max(covered, before.getBoundingClientRect().height);
    }
  }
  return covered;
}

/**
 * Scrolls `view`'s pane so that the place's start is drawn as far below the pane's top as it was,
 * and at least clear of the toolbar over the text.
 */
export function scrollToPlace(view: EditorView, place: ReadingPlace): void {
  const scroller = scrollContainer(view.dom);
  const pane = paneOf(scroller);
  const at = drawnAt(view, Math.min(place.from, view.state.doc.content.size));
  if (!at) return;
  const clear = coveredTop(view, scroller) + 8;
  scroller.scrollTop += at.top - pane.top - Math.max(place.top, clear);
}
