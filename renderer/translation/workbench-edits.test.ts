import { describe, expect, it } from 'vitest';
import { bodyPlainText } from '../../shared/annotation-body-schema';
import { segmentText } from '../../shared/translation/segment';
import { bodyDoc } from '../../shared/translation/test-fixtures';
import { workbenchProblems } from '../../shared/translation/types';
import {
  chosenDoc,
  newWorkbench,
  noteDoc,
  noteText,
  segmentTarget,
  withAlternativeAdded,
  withChosen,
  withChosenDoc,
  withNoteText,
  withoutAlternative,
  withStatus,
  workbenchOf,
} from './workbench-edits';

describe('segmentTarget', () => {
  it('is the segment’s words by quote and position, with context', () => {
    const text = 'Товарищу Филиппову. Сегодня тов. Ли Кэ-нун сообщил. Конец.';
    const [, second] = segmentText(text, 'ru');
    expect(second!.text).toBe('Сегодня тов. Ли Кэ-нун сообщил.');
    const target = segmentTarget('doc-1', text, second!);
    expect(target).toEqual({
      type: 'text',
      documentId: 'doc-1',
      quote: { type: 'TextQuoteSelector', exact: 'Сегодня тов. Ли Кэ-нун сообщил.', prefix: 'Товарищу Филиппову. ', suffix: ' Конец.' },
      position: { type: 'TextPositionSelector', start: 20, end: 51 },
    });
  });
});

describe('workbench edits', () => {
  it('a new translation has one rendering, chosen, and passes the pack checks', () => {
    const wb = newWorkbench(bodyDoc('Comrade Filippov.'));
    expect(wb).toEqual({ status: 'draft', alternatives: [{ id: 'alt-1', doc: bodyDoc('Comrade Filippov.') }], chosen: 'alt-1', note: null });
    expect(workbenchProblems(wb)).toEqual([]);
  });

  it('a translation made outside the workbench is read as one rendering of its body', () => {
    expect(workbenchOf({ body: { doc: bodyDoc('to pay for it'), language: 'en' } })).toEqual(newWorkbench(bodyDoc('to pay for it'), 'draft'));
    expect(workbenchOf({ body: { doc: bodyDoc(''), language: 'en' } }).status).toBe('untranslated');
    const own = withStatus(newWorkbench(bodyDoc('x')), 'final');
    expect(workbenchOf({ body: { doc: bodyDoc('x'), language: 'en' }, workbench: own })).toBe(own);
  });

  it('a body rewritten in the annotation card is the chosen rendering’s latest text', () => {
    const two = withAlternativeAdded(newWorkbench(bodyDoc('first')));
    const read = workbenchOf({ body: { doc: bodyDoc('edited in the card'), language: 'en' }, workbench: two });
    expect(read.alternatives.map((a) => bodyPlainText(a.doc))).toEqual(['first', 'edited in the card']);
    expect(read.chosen).toBe('alt-2');
  });

  it('typing rewrites the chosen rendering only', () => {
    const two = withAlternativeAdded(newWorkbench(bodyDoc('first')));
    const typed = withChosenDoc(two, bodyDoc('second, changed'));
    expect(typed.alternatives.map((a) => bodyPlainText(a.doc))).toEqual(['first', 'second, changed']);
    expect(bodyPlainText(chosenDoc(typed))).toBe('second, changed');
  });

  it('adding an alternative copies the chosen rendering and chooses the copy; choosing goes back', () => {
    const one = newWorkbench(bodyDoc('the enemy'));
    const two = withAlternativeAdded(one);
    expect(two.alternatives.map((a) => a.id)).toEqual(['alt-1', 'alt-2']);
    expect(two.chosen).toBe('alt-2');
    expect(chosenDoc(two)).toEqual(bodyDoc('the enemy'));
    expect(withChosen(two, 'alt-1').chosen).toBe('alt-1');
    expect(withChosen(two, 'nope')).toBe(two);
    // Ids are never reused, even after a removal.
    const three = withAlternativeAdded(withoutAlternative(withAlternativeAdded(two), 'alt-2'));
    expect(new Set(three.alternatives.map((a) => a.id)).size).toBe(three.alternatives.length);
    expect(workbenchProblems(three)).toEqual([]);
  });

  it('removing a rendering keeps at least one and re-chooses when the chosen one goes', () => {
    const two = withAlternativeAdded(newWorkbench(bodyDoc('a')));
    const removed = withoutAlternative(two, 'alt-2');
    expect(removed.alternatives.map((a) => a.id)).toEqual(['alt-1']);
    expect(removed.chosen).toBe('alt-1');
    expect(withoutAlternative(removed, 'alt-1')).toBe(removed);
  });

  it('notes are plain text, a paragraph per line; blank text removes them', () => {
    const wb = withNoteText(newWorkbench(bodyDoc('x')), 'Check the date.\n\nCf. the Kennan talks.');
    expect(noteText(wb.note)).toBe('Check the date.\n\nCf. the Kennan talks.');
    expect(workbenchProblems(wb)).toEqual([]);
    expect(withNoteText(wb, '  ').note).toBeNull();
    expect(noteDoc('')).toBeNull();
    expect(noteText(null)).toBe('');
  });
});
