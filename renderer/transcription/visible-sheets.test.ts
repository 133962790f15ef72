import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { transcriptionSchema } from '../../shared/transcription/schema';
import { highlightKey, highlightPlugin, highlightsAt, setHighlights, type Highlight } from './highlight-plugin';
import { sheetStarts } from './sheets';
import { drawWindow, inWindow, sheetOfPos, sheetSpans, visibleSheets, windowFor } from './visible-sheets';

const { nodes } = transcriptionSchema;

/** A document of `count` sheets, each one paragraph of "Sheet <i> words." */
function documentOf(count: number) {
  return nodes.doc!.create(
    null,
    Array.from({ length: count }, (_, i) => nodes.sheet!.create({ label: String(i + 1) }, [nodes.paragraph!.create(null, transcriptionSchema.text(`Sheet ${i} words.`))])),
  );
}

/** Sheets 100 px tall one under another, 10 px apart. */
const boxOf = (i: number) => ({ top: i * 110, bottom: i * 110 + 100 });

describe('visibleSheets', () => {
  it('finds the sheets overlapping the pane', () => {
    expect(visibleSheets(50, boxOf, 0, 300)).toEqual({ first: 0, last: 2 });
    expect(visibleSheets(50, boxOf, 1150, 1400)).toEqual({ first: 10, last: 12 });
    // The gap between sheets 9 and 10 at the top: sheet 10 is the first.
    expect(visibleSheets(50, boxOf, 1095, 1200)).toEqual({ first: 10, last: 10 });
  });

  it('answers the nearest sheet when none is in the pane, and none for no sheets', () => {
    expect(visibleSheets(5, boxOf, 10_000, 10_500)).toEqual({ first: 4, last: 4 });
    expect(visibleSheets(5, () => ({ top: 0, bottom: 0 }), 0, 0)).toEqual({ first: 0, last: 0 });
    expect(visibleSheets(0, boxOf, 0, 100)).toBeNull();
  });

  it('reads a few boxes, not one per sheet', () => {
    let reads = 0;
    visibleSheets(300, (i) => (reads++, boxOf(i)), 15_000, 16_000);
    expect(reads).toBeLessThan(25);
  });
});

describe('drawWindow', () => {
  it('widens the sheets in view by the margin, within the document', () => {
    expect(drawWindow({ first: 10, last: 12 }, 300)).toEqual({ first: 8, last: 14 });
    expect(drawWindow({ first: 0, last: 1 }, 300)).toEqual({ first: 0, last: 3 });
    expect(drawWindow({ first: 298, last: 299 }, 300)).toEqual({ first: 296, last: 299 });
    expect(drawWindow({ first: 3, last: 3 }, 300, 0)).toEqual({ first: 3, last: 3 });
  });
});

describe('windowFor', () => {
  it('keeps the sheets drawn while they hold the visible ones, and moves them once they do not', () => {
    const drawn = { first: 8, last: 14 };
    // Scrolling within the margin redraws nothing: the same window, the same object.
    expect(windowFor(drawn, { first: 9, last: 10 }, 300)).toBe(drawn);
    expect(windowFor(drawn, { first: 8, last: 14 }, 300)).toBe(drawn);
    // One visible sheet outside: the visible sheets widened.
    expect(windowFor(drawn, { first: 14, last: 15 }, 300)).toEqual({ first: 12, last: 17 });
    expect(windowFor(drawn, { first: 7, last: 8 }, 300)).toEqual({ first: 5, last: 10 });
    expect(windowFor(null, { first: 0, last: 0 }, 300)).toEqual({ first: 0, last: 2 });
  });
});

describe('which highlights are drawn', () => {
  const doc = documentOf(30);
  const starts = sheetStarts(doc);
  const inSheet = (i: number, from = 0, to = 5) => ({ from: starts[i]! + 1 + from, to: starts[i]! + 1 + to });

  it('places positions in their sheets', () => {
    expect(sheetOfPos(starts, 0)).toBe(0);
    expect(sheetOfPos(starts, inSheet(0).from)).toBe(0);
    expect(sheetOfPos(starts, inSheet(17).to)).toBe(17);
    expect(sheetOfPos(starts, doc.content.size)).toBe(29);
  });

  it('draws those of the sheets in the window only', () => {
    const ranges = [0, 5, 6, 10, 11, 29].map((i) => ({ sheet: i, ...inSheet(i) }));
    const drawn = inWindow(ranges, sheetSpans(ranges, starts), { first: 6, last: 10 });
    expect(drawn.map((r) => r.sheet)).toEqual([6, 10]);
  });

  it('draws a highlight spanning sheets when any of its sheets is in the window', () => {
    const spanning = { from: inSheet(3).from, to: inSheet(8).to };
    const spans = sheetSpans([spanning], starts);
    expect([...spans]).toEqual([3, 8]);
    for (const window of [{ first: 0, last: 3 }, { first: 5, last: 6 }, { first: 8, last: 12 }]) {
      expect(inWindow([spanning], spans, window)).toEqual([spanning]);
    }
    expect(inWindow([spanning], spans, { first: 9, last: 12 })).toEqual([]);
    expect(inWindow([spanning], spans, { first: 0, last: 2 })).toEqual([]);
  });

  it('counts a highlight ending at the end of a sheet in that sheet only', () => {
    const sheet = doc.child(4);
    const end = starts[4]! - 1 + sheet.nodeSize - 2; // the end of the sheet's paragraph's text
    expect([...sheetSpans([{ from: inSheet(4).from, to: end }], starts)]).toEqual([4, 4]);
  });
});

describe('highlightPlugin with a window', () => {
  const doc = documentOf(30);
  const starts = sheetStarts(doc);
  const highlights: Highlight[] = Array.from({ length: 30 }, (_, i) => ({ annotationId: `a${i}`, kind: 'commentary', from: starts[i]! + 1, to: starts[i]! + 6 }));
  const drawnIds = (state: EditorState) =>
    highlightKey
      .getState(state)!
      .decorations.find()
      .map((d) => (d.spec as { annotationId?: string }).annotationId)
      .filter(Boolean);

  it('draws every highlight without a window, those of the window with one, and moves it', () => {
    let state = EditorState.create({ doc, plugins: [highlightPlugin()] });
    state = state.apply(setHighlights(state.tr, { highlights }));
    expect(drawnIds(state)).toHaveLength(30);

    state = state.apply(setHighlights(state.tr, { window: { first: 10, last: 12 } }));
    expect(drawnIds(state)).toEqual(['a10', 'a11', 'a12']);

    state = state.apply(setHighlights(state.tr, { window: { first: 28, last: 29 } }));
    expect(drawnIds(state)).toEqual(['a28', 'a29']);

    // New highlights keep the window.
    state = state.apply(setHighlights(state.tr, { highlights: highlights.slice(0, 29) }));
    expect(drawnIds(state)).toEqual(['a28']);
  });

  it('finds the highlights under a click anywhere, drawn or not', () => {
    let state = EditorState.create({ doc, plugins: [highlightPlugin()] });
    state = state.apply(setHighlights(state.tr, { highlights, window: { first: 0, last: 2 } }));
    expect(highlightsAt(state, starts[20]! + 2).map((h) => h.annotationId)).toEqual(['a20']);
  });

  it('draws the open annotation over its words when they are in the window', () => {
    let state = EditorState.create({ doc, plugins: [highlightPlugin()] });
    state = state.apply(setHighlights(state.tr, { highlights, activeId: 'a20', window: { first: 0, last: 2 } }));
    const active = () => highlightKey.getState(state)!.decorations.find().filter((d) => (d as unknown as { type: { attrs: { class?: string } } }).type.attrs.class === 'hl-active');
    expect(active()).toHaveLength(0);
    state = state.apply(setHighlights(state.tr, { window: { first: 18, last: 22 } }));
    expect(active()).toHaveLength(1);
  });
});
