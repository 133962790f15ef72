import { describe, expect, it } from 'vitest';
import type { SegmentStatus } from '../../shared/translation/types';
import { body, EDITOR, onWords, TRANSLATOR } from '../../shared/rendering/test-fixtures';
import { englishFileName, selectAnnotations, translatorsOf } from './export-english';

const plain = 'Первая фраза. Вторая фраза.';
const workbench = (status: SegmentStatus) => ({ status, alternatives: [{ id: 'alt-1', doc: body('x') }], chosen: 'alt-1', note: null });

const mine = onWords(plain, 'translation', 0, 13, body('First sentence.'));
const hers = onWords(plain, 'translation', 0, 13, body('The first sentence.'), { creator: EDITOR, workbench: workbench('final') });
const reviewed = onWords(plain, 'translation', 14, 27, body('Second sentence.'), { workbench: workbench('reviewed') });
const reset = onWords(plain, 'translation', 14, 27, body('Old.'), { creator: EDITOR, workbench: workbench('untranslated') });
const note = onWords(plain, 'commentary', 0, 6, body('A note.'), { creator: EDITOR });
const gone = onWords(plain, 'translation', 0, 13, body('Deleted.'), { deleted: true });
const all = [mine, hers, reviewed, reset, note, gone];

describe('the translators of a document', () => {
  it('are the authors of its usable translations, most first', () => {
    expect(translatorsOf(all)).toEqual([
      { id: TRANSLATOR.id, name: TRANSLATOR.name, translations: 2 },
      { id: EDITOR.id, name: EDITOR.name, translations: 1 },
    ]);
  });
});

describe('choosing the annotations to render', () => {
  it('keeps everybody’s translations and commentary, drops deleted ones and those set back to untranslated, prefers final then reviewed', () => {
    const { annotations, chosenTranslationIds } = selectAnnotations(all, { translatorIds: null });
    expect(annotations.map((a) => a.id)).toEqual([mine.id, hers.id, reviewed.id, note.id]);
    expect(chosenTranslationIds).toEqual([hers.id, reviewed.id]);
  });

  it('leaves out the translations of translators not chosen, but not their commentary', () => {
    const { annotations, chosenTranslationIds } = selectAnnotations(all, { translatorIds: new Set([TRANSLATOR.id]) });
    expect(annotations.map((a) => a.id)).toEqual([mine.id, reviewed.id, note.id]);
    expect(chosenTranslationIds).toEqual([reviewed.id]);
  });
});

describe('the file name', () => {
  it('is the title and “(English)”', () => {
    expect(englishFileName('Telegram ')).toBe('Telegram (English)');
    expect(englishFileName('  ')).toBe('Untitled document (English)');
  });
});
