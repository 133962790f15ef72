/** The workbench's progress in words: "12 of 76 segments · 180 of 1,020 words translated". */
import type { TranslationProgress } from '../../shared/translation/progress';
import { SEGMENT_STATUSES, SEGMENT_STATUS_LABELS, type SegmentStatus } from '../../shared/translation/types';

const number = (n: number): string => n.toLocaleString('en-US');

/** How much is translated (any status but untranslated), in segments and source words. */
export function progressSummary(progress: TranslationProgress): string {
  const untranslated = progress.byStatus.untranslated;
  const segments = progress.total.segments - untranslated.segments;
  const words = progress.total.words - untranslated.words;
  return `${number(segments)} of ${number(progress.total.segments)} segments · ${number(words)} of ${number(progress.total.words)} words translated`;
}

/** Each status with its segments and words: "Draft 3 (41 words)". */
export function statusCounts(progress: TranslationProgress): Array<{ status: SegmentStatus; label: string; segments: number; words: number; text: string }> {
  return SEGMENT_STATUSES.map((status) => {
    const { segments, words } = progress.byStatus[status];
    return { status, label: SEGMENT_STATUS_LABELS[status], segments, words, text: `${SEGMENT_STATUS_LABELS[status]} ${number(segments)} (${number(words)} ${words === 1 ? 'word' : 'words'})` };
  });
}
