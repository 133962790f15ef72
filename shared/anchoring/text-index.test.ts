import { describe, expect, it } from 'vitest';
import { transcriptionFromSheets, transcriptionSchema } from '../transcription/schema';
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

describe('TextIndex over editorial markup', () => {
  const { nodes, marks } = transcriptionSchema;
  const marked = nodes.doc!.create(null, [
    nodes.sheet!.create({ label: 'Sheet 1' }, [
      nodes.paragraph!.create(null, [
        transcriptionSchema.text('Received '),
        nodes.gap!.create({ reason: 'illegible', extent: '2 words' }),
        transcriptionSchema.text(' by '),
        transcriptionSchema.text('MOSHKIN', [marks.corrected!.create({ sic: 'MOUSE-ON' })]),
        nodes.editorial_note!.create({ text: 'Signature in pencil.' }),
        transcriptionSchema.text('.'),
      ]),
    ]),
  ]);
  const markedIndex = TextIndex.fromDoc(marked);

  it('counts gaps and notes as no text, and marked text as its words', () => {
    expect(markedIndex.text).toBe('Received  by MOSHKIN.');
  });

  it('maps offsets on either side of an atom to the characters there', () => {
    for (let offset = 0; offset < markedIndex.text.length; offset++) {
      const pos = markedIndex.posAt(offset, 1);
      expect(marked.textBetween(pos, pos + 1)).toBe(markedIndex.text[offset]);
    }
  });
});

describe('TextIndex.offsetAt between runs', () => {
  const { nodes } = transcriptionSchema;
  const withEmpty = nodes.doc!.create(null, [
    nodes.sheet!.create({ label: 'Sheet 1' }, [
      nodes.paragraph!.create(null, [transcriptionSchema.text('first words')]),
      nodes.paragraph!.create(),
      nodes.paragraph!.create(null, [transcriptionSchema.text('next')]),
    ]),
  ]);
  const idx = TextIndex.fromDoc(withEmpty);
  const inEmpty = withEmpty.child(0).child(0).nodeSize + 2; // inside the empty paragraph

  it('snaps a range start forward and a range end back', () => {
    expect(idx.text).toBe('first words\n\nnext');
    expect(idx.offsetAt(inEmpty, 1)).toBe(idx.text.indexOf('next'));
    expect(idx.offsetAt(inEmpty, -1)).toBe('first words'.length);
  });
});
