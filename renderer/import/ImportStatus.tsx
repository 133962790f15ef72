/** The progress of a running import, with Cancel, and the problems of a refused one. */
import { Dialog } from '../ui/Dialog';
import type { Imports } from './useImports';

export function ImportStatus({ imports }: { imports: Imports }) {
  const p = imports.progress;
  return (
    <>
      {imports.busy && (
        <div className="import-progress" role="status" aria-label="Import progress">
          <span className="import-progress-text">
            {p
              ? `Importing “${p.fileName}” (file ${p.fileIndex + 1} of ${p.fileCount})${p.pageCount > 1 ? ` — page ${p.page} of ${p.pageCount}` : ''}`
              : 'Importing…'}
          </span>
          <progress
            max={p ? p.fileCount * 1000 : undefined}
            value={p ? p.fileIndex * 1000 + Math.round((1000 * p.page) / Math.max(1, p.pageCount)) : undefined}
            aria-label="Imported so far"
          />
          {p && (
            <button type="button" onClick={imports.cancel}>
              Cancel
            </button>
          )}
        </div>
      )}
      {imports.problems.length > 0 && (
        <Dialog title="Nothing was imported" onClose={imports.dismissProblems}>
          <p>{imports.summary}</p>
          <ul className="import-problems">
            {imports.problems.map((problem, i) => (
              <li key={i}>{problem.message}</li>
            ))}
          </ul>
          <p>Your library is exactly as it was. Fix or leave out these files and import again.</p>
        </Dialog>
      )}
    </>
  );
}
