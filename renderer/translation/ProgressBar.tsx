/** The document's translation progress: how much is translated, per status, in a bar. */
import type { TranslationProgress } from '../../shared/translation/progress';
import { SEGMENT_STATUS_LABELS, type SegmentStatus } from '../../shared/translation/types';
import { progressSummary, statusCounts } from './progress-text';

/** The bar's order: the furthest along first. */
const BAR_ORDER: readonly SegmentStatus[] = ['final', 'reviewed', 'draft'];

export function ProgressBar({ progress }: { progress: TranslationProgress }) {
  const total = Math.max(1, progress.total.words);
  return (
    <div className="tw-progress" aria-label="Translation progress">
      <p className="tw-progress-summary" aria-live="polite">
        {progressSummary(progress)}
      </p>
      <div className="tw-progress-bar" aria-hidden="true">
        {BAR_ORDER.map((status) => (
          <span
            key={status}
            className={`tw-bar-part status-${status}`}
            style={{ width: `${(100 * progress.byStatus[status].words) / total}%` }}
            title={`${SEGMENT_STATUS_LABELS[status]}: ${progress.byStatus[status].words} words`}
          />
        ))}
      </div>
      <ul className="tw-status-counts" aria-label="Segments per status">
        {statusCounts(progress).map((count) => (
          <li key={count.status} className={`status-${count.status}`} data-status={count.status}>
            <span className="tw-swatch" aria-hidden="true" />
            {count.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
