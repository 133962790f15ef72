import { describe, expect, it } from 'vitest';
import { transcriptionFromSheets } from '../transcription/schema';
import { TextIndex } from './text-index';

const doc = transcriptionFromSheets([
  { label: 'Sheet 1', numberAsWritten: '', paragraphs: ['Alpha beta', 'Line one\nLine two', 'Если'] },
  { label: 'Sheet 2', numberAsWritten: '2', paragraphs: ['затянуть время'] },
]);
const index = TextIndex.fromDoc(doc);

describe('TextIndex', () => {
  it('joins blocks and line breaks with newlines', () => {
    expect(index.text).toBe('Alpha beta\nLine one\nLine two\nЕсли\nзатянуть время');
  });

  it('maps every character offset to the ProseMirror position holding the same character', () => {
    for (let offset = 0; offset < index.text.length; offset++) {
      if (index.text[offset] === '\n') continue;
      const pos = index.posAt(offset, 1);
      expect(doc.textBetween(pos, pos + 1)).toBe(index.text[offset]);
      expect(index.offsetAt(pos)).toBe(offset);
    }
  });

  it('maps a range across the sheet break onto the same words in the document', () => {
    const start = index.text.indexOf('Если');
    const end = index.text.indexOf(' время');
    const from = index.posAt(start, 1);
    const to = index.posAt(end, -1);
    expect(doc.textBetween(from, to, '\n')).toBe('Если\nзатянуть');
  });

  it('does not let a range end grow into the next block', () => {
    const end = index.text.indexOf('\nLine one');
    expect(doc.textBetween(index.posAt(0, 1), index.posAt(end, -1))).toBe('Alpha beta');
  });
});
