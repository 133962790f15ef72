import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../anchoring/text-index';
import {
  correct,
  EDIT_DESCRIPTION,
  insertEditorialAtom,
  mergeSheetWithPreviousAtCursor,
  SHEET_RENUMBERING,
  splitSheetAtCursor,
  toggleEditorialMark,
  type SheetRenumbering,
} from './editorial-commands';
import { transcriptionFromSheets } from './schema';

const doc = transcriptionFromSheets([
  { label: 'Sheet 1', numberAsWritten: '', paragraphs: ['ФИЛИППОВУ', 'Подпись MOUSE-ON получено'] },
  { label: 'Sheet 2', numberAsWritten: '8', paragraphs: ['38 параллели', 'конец'] },
]);

/** An editor state with the given words selected (the first occurrence), or the cursor before them. */
function select(words: string, cursorOnly = false): EditorState {
  const index = TextIndex.fromDoc(doc);
  const start = index.text.indexOf(words);
  if (start < 0) throw new Error(`no “${words}”`);
  const from = index.posAt(start, 1);
  const to = cursorOnly ? from : index.posAt(start + words.length, -1);
  const state = EditorState.create({ doc });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, from, to)));
}

const text = (state: EditorState): string => TextIndex.fromDoc(state.doc).text;

describe('editorial markup', () => {
  it('marks words as unclear with a reason, and unmarks them', () => {
    const state = select('получено');
    const tr = toggleEditorialMark(state, 'unclear', { reason: 'faded' })!;
    expect(tr.getMeta(EDIT_DESCRIPTION)).toBe('Marked “получено” as unclear (faded)');
    const marked = state.apply(tr);
    const node = marked.doc.nodeAt(state.selection.from)!;
    expect(node.marks.map((m) => [m.type.name, m.attrs.reason])).toEqual([['unclear', 'faded']]);
    const unmarked = marked.apply(toggleEditorialMark(marked, 'unclear')!);
    expect(unmarked.doc.eq(doc)).toBe(true);
  });

  it('does nothing without a selection', () => {
    expect(toggleEditorialMark(select('получено', true), 'supplied')).toBeNull();
    expect(correct(select('получено', true), 'x')).toBeNull();
  });

  it('corrects words, keeping the original reading as sic', () => {
    const state = select('MOUSE-ON');
    const tr = correct(state, 'МОШКИН')!;
    expect(tr.getMeta(EDIT_DESCRIPTION)).toBe('Corrected “MOUSE-ON” to “МОШКИН” (sic kept)');
    const corrected = state.apply(tr);
    expect(text(corrected)).toContain('Подпись МОШКИН получено');
    const node = corrected.doc.nodeAt(state.selection.from)!;
    expect(node.text).toBe('МОШКИН');
    expect(node.marks.map((m) => [m.type.name, m.attrs.sic])).toEqual([['corrected', 'MOUSE-ON']]);
  });

  it('keeps an annotation on words replaced by their correction', () => {
    const state = select('MOUSE-ON');
    const { from, to } = state.selection;
    const tr = correct(state, 'МОШКИН')!;
    const newFrom = tr.mapping.map(from, 1);
    const newTo = tr.mapping.map(to, -1);
    expect(tr.doc.textBetween(newFrom, newTo)).toBe('МОШКИН');
  });

  it('replaces garbled words by a gap, which adds nothing to the plain text', () => {
    const state = select('MOUSE-ON ');
    const after = state.apply(insertEditorialAtom(state, 'gap', { reason: 'illegible', extent: '1 word' })!);
    expect(text(after)).toContain('Подпись получено');
    let gaps = 0;
    after.doc.descendants((n) => void (n.type.name === 'gap' && gaps++ && false));
    expect(gaps).toBe(1);
  });

  it('adds an editorial note after the selected words without changing them', () => {
    const state = select('MOUSE-ON');
    const after = state.apply(insertEditorialAtom(state, 'editorial_note', { text: 'Signature, illegible.' })!);
    expect(text(after)).toBe(text(state));
    expect(after.doc.nodeAt(state.selection.to)?.type.name).toBe('editorial_note');
  });
});

describe('sheets while editing', () => {
  it('splits a sheet in the middle of a paragraph, renaming the sheets after it', () => {
    const state = select('получено', true);
    const tr = splitSheetAtCursor(state)!;
    const after = state.apply(tr);
    const labels: string[] = [];
    after.doc.forEach((s) => labels.push(s.attrs.label as string));
    expect(labels).toEqual(['Sheet 1', 'Sheet 2', 'Sheet 3']);
    expect(after.doc.child(1).textContent).toBe('получено');
    expect(after.doc.child(2).attrs.numberAsWritten).toBe('8');
    const renumber = tr.getMeta(SHEET_RENUMBERING) as SheetRenumbering;
    expect([0, 1].map(renumber)).toEqual([0, 2]);
    // Plain text is unchanged but for the new paragraph break where the line was split.
    expect(text(after)).toBe(text(state).replace('Подпись MOUSE-ON получено', 'Подпись MOUSE-ON \nполучено'));
  });

  it('splits at the start of a paragraph without an empty paragraph, and not at the start of a sheet', () => {
    const state = select('Подпись', true);
    const after = state.apply(splitSheetAtCursor(state)!);
    expect(after.doc.childCount).toBe(3);
    expect(after.doc.child(1).textContent).toBe('Подпись MOUSE-ON получено');
    expect(text(after)).toBe(text(state));
    expect(splitSheetAtCursor(select('ФИЛИППОВУ', true))).toBeNull();
  });

  it('merges a sheet into the previous one', () => {
    const state = select('конец', true);
    const tr = mergeSheetWithPreviousAtCursor(state)!;
    const after = state.apply(tr);
    expect(after.doc.childCount).toBe(1);
    expect(after.doc.child(0).childCount).toBe(4);
    expect(text(after)).toBe(text(state));
    expect((tr.getMeta(SHEET_RENUMBERING) as SheetRenumbering)(1)).toBe(0);
    expect(mergeSheetWithPreviousAtCursor(select('ФИЛИППОВУ', true))).toBeNull();
  });
});
