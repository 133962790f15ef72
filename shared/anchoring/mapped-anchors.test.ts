import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { transcriptionFromSheets, transcriptionSchema } from '../transcription/schema';
import { seededRandom } from '../seeded-random';
import { mapAnchorRange, mapAnchorRanges, mapThroughChange, singleChangeOf } from './mapped-anchors';

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

describe('mapping through a single change by arithmetic', () => {
  const size = doc.content.size;
  /** Positions where text can go (inside a paragraph). */
  const textPositions: number[] = [];
  for (let pos = 0; pos <= size; pos++) if (doc.resolve(pos).parent.inlineContent) textPositions.push(pos);

  it('maps every position as the mapping does, through random insertions, deletions and replacements', () => {
    const random = seededRandom(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    for (let round = 0; round < 300; round++) {
      const a = pick(textPositions);
      const b = Math.min(size, a + Math.floor(random() * 4) * (random() < 0.7 ? 1 : 5));
      const kind = random();
      const t = kind < 0.4 ? tr().insert(a, text('xy'.slice(0, 1 + Math.floor(random() * 2)))) : kind < 0.7 ? tr().delete(a, b) : tr().replaceWith(a, b, text('z'));
      const change = singleChangeOf(t.mapping);
      if (!t.docChanged) continue;
      expect(change).not.toBeNull();
      const positions = Array.from({ length: size + 1 }, (_, pos) => pos);
      for (const assoc of [-1, 1]) {
        expect(positions.map((pos) => mapThroughChange(pos, assoc, change!))).toEqual(positions.map((pos) => t.mapping.map(pos, assoc)));
      }
    }
  });

  it('gives the anchors and orphans the mapping gives, over many random edits at their edges and inside them', () => {
    const random = seededRandom(5);
    const int = (n: number) => Math.floor(random() * n);
    for (let round = 0; round < 400; round++) {
      const ranges: { id: string; from: number; to: number; kind: string }[] = [];
      for (let i = 0; i < 30; i++) {
        const from = int(size);
        const to = random() < 0.05 ? from : Math.min(size, from + 1 + int(6)); // a few already collapsed
        ranges.push({ id: `r${i}`, from, to, kind: 'k' });
      }
      // Edits at an anchor's edge, one position off it, or anywhere.
      const anchor = ranges[int(ranges.length)]!;
      const near = [anchor.from, anchor.to, anchor.from + 1, anchor.to - 1, int(size)][int(5)]!;
      const a = Math.max(1, Math.min(size - 1, near));
      if (!doc.resolve(a).parent.inlineContent) continue;
      const b = Math.min(doc.resolve(a).end(), a + int(8));
      const kind = random();
      const t = kind < 0.35 ? tr().insert(a, text('ab'.slice(0, 1 + int(2)))) : kind < 0.75 ? tr().delete(a, b) : tr().replaceWith(a, b, text('Q'));
      if (!t.docChanged) continue;
      expect(singleChangeOf(t.mapping)).not.toBeNull();
      const fast = mapAnchorRanges(ranges, t.mapping);
      // A mapping of no known kind is mapped position by position.
      const general = mapAnchorRanges(ranges, { map: (pos, assoc) => t.mapping.map(pos, assoc) });
      expect(fast).toEqual(general);
      for (const range of fast.anchors) {
        const original = ranges.find((r) => r.id === range.id)!;
        // Unchanged anchors stay the same objects.
        if (range.from === original.from && range.to === original.to) expect(range).toBe(original);
      }
    }
  });

  it('leaves a mapping of several steps or several ranges to the general mapping', () => {
    expect(singleChangeOf(tr().insert(3, text('a')).insert(10, text('b')).mapping)).toBeNull();
    expect(singleChangeOf({ map: (pos) => pos })).toBeNull();
    expect(singleChangeOf(tr().mapping)).toBeNull();
  });
});
