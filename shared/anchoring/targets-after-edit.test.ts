import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import type { TextTarget } from '../annotation';
import { transcriptionFromSheets } from '../transcription/schema';
import { mapAnchorRanges } from './mapped-anchors';
import { describeTextRange } from './selectors';
import { targetsAfterEdit, type TrackedTarget } from './targets-after-edit';
import { TextIndex } from './text-index';

const doc = transcriptionFromSheets([
  { label: 'Sheet 1', numberAsWritten: '', paragraphs: ['по 38 параллели и далее', 'Подпись MOUSE-ON получено', 'вдоль 38 параллели'] },
]);
const index = TextIndex.fromDoc(doc);

/** A tracked target on the first occurrence (after `after`) of some words. */
function track(id: string, words: string, after = 0): TrackedTarget {
  const start = index.text.indexOf(words, after);
  const end = start + words.length;
  const stored: TextTarget = { type: 'text', documentId: 'd', ...describeTextRange(index.text, { start, end }) };
  return { id, from: index.posAt(start, 1), to: index.posAt(end, -1), stored };
}

function posOf(words: string, after = 0): number {
  return index.posAt(index.text.indexOf(words, after), 1);
}

describe('targets after an edit in the app', () => {
  const first = track('first', '38 параллели');
  const second = track('second', '38 параллели', 10);
  const signature = track('signature', 'MOUSE-ON');

  it('changes nothing when nothing moved', () => {
    expect(targetsAfterEdit(doc, [first, second, signature], [])).toEqual([]);
  });

  it('moves the position and refreshes the context of anchors after an insertion', () => {
    const tr = EditorState.create({ doc }).tr.insertText('Весьма ', posOf('Подпись'));
    const { anchors, orphans } = mapAnchorRanges([first, second, signature], tr.mapping);
    const changed = targetsAfterEdit(tr.doc, anchors, orphans);
    expect(changed.map((c) => c.id)).toEqual(['first', 'second', 'signature']);
    const sig = changed.find((c) => c.id === 'signature')!.target;
    expect(sig.quote.exact).toBe('MOUSE-ON');
    expect(sig.position.start).toBe(signature.stored.position.start + 7);
    // The first anchor's words did not move; only its suffix now reads differently.
    const one = changed.find((c) => c.id === 'first')!.target;
    expect(one.position).toEqual(first.stored.position);
    expect(one.quote.suffix).toContain('Весьма');
  });

  it('orphans an anchor whose words were deleted and does not attach it to the other occurrence', () => {
    const from = posOf('38 параллели', 10);
    const tr = EditorState.create({ doc }).tr.delete(from, from + '38 параллели'.length);
    const { anchors, orphans } = mapAnchorRanges([first, second], tr.mapping);
    const changed = targetsAfterEdit(tr.doc, anchors, orphans);
    expect(changed).toEqual([{ id: 'second', target: { ...second.stored, orphaned: true } }]);
  });

  it('attaches an orphan again when its words come back where they were (an undone deletion)', () => {
    const from = signature.from;
    const deleted = EditorState.create({ doc }).tr.delete(from, signature.to);
    const gone = mapAnchorRanges([signature], deleted.mapping);
    const undone = EditorState.create({ doc: deleted.doc }).tr.insertText('MOUSE-ON', from);
    const orphan = { ...gone.orphans[0]!, at: undone.mapping.map(gone.orphans[0]!.at, -1) };
    expect(targetsAfterEdit(undone.doc, [], [orphan])).toEqual([]);
  });
});
