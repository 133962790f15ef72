import { describe, expect, it } from 'vitest';
import { translationProgress } from '../../shared/translation/progress';
import { segmentText } from '../../shared/translation/segment';
import { translationOf } from '../../shared/translation/test-fixtures';
import { progressSummary, statusCounts } from './progress-text';

const text = 'Товарищу Филиппову. Сегодня тов. Ли Кэ-нун сообщил мне следующее. Конец телеграммы.';
const segments = segmentText(text, 'ru');

describe('progress in words', () => {
  it('counts every status but untranslated as translated', () => {
    const translations = [
      translationOf(text, segments[0]!, 'To Comrade Filippov.', { status: 'reviewed' }),
      translationOf(text, segments[1]!, 'Today Comrade Li Kenong told me the following.', { status: 'draft' }),
    ];
    const progress = translationProgress(segments, translations);
    expect(progressSummary(progress)).toBe('2 of 3 segments · 9 of 11 words translated');
    expect(statusCounts(progress).map((c) => c.text)).toEqual(['Untranslated 1 (2 words)', 'Draft 1 (7 words)', 'Reviewed 1 (2 words)', 'Final 0 (0 words)']);
  });

  it('writes thousands with a separator', () => {
    const long = Array.from({ length: 1200 }, (_, i) => `Слово${i}.`).join(' ');
    const many = segmentText(long, 'ru');
    expect(progressSummary(translationProgress(many, []))).toBe('0 of 1,200 segments · 0 of 1,200 words translated');
  });
});
