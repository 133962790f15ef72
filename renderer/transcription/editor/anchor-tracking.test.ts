import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import type { TextTarget } from '../../../shared/annotation';
import { transcriptionFromSheets } from '../../../shared/transcription/schema';
import { anchorTrackingPlugin, trackedAnchors } from './anchor-tracking';

const doc = transcriptionFromSheets([{ label: 'Sheet 1', numberAsWritten: '', paragraphs: ['С приветом! MOUSE-ON конец'] }]);
const from = doc.textContent.indexOf('MOUSE-ON') + 2; // sheet and paragraph openings
const to = from + 'MOUSE-ON'.length;
const stored = {} as TextTarget;

function start(): EditorState {
  return EditorState.create({ doc, plugins: [anchorTrackingPlugin([{ id: 'sig', from, to, stored }])] });
}

/** Types text as the keyboard does: one insertion per character, replacing the selection first. */
function type(state: EditorState, text: string): EditorState {
  for (const ch of text) state = state.apply(state.tr.insertText(ch));
  return state;
}

function words(state: EditorState): string {
  const [anchor] = trackedAnchors(state).anchors;
  return anchor ? state.doc.textBetween(anchor.from, anchor.to) : '(orphan)';
}

describe('carrying an annotation through typing', () => {
  it('keeps a correction typed over the annotated words inside them, letter by letter', () => {
    let state = start();
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
    state = type(state, 'МАО ЦЗЭ-ДУН');
    expect(words(state)).toBe('МАО ЦЗЭ-ДУН');
    expect(state.doc.textContent).toBe('С приветом! МАО ЦЗЭ-ДУН конец');
  });

  it('keeps text typed right after the words outside them, as when the caret is put there', () => {
    let state = start();
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, to)));
    state = type(state, ' (подпись)');
    expect(words(state)).toBe('MOUSE-ON');
  });

  it('stops growing once the caret moves away and comes back', () => {
    let state = start();
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from + 6, to)));
    state = type(state, 'ON');
    expect(words(state)).toBe('MOUSE-ON');
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1 + 1)));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, to)));
    state = type(state, '!');
    expect(words(state)).toBe('MOUSE-ON');
  });

  it('makes an orphan of words deleted outright, remembering where they were', () => {
    let state = start();
    state = state.apply(state.tr.delete(from, to));
    const tracked = trackedAnchors(state);
    expect(tracked.anchors).toEqual([]);
    expect(tracked.orphans.map((o) => [o.id, o.at])).toEqual([['sig', from]]);
  });
});
