/**
 * In a long transcription, only the sheets near view are drawn; the others are folded into
 * empty boxes of about their height.
 *
 * A 300-sheet transcription is 600,000 characters. Drawn whole, every view of it built all of
 * them, and the editor drew all 10,000 highlights into them: entering the editor took 0.3–0.7 s,
 * now 0.13–0.18 s (docs/benchmarks.md). Here a sheet far from view is a ProseMirror node view
 * with no content element, so ProseMirror neither draws its text nor its highlights; when the
 * view moves to it, the node view is replaced by one that draws everything. The drawn sheets
 * keep `content-visibility: auto` (styles.css): those of them out of view cost no layout.
 *
 * Which sheets are drawn: those of the window the view sets as the user scrolls (the same
 * `SheetWindow` as the highlights', visible-sheets.ts), plus always the sheets holding the
 * selection's two ends, so that the caret and a selection dragged across sheets have their text
 * to stand in. With no window (a short document) every sheet is drawn.
 *
 * The sheets not drawn: each run of them is one box, the run's first sheet with its heading, as
 * tall as the whole run; the others are not laid out (sheet-folds.ts says why). `sheetBoxes`
 * gives every sheet its place for the view's measuring. A sheet's height is its own once it has
 * been drawn, otherwise its length times the height per character of the sheets drawn so far.
 * The browser's scroll anchoring keeps the words in view still when a box above them changes.
 */
import { DOMSerializer, type Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView, type NodeView, type NodeViewConstructor } from 'prosemirror-view';
import { foldRuns, sheetBox, type SheetFolds, type VerticalBox } from './sheet-folds';
import { sheetIndexAt } from './sheets';
import { sameWindow, windowFor, WINDOW_MIN_SHEETS, type SheetWindow } from './visible-sheets';

interface LazySheetsState {
  /** The sheets in or near view; null in a short text, which draws every sheet for as long as the view lasts. */
  window: SheetWindow | null;
  /** The sheets holding the selection's anchor and head. */
  pinned: readonly number[];
  /**
   * A node decoration on each sheet that is drawn: a few, whatever the length of the text
   * (ProseMirror looks through a node's decorations for each of its children at every update).
   */
  near: DecorationSet;
}

const lazySheetsKey = new PluginKey<LazySheetsState>('lazy-sheets');
/** The spec of the decoration that marks a sheet as drawn. */
const NEAR = { nearSheet: true } as const;

/** Whether a document is long enough to draw only the sheets near view. */
export function drawsLazily(doc: ProseMirrorNode): boolean {
  return doc.childCount >= WINDOW_MIN_SHEETS;
}

/** The sheets drawn before the view has measured anything: the first few (null in a short text). */
export function firstSheets(doc: ProseMirrorNode, count = 5): SheetWindow | null {
  return drawsLazily(doc) ? { first: 0, last: Math.min(doc.childCount, count) - 1 } : null;
}

/**
 * The sheets a view draws as it opens, before it has measured anything: those around position
 * `at` (a place carried over from the other view, reading-place.ts), or the first few when it
 * opens at the top (`at` null); null in a short text.
 */
export function openingSheets(doc: ProseMirrorNode, at: number | null): SheetWindow | null {
  if (at === null) return firstSheets(doc);
  const index = sheetIndexAt(doc, Math.min(at, doc.content.size));
  return drawsLazily(doc) ? windowFor(null, { first: index, last: index }, doc.childCount) : null;
}

/**
 * The plugin that decides which sheets are drawn. `window` is where the view starts; null (a
 * short text) draws every sheet for as long as the view lasts. `setDrawnSheets` moves it.
 */
export function lazySheetsPlugin(window: SheetWindow | null): Plugin<LazySheetsState> {
  return new Plugin<LazySheetsState>({
    key: lazySheetsKey,
    state: {
      init: (_, state) => {
        const pinned = selectionSheets(state);
        return { window, pinned, near: nearSheets(state.doc, window, pinned) };
      },
      apply: (tr, value, _old, state) => {
        if (!value.window) return value;
        const asked = tr.getMeta(lazySheetsKey) as SheetWindow | undefined;
        const window = asked && !sameWindow(asked, value.window) ? asked : value.window;
        const selected = tr.selectionSet || tr.docChanged ? selectionSheets(state) : value.pinned;
        const pinned = selected.length === value.pinned.length && selected.every((p, i) => p === value.pinned[i]) ? value.pinned : selected;
        if (window === value.window && pinned === value.pinned && tr.before.childCount === tr.doc.childCount) {
          return tr.docChanged ? { ...value, near: value.near.map(tr.mapping, tr.doc) } : value;
        }
        return { window, pinned, near: nearSheets(state.doc, window, pinned) };
      },
    },
    // A short text is drawn by ProseMirror's own means.
    props: window ? { decorations: (state) => lazySheetsKey.getState(state)?.near, nodeViews: { sheet: sheetView } } : {},
    // After ProseMirror has drawn the sheets, the ones not drawn are folded anew if they changed.
    view: (view) => {
      if (!window) return {};
      foldFarSheets(view);
      return {
        update: (view) => {
          if (foldingOf(view).changed) foldFarSheets(view);
        },
      };
    },
  });
}

/** A transaction that moves the drawn sheets to `window`. */
export function setDrawnSheets(tr: Transaction, window: SheetWindow): Transaction {
  return tr.setMeta(lazySheetsKey, window);
}

/**
 * The sheets to draw so that sheet `index` is among them, before the view is moved to it (and its
 * place measured in its text, not in the box standing for it): the ones drawn now if they hold
 * it, else those around it.
 */
export function drawnSheetsWith(state: EditorState, index: number): SheetWindow {
  return windowFor(drawnSheets(state), { first: index, last: index }, state.doc.childCount);
}

/** The sheets drawn now, apart from those holding the selection; null when all are. */
export function drawnSheets(state: EditorState): SheetWindow | null {
  return lazySheetsKey.getState(state)?.window ?? null;
}

/** The indexes of the sheets drawn now, in order (all of them in a short text). */
export function drawnSheetIndexes(state: EditorState): number[] {
  const value = lazySheetsKey.getState(state);
  if (!value?.window) return Array.from({ length: state.doc.childCount }, (_, i) => i);
  return value.near.find().map((d) => state.doc.resolve(d.from).index(0));
}

function selectionSheets(state: EditorState): number[] {
  const { $anchor, $head } = state.selection;
  // The end of the whole text (a select-all's head) is after its last sheet.
  const last = state.doc.childCount - 1;
  const anchor = Math.min($anchor.index(0), last);
  const head = Math.min($head.index(0), last);
  return anchor === head ? [anchor] : [Math.min(anchor, head), Math.max(anchor, head)];
}

function nearSheets(doc: ProseMirrorNode, window: SheetWindow | null, pinned: readonly number[]): DecorationSet {
  if (!window) return DecorationSet.empty;
  const near: Decoration[] = [];
  doc.forEach((sheet, offset, index) => {
    if ((index >= window.first && index <= window.last) || pinned.includes(index)) {
      near.push(Decoration.node(offset, offset + sheet.nodeSize, {}, NEAR));
    }
  });
  return DecorationSet.create(doc, near);
}

function isNear(decorations: readonly Decoration[]): boolean {
  return decorations.some((d) => (d.spec as Partial<typeof NEAR>).nearSheet === true);
}

/** What one view has learnt of its sheets' heights. */
interface SheetHeights {
  /** The height of each sheet's body as last drawn. */
  bySheet: WeakMap<ProseMirrorNode, number>;
  /** Height per unit of content size, over the sheets measured so far. */
  measuredHeight: number;
  measuredSize: number;
  /** Watches the drawn sheets' bodies; the node each body shows. */
  observer: ResizeObserver;
  shown: WeakMap<Element, ProseMirrorNode>;
}

/** About 60 characters a line, 1.7 lines of 16 px: the guess before any sheet has been measured. */
const DEFAULT_HEIGHT_PER_CHARACTER = 0.45;
/** A sheet's heading with its margins (styles.css), above its body. */
const SHEET_HEADING_PX = 44;
/**
 * One for every view: the editor opened on the text being read starts from what the reading
 * view learnt of its sheets (they are the same nodes), so the boxes standing for the sheets it
 * has not drawn are about their height, and the place it opens on does not move as it measures
 * (reading-place.ts); a view of another text starts from the height per character learnt so far.
 */
let sharedHeights: SheetHeights | null = null;

function heightsOf(): SheetHeights {
  if (sharedHeights) return sharedHeights;
  const made: SheetHeights = {
    bySheet: new WeakMap(),
    measuredHeight: 0,
    measuredSize: 0,
    shown: new WeakMap(),
    // Read after the browser's own layout: measuring costs no layout of its own.
    observer: new ResizeObserver((entries) => {
      for (const entry of entries) {
        const node = made.shown.get(entry.target);
        const height = entry.contentRect.height;
        if (!node || height === 0) continue;
        const before = made.bySheet.get(node);
        made.measuredHeight += height - (before ?? 0);
        if (before === undefined) made.measuredSize += node.content.size;
        made.bySheet.set(node, height);
      }
    }),
  };
  sharedHeights = made;
  return made;
}

function estimatedHeight(heights: SheetHeights, sheet: ProseMirrorNode): number {
  const known = heights.bySheet.get(sheet);
  if (known !== undefined) return known;
  const perUnit = heights.measuredSize > 0 ? heights.measuredHeight / heights.measuredSize : DEFAULT_HEIGHT_PER_CHARACTER;
  return Math.round(sheet.content.size * perUnit);
}

/** A sheet drawn (its text in a content element) or not (an empty box of its height). */
const sheetView: NodeViewConstructor = (node, view, _getPos, decorations) => {
  const far = !isNear(decorations);
  const { dom, contentDOM } = DOMSerializer.renderSpec(document, node.type.spec.toDOM!(node)) as { dom: HTMLElement; contentDOM: HTMLElement };
  const heights = heightsOf();
  let shown = node;
  // A sheet coming into view or going out of it is drawn anew, as is a relabelled one (its heading).
  const sameKind = (next: ProseMirrorNode, nextDecorations: readonly Decoration[]): boolean =>
    next.type === shown.type && next.attrs.label === shown.attrs.label && !isNear(nextDecorations) === far;

  const folding = foldingOf(view);
  // The runs of sheets not drawn change with every sheet drawn or not.
  folding.changed = true;
  if (far) {
    dom.classList.add('sheet-placeholder');
    const placeholder: NodeView = {
      dom,
      update: (next, nextDecorations) => {
        if (!sameKind(next, nextDecorations)) return false;
        // Its estimated height may be another.
        if (next !== shown) folding.changed = true;
        shown = next;
        return true;
      },
      // Its box is not the document's text: nothing in it is ProseMirror's to read back.
      ignoreMutation: () => true,
    };
    return placeholder;
  }

  // Until it is first laid out (out of view, `content-visibility: auto`), about its own size.
  dom.style.containIntrinsicSize = `auto ${estimatedHeight(heights, node) + SHEET_HEADING_PX}px`;
  heights.shown.set(contentDOM, node);
  heights.observer.observe(contentDOM);
  const drawn: NodeView = {
    dom,
    contentDOM,
    update: (next, nextDecorations) => {
      if (!sameKind(next, nextDecorations)) return false;
      shown = next;
      heights.shown.set(contentDOM, next);
      return true;
    },
    destroy: () => {
      heights.observer.unobserve(contentDOM);
      folding.changed = true;
    },
  };
  return drawn;
};

/** How one view's sheets not drawn are folded, and whether that must be worked out again. */
interface Folding {
  changed: boolean;
  folds: SheetFolds | null;
}

const foldingOfView = new WeakMap<EditorView, Folding>();
const FOLDED = 'sheet-folded';

function foldingOf(view: EditorView): Folding {
  let folding = foldingOfView.get(view);
  if (!folding) foldingOfView.set(view, (folding = { changed: true, folds: null }));
  return folding;
}

/** The view's sheets' elements, in order: one per sheet, drawn or not. */
export function sheetElements(view: EditorView): NodeListOf<HTMLElement> {
  return view.dom.querySelectorAll<HTMLElement>(':scope > section.sheet');
}

/** Folds each run of sheets not drawn into its first sheet's box (sheet-folds.ts), in the DOM. */
function foldFarSheets(view: EditorView): void {
  const folding = foldingOf(view);
  folding.changed = false;
  const sections = sheetElements(view);
  const doc = view.state.doc;
  if (sections.length !== doc.childCount) {
    // Not the DOM this module drew: nothing is folded.
    folding.folds = null;
    for (const section of sections) section.classList.remove(FOLDED);
    return;
  }
  const heights = heightsOf();
  const drawn = Array.from(sections, (section) => !section.classList.contains('sheet-placeholder'));
  const folds = foldRuns(drawn, (i) => estimatedHeight(heights, doc.child(i)) + SHEET_HEADING_PX);
  sections.forEach((section, i) => {
    const folded = folds.holder[i]! >= 0 && folds.holder[i] !== i;
    // Only what changes is written: a class or style set again would have the page laid out again.
    if (section.classList.contains(FOLDED) !== folded) section.classList.toggle(FOLDED, folded);
  });
  for (const { index, height } of folds.holders) {
    const body = sections[index]!.querySelector<HTMLElement>(':scope > .sheet-body');
    const px = `${Math.round(height - SHEET_HEADING_PX)}px`;
    if (body && body.style.height !== px) body.style.height = px;
  }
  folding.folds = folds;
}

/**
 * Each sheet's box (`sections`: the view's sheets, in order): a drawn sheet's own, a folded
 * sheet's share of its run's box. Each element is measured once per call.
 */
export function sheetBoxes(view: EditorView, sections: ArrayLike<HTMLElement>): (index: number) => VerticalBox {
  const folds = foldingOfView.get(view)?.folds ?? null;
  const measured = new Map<number, VerticalBox>();
  const boxOf = (index: number): VerticalBox => {
    let box = measured.get(index);
    if (!box) {
      const rect = sections[index]!.getBoundingClientRect();
      box = { top: rect.top, bottom: rect.bottom };
      measured.set(index, box);
    }
    return box;
  };
  return (index) => sheetBox(folds !== null && folds.holder.length === sections.length ? folds : null, index, boxOf);
}
