import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWilsonCenterText } from '../importers/wilson-center';
import { transcriptionFromSheets } from '../transcription/schema';
import { segmentTranscription, transcriptionParagraphs, type Segment } from '../translation/segment';
import { bodyDoc, translationOf } from '../translation/test-fixtures';
import type { WorkbenchTranslation } from '../translation/types';
import { checkConsistency, findRendering } from './consistency';
import { sampleGlossary } from './test-fixtures';

const source = readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');
const doc = transcriptionFromSheets(parseWilsonCenterText(source).sheets);
const TEXT = transcriptionParagraphs(doc).text;
const SEGMENTS = segmentTranscription(doc);
const GLOSSARY = sampleGlossary();

const starting = (opening: string): Segment => SEGMENTS.find((s) => s.text.startsWith(opening))!;
const translate = (segment: Segment, english: string, extra: Parameters<typeof translationOf>[3] = {}): WorkbenchTranslation =>
  translationOf(TEXT, segment, english, extra);

describe('findRendering', () => {
  it('finds a rendering whatever its case, number and possessive', () => {
    expect(findRendering('The enemy retreated.', 'enemy').map((s) => s.text)).toEqual(['enemy']);
    expect(findRendering('The Enemies regrouped; the enemies’ lines held; the enemy\'s losses.', 'enemy').map((s) => s.text)).toEqual([
      'Enemies',
      'enemies',
      "enemy's",
    ]);
    expect(findRendering('two military demarcation lines', 'military demarcation line').map((s) => [s.start, s.end])).toEqual([[4, 30]]);
    expect(findRendering('the CESSATION OF HOSTILITIES', 'cessation of hostilities')).toHaveLength(1);
    expect(findRendering('buffer zones', 'buffer zone')).toHaveLength(1);
  });

  it('takes hyphens and spaces between words alike', () => {
    expect(findRendering('a cease fire', 'cease-fire')).toHaveLength(1);
    expect(findRendering('a cease-fire', 'cease fire')).toHaveLength(1);
    expect(findRendering('a ceasefire', 'cease-fire')).toHaveLength(0);
  });

  it('does not find a rendering inside other words or across punctuation', () => {
    expect(findRendering('the enemyless plain', 'enemy')).toEqual([]);
    expect(findRendering('the buffer, zone', 'buffer zone')).toEqual([]);
    expect(findRendering('anything', '')).toEqual([]);
  });
});

describe('checkConsistency', () => {
  const hostile = starting('Хотя наши представители многократно'); // противника ×2
  const points = starting('1. В целях создания буферной зоны'); // буферной зоны, военную разгранлинию
  const talks = starting('Если противник вынесет для обсуждения в ООН'); // противник, ООН, прекращения военных действий
  const initiative = starting('Инициатива попрежнему'); // no term

  it('accepts translations that use the preferred or an admitted rendering', () => {
    const translations = [
      translate(hostile, 'Although our representatives repeatedly refuted this argument of the enemy, the enemy still shows no sign of yielding.', { status: 'draft' }),
      translate(points, '1. To create a buffer zone, establish the military demarcation line of both sides…', { status: 'reviewed' }),
      translate(talks, 'If the adversary brings to the United Nations every question that arises after the cessation of hostilities, we shall hardly agree.', { status: 'final' }),
      translate(initiative, 'The initiative will still be in our hands.', { status: 'draft' }),
    ];
    expect(checkConsistency(SEGMENTS, translations, GLOSSARY)).toEqual([]);
  });

  it('lists a segment whose draft lacks the preferred rendering, once for a term used twice', () => {
    const t = translate(hostile, 'Although our representatives refuted this argument of the other side, they show no sign of yielding.', { status: 'draft' });
    const issues = checkConsistency(SEGMENTS, [t], GLOSSARY);
    const first = hostile.start + hostile.text.indexOf('противника');
    expect(issues).toEqual([
      {
        kind: 'missing-preferred',
        segmentId: hostile.id,
        translationId: t.id,
        entryId: 'enemy',
        term: { start: first, end: first + 'противника'.length, text: 'противника' },
        rendering: 'enemy',
      },
    ]);
  });

  it('lists each use of a forbidden rendering, with where it is', () => {
    const english = 'If the opponent brings every question after the cease-fire to the UN, we shall hardly agree; the cease fire is not enough.';
    const t = translate(talks, english, { status: 'reviewed' });
    const issues = checkConsistency(SEGMENTS, [t], GLOSSARY);
    expect(issues.map((i) => [i.kind, i.entryId, i.rendering, i.found?.text])).toEqual([
      ['missing-preferred', 'enemy', 'enemy', undefined],
      ['forbidden', 'enemy', 'opponent', 'opponent'],
      ['missing-preferred', 'cessation', 'cessation of hostilities', undefined],
      ['forbidden', 'cessation', 'cease-fire', 'cease-fire'],
      ['forbidden', 'cessation', 'cease-fire', 'cease fire'],
    ]);
    const opponent = issues[1]!;
    expect(english.slice(opponent.found!.start, opponent.found!.end)).toBe('opponent');
    expect(TEXT.slice(opponent.term.start, opponent.term.end)).toBe('противник');
  });

  it('reports a forbidden rendering even beside the preferred one', () => {
    const t = translate(points, '1. To create a buffer zone, establish the military demarcation line (the line of contact) of both sides.', { status: 'draft' });
    expect(checkConsistency(SEGMENTS, [t], GLOSSARY).map((i) => [i.kind, i.rendering])).toEqual([['forbidden', 'line of contact']]);
  });

  it('checks the chosen rendering, and translations without workbench data as drafts', () => {
    const t = translate(hostile, 'the enemy', { status: 'draft' });
    t.workbench!.alternatives.push({ id: 'a2', doc: bodyDoc('the opponent') });
    t.workbench!.chosen = 'a2';
    expect(checkConsistency(SEGMENTS, [t], GLOSSARY).map((i) => i.kind)).toEqual(['missing-preferred', 'forbidden']);
    const plain = translate(hostile, 'the opponent');
    expect(checkConsistency(SEGMENTS, [plain], GLOSSARY).map((i) => i.kind)).toEqual(['missing-preferred', 'forbidden']);
  });

  it('skips untranslated and empty translations, and segments without terms', () => {
    expect(checkConsistency(SEGMENTS, [translate(hostile, 'the opponent', { status: 'untranslated' })], GLOSSARY)).toEqual([]);
    expect(checkConsistency(SEGMENTS, [translate(hostile, '', { status: 'draft' })], GLOSSARY)).toEqual([]);
    expect(checkConsistency(SEGMENTS, [translate(initiative, 'The opponent has the initiative.', { status: 'final' })], GLOSSARY)).toEqual([]);
  });

  it('asks nothing of an entry without a preferred rendering but its forbidden ones', () => {
    const glossary = { ...GLOSSARY, entries: GLOSSARY.entries.map((e) => (e.id === 'enemy' ? { ...e, preferred: '', admitted: [] } : e)) };
    expect(checkConsistency(SEGMENTS, [translate(hostile, 'the other side', { status: 'draft' })], glossary)).toEqual([]);
    expect(checkConsistency(SEGMENTS, [translate(hostile, 'the opponents', { status: 'draft' })], glossary).map((i) => i.found?.text)).toEqual(['opponents']);
  });
});
