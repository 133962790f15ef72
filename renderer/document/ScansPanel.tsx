/**
 * The scans of a document as thumbnails in page order: which sheet each shows, moved up and
 * down, reassigned to another sheet, or removed (with undo).
 *
 * Built for documents of hundreds of sheets and scans: every scan has its row, but
 * - a row's sheet chooser lists every sheet only once it is used (pointed at, focused, touched):
 *   300 rows each listing 300 sheets made 90,000 `<option>`s, and every sheet turn then cost
 *   twice as much in style and layout while the list was showing. In a small document (up to
 *   {@link EAGER_OPTIONS} options in all) every chooser lists every sheet from the start;
 * - thumbnails are rendered only for the rows on screen or near it, so the list holds some
 *   dozen decoded pictures rather than one for every row it has ever shown;
 * - rows are memoised, so a sheet turn (which re-renders the document screen) does not
 *   re-render them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { moveScan, reassignScan, removeScan, restoreScan, scansInOrder } from '../db/scan-store';
import type { ScanRecord } from '../db/records';
import { useNearView } from '../viewer/use-near-view';
import { useWorkspace } from '../workspace';

interface Props {
  documentId: string;
  sheetLabels: readonly string[];
  onAddScans: () => void;
  onShowSheet: (index: number) => void;
}

/** Up to this many `<option>`s over all the rows, every chooser lists every sheet from the start. */
const EAGER_OPTIONS = 2000;
/** How far beyond the list's visible part rows render their thumbnails. */
const NEAR_MARGIN = '600px 0px';

export function ScansPanel({ documentId, sheetLabels, onAddScans, onShowSheet }: Props) {
  const { db, undoStack, notify } = useWorkspace();
  const scans = useLiveQuery(() => scansInOrder(db, documentId), [documentId]) ?? [];
  const listRef = useRef<HTMLOListElement>(null);
  const near = useNearView(listRef, scans.length, NEAR_MARGIN);
  const eager = scans.length * sheetLabels.length <= EAGER_OPTIONS;

  const remove = useCallback(
    async (scan: ScanRecord): Promise<void> => {
      const removed = await removeScan(db, scan.id);
      if (!removed) return;
      undoStack.push({ label: 'Remove scan', undo: () => restoreScan(db, removed) });
      notify(`Removed the scan “${describe(scan)}”.`, { label: 'Undo', run: () => void undoStack.undo() });
    },
    [db, undoStack, notify],
  );
  const reassign = useCallback((scan: ScanRecord, sheet: number) => void reassignScan(db, scan.id, sheet), [db]);
  const move = useCallback((scan: ScanRecord, by: -1 | 1) => void moveScan(db, scan.id, by), [db]);

  return (
    <section className="scans-panel" aria-label="Scans of this document">
      <header className="scans-panel-head">
        <h2>Scans</h2>
        <button type="button" onClick={onAddScans} title="Add page images or PDFs (Ctrl+Shift+O)">
          Add scans…
        </button>
        <p className="hint">Or drop images and PDFs on the window.</p>
      </header>
      <ol ref={listRef} className="scan-list">
        {scans.map((scan, i) => (
          <ScanRow
            key={scan.id}
            scan={scan}
            index={i}
            last={i === scans.length - 1}
            near={near.has(i)}
            eager={eager}
            sheetLabels={sheetLabels}
            onShowSheet={onShowSheet}
            onReassign={reassign}
            onMove={move}
            onRemove={remove}
          />
        ))}
      </ol>
    </section>
  );
}

interface RowProps {
  scan: ScanRecord;
  index: number;
  last: boolean;
  /** On screen or near it: render the thumbnail. */
  near: boolean;
  /** List every sheet in the chooser from the start. */
  eager: boolean;
  sheetLabels: readonly string[];
  onShowSheet: (index: number) => void;
  onReassign: (scan: ScanRecord, sheet: number) => void;
  onMove: (scan: ScanRecord, by: -1 | 1) => void;
  onRemove: (scan: ScanRecord) => Promise<void>;
}

const ScanRow = memo(function ScanRow({ scan, index, last, near, eager, sheetLabels, onShowSheet, onReassign, onMove, onRemove }: RowProps) {
  const name = describe(scan);
  return (
    <li className="scan-item" data-scan-id={scan.id} data-index={index}>
      <button type="button" className="scan-thumb" onClick={() => onShowSheet(scan.sheetIndex)} title="Show this sheet">
        {near ? <Thumbnail scan={scan} /> : <ThumbnailPlace scan={scan} />}
      </button>
      <div className="scan-info">
        <span className="scan-name">{name}</span>
        {scan.generated && <span className="generated-note">generated facsimile</span>}
        <label>
          Sheet
          <SheetChooser label={`Sheet shown by ${name}`} value={scan.sheetIndex} sheetLabels={sheetLabels} eager={eager} onChoose={(sheet) => onReassign(scan, sheet)} />
        </label>
        <div className="scan-actions">
          <button type="button" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(scan, -1)}>
            ↑
          </button>
          <button type="button" aria-label={`Move ${name} down`} disabled={last} onClick={() => onMove(scan, 1)}>
            ↓
          </button>
          <button type="button" className="danger" aria-label={`Remove ${name}`} onClick={() => void onRemove(scan)}>
            Remove
          </button>
        </div>
      </div>
    </li>
  );
});

interface ChooserProps {
  label: string;
  value: number;
  sheetLabels: readonly string[];
  eager: boolean;
  onChoose: (sheet: number) => void;
}

/**
 * A `<select>` of the document's sheets. Unless `eager`, it holds only the chosen sheet until
 * it is used: pointing at it, focusing it (the keyboard) or touching it fills in the others
 * before the list can open or the arrow keys move, and leaving it empties it again.
 */
function SheetChooser({ label, value, sheetLabels, eager, onChoose }: ChooserProps) {
  const [inUse, setInUse] = useState(false);
  const focused = useRef(false);
  const full = eager || inUse;
  const use = () => setInUse(true);
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChoose(Number(e.target.value))}
      onPointerEnter={use}
      onPointerDown={use}
      onFocus={() => {
        focused.current = true;
        use();
      }}
      onBlur={() => {
        focused.current = false;
        setInUse(false);
      }}
      onPointerLeave={() => {
        if (!focused.current) setInUse(false);
      }}
    >
      {full ? (
        sheetLabels.map((sheet, index) => (
          <option key={index} value={index}>
            {sheet}
          </option>
        ))
      ) : (
        <option value={value}>{sheetLabels[value] ?? `Sheet ${value + 1}`}</option>
      )}
    </select>
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
  // Both dimensions, so the row has its height before the picture loads.
  return url ? <img src={url} alt={`Thumbnail of ${describe(scan)}`} width={96} height={Math.round((96 * scan.height) / scan.width) || undefined} /> : <ThumbnailPlace scan={scan} />;
}

/** A thumbnail's place, of its size, before (or instead of) the picture: the row keeps its height. */
function ThumbnailPlace({ scan }: { scan: ScanRecord }) {
  const aspectRatio = scan.width > 0 && scan.height > 0 ? `${scan.width} / ${scan.height}` : undefined;
  return <span style={{ display: 'block', width: 72, aspectRatio }} />;
}
