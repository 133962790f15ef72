/**
 * Segment translations are ordinary translation annotations: after the transcription is
 * corrected, each is found again by its quote (as every annotation is) and still belongs to its
 * segment of the corrected text, with the same status; progress is unchanged.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isTextTarget } from '../annotation';
import { reanchorTextQuote } from '../anchoring/reanchor';
import { parseWilsonCenterText } from '../importers/wilson-center';
import { transcriptionFromSheets } from '../transcription/schema';
import { translationProgress } from './progress';
import { segmentTranscription, transcriptionParagraphs, type Segment } from './segment';
import { translationOf } from './test-fixtures';
import type { SegmentStatus, WorkbenchTranslation } from './types';

const source = readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');

function segmented(text: string): { text: string; segments: Segment[] } {
  const doc = transcriptionFromSheets(parseWilsonCenterText(text).sheets);
  return { text: transcriptionParagraphs(doc).text, segments: segmentTranscription(doc) };
}

describe('segment translations after the transcription is corrected', () => {
  const before = segmented(source);
  // A note typed before a sentence, a misspelt name corrected inside one, a word replaced in a third.
  const corrected = source
    .replace('Исходя из беседы Кенана', 'ВАЖНО. Исходя из беседы Кеннана')
    .replace('пошататься ценой кризиса', 'поплатиться ценой кризиса');
  const after = segmented(corrected);

  const chosen: Array<{ opening: string; english: string; status: SegmentStatus }> = [
    { opening: 'Исходя из беседы', english: 'Judging by the Kennan–Malik conversation…', status: 'reviewed' },
    { opening: 'Так называемые мирные переговоры', english: 'The so-called peace talks are an empty phrase.', status: 'draft' },
    { opening: 'ШИФРТЕЛЕГРАММА', english: 'CIPHERED TELEGRAM No. 22054', status: 'final' },
  ];
  const segmentStarting = (segments: Segment[], opening: string): Segment => segments.find((s) => s.text.startsWith(opening))!;
  const translations: WorkbenchTranslation[] = chosen.map(({ opening, english, status }) =>
    translationOf(before.text, segmentStarting(before.segments, opening), english, { status }),
  );

  it('are found again in the corrected text, each in its own segment, with its status', () => {
    const reanchored = translations.map((t, i) => {
      if (!isTextTarget(t.target)) throw new Error('not on words');
      const found = reanchorTextQuote(after.text, t.target.quote, t.target.position);
      expect(found, t.target.quote.exact).not.toBeNull();
      return translationOf(after.text, found!, chosen[i]!.english, { id: t.id, status: chosen[i]!.status });
    });
    const progress = translationProgress(after.segments, reanchored);
    for (const [i, { opening, status }] of chosen.entries()) {
      const segment = segmentStarting(after.segments, opening);
      const counted = progress.segments.find((s) => s.segmentId === segment.id)!;
      expect(counted.translationId, opening).toBe(reanchored[i]!.id);
      expect(counted.status).toBe(status);
    }
    expect(progress.total.segments).toBe(after.segments.length);
    expect(progress.byStatus.reviewed.segments + progress.byStatus.draft.segments + progress.byStatus.final.segments).toBe(3);
    // The corrected sentence is found fuzzily, and its match reaches out to its stored context,
    // taking in the "ВАЖНО. " typed just before it: it overlaps that new segment too, and still
    // belongs to its own (the larger overlap).
    expect(progress.spanning).toEqual([reanchored[0]!.id]);
    expect(progress.unassigned).toEqual([]);
  });

  it('the corrected words are in the segment’s source afterwards; the sentence typed before it is a segment of its own, untranslated', () => {
    expect(segmentStarting(after.segments, 'Исходя из беседы').text).toContain('беседы Кеннана с Маликом');
    expect(after.segments.map((s) => s.text)).toContain('ВАЖНО.');
    expect(after.segments).toHaveLength(before.segments.length + 1);
  });
});
