/**
 * The library's documents, one button each, windowed (@tanstack/react-virtual): only the
 * documents in and near view are in the DOM, each measured once drawn. With 1,000 documents
 * drawn at once, every keystroke in the transcription editor had Blink redo the sidebar's
 * compositing inputs twice a frame (docs/benchmarks.md).
 *
 * What windowing would take away is kept: the open document and the one holding the focus stay
 * mounted wherever they are; Tab moves through the documents as before (those just out of view
 * are drawn); the open document is scrolled into view when another is opened; each item tells a
 * screen reader its place in the whole list (aria-posinset of aria-setsize). Arrow keys, Home and
 * End move between the documents, which Tab alone makes slow in a long library.
 */
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { DocumentRecord } from '../db/records';
import { useWindowedList, WindowedRows } from '../ui/windowing';

interface Props {
  documents: readonly DocumentRecord[];
  openId: string | null;
  onOpen: (id: string) => void;
}

/** The height of a document whose title fits on one line, before it is measured. */
const ESTIMATED_ITEM_HEIGHT = 58;

export function DocumentList({ documents, openId, onOpen }: Props) {
  const { scrollRef, virtualizer, indexOf, onFocus, setFocusedId } = useWindowedList({
    items: documents,
    openId,
    estimateSize: () => ESTIMATED_ITEM_HEIGHT,
    overscan: 4,
  });
  /** A document the arrow keys moved to: focused once it is drawn. */
  const focusRequest = useRef<string | null>(null);

  // The open document in view when it changes (opened from a cross-reference, an import, at start).
  const shownOpen = useRef<string | null>(null);
  const openIndex = openId === null ? undefined : indexOf.get(openId);
  useEffect(() => {
    if (openIndex === undefined || openId === shownOpen.current) return;
    shownOpen.current = openId;
    virtualizer.scrollToIndex(openIndex, { align: 'auto' });
  }, [openId, openIndex, virtualizer]);

  useLayoutEffect(() => {
    const id = focusRequest.current;
    if (id === null) return;
    const index = indexOf.get(id);
    const button = scrollRef.current?.querySelector<HTMLElement>(`.library-item[data-document-id="${CSS.escape(id)}"]`);
    if (!button || index === undefined) return;
    focusRequest.current = null;
    button.focus({ preventScroll: true });
    virtualizer.scrollToIndex(index, { align: 'auto' });
  });

  function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
    const from = indexOf.get((event.target as Element).closest('.library-item')?.getAttribute('data-document-id') ?? '');
    if (from === undefined) return;
    const last = documents.length - 1;
    const to =
      event.key === 'ArrowDown' ? Math.min(last, from + 1) : event.key === 'ArrowUp' ? Math.max(0, from - 1) : event.key === 'Home' ? 0 : event.key === 'End' ? last : null;
    if (to === null) return;
    event.preventDefault();
    const id = documents[to]!.id;
    focusRequest.current = id;
    setFocusedId(id);
  }

  return (
    <div className="library-list-window" ref={scrollRef} onKeyDown={moveFocus} onFocus={onFocus}>
      <ul className="library-list" style={{ height: virtualizer.getTotalSize() }}>
        <WindowedRows
          virtualizer={virtualizer}
          count={documents.length}
          render={(i) => {
            const d = documents[i]!;
            return (
              <button
                type="button"
                className="library-item"
                data-document-id={d.id}
                aria-current={d.id === openId ? 'true' : undefined}
                onClick={() => onOpen(d.id)}
              >
                <span className="library-title">{d.title}</span>
                <span className="library-meta">
                  {d.dateAsWritten || d.dateIso || 'undated'} · {d.sheetCount} {d.sheetCount === 1 ? 'sheet' : 'sheets'}
                </span>
              </button>
            );
          }}
        />
      </ul>
    </div>
  );
}
