import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWilsonCenterText } from '../importers/wilson-center';
import { transcriptionFromSheets } from '../transcription/schema';
import {
  addJoin,
  addSplit,
  applyOverrides,
  describeTextPoint,
  findTextPoint,
  NO_OVERRIDES,
  resolveOverrides,
  type SegmentationOverrides,
} from './overrides';
import { segmentTranscription, transcriptionParagraphs, type Segment } from './segment';

const source = readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');
const sheets = parseWilsonCenterText(source).sheets;

function load(edit: (paragraphs: string[][]) => void = () => {}): { text: string; segments: Segment[] } {
  const copy = sheets.map((s) => ({ ...s, paragraphs: [...s.paragraphs] }));
  edit(copy.map((s) => s.paragraphs));
  const doc = transcriptionFromSheets(copy);
  return { text: transcriptionParagraphs(doc).text, segments: segmentTranscription(doc) };
}

const { text: TEXT, segments: SEGMENTS } = load();
const indexOf = (segments: readonly Segment[], text: string): number => segments.findIndex((s) => s.text === text);
const LONG = SEGMENTS[indexOf(SEGMENTS, 'Хотя наши представители многократно опровергали этот довод противника, однако у противника попрежнему не видно никаких признаков на уступку.')]!;

/** The stamp "Для заметок / и / редакционной" joined into one segment, and the long sentence split after its comma. */
function corrected(text: string, segments: Segment[]): SegmentationOverrides {
  let overrides = addJoin(NO_OVERRIDES, text, segments, indexOf(segments, 'Для заметок'));
  let current = applyOverrides(segments, overrides, text);
  overrides = addJoin(overrides, text, current, indexOf(current, 'Для заметок\nи'));
  current = applyOverrides(segments, overrides, text);
  const at = text.indexOf('однако у противника', current.find((s) => s.text.startsWith('Хотя наши'))!.start);
  return addSplit(overrides, text, current, at);
}

describe('splitting and joining segments', () => {
  const overrides = corrected(TEXT, SEGMENTS);
  const result = applyOverrides(SEGMENTS, overrides, TEXT);

  it('joins the three lines of a stamp and splits a long sentence', () => {
    expect(overrides.joins).toHaveLength(2);
    expect(overrides.splits).toHaveLength(1);
    expect(result).toHaveLength(SEGMENTS.length - 2 + 1);
    expect(result.map((s) => s.text)).toContain('Для заметок\nи\nредакционной');
    expect(result.map((s) => s.text)).toContain('Хотя наши представители многократно опровергали этот довод противника,');
    expect(result.map((s) => s.text)).toContain('однако у противника попрежнему не видно никаких признаков на уступку.');
    for (const s of result) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
    expect(new Set(result.map((s) => s.id)).size).toBe(result.length);
  });

  it('stores each correction as an offset with the text around it', () => {
    const split = overrides.splits[0]!;
    expect(split.offset).toBe(LONG.start + LONG.text.indexOf('однако'));
    expect(split.after.startsWith('однако у противника')).toBe(true);
    expect(split.before.endsWith('довод противника, ')).toBe(true);
    expect(overrides.joins.map((p) => TEXT.slice(p.offset, p.offset + 12))).toEqual(['и\nредакционн', 'редакционной']);
  });

  it('finds its corrections again after the transcription is corrected before and inside them', () => {
    const { text, segments } = load((p) => {
      p[0]![1] = p[0]![1]!.replace('СОВЕТОК', 'СОВЕТСКОЙ АРМИИ'); // earlier in the text
      p[0]![15] = p[0]![15]!.replace('многократно', 'неоднократно'); // inside the split sentence
    });
    const again = applyOverrides(segments, overrides, text);
    expect(resolveOverrides(overrides, text).lost).toEqual([]);
    expect(again.map((s) => s.text)).toContain('Для заметок\nи\nредакционной');
    expect(again.map((s) => s.text)).toContain('Хотя наши представители неоднократно опровергали этот довод противника,');
    expect(again.map((s) => s.text)).toContain('однако у противника попрежнему не видно никаких признаков на уступку.');
  });

  it('reports a correction as lost when its words are gone, and applies the rest', () => {
    const { text, segments } = load((p) => {
      p[0]![15] = 'Противник не уступает.';
    });
    const resolved = resolveOverrides(overrides, text);
    expect(resolved.lost.map((l) => l.kind)).toEqual(['split']);
    const again = applyOverrides(segments, overrides, text);
    expect(again.map((s) => s.text)).toContain('Для заметок\nи\nредакционной');
    expect(again.map((s) => s.text)).toContain('Противник не уступает.');
  });

  it('undoes a join by splitting at the same place, and a split by joining it', () => {
    const joined = addJoin(NO_OVERRIDES, TEXT, SEGMENTS, indexOf(SEGMENTS, 'Для заметок'));
    const applied = applyOverrides(SEGMENTS, joined, TEXT);
    const point = TEXT.indexOf('и\nредакционной');
    expect(addSplit(joined, TEXT, applied, point)).toEqual(NO_OVERRIDES);

    const split = addSplit(NO_OVERRIDES, TEXT, SEGMENTS, LONG.start + LONG.text.indexOf('однако'));
    const splitApplied = applyOverrides(SEGMENTS, split, TEXT);
    const left = splitApplied.findIndex((s) => s.start === LONG.start);
    expect(addJoin(split, TEXT, splitApplied, left)).toEqual(NO_OVERRIDES);
  });

  it('adds nothing for a split at an existing boundary or in white space between segments', () => {
    const second = SEGMENTS[indexOf(SEGMENTS, 'Таким образом, мы, повидимому, должны заново пересмотреть вопрос о выводе иностранных войск из Кореи.')]!;
    expect(addSplit(NO_OVERRIDES, TEXT, SEGMENTS, second.start)).toEqual(NO_OVERRIDES);
    expect(addSplit(NO_OVERRIDES, TEXT, SEGMENTS, second.start - 1)).toEqual(NO_OVERRIDES);
  });

  it('moves a split made in white space to the next word', () => {
    const at = LONG.start + LONG.text.indexOf(' однако');
    const split = addSplit(NO_OVERRIDES, TEXT, SEGMENTS, at);
    expect(split.splits[0]!.offset).toBe(at + 1);
  });

  it('refuses to join segments of different paragraphs', () => {
    const last = indexOf(SEGMENTS, 'СЕРИЯ 17');
    expect(() => addJoin(NO_OVERRIDES, TEXT, SEGMENTS, last)).toThrow(/different paragraphs/);
    expect(() => addJoin(NO_OVERRIDES, TEXT, SEGMENTS, SEGMENTS.length - 1)).toThrow(RangeError);
  });

  it('ignores a join whose boundary the automatic rules no longer make', () => {
    const joined = addJoin(NO_OVERRIDES, TEXT, SEGMENTS, indexOf(SEGMENTS, 'Для заметок'));
    const { text, segments } = load((p) => {
      p[0]![7] = 'Для заметок и редакционной';
    });
    expect(applyOverrides(segments, joined, text).map((s) => s.text)).toEqual(segments.map((s) => s.text));
  });
});

describe('text points', () => {
  const text = 'Если переговоры сорвутся, то мы намерены еще воевать. Если срыв наступит, то мы начнем снова.';
  const point = describeTextPoint(text, text.indexOf('Если срыв'));

  it('are found where they were', () => {
    expect(findTextPoint(text, point)).toBe(point.offset);
  });

  it('are found by their context when the text moved', () => {
    const moved = `Вступление. ${text}`;
    expect(findTextPoint(moved, point)).toBe(point.offset + 'Вступление. '.length);
  });

  it('are found by one side of their context when the other changed', () => {
    const changedAfter = text.replace('Если срыв наступит', 'Когда срыв наступит');
    expect(findTextPoint(changedAfter, point)).toBe(point.offset);
    const changedBefore = text.replace('еще воевать', 'воевать');
    expect(findTextPoint(changedBefore, point)).toBe(point.offset - 4);
  });

  it('are lost when both sides changed', () => {
    expect(findTextPoint('Совсем другой текст.', point)).toBeNull();
  });

  it('are refused outside the text', () => {
    expect(() => describeTextPoint(text, -1)).toThrow(RangeError);
    expect(() => describeTextPoint(text, text.length + 1)).toThrow(RangeError);
  });
});
