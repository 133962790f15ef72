import { AllSelection, EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { splitSheetAtCursor } from '../../shared/transcription/editorial-commands';
import { transcriptionSchema } from '../../shared/transcription/schema';
import { drawnSheetIndexes, firstSheets, lazySheetsPlugin, openingSheets, setDrawnSheets } from './lazy-sheets';
import { sheetStarts } from './sheets';

const { nodes } = transcriptionSchema;

function documentOf(count: number) {
  return nodes.doc!.create(
    null,
    Array.from({ length: count }, (_, i) => nodes.sheet!.create({ label: String(i + 1) }, [nodes.paragraph!.create(null, transcriptionSchema.text(`Sheet ${i} words.`))])),
  );
}

function stateOf(count: number): EditorState {
  const doc = documentOf(count);
  return EditorState.create({ doc, plugins: [lazySheetsPlugin(firstSheets(doc))] });
}

/** A caret just inside sheet `index`. */
function caretIn(state: EditorState, index: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, sheetStarts(state.doc)[index]! + 1)));
}

describe('lazySheetsPlugin', () => {
  it('draws every sheet of a short text', () => {
    const state = stateOf(19);
    expect(drawnSheetIndexes(state)).toHaveLength(19);
    expect(drawnSheetIndexes(caretIn(state, 18))).toHaveLength(19);
  });

  it('draws the first sheets of a long text until the view moves the window', () => {
    let state = stateOf(300);
    expect(drawnSheetIndexes(state)).toEqual([0, 1, 2, 3, 4]);
    state = state.apply(setDrawnSheets(state.tr, { first: 148, last: 152 }));
    // The caret stays drawn where it was (the start of sheet 1).
    expect(drawnSheetIndexes(state)).toEqual([0, 148, 149, 150, 151, 152]);
  });

  it('draws the sheets holding the selection’s two ends, and not those between', () => {
    let state = stateOf(300);
    state = state.apply(setDrawnSheets(state.tr, { first: 10, last: 12 }));
    const starts = sheetStarts(state.doc);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, starts[250]! + 2, starts[40]! + 2)));
    expect(drawnSheetIndexes(state)).toEqual([10, 11, 12, 40, 250]);
    // Select all: the first and the last sheet.
    state = state.apply(state.tr.setSelection(new AllSelection(state.doc)));
    expect(drawnSheetIndexes(state)).toEqual([0, 10, 11, 12, 299]);
  });

  it('keeps drawing the same sheets through typing, and through a sheet split off', () => {
    let state = caretIn(stateOf(300), 3);
    state = state.apply(state.tr.insertText('new words '));
    expect(drawnSheetIndexes(state)).toEqual([0, 1, 2, 3, 4]);
    expect(state.doc.child(3).textContent).toBe('new words Sheet 3 words.');
    state = state.apply(splitSheetAtCursor(state)!);
    expect(state.doc.childCount).toBe(301);
    // The window is by index; the caret moved into the new sheet 5 (index 4), which is drawn.
    expect(state.selection.$head.index(0)).toBe(4);
    expect(drawnSheetIndexes(state)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('openingSheets', () => {
  it('opens a long text on the sheets around a place carried over, or on its first sheets', () => {
    const doc = documentOf(300);
    const inSheet150 = sheetStarts(doc)[150]! + 2;
    expect(openingSheets(doc, inSheet150)).toEqual({ first: 148, last: 152 });
    expect(openingSheets(doc, null)).toEqual(firstSheets(doc));
    // A place beyond the text (carried from a longer one) is its end.
    expect(openingSheets(doc, doc.content.size + 500)).toEqual({ first: 297, last: 299 });
  });

  it('draws a short text whole wherever it opens', () => {
    const doc = documentOf(19);
    expect(openingSheets(doc, sheetStarts(doc)[10]!)).toBeNull();
    expect(openingSheets(doc, null)).toBeNull();
  });
});
