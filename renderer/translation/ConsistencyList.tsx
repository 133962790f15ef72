/**
 * The glossary check: segments whose chosen rendering lacks an entry's preferred rendering or
 * uses a forbidden one (shared/glossary/consistency.ts); each entry moves to its segment.
 */
import type { ConsistencyIssue } from '../../shared/glossary/consistency';
import type { Glossary } from '../../shared/glossary/types';

interface Props {
  issues: readonly ConsistencyIssue[];
  glossary: Glossary | undefined;
  /** The 1-based number of each segment, by id. */
  numbers: ReadonlyMap<string, number>;
  onGo: (segmentId: string) => void;
}

export function ConsistencyList({ issues, glossary, numbers, onGo }: Props) {
  const entries = glossary?.entries.length ?? 0;
  const title =
    entries === 0
      ? 'Glossary check: the glossary is empty'
      : issues.length === 0
        ? 'Glossary check: no issues'
        : `Glossary check: ${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}`;
  return (
    <details className="tw-consistency">
      <summary>{title}</summary>
      {issues.length > 0 && (
        <ul className="tw-issues" aria-label="Glossary issues">
          {issues.map((issue, i) => (
            <li key={`${issue.segmentId}-${issue.entryId}-${issue.kind}-${i}`} className={`tw-issue ${issue.kind}`}>
              <button type="button" onClick={() => onGo(issue.segmentId)}>
                <span className="tw-issue-segment">Segment {numbers.get(issue.segmentId) ?? '?'}</span>{' '}
                <span lang="ru">“{issue.term.text}”</span>:{' '}
                {issue.kind === 'missing-preferred' ? (
                  <>the draft lacks “{issue.rendering}”</>
                ) : (
                  <>the draft uses “{issue.found?.text ?? issue.rendering}”, which the glossary forbids</>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
