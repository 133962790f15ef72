/**
 * Properties of segmentation on generated text (seeded, so every run sees the same corpus):
 * segments cover every non-space character of the text exactly once, never cross a paragraph,
 * are trimmed, ordered, measured in the TextIndex plain text, and have distinct ids — with and
 * without the translator's splits and joins laid over them.
 */
import { describe, expect, it } from 'vitest';

/** Generous: the machine these run on may be busy with other work. */
const TIMEOUT = 120_000;
import { TextIndex } from '../anchoring/text-index';
import type { SheetText } from '../document-metadata';
import { seededRandom, type Random } from '../seeded-random';
import { transcriptionFromSheets } from '../transcription/schema';
import { addJoin, addSplit, applyOverrides, NO_OVERRIDES, type SegmentationOverrides } from './overrides';
import { plainTextParagraphs, segmentText, segmentTranscription, transcriptionParagraphs, type ParagraphRange, type Segment } from './segment';

const PIECES = [
  'переговоры', 'противника', 'Корее', 'Кореи', 'войск', 'вопрос', 'мы', 'и', 'в', 'на', 'Мао', 'Цзэ-дун', 'Ким', 'Ир', 'Сен',
  'тов.', 'т.е.', 'т.д.', 'и др.', 'г.', 'гг.', 'в.', 'см.', 'сл.', 'стр.', 'ст.', 'им.', '№', '№ 22054', 'И.В.', 'И.', 'В.',
  '1.', '2.', 'IV', 'IV.', '03.15.21.7', '20.07.1951', '3.5', '38', 'Mr.', 'Dr.', 'U.S.', 'e.g.', 'No.', 'J.', 'the', 'The',
  'talks', 'enemy', '.', '.', '.', '!', '?', '...', '…', '«', '»', '(', ')', '"', '—', ':', ';', ',', ',', '\t', '。', '我们',
];

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function paragraphText(random: Random): string {
  const n = Math.floor(random() * 40);
  let out = '';
  for (let i = 0; i < n; i++) {
    const r = random();
    const sep = r < 0.05 ? '\n' : r < 0.08 ? '  ' : r < 0.1 ? '' : ' ';
    out += (i > 0 ? sep : '') + pick(random, PIECES);
  }
  // Sometimes white space at either end, or nothing but white space.
  if (random() < 0.1) out = ` ${out}`;
  if (random() < 0.1) out = `${out} `;
  if (random() < 0.05) out = '   ';
  return out;
}

function sheets(random: Random): SheetText[] {
  const count = 1 + Math.floor(random() * 3);
  return Array.from({ length: count }, (_, i) => ({
    label: `Sheet ${i + 1}`,
    numberAsWritten: '',
    paragraphs: Array.from({ length: 1 + Math.floor(random() * 5) }, () => paragraphText(random)),
  }));
}

/** Every broken property of a segmentation of `text` whose paragraphs are `paragraphs` (checked without `expect`, for speed). */
function segmentationFaults(text: string, paragraphs: readonly ParagraphRange[], segments: readonly Segment[]): string[] {
  const faults: string[] = [];
  const covered = new Uint8Array(text.length);
  let previousEnd = -1;
  for (const s of segments) {
    const name = `segment ${JSON.stringify(s.text)} [${s.start}, ${s.end})`;
    if (!(s.start < s.end)) faults.push(`${name} is empty`);
    if (s.start < previousEnd) faults.push(`${name} overlaps the one before`);
    previousEnd = s.end;
    if (s.text !== text.slice(s.start, s.end)) faults.push(`${name} is not the text at its offsets`);
    if (s.text !== s.text.trim()) faults.push(`${name} is not trimmed`);
    const p = paragraphs.find((q) => q.sheetIndex === s.sheetIndex && q.paragraphIndex === s.paragraphIndex);
    if (!p) faults.push(`${name} names no paragraph`);
    else if (s.start < p.start || s.end > p.end) faults.push(`${name} crosses its paragraph [${p.start}, ${p.end})`);
    for (let i = s.start; i < s.end; i++) covered[i] = covered[i]! + 1;
  }
  for (const p of paragraphs) {
    for (let i = p.start; i < p.end; i++) {
      if (covered[i] !== 1 && !/\s/u.test(text[i]!)) {
        faults.push(`character ${i} (${JSON.stringify(text[i])}) of ${JSON.stringify(text.slice(p.start, p.end))} is in ${covered[i]} segments`);
      }
    }
  }
  if (new Set(segments.map((s) => s.id)).size !== segments.length) faults.push('two segments share an id');
  return faults;
}

function checkSegmentation(text: string, paragraphs: readonly ParagraphRange[], segments: readonly Segment[]): void {
  const faults = segmentationFaults(text, paragraphs, segments);
  if (faults.length > 0) expect(faults).toEqual([]);
}

describe('segmentation properties on generated transcriptions', () => {
  const random = seededRandom(20_07_1951);
  const corpus = Array.from({ length: 100 }, () => transcriptionFromSheets(sheets(random)));

  it('covers every non-space character once, within its paragraph, in TextIndex offsets', () => {
    for (const doc of corpus) {
      const { text, paragraphs } = transcriptionParagraphs(doc);
      expect(text).toBe(TextIndex.fromDoc(doc).text);
      for (const language of ['ru', 'en']) checkSegmentation(text, paragraphs, segmentTranscription(doc, { language }));
    }
  }, TIMEOUT);

  it('segments each paragraph as it would be segmented alone', () => {
    for (const doc of corpus.slice(0, 40)) {
      const { text, paragraphs } = transcriptionParagraphs(doc);
      const segments = segmentTranscription(doc, { language: 'ru' });
      for (const p of paragraphs) {
        const alone = segmentText(text.slice(p.start, p.end), 'ru').map((s) => [s.start + p.start, s.end + p.start]);
        const inDoc = segments.filter((s) => s.sheetIndex === p.sheetIndex && s.paragraphIndex === p.paragraphIndex).map((s) => [s.start, s.end]);
        expect(inDoc).toEqual(alone);
      }
    }
  }, TIMEOUT);

  it('keeps every property with random splits and joins laid over it', () => {
    const r = seededRandom(1951);
    for (const doc of corpus) {
      const { text, paragraphs } = transcriptionParagraphs(doc);
      let segments = segmentTranscription(doc, { language: 'ru' });
      let overrides: SegmentationOverrides = NO_OVERRIDES;
      for (let step = 0; step < 6; step++) {
        if (segments.length > 1 && r() < 0.5) {
          const i = Math.floor(r() * (segments.length - 1));
          const a = segments[i]!;
          const b = segments[i + 1]!;
          if (a.sheetIndex !== b.sheetIndex || a.paragraphIndex !== b.paragraphIndex) {
            expect(() => addJoin(overrides, text, segments, i)).toThrow(RangeError);
            continue;
          }
          overrides = addJoin(overrides, text, segments, i);
          segments = applyOverrides(segmentTranscription(doc, { language: 'ru' }), overrides, text);
          expect(segments.some((s) => s.start === a.start && s.end === b.end)).toBe(true);
        } else if (text.length > 0) {
          const at = Math.floor(r() * text.length);
          overrides = addSplit(overrides, text, segments, at);
          segments = applyOverrides(segmentTranscription(doc, { language: 'ru' }), overrides, text);
          let point = at;
          while (point < text.length && /\s/u.test(text[point]!)) point++;
          // The point is now a segment's start, or outside every segment (white space, a paragraph's end).
          expect(segments.some((s) => s.start < point && point < s.end)).toBe(false);
        }
        checkSegmentation(text, paragraphs, segments);
      }
    }
  }, TIMEOUT);
});

describe('segmentation properties on generated plain strings', () => {
  it('covers every non-space character once, within its paragraph', () => {
    const random = seededRandom(22054);
    for (let n = 0; n < 150; n++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 5) }, () => paragraphText(random));
      const text = parts.join(random() < 0.2 ? '\n\f' : '\n\n');
      checkSegmentation(text, plainTextParagraphs(text), segmentText(text, pick(random, ['ru', 'en', 'zh'])));
    }
  }, TIMEOUT);
});
