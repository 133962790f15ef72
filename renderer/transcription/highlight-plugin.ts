/**
 * Annotation highlights in the transcription, as ProseMirror inline decorations.
 *
 * The set is replaced only when the annotations change (a transaction carrying new highlights)
 * and is otherwise mapped through transactions, never rebuilt per keystroke: rebuilding 10,000
 * decorations costs three times the mapping (see DESIGN.md).
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { AnnotationKind } from '../../shared/annotation';

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
  decorations: DecorationSet;
}

interface HighlightMeta {
  highlights?: readonly Highlight[];
  activeId?: string | null;
  hoverId?: string | null;
  flash?: { from: number; to: number } | null;
}

export const highlightKey = new PluginKey<HighlightState>('annotation-highlights');

function buildDecorations(state: EditorState, s: Omit<HighlightState, 'decorations'>): DecorationSet {
  const decorations = s.highlights
    .filter((h) => h.from < h.to)
    .map((h) =>
      Decoration.inline(
        h.from,
        h.to,
        {
          class: `hl hl-${h.kind}${h.colour ? ' hl-by-author' : ''}${h.annotationId === s.activeId ? ' hl-active' : ''}${h.annotationId === s.hoverId ? ' hl-hover' : ''}`,
          'data-annotation-id': h.annotationId,
          ...(h.colour ? { style: `--author: ${h.colour}` } : {}),
        },
        { annotationId: h.annotationId },
      ),
    );
  if (s.flash) decorations.push(Decoration.inline(s.flash.from, s.flash.to, { class: 'hl-flash' }));
  return DecorationSet.create(state.doc, decorations);
}

export function highlightPlugin(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: (_, state) => {
        const base = { highlights: [], activeId: null, hoverId: null, flash: null };
        return { ...base, decorations: buildDecorations(state, base) };
      },
      apply: (tr, value, _old, state) => {
        const meta = tr.getMeta(highlightKey) as HighlightMeta | undefined;
        if (!meta) return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
        const next = {
          highlights: meta.highlights ?? value.highlights,
          activeId: meta.activeId !== undefined ? meta.activeId : value.activeId,
          hoverId: meta.hoverId !== undefined ? meta.hoverId : value.hoverId,
          flash: meta.flash !== undefined ? meta.flash : value.flash,
        };
        return { ...next, decorations: buildDecorations(state, next) };
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.decorations,
    },
  });
}

/** A transaction that sets the highlights, the active annotation or the flashed passage. */
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
