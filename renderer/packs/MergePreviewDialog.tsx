/**
 * What opening a pack would change, before anything changes: its documents and annotations that
 * are new, updated, unchanged or in conflict, by author. Merge applies it all in one step;
 * Cancel leaves the library as it is.
 */
import { Dialog } from '../ui/Dialog';

export type ItemStatus = 'new' | 'updated' | 'unchanged' | 'conflict';

export interface MergePreview {
  /** What is being merged, in words: "Pack from Anna Petrova, made 3 March 2026". */
  source: string;
  documents: ReadonlyArray<{ title: string; status: ItemStatus }>;
  byAuthor: ReadonlyArray<{ name: string } & Record<ItemStatus, number>>;
  warnings: readonly string[];
}

const STATUS_LABELS: Record<ItemStatus, string> = {
  new: 'New',
  updated: 'Updated',
  unchanged: 'Unchanged',
  conflict: 'In conflict',
};
const STATUSES: readonly ItemStatus[] = ['new', 'updated', 'unchanged', 'conflict'];

interface Props {
  preview: MergePreview;
  busy: boolean;
  onMerge: () => void;
  onClose: () => void;
}

export function MergePreviewDialog({ preview, busy, onMerge, onClose }: Props) {
  const changes = preview.documents.some((d) => d.status !== 'unchanged') || preview.byAuthor.some((a) => a.new + a.updated + a.conflict > 0);
  return (
    <Dialog title="Merge annotation pack" onClose={onClose}>
      <p className="merge-source">{preview.source}</p>
      <table className="merge-table" aria-label="Documents in the pack">
        <thead>
          <tr>
            <th>Document</th>
            <th>In this library</th>
          </tr>
        </thead>
        <tbody>
          {preview.documents.map((d, i) => (
            <tr key={i} className={`status-${d.status}`}>
              <td>{d.title}</td>
              <td>{STATUS_LABELS[d.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="merge-table" aria-label="Annotations by author">
        <thead>
          <tr>
            <th>Annotations by</th>
            {STATUSES.map((s) => (
              <th key={s}>{STATUS_LABELS[s]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.byAuthor.map((a) => (
            <tr key={a.name}>
              <td>{a.name}</td>
              {STATUSES.map((s) => (
                <td key={s} className={s === 'conflict' && a[s] > 0 ? 'has-conflicts' : undefined}>
                  {a[s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.byAuthor.some((a) => a.conflict > 0) && (
        <p className="hint">Annotations in conflict were edited both here and in the pack: both versions are kept, and the annotation is marked for you to choose.</p>
      )}
      {preview.warnings.length > 0 && (
        <ul className="merge-warnings">
          {preview.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {changes ? (
        <button type="button" className="primary" disabled={busy} onClick={onMerge}>
          {busy ? 'Merging…' : 'Merge into the library'}
        </button>
      ) : (
        <p className="hint">Everything in this pack is already in the library: merging it would change nothing.</p>
      )}
    </Dialog>
  );
}
