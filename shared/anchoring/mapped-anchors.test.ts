import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { transcriptionFromSheets, transcriptionSchema } from '../transcription/schema';
import { mapAnchorRange, mapAnchorRanges } from './mapped-anchors';

const doc = transcriptionFromSheets([
  { label: 'Sheet 1', numberAsWritten: '', paragraphs: ['мы попрежнему должны пошататься ценой кризиса.', 'С большевистскими приветом!\nMOUSE-ON'] },
  { label: 'Sheet 2', numberAsWritten: '2', paragraphs: ['затянуть время'] },
]);

/** The ProseMirror range of the n-th occurrence of some words. */
function rangeOf(words: string, id = words): { id: string; from: number; to: number } {
  let found: { id: string; from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    const at = node.isText ? node.text!.indexOf(words) : -1;
    if (!found && at >= 0) found = { id, from: pos + at, to: pos + at + words.length };
    return !found;
  });
  if (!found) throw new Error(`No “${words}” in the test document.`);
  return found;
}

const tr = () => EditorState.create({ doc }).tr;
const text = (s: string) => transcriptionSchema.text(s);

describe('mapAnchorRanges', () => {
  const word = rangeOf('пошататься');

  it('keeps text typed exactly at either edge outside the range', () => {
    const t = tr().insert(word.to, text('ся')).insert(word.from, text('не '));
    const { anchors, orphans } = mapAnchorRanges([word], t.mapping);
    expect(orphans).toEqual([]);
    expect(t.doc.textBetween(anchors[0]!.from, anchors[0]!.to)).toBe('пошататься');
  });

  it('grows the range for text typed inside it, and shrinks it for text deleted inside it', () => {
    const grown = tr().insert(word.from + 5, text('-'));
    const [g] = mapAnchorRanges([word], grown.mapping).anchors;
    expect(grown.doc.textBetween(g!.from, g!.to)).toBe('пошат-аться');
    const shrunk = tr().delete(word.from, word.from + 2);
    const [s] = mapAnchorRanges([word], shrunk.mapping).anchors;
    expect(shrunk.doc.textBetween(s!.from, s!.to)).toBe('шататься');
  });

  it('follows an OCR correction that replaces exactly the annotated words', () => {
    const mouse = rangeOf('MOUSE-ON');
    const t = tr().replaceWith(mouse.from, mouse.to, text('MOSHKIN'));
    const [m] = mapAnchorRanges([mouse], t.mapping).anchors;
    expect(t.doc.textBetween(m!.from, m!.to)).toBe('MOSHKIN');
    const fix = tr().replaceWith(word.from + 5, word.from + 6, text('ну'));
    const [f] = mapAnchorRanges([word], fix.mapping).anchors;
    expect(fix.doc.textBetween(f!.from, f!.to)).toBe('пошатнуться');
  });

  it('trims nothing: a range partly deleted keeps what is left', () => {
    const phrase = rangeOf('должны пошататься');
    const t = tr().delete(phrase.from - 3, phrase.from + 7); // "му должны " goes, up to "пошататься"
    const [p] = mapAnchorRanges([phrase], t.mapping).anchors;
    expect(t.doc.textBetween(p!.from, p!.to)).toBe('пошататься');
  });

  it('reports a range whose words are all deleted as an orphan, with where they were', () => {
    const other = rangeOf('ценой');
    const t = tr().delete(word.from - 1, word.to + 1);
    const { anchors, orphans } = mapAnchorRanges([word, other], t.mapping);
    expect(orphans).toEqual([{ ...word, at: word.from - 1 }]);
    expect(anchors.map((a) => t.doc.textBetween(a.from, a.to))).toEqual(['ценой']);
    // Deleted exactly, without the spaces around it.
    expect(mapAnchorRanges([word], tr().delete(word.from, word.to).mapping).orphans).toHaveLength(1);
    // A replacement that covers more than the words leaves them nothing either.
    expect(mapAnchorRanges([word], tr().replaceWith(word.from - 1, word.to, text(' шататься')).mapping).orphans).toHaveLength(1);
  });

  it('maps ranges across a line break and a sheet break, through several steps', () => {
    const across = { id: 'across', from: rangeOf('приветом!').from, to: rangeOf('затянуть').to };
    const t = tr().insert(rangeOf('MOUSE-ON').from, text('подпись: ')).insert(1, text('Начало. '));
    const [a] = mapAnchorRanges([across], t.mapping).anchors;
    expect(t.doc.textBetween(a!.from, a!.to, '\n')).toBe('приветом!\nподпись: MOUSE-ON\nзатянуть');
  });

  it('returns unchanged anchors as the same objects and carries other fields along', () => {
    const kept = { ...rangeOf('время'), kind: 'commentary' };
    const moved = { ...rangeOf('ценой'), kind: 'translation' };
    const t = tr().insert(moved.from - 1, text(' бы'));
    const { anchors } = mapAnchorRanges([kept, moved], tr().mapping);
    expect(anchors[0]).toBe(kept);
    const shifted = mapAnchorRanges([moved], t.mapping).anchors[0]!;
    expect(shifted).toEqual({ ...moved, from: moved.from + 3, to: moved.to + 3 });
  });

  it('mapAnchorRange gives null for a collapsed range', () => {
    expect(mapAnchorRange({ from: word.from, to: word.to }, tr().delete(word.from - 1, word.to).mapping)).toBeNull();
  });
});
