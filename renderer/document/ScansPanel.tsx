/**
 * The scans of a document as thumbnails in page order: which sheet each shows, moved up and
 * down, reassigned to another sheet, or removed (with undo).
 *
 * Built for documents of hundreds of sheets and scans. Every scan has its row (an `<li>` with
 * its name), but in a large list (over {@link EAGER_OPTIONS} sheet options in all):
 * - only the rows on screen or near it are rendered in full (thumbnail, sheet chooser,
 *   buttons); the others are their name beside a blank of the thumbnail's size, so the list
 *   keeps its height and scrolls as before. The 300 full rows of a 300-scan document made every
 *   sheet turn relay, pre-paint and repaint the whole list (a trace of three turns: 0.4 s in
 *   pre-paint and 0.16 s in layout, against 0.12 s and 0.04 s with the Annotations tab);
 * - a row's sheet chooser lists every sheet only once it is used (pointed at, focused, touched):
 *   300 rows each listing 300 sheets made 90,000 `<option>`s, and every sheet turn cost twice as
 *   much in style and layout while the list was showing.
 * A small list renders every row, with every option, from the start. Rows are memoised, so a
 * sheet turn (which re-renders the document screen) does not re-render them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { moveScan, reassignScan, removeScan, restoreScan, scansInOrder } from '../db/scan-store';
import type { ScanRecord } from '../db/records';
import { useWorkspace } from '../workspace';

interface Props {
  documentId: string;
  sheetLabels: readonly string[];
  onAddScans: () => void;
  onShowSheet: (index: number) => void;
}

/** Up to this many `<option>`s over all the rows, the list is rendered in full from the start. */
const EAGER_OPTIONS = 2000;
/** How far above and below the list's visible part a large list renders its rows in full, in pixels. */
const OVERSCAN = 600;
/** How many rows a large list renders in full before it has measured itself. */
const FIRST_ROWS = 12;

/** Which rows of a large list are on screen or within {@link OVERSCAN} of it; null for a small list. */
function useRowsInView(list: RefObject<HTMLOListElement | null>, count: number, large: boolean): { first: number; last: number } | null {
  const [rows, setRows] = useState({ first: 0, last: FIRST_ROWS - 1 });
  useEffect(() => {
    const element = list.current;
    if (!large || !element) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const items = element.children;
      const top = items[0] as HTMLElement | undefined;
      const bottom = items[items.length - 1] as HTMLElement | undefined;
      if (!top || !bottom) return;
      // Rows are about the same height (the thumbnail's); the average pitch places them.
      const pitch = items.length > 1 ? (bottom.offsetTop - top.offsetTop) / (items.length - 1) : top.offsetHeight;
      if (!(pitch > 0)) return;
      const first = Math.max(0, Math.floor((element.scrollTop - OVERSCAN) / pitch));
      const last = Math.min(count - 1, Math.ceil((element.scrollTop + element.clientHeight + OVERSCAN) / pitch));
      setRows((shown) => (shown.first === first && shown.last === last ? shown : { first, last }));
    };
    const later = () => {
      frame ||= requestAnimationFrame(measure);
    };
    measure();
    element.addEventListener('scroll', later, { passive: true });
    const resized = new ResizeObserver(later);
    resized.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      element.removeEventListener('scroll', later);
      resized.disconnect();
    };
  }, [list, count, large]);
  return large ? rows : null;
}

export function ScansPanel({ documentId, sheetLabels, onAddScans, onShowSheet }: Props) {
  const { db, undoStack, notify } = useWorkspace();
  const scans = useLiveQuery(() => scansInOrder(db, documentId), [documentId]) ?? [];
  const eager = scans.length * sheetLabels.length <= EAGER_OPTIONS;
  const listRef = useRef<HTMLOListElement>(null);
  const inView = useRowsInView(listRef, scans.length, !eager);
  // The row holding the focus stays whole wherever the list is scrolled, so the focus stays too.
  const [focusedRow, setFocusedRow] = useState<number | null>(null);

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
      <ol
        ref={listRef}
        className="scan-list"
        onFocus={(e) => {
          const row = (e.target as HTMLElement).closest<HTMLElement>('li[data-index]');
          if (row) setFocusedRow(Number(row.dataset.index));
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusedRow(null);
        }}
      >
        {scans.map((scan, i) =>
          inView && (i < inView.first || i > inView.last) && i !== focusedRow ? (
            <FarRow key={scan.id} scan={scan} index={i} />
          ) : (
            <ScanRow
              key={scan.id}
              scan={scan}
              index={i}
              last={i === scans.length - 1}
              eager={eager}
              sheetLabels={sheetLabels}
              onShowSheet={onShowSheet}
              onReassign={reassign}
              onMove={move}
              onRemove={remove}
            />
          ),
        )}
      </ol>
    </section>
  );
}

interface RowProps {
  scan: ScanRecord;
  index: number;
  last: boolean;
  /** A small list: every chooser lists every sheet from the start. */
  eager: boolean;
  sheetLabels: readonly string[];
  onShowSheet: (index: number) => void;
  onReassign: (scan: ScanRecord, sheet: number) => void;
  onMove: (scan: ScanRecord, by: -1 | 1) => void;
  onRemove: (scan: ScanRecord) => Promise<void>;
}

const ScanRow = memo(function ScanRow({ scan, index, last, eager, sheetLabels, onShowSheet, onReassign, onMove, onRemove }: RowProps) {
  const name = describe(scan);
  return (
    <li className="scan-item" data-scan-id={scan.id} data-index={index}>
      <button type="button" className="scan-thumb" onClick={() => onShowSheet(scan.sheetIndex)} title="Show this sheet">
        <Thumbnail scan={scan} />
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

/** A row of a large list far from view: its name, beside a blank of its thumbnail's size. */
const FarRow = memo(function FarRow({ scan, index }: { scan: ScanRecord; index: number }) {
  return (
    <li className="scan-item" data-scan-id={scan.id} data-index={index}>
      <span className="scan-thumb">
        <ThumbnailPlace scan={scan} />
      </span>
      <div className="scan-info">
        <span className="scan-name">{describe(scan)}</span>
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
