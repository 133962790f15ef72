import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TextTarget } from '../annotation';
import { parseWilsonCenterText } from '../importers/wilson-center';
import { transcriptionFromSheets } from '../transcription/schema';
import {
  assignTranslations,
  countWords,
  segmentIndexOf,
  translationProgress,
  translationStatus,
  translationText,
} from './progress';
import { segmentTranscription, transcriptionParagraphs, type Segment } from './segment';
import { bodyDoc, translationOf as translationOfText } from './test-fixtures';
import { chosenAlternative, workbenchProblems, type SegmentWorkbench, type WorkbenchTranslation } from './types';

const source = readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');
const doc = transcriptionFromSheets(parseWilsonCenterText(source).sheets);
const TEXT = transcriptionParagraphs(doc).text;
const SEGMENTS = segmentTranscription(doc);

const translationOf = (
  range: { start: number; end: number },
  english: string,
  extra: Parameters<typeof translationOfText>[3] = {},
): WorkbenchTranslation => translationOfText(TEXT, range, english, extra);

const seg = (text: string): Segment => SEGMENTS.find((s) => s.text === text)!;

describe('countWords', () => {
  it('counts Cyrillic and Latin words, hyphenated and dotted ones as one', () => {
    expect(countWords('Так называемые мирные переговоры — это пустая фраза.')).toBe(7);
    expect(countWords('Мао Цзэ-дун и Ким Ир Сен, т.е. союзники')).toBe(8);
    expect(countWords('Получено 03.15.21.7, № 22054')).toBe(3);
    expect(countWords("The U.S. Government's cease-fire proposal")).toBe(5);
    expect(countWords('  — № ,,, ')).toBe(0);
  });

  it('counts each Han and kana character as a word', () => {
    expect(countWords('我们同意停战。')).toBe(6);
    expect(countWords('停戦協定に署名した')).toBe(9);
    expect(countWords('휴전 협정')).toBe(2);
    expect(countWords('Mao 毛泽东 said')).toBe(5);
  });

  it('counts the sample’s source words', () => {
    expect(SEGMENTS.reduce((n, s) => n + countWords(s.text), 0)).toBe(countWords(TEXT));
    expect(countWords(seg('3. Мероприятия в отношении пленных.').text)).toBe(5);
  });
});

describe('which segment a translation belongs to', () => {
  it('is the segment its target overlaps most', () => {
    const a = seg('Так называемые мирные переговоры — это пустая фраза.');
    const b = SEGMENTS[SEGMENTS.indexOf(a) + 1]!;
    expect(segmentIndexOf(SEGMENTS, a)).toBe(SEGMENTS.indexOf(a));
    // Most of a, a little of b.
    expect(segmentIndexOf(SEGMENTS, { start: a.start + 5, end: b.start + 3 })).toBe(SEGMENTS.indexOf(a));
    // A little of a, most of b.
    expect(segmentIndexOf(SEGMENTS, { start: a.end - 3, end: b.end })).toBe(SEGMENTS.indexOf(b));
    // Only the space between them: none.
    expect(segmentIndexOf(SEGMENTS, { start: a.end, end: b.start })).toBe(-1);
  });

  it('ignores deleted annotations, other kinds, regions and orphans; lists spanning and unassigned ones', () => {
    const a = seg('Так называемые мирные переговоры — это пустая фраза.');
    const b = SEGMENTS[SEGMENTS.indexOf(a) + 1]!;
    const spanning = translationOf({ start: a.start, end: b.end }, 'Both sentences.');
    const deleted = { ...translationOf(a, 'Deleted.'), id: 'deleted', deleted: true };
    const commentary = { ...translationOf(a, 'A comment.'), id: 'comment', kind: 'commentary' as const };
    const orphan = { ...translationOf(a, 'Orphan.'), id: 'orphan' };
    (orphan.target as TextTarget).orphaned = true;
    const between = { ...translationOf({ start: a.end, end: b.start }, 'Nothing.'), id: 'between' };
    const region = {
      ...translationOf(a, 'Stamp.'),
      id: 'region',
      target: { type: 'region' as const, documentId: 'doc-1', scanId: 's', sheetIndex: 0, selector: { type: 'FragmentSelector' as const, conformsTo: 'http://www.w3.org/TR/media-frags/' as const, value: 'xywh=1,2,3,4' } },
    } as WorkbenchTranslation;
    const result = assignTranslations(SEGMENTS, [spanning, deleted, commentary, orphan, between, region]);
    // The spanning translation belongs to b, the longer of the two sentences it covers.
    expect([...result.bySegment.entries()].map(([id, list]) => [id, list.map((t) => t.id)])).toEqual([[b.id, [spanning.id]]]);
    expect(result.spanning.map((t) => t.id)).toEqual([spanning.id]);
    expect(result.unassigned.map((t) => t.id)).toEqual(['between']);
  });

  it('prefers, among several translations of a segment, the best fit, then the latest', () => {
    const a = seg('Инициатива попрежнему будет в наших руках.');
    const partial = { ...translationOf({ start: a.start, end: a.end - 10 }, 'The initiative'), id: 'partial', modified: '2026-03-02T00:00:00Z' };
    const older = { ...translationOf(a, 'Old.'), id: 'older', modified: '2026-03-01T00:00:00Z' };
    const newer = { ...translationOf(a, 'New.'), id: 'newer', modified: '2026-03-03T00:00:00Z' };
    expect(assignTranslations(SEGMENTS, [partial, older, newer]).bySegment.get(a.id)!.map((t) => t.id)).toEqual(['newer', 'older', 'partial']);
  });
});

describe('translationProgress', () => {
  const s1 = seg('Так называемые мирные переговоры — это пустая фраза.');
  const s2 = seg('3. Мероприятия в отношении пленных.');
  const s3 = seg('С большевистскими приветом!');
  const s4 = seg('Инициатива попрежнему будет в наших руках.');
  const s5 = seg('MOUSE-ON');
  const translations = [
    translationOf(s1, 'So-called peace negotiations are an empty phrase.', { status: 'final' }),
    translationOf(s2, '3. Measures concerning prisoners of war.', { status: 'reviewed' }),
    translationOf(s3, 'With Bolshevik greetings!'), // no workbench data: a draft
    translationOf(s4, '', { status: 'draft' }),
    translationOf(s5, ''), // no text, no workbench data: untranslated
  ];
  const progress = translationProgress(SEGMENTS, translations);

  it('counts segments and source words per status', () => {
    expect(progress.byStatus).toEqual({
      final: { segments: 1, words: 7 },
      reviewed: { segments: 1, words: 5 },
      draft: { segments: 2, words: 3 + 6 },
      untranslated: { segments: SEGMENTS.length - 4, words: countWords(TEXT) - 7 - 5 - 9 },
    });
    expect(progress.total).toEqual({ segments: 76, words: countWords(TEXT) });
  });

  it('gives each segment its status and translation', () => {
    const of = (s: Segment) => progress.segments.find((p) => p.segmentId === s.id)!;
    expect(of(s1)).toEqual({ segmentId: s1.id, status: 'final', words: 7, translationId: `t-${s1.start}`, otherTranslationIds: [] });
    expect(of(s3).status).toBe('draft');
    expect(of(s5)).toMatchObject({ status: 'untranslated', translationId: `t-${s5.start}` });
    expect(progress.segments.map((p) => p.segmentId)).toEqual(SEGMENTS.map((s) => s.id));
  });

  it('is all untranslated without translations', () => {
    const empty = translationProgress(SEGMENTS, []);
    expect(empty.byStatus.untranslated).toEqual(empty.total);
    expect(empty.unassigned).toEqual([]);
  });
});

describe('workbench data', () => {
  const workbench: SegmentWorkbench = {
    status: 'reviewed',
    alternatives: [
      { id: 'a1', doc: bodyDoc('the so-called peace talks') },
      { id: 'a2', doc: bodyDoc('the so-called peace negotiations') },
    ],
    chosen: 'a2',
    note: bodyDoc('“Переговоры” is rendered “negotiations” throughout.'),
  };

  it('takes the chosen rendering as the translation’s text, and its status', () => {
    const t = { ...translationOf(SEGMENTS[0]!, 'stale body'), workbench };
    expect(chosenAlternative(workbench)!.id).toBe('a2');
    expect(translationText(t)).toBe('the so-called peace negotiations');
    expect(translationStatus(t)).toBe('reviewed');
  });

  it('is checked when it comes from elsewhere', () => {
    expect(workbenchProblems(workbench)).toEqual([]);
    expect(workbenchProblems(null)).toEqual(['the workbench data is not an object']);
    expect(workbenchProblems({ ...workbench, status: 'done' })).toEqual(['the status "done" is not one of untranslated, draft, reviewed, final']);
    expect(workbenchProblems({ ...workbench, alternatives: [] })).toContain('there is no rendering (alternatives must list at least one)');
    expect(workbenchProblems({ ...workbench, chosen: 'a9' })).toEqual(['the chosen rendering "a9" is not among the renderings']);
    expect(workbenchProblems({ ...workbench, alternatives: [workbench.alternatives[0], workbench.alternatives[0]], chosen: 'a1' })).toEqual([
      'two renderings have the id "a1"',
    ]);
    expect(workbenchProblems({ ...workbench, note: '<b>html</b>' })).toEqual(['the note is neither null nor a body document']);
    expect(workbenchProblems({ ...workbench, alternatives: [{ id: 'a1', doc: 'text' }], chosen: 'a1' })).toEqual(['rendering "a1" is not a body document']);
  });
});
