/**
 * The scans of a document as thumbnails in page order: which sheet each shows, moved up and
 * down, reassigned to another sheet, or removed (with undo).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { moveScan, reassignScan, removeScan, restoreScan, scansInOrder } from '../db/scan-store';
import type { ScanRecord } from '../db/records';
import { useWorkspace } from '../workspace';

interface Props {
  documentId: string;
  sheetLabels: readonly string[];
  onAddScans: () => void;
  onShowSheet: (index: number) => void;
}

export function ScansPanel({ documentId, sheetLabels, onAddScans, onShowSheet }: Props) {
  const { db, undoStack, notify } = useWorkspace();
  const scans = useLiveQuery(() => scansInOrder(db, documentId), [documentId]) ?? [];

  async function remove(scan: ScanRecord): Promise<void> {
    const removed = await removeScan(db, scan.id);
    if (!removed) return;
    undoStack.push({ label: 'Remove scan', undo: () => restoreScan(db, removed) });
    notify(`Removed the scan “${describe(scan)}”.`, { label: 'Undo', run: () => void undoStack.undo() });
  }

  return (
    <section className="scans-panel" aria-label="Scans of this document">
      <header className="scans-panel-head">
        <h2>Scans</h2>
        <button type="button" onClick={onAddScans} title="Add page images or PDFs (Ctrl+Shift+O)">
          Add scans…
        </button>
        <p className="hint">Or drop images and PDFs on the window.</p>
      </header>
      <ol className="scan-list">
        {scans.map((scan, i) => (
          <li key={scan.id} className="scan-item" data-scan-id={scan.id}>
            <button type="button" className="scan-thumb" onClick={() => onShowSheet(scan.sheetIndex)} title="Show this sheet">
              <Thumbnail scan={scan} />
            </button>
            <div className="scan-info">
              <span className="scan-name">{describe(scan)}</span>
              {scan.generated && <span className="generated-note">generated facsimile</span>}
              <label>
                Sheet
                <select
                  aria-label={`Sheet shown by ${describe(scan)}`}
                  value={scan.sheetIndex}
                  onChange={(e) => void reassignScan(db, scan.id, Number(e.target.value))}
                >
                  {sheetLabels.map((label, index) => (
                    <option key={index} value={index}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <div className="scan-actions">
                <button type="button" aria-label={`Move ${describe(scan)} up`} disabled={i === 0} onClick={() => void moveScan(db, scan.id, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${describe(scan)} down`}
                  disabled={i === scans.length - 1}
                  onClick={() => void moveScan(db, scan.id, 1)}
                >
                  ↓
                </button>
                <button type="button" className="danger" aria-label={`Remove ${describe(scan)}`} onClick={() => void remove(scan)}>
                  Remove
                </button>
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function describe(scan: ScanRecord): string {
  return scan.pageNumber > 1 || /\.pdf$/i.test(scan.sourceName) ? `${scan.sourceName}, page ${scan.pageNumber}` : scan.sourceName;
}

function Thumbnail({ scan }: { scan: ScanRecord }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(scan.thumbnail ?? scan.blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [scan.thumbnail, scan.blob]);
  return url ? <img src={url} alt={`Thumbnail of ${describe(scan)}`} width={96} /> : null;
}
