import { describe, expect, it } from 'vitest';
import { TextIndex } from '../anchoring/text-index';
import { emptyMetadata } from '../document-metadata';
import { transcriptionFromSheets, transcriptionSchema } from '../transcription/schema';
import { renderingFromAnnotations } from './from-annotations';
import { body, EDITOR, onWords, sentenceSegments } from './test-fixtures';
import type { RenderedSegment, SourceSegment } from './types';

const doc = transcriptionFromSheets([
  { label: 'Sheet 1', numberAsWritten: '', paragraphs: ['Первое предложение. Второе предложение.', 'Третий абзац.'] },
  { label: 'Sheet 2', numberAsWritten: '8', paragraphs: ['Последний абзац.'] },
]);
const plain = TextIndex.fromDoc(doc).text;
const segments = sentenceSegments(plain, (offset) => (offset < plain.indexOf('Последний') ? 0 : 1));
const metadata = { ...emptyMetadata('Test'), languageCode: 'ru', originalLanguage: 'Russian' };
const at = (words: string) => {
  const start = plain.indexOf(words);
  if (start < 0) throw new Error(`no “${words}”`);
  return [start, start + words.length] as const;
};

function flat(segmentsBySheet: ReturnType<typeof renderingFromAnnotations>): RenderedSegment[] {
  return segmentsBySheet.sheets.flatMap((s) => s.paragraphs.flatMap((p) => p.segments));
}

describe('renderingFromAnnotations', () => {
  it('lays segments out by sheet and paragraph, untranslated without annotations', () => {
    const r = renderingFromAnnotations(doc, metadata, [], segments);
    expect(r.sheets.map((s) => [s.label, s.numberAsWritten, s.paragraphs.map((p) => p.segments.map((x) => x.source))])).toEqual([
      ['Sheet 1', '', [['Первое предложение.', 'Второе предложение.'], ['Третий абзац.']]],
      ['Sheet 2', '8', [['Последний абзац.']]],
    ]);
    expect(flat(r).every((s) => s.status === 'untranslated' && s.english === null)).toBe(true);
    expect(r.untranslated).toBe('placeholder');
    expect(r.sourceLanguage).toBe('ru');
    expect(r.translators).toEqual([]);
    expect(r.footnotes).toEqual([]);
  });

  it('picks the translation covering each segment, leaving out deleted, orphaned and other-language ones', () => {
    const [s, e] = at('Первое предложение.');
    const good = onWords(plain, 'translation', s, e, body('The first sentence.'));
    const deleted = onWords(plain, 'translation', s, e, body('Deleted.'), { deleted: true, modified: '2026-05-01T00:00:00.000Z' });
    const german = onWords(plain, 'translation', s, e, body('Der erste Satz.'), { body: { doc: body('Der erste Satz.'), language: 'de' }, modified: '2026-05-01T00:00:00.000Z' });
    const orphan = onWords(plain, 'translation', s, e, body('Orphan.'), { modified: '2026-05-01T00:00:00.000Z' });
    if (orphan.target.type === 'text') orphan.target.orphaned = true;
    const empty = onWords(plain, 'translation', s, e, body(''), { modified: '2026-05-01T00:00:00.000Z' });
    const partial = onWords(plain, 'translation', s, s + 6, body('First.'), { modified: '2026-05-01T00:00:00.000Z' });
    const r = renderingFromAnnotations(doc, metadata, [deleted, german, orphan, empty, partial, good], segments);
    const first = flat(r)[0]!;
    expect(first).toMatchObject({ status: 'translated', translationId: good.id, translator: 'Anna Petrova', english: body('The first sentence.') });
    expect(r.translators).toEqual(['Anna Petrova']);
  });

  it('takes a target that leaves out the final full stop, or takes in the space after it', () => {
    const [s, e] = at('Первое предложение');
    const short = onWords(plain, 'translation', s, e, body('The first sentence.'));
    const [s2, e2] = at('Второе предложение.\n');
    const long = onWords(plain, 'translation', s2 - 1, e2, body('The second sentence.'));
    const r = renderingFromAnnotations(doc, metadata, [short, long], segments);
    expect(flat(r).map((x) => x.status)).toEqual(['translated', 'translated', 'untranslated', 'untranslated']);
  });

  it('prefers a chosen translation, then the most recently modified, then the higher revision', () => {
    const [s, e] = at('Первое предложение.');
    const older = onWords(plain, 'translation', s, e, body('Older.'), { modified: '2026-03-02T00:00:00.000Z', revision: 5 });
    const newer = onWords(plain, 'translation', s, e, body('Newer.'), { modified: '2026-03-03T00:00:00.000Z', revision: 1 });
    const pick = (options = {}, list = [older, newer]) => flat(renderingFromAnnotations(doc, metadata, list, segments, options))[0]!.translationId;
    expect(pick()).toBe(newer.id);
    expect(pick({}, [newer, older])).toBe(newer.id);
    expect(pick({ chosenTranslationIds: [older.id] })).toBe(older.id);
    const sameTime = onWords(plain, 'translation', s, e, body('Revised.'), { modified: newer.modified, revision: 2 });
    expect(pick({}, [older, newer, sameTime])).toBe(sameTime.id);
  });

  it('shows one translation of two segments once, the second segment joined to it', () => {
    const [s] = at('Первое');
    const [, e] = at('Второе предложение.');
    const both = onWords(plain, 'translation', s, e, body('Two sentences as one.'));
    const r = renderingFromAnnotations(doc, metadata, [both], segments);
    expect(flat(r).slice(0, 2).map((x) => [x.status, x.translationId, x.english !== null])).toEqual([
      ['translated', both.id, true],
      ['joined', both.id, false],
    ]);
  });

  it('does not repeat a sentence: a wider translation loses to one that does not cover an earlier, translated segment', () => {
    const [s1, e1] = at('Первое предложение.');
    const [s2, e2] = at('Второе предложение.');
    const first = onWords(plain, 'translation', s1, e1, body('First.'), { modified: '2026-03-05T00:00:00.000Z' });
    const wide = onWords(plain, 'translation', s1, e2, body('Both.'), { modified: '2026-03-04T00:00:00.000Z' });
    const second = onWords(plain, 'translation', s2, e2, body('Second.'), { modified: '2026-03-02T00:00:00.000Z' });
    const r = renderingFromAnnotations(doc, metadata, [first, wide, second], segments);
    expect(flat(r).slice(0, 2).map((x) => x.translationId)).toEqual([first.id, second.id]);
  });

  it('keeps text no segment covers, as untranslated segments of its own', () => {
    const some: SourceSegment[] = [segments[1]!];
    const r = renderingFromAnnotations(doc, metadata, [], some);
    expect(flat(r).map((x) => [x.id, x.source])).toEqual([
      [`uncovered:0-19`, 'Первое предложение.'],
      ['s2', 'Второе предложение.'],
      [expect.stringMatching(/^uncovered:/), 'Третий абзац.'],
      [expect.stringMatching(/^uncovered:/), 'Последний абзац.'],
    ]);
  });

  it('counts offsets as the text index does, past line breaks, gaps and editorial notes', () => {
    const { nodes } = transcriptionSchema;
    const rich = nodes.doc!.create(null, [
      nodes.sheet!.create({ label: 'Sheet 1' }, [
        nodes.paragraph!.create(null, [
          transcriptionSchema.text('Один.'),
          nodes.gap!.create(),
          transcriptionSchema.text(' Два'),
          nodes.hard_break!.create(),
          transcriptionSchema.text('три.'),
          nodes.editorial_note!.create({ text: 'note' }),
        ]),
      ]),
      nodes.sheet!.create({ label: 'Sheet 2' }, [nodes.paragraph!.create(), nodes.paragraph!.create(null, [transcriptionSchema.text('Четыре.')])]),
    ]);
    const text = TextIndex.fromDoc(rich).text;
    const r = renderingFromAnnotations(rich, metadata, [], sentenceSegments(text, () => 0));
    expect(r.sheets.map((s) => s.paragraphs.map((p) => p.segments.map((x) => x.source)))).toEqual([[['Один.', 'Два', 'три.']], [['Четыре.']]]);
  });

  it('makes footnotes of commentary only when asked, after the segment where the words end', () => {
    const [s, e] = at('предложение. Второе');
    const [s3, e3] = at('абзац');
    const note = onWords(plain, 'commentary', s, e, body('A note.'), { creator: EDITOR });
    const later = onWords(plain, 'commentary', s3, e3, body('Another.'));
    const deleted = onWords(plain, 'commentary', s, e, body('Gone.'), { deleted: true });
    const empty = onWords(plain, 'commentary', s, e, body(''));
    expect(renderingFromAnnotations(doc, metadata, [note], segments).footnotes).toEqual([]);
    const r = renderingFromAnnotations(doc, metadata, [later, note, deleted, empty], segments, { commentaryFootnotes: true });
    expect(r.footnotes.map((f) => [f.afterSegmentId, f.author, f.annotationId])).toEqual([
      ['s2', 'Ben Okafor', note.id],
      ['s3', 'Anna Petrova', later.id],
    ]);
    const onlyBen = renderingFromAnnotations(doc, metadata, [later, note], segments, { commentaryFootnotes: (a) => a.creator.id === EDITOR.id });
    expect(onlyBen.footnotes.map((f) => f.annotationId)).toEqual([note.id]);
  });

  it('takes the translators and the untranslated mode from the options', () => {
    const r = renderingFromAnnotations(doc, metadata, [], segments, { translators: ['A. B.'], untranslated: 'source' });
    expect(r.translators).toEqual(['A. B.']);
    expect(r.untranslated).toBe('source');
  });

  it('orders translators by how many segments each translated', () => {
    const [s1, e1] = at('Первое предложение.');
    const [s2, e2] = at('Второе предложение.');
    const [s3, e3] = at('Третий абзац.');
    const list = [
      onWords(plain, 'translation', s1, e1, body('One.')),
      onWords(plain, 'translation', s2, e2, body('Two.'), { creator: EDITOR }),
      onWords(plain, 'translation', s3, e3, body('Three.'), { creator: EDITOR }),
    ];
    expect(renderingFromAnnotations(doc, metadata, list, segments).translators).toEqual(['Ben Okafor', 'Anna Petrova']);
  });
});
