/**
 * The transcription, read-only, with annotation highlights.
 *
 * It is a non-editable ProseMirror view: a large focused contenteditable costs Chromium tens of
 * milliseconds a keystroke (DESIGN.md), and reading and annotating need no editing. The words a
 * user selects are reported as ProseMirror positions; the sheet being read is reported as the
 * user scrolls or clicks, so the scan beside it can follow.
 *
 * In a long document only the sheets in or near view are drawn, text and highlights; the window
 * moves as the pane scrolls or is resized, and at once when the view scrolls to a place
 * (visible-sheets.ts, lazy-sheets.ts, highlight-plugin.ts).
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { highlightKey, highlightPlugin, highlightsAt, setHighlights, type Highlight } from './highlight-plugin';
import { drawnSheets, drawnSheetsWith, lazySheetsPlugin, openingSheets, setDrawnSheets, sheetBoxes, sheetElements } from './lazy-sheets';
import { READING_LINE_PX, readingPlaceIn, scrollToPlace, type ReadingPlace, type TextViewHandle } from './reading-place';
import { scrollViewTo } from './scroll';
import { followPane, sheetWindowInView } from './sheet-window';
import { sheetIndexAt } from './sheets';
import { sameWindow, type SheetWindow } from './visible-sheets';

export interface TextSelection {
  from: number;
  to: number;
  /** Where the selection is on screen, to place the annotate menu beside it. */
  rect: { left: number; top: number; bottom: number; right: number };
}

export interface ScrollRequest {
  /** A document position to bring into view. */
  pos: number;
  /** Changes on every request, so asking twice for the same place scrolls twice. */
  nonce: number;
}

interface Props {
  doc: ProseMirrorNode;
  lang: string;
  highlights: readonly Highlight[];
  activeId: string | null;
  /** An annotation to light up because the pointer is over it elsewhere (its card or region). */
  hoverId: string | null;
  flash: { from: number; to: number } | null;
  scrollRequest: ScrollRequest | null;
  /** Where to open (where the editor was, reading-place.ts); null, the top of the text. */
  start?: ReadingPlace | null;
  /** Asked, as editing begins, where the reader is (for the editor to open there). */
  ref?: Ref<TextViewHandle>;
  onSheetChange: (index: number) => void;
  onSelectText: (selection: TextSelection | null) => void;
  /** Where the user clicked in the text (a document position). */
  onCaret: (pos: number) => void;
  onHighlightClick: (annotationId: string) => void;
  /** The pointer moved onto (an id) or off (null) words linked to a region. */
  onHoverLink: (annotationId: string | null) => void;
}

/** After a scroll we asked for, ignore the sheet the scroll position suggests for this long. */
const PROGRAMMATIC_SCROLL_SETTLE_MS = 600;

export function TranscriptionView(props: Props) {
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const programmaticScrollUntil = useRef(0);
  /**
   * Where the view opens: `start` the first time; after that, where the reader was in the text
   * the new one replaces (the same document saved, a sheet split or merged).
   */
  const openAt = useRef(props.start ?? null);

  useEffect(() => {
    const mount = mountRef.current!;
    const start = openAt.current;
    openAt.current = null;
    const first = openingSheets(props.doc, start?.from ?? null);
    const view = new EditorView(mount, {
      state: EditorState.create({ doc: props.doc, plugins: [highlightPlugin(first), lazySheetsPlugin(first)] }),
      editable: () => false,
      attributes: { class: 'transcription-text', lang: props.lang, 'aria-label': 'Transcription', role: 'document' },
    });
    viewRef.current = view;
    // Between the old view going and this one coming, the pane was empty and scrolled to its top:
    // the scroll handler is told not to take that for the reader going back to the first sheet.
    if (start) {
      programmaticScrollUntil.current = Date.now() + PROGRAMMATIC_SCROLL_SETTLE_MS;
      scrollToPlace(view, start);
    }
    // The sheets drawn are those in view from the start (the first few, unless the pane was scrolled).
    moveWindow(view);
    return () => {
      // Measured by words, not pixels: the boxes standing for the sheets not drawn are estimates.
      openAt.current = view.dom.isConnected ? readingPlaceIn(view, null) : null;
      view.destroy();
      viewRef.current = null;
    };
  }, [props.doc, props.lang]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    // Drawn for the sheets in view (moveWindow, as the view was made and as the pane moves).
    view.dispatch(setHighlights(view.state.tr, { highlights: props.highlights, activeId: props.activeId, hoverId: props.hoverId, flash: props.flash }));
  }, [props.doc, props.highlights, props.activeId, props.hoverId, props.flash]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    let current: string | null = null;
    const onMove = (event: MouseEvent): void => {
      const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
      const link = hit ? highlightsAt(view.state, hit.pos).find((h) => h.kind === 'link') : undefined;
      const id = link?.annotationId ?? null;
      if (id !== current) {
        current = id;
        callbacks.current.onHoverLink(id);
      }
    };
    const onLeave = (): void => {
      if (current !== null) callbacks.current.onHoverLink((current = null));
    };
    view.dom.addEventListener('mousemove', onMove);
    view.dom.addEventListener('mouseleave', onLeave);
    return () => {
      view.dom.removeEventListener('mousemove', onMove);
      view.dom.removeEventListener('mouseleave', onLeave);
    };
  }, [props.doc]);

  useImperativeHandle(props.ref, () => ({
    readingPlace: (selection) => {
      const view = viewRef.current;
      return view ? readingPlaceIn(view, selection ?? null) : null;
    },
  }));

  // A request made before the view opened was for the view before it (the editor): this one opens at `start`.
  const requestAtOpening = useRef(props.scrollRequest);
  useEffect(() => {
    const view = viewRef.current;
    const request = props.scrollRequest;
    if (!view || !request || request === requestAtOpening.current) return;
    programmaticScrollUntil.current = Date.now() + PROGRAMMATIC_SCROLL_SETTLE_MS;
    // The sheet scrolled to is drawn first, so that the place is measured in its text, not in
    // the empty box standing for it; its highlights are drawn before this frame is, not the next.
    const target = sheetIndexAt(view.state.doc, request.pos);
    showWindow(view, drawnSheetsWith(view.state, target));
    scrollViewTo(view, request.pos);
  }, [props.scrollRequest]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    // A pane made taller shows more sheets: they are drawn too.
    return followPane(view, (scroller, cause) => {
      moveWindow(view, scroller);
      if (cause === 'resize' || Date.now() < programmaticScrollUntil.current) return;
      const index = sheetAtReadingLine(view, scroller);
      if (index >= 0) callbacks.current.onSheetChange(index);
    });
  }, [props.doc]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const report = (): void => callbacks.current.onSelectText(readSelection(view));
    const onMouseUp = (event: MouseEvent): void => {
      const selection = readSelection(view);
      if (selection) {
        callbacks.current.onSelectText(selection);
        callbacks.current.onSheetChange(sheetIndexAt(view.state.doc, selection.from));
        return;
      }
      callbacks.current.onSelectText(null);
      const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
      if (!hit) return;
      callbacks.current.onCaret(hit.pos);
      callbacks.current.onSheetChange(sheetIndexAt(view.state.doc, hit.pos));
      const [innermost] = highlightsAt(view.state, hit.pos).filter((h) => h.kind !== 'link');
      if (innermost) callbacks.current.onHighlightClick(innermost.annotationId);
    };
    view.dom.addEventListener('mouseup', onMouseUp);
    view.dom.addEventListener('keyup', report);
    return () => {
      view.dom.removeEventListener('mouseup', onMouseUp);
      view.dom.removeEventListener('keyup', report);
    };
  }, [props.doc]);

  return <div ref={mountRef} className="transcription" />;
}

/** Draws the sheets now in view (text and highlights), if they are not those drawn already. */
function moveWindow(view: EditorView, scroller?: HTMLElement): void {
  const wanted = sheetWindowInView(view, drawnSheets(view.state), scroller);
  if (wanted) showWindow(view, wanted);
}

function showWindow(view: EditorView, wanted: SheetWindow): void {
  const moveSheets = !sameWindow(wanted, drawnSheets(view.state));
  const moveHighlights = !sameWindow(wanted, highlightKey.getState(view.state)?.window ?? null);
  if (!moveSheets && !moveHighlights) return;
  const tr = view.state.tr;
  if (moveSheets) setDrawnSheets(tr, wanted);
  if (moveHighlights) setHighlights(tr, { window: wanted });
  view.dispatch(tr);
}

function sheetAtReadingLine(view: EditorView, scroller: HTMLElement): number {
  const line = scroller.getBoundingClientRect().top + READING_LINE_PX;
  const sheets = sheetElements(view);
  const boxOf = sheetBoxes(view, sheets);
  let index = -1;
  // The sheets are laid out top to bottom: the last one starting above the line.
  for (let i = 0; i < sheets.length && boxOf(i).top <= line; i++) index = i;
  // At the very bottom the last sheet may never reach the reading line.
  if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2) index = sheets.length - 1;
  return index;
}

/** The user's selection inside the view as document positions. */
function readSelection(view: EditorView): TextSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) return null;
  let from: number;
  let to: number;
  try {
    from = view.posAtDOM(range.startContainer, range.startOffset);
    to = view.posAtDOM(range.endContainer, range.endOffset);
  } catch {
    return null;
  }
  if (from > to) [from, to] = [to, from];
  if (view.state.doc.textBetween(from, to, '\n', '\n').trim() === '') return null;
  const rect = range.getBoundingClientRect();
  return { from, to, rect: { left: rect.left, top: rect.top, bottom: rect.bottom, right: rect.right } };
}
