import { describe, expect, it } from 'vitest';
import { sampleGlossary, entry } from '../../shared/glossary/test-fixtures';
import { sourcePieces, termTooltip } from './term-marks';

describe('sourcePieces', () => {
  it('cuts a segment into plain runs and terms, whatever their inflection', () => {
    const text = 'О выводе иностранных войск и о буферной зоне противника.';
    const pieces = sourcePieces(text, sampleGlossary());
    expect(pieces.map((p) => [p.text, p.entry?.id ?? null])).toEqual([
      ['О ', null],
      ['выводе иностранных войск', 'withdrawal'],
      [' и о ', null],
      ['буферной зоне', 'buffer-zone'],
      [' ', null],
      ['противника', 'enemy'],
      ['.', null],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.every((p) => text.slice(p.start, p.start + p.text.length) === p.text)).toBe(true);
  });

  it('is the whole text when there is no glossary or no term', () => {
    expect(sourcePieces('Товарищу Филиппову.', undefined)).toEqual([{ start: 0, text: 'Товарищу Филиппову.' }]);
    expect(sourcePieces('Товарищу Филиппову.', sampleGlossary())).toEqual([{ start: 0, text: 'Товарищу Филиппову.' }]);
  });

  it('a term at the very end leaves no empty piece', () => {
    const pieces = sourcePieces('о 38 параллели', { sourceLanguage: 'ru', targetLanguage: 'en', entries: [entry({ id: 'p', source: 'параллель', preferred: 'parallel' })] });
    expect(pieces.map((p) => p.text)).toEqual(['о 38 ', 'параллели']);
  });
});

describe('termTooltip', () => {
  it('says how to render the term, what else is allowed or not, and the notes', () => {
    const enemy = sampleGlossary().entries[0]!;
    expect(termTooltip(enemy)).toBe('противник → enemy\nAlso: adversary\nNot: opponent\nMilitary usage; not “opponent” (sport, debate).');
    expect(termTooltip(entry({ id: 'x', source: 'тов.' }))).toBe('тов. → (no preferred rendering)');
  });
});
