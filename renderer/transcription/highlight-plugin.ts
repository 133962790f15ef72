/**
 * Annotation highlights in the transcription, as ProseMirror inline decorations.
 *
 * The set is replaced only when the annotations change (a transaction carrying new highlights)
 * and is otherwise mapped through transactions, never rebuilt per keystroke: rebuilding 10,000
 * decorations costs three times the mapping (see DESIGN.md).
 *
 * In the read view of a long document only the highlights of the sheets in or near view are
 * drawn (`window`, set by the view as the user scrolls; visible-sheets.ts): drawing all of them
 * was most of the time a large document took to open. `highlights` stays the full list, so
 * `highlightsAt` (click to open, hover) answers everywhere. With no window (the editor, short
 * documents) every highlight is drawn.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { AnnotationKind } from '../../shared/annotation';
import { sheetStarts } from './sheets';
import { inWindow, sameWindow, sheetSpans, type SheetWindow } from './visible-sheets';

export interface Highlight {
  annotationId: string;
  /** The annotation's kind, or 'link' for a passage linked to a region. */
  kind: AnnotationKind | 'link';
  from: number;
  to: number;
  /** In the seminar view, the colour of the author's layer, drawn instead of the kind's. */
  colour?: string;
}

export interface HighlightState {
  highlights: readonly Highlight[];
  activeId: string | null;
  /** An annotation whose region the pointer is over on the scan: its linked words light up. */
  hoverId: string | null;
  /** A passage being shown after following a cross-reference to it. */
  flash: { from: number; to: number } | null;
  /** The sheets whose highlights are drawn, or null for all. */
  window: SheetWindow | null;
  /** Each highlight's first and last sheet (`sheetSpans`), once a window asked for them; null after an edit. */
  spans: Int32Array | null;
  /** The drawn highlights alone. */
  base: DecorationSet;
  /** The highlights with the open, hovered and flashed words drawn over them. */
  decorations: DecorationSet;
}

interface HighlightMeta {
  highlights?: readonly Highlight[];
  activeId?: string | null;
  hoverId?: string | null;
  flash?: { from: number; to: number } | null;
  window?: SheetWindow | null;
}

export const highlightKey = new PluginKey<HighlightState>('annotation-highlights');

/** The class every highlighted stretch of an annotation's words carries, overlapped or not. */
export function highlightIdClass(annotationId: string): string {
  return `hl-id-${annotationId}`;
}

/** One decoration per highlight: built when the highlights change, mapped through edits otherwise. */
function buildBase(state: EditorState, highlights: readonly Highlight[]): DecorationSet {
  const decorations = highlights
    .filter((h) => h.from < h.to)
    .map((h) =>
      Decoration.inline(
        h.from,
        h.to,
        {
          // ProseMirror joins the classes of overlapping decorations but keeps one value of any
          // other attribute: an annotation's words covered by another's keep its id only in
          // `hl-id-<id>` (data-annotation-id names one of them).
          class: `hl hl-${h.kind} ${highlightIdClass(h.annotationId)}${h.colour ? ' hl-by-author' : ''}`,
          'data-annotation-id': h.annotationId,
          ...(h.colour ? { style: `--author: ${h.colour}` } : {}),
        },
        { annotationId: h.annotationId },
      ),
    );
  return DecorationSet.create(state.doc, decorations);
}

/**
 * The base set with the open annotation's words (hl-active), those of the one pointed at
 * (hl-hover) and the flashed passage drawn over it: a few decorations added to the base set,
 * which is shared, so opening or hovering a card does not rebuild 10,000 decorations.
 */
function withOverlay(state: EditorState, base: DecorationSet, s: Pick<HighlightState, 'activeId' | 'hoverId' | 'flash'>): DecorationSet {
  const overlay: Decoration[] = [];
  for (const [id, className] of [
    [s.activeId, 'hl-active'],
    [s.hoverId, 'hl-hover'],
  ] as const) {
    if (id === null) continue;
    for (const d of base.find(undefined, undefined, (spec: { annotationId?: string }) => spec.annotationId === id)) {
      overlay.push(Decoration.inline(d.from, d.to, { class: className }));
    }
  }
  if (s.flash) overlay.push(Decoration.inline(s.flash.from, s.flash.to, { class: 'hl-flash' }));
  return overlay.length === 0 ? base : base.add(state.doc, overlay);
}

/** `window`: the sheets whose highlights are drawn from the start (null: all of them). */
export function highlightPlugin(window: SheetWindow | null = null): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: (_, state) => {
        const base = buildBase(state, []);
        return { highlights: [], activeId: null, hoverId: null, flash: null, window, spans: null, base, decorations: base };
      },
      apply: (tr, value, _old, state) => {
        const meta = tr.getMeta(highlightKey) as HighlightMeta | undefined;
        if (!meta) {
          return tr.docChanged
            ? { ...value, spans: null, base: value.base.map(tr.mapping, tr.doc), decorations: value.decorations.map(tr.mapping, tr.doc) }
            : value;
        }
        const next = {
          highlights: meta.highlights ?? value.highlights,
          activeId: meta.activeId !== undefined ? meta.activeId : value.activeId,
          hoverId: meta.hoverId !== undefined ? meta.hoverId : value.hoverId,
          flash: meta.flash !== undefined ? meta.flash : value.flash,
          window: meta.window !== undefined && !sameWindow(meta.window, value.window) ? meta.window : value.window,
        };
        const rebuild = next.highlights !== value.highlights || next.window !== value.window;
        let spans = next.highlights === value.highlights && !tr.docChanged ? value.spans : null;
        let base: DecorationSet;
        if (!rebuild) base = tr.docChanged ? value.base.map(tr.mapping, tr.doc) : value.base;
        else if (next.window === null) base = buildBase(state, next.highlights);
        else {
          spans ??= sheetSpans(next.highlights, sheetStarts(state.doc));
          base = buildBase(state, inWindow(next.highlights, spans, next.window));
        }
        const same = base === value.base && next.activeId === value.activeId && next.hoverId === value.hoverId && next.flash === value.flash;
        return { ...next, spans, base, decorations: same ? value.decorations : withOverlay(state, base, next) };
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.decorations,
    },
  });
}

/** A transaction that sets the highlights, the active annotation, the flashed passage or the drawn sheets. */
export function setHighlights(tr: Transaction, meta: HighlightMeta): Transaction {
  return tr.setMeta(highlightKey, meta);
}

/** The annotations highlighted at a document position, innermost (shortest) first. */
export function highlightsAt(state: EditorState, pos: number): Highlight[] {
  const value = highlightKey.getState(state);
  if (!value) return [];
  return value.highlights
    .filter((h) => h.from <= pos && pos < h.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from));
}
