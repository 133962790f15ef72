/**
 * The history of the transcription: every saved change, newest first, with who made it, when
 * and what it was; any revision can be viewed (read-only, in place of the text) and restored.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { listRevisions, type RevisionRecord } from '../db/revision-store';
import { useWorkspace } from '../workspace';

interface Props {
  documentId: string;
  /** The revision shown in place of the current text, if any. */
  viewedNumber: number | null;
  /** Restoring waits while the transcription is being edited. */
  editing: boolean;
  onView: (revision: RevisionRecord) => void;
  onRestore: (revision: RevisionRecord) => void;
}

export function RevisionsPanel(props: Props) {
  const { db } = useWorkspace();
  const revisions = useLiveQuery(() => listRevisions(db, props.documentId), [db, props.documentId]);
  if (!revisions) return <p className="empty-hint">Loading the history…</p>;
  const current = revisions[0]?.number;
  return (
    <aside className="revisions-panel" aria-label="History of the transcription">
      <header className="panel-head">
        <h2>History</h2>
        <p className="panel-hint">Every saved change of the transcription. View one to read it as it was; restore it to make it current again.</p>
      </header>
      <ol className="revision-list">
        {revisions.map((revision) => (
          <li key={revision.id} className={`revision${revision.number === props.viewedNumber ? ' viewed' : ''}`} data-revision={revision.number}>
            <div className="revision-head">
              <strong>Revision {revision.number}</strong>
              {revision.number === current && <span className="badge">current</span>}
              <time dateTime={revision.modified}>{new Date(revision.modified).toLocaleString()}</time>
            </div>
            <p className="revision-who">{revision.creator.name}</p>
            <p className="revision-summary">{revision.summary}</p>
            {revision.number !== current && (
              <div className="revision-actions">
                <button type="button" onClick={() => props.onView(revision)}>
                  View
                </button>
                <button
                  type="button"
                  disabled={props.editing}
                  title={props.editing ? 'Finish editing first' : 'Make this the current text (kept as a new revision)'}
                  onClick={() => props.onRestore(revision)}
                >
                  Restore
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
