/**
 * A horizontal strip with one small picture per sheet, for finding a page by its look.
 *
 * Built for documents of hundreds of sheets: the strip is windowed (renderer/ui/windowing.tsx),
 * so only the sheets on screen or near it are in the DOM, with their pictures; the current sheet
 * and the one holding the focus are kept wherever they are. Drawn whole, 300 sheets' buttons and
 * pictures (and the observers that found which were near view) cost the page about 4 ms on every
 * key typed in the transcription beside it (docs/benchmarks.md). Each item tells a screen reader
 * its place among all the sheets; the arrow keys, Home and End move between every sheet.
 *
 * A picture is a bitmap the strip decodes (off the main thread) at the size it is shown, and
 * closes when the picture goes: an `<img>`, by contrast, leaves its decoded pixels in Chromium's
 * image cache after the element is gone (0.4 MiB a thumbnail, measured with a memory-infra dump:
 * the cache grew by one full-size and one half-size copy per sheet paged through), so a strip of
 * 300 sheets ended up holding all 300.
 *
 * A scan's stored `thumbnail` (a small JPEG) is what is shown; a scan stored before thumbnails
 * existed has only its full-size image, whose decoding costs tens of megabytes, so it is shown
 * only for the sheets nearest the current one, and the others show their label alone.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ScanRecord } from '../db/records';
import { useWindowedList, WindowedRows } from '../ui/windowing';
import './viewer.css';

/** One sheet as the strip shows it. */
export interface ThumbnailSheet {
  label: string;
  scan: ScanRecord | undefined;
}

/** The props of {@link ThumbnailStrip}. */
export interface ThumbnailStripProps {
  sheets: readonly ThumbnailSheet[];
  /** Index of the sheet on show. */
  current: number;
  onGo: (index: number) => void;
}

/** How many sheets either side of the current one may show a full-size scan as thumbnail. */
const FULL_SIZE_REACH = 1;
/** How many sheets beyond those in view are drawn each way (for scrolling). */
const OVERSCAN = 5;
/** An item's width before it is measured (`.thumbnail` in viewer.css), and the gap between items. */
const ITEM_WIDTH = 82;
const GAP = 6;
/** The box a picture fits in, in CSS pixels (`.thumbnail-picture` in viewer.css). */
const BOX = { width: 68, height: 88 };

/** The blob to draw for a drawn sheet's thumbnail, or null to show its label alone. */
function pictureFor(scan: ScanRecord | undefined, index: number, current: number): Blob | null {
  if (!scan) return null;
  if (scan.thumbnail) return scan.thumbnail;
  return Math.abs(index - current) <= FULL_SIZE_REACH ? scan.blob : null;
}

/** The sheet an arrow key, Home or End moves to from `from`, of `count`; null for other keys. */
function keyTarget(key: string, from: number, count: number): number | null {
  const last = count - 1;
  if (key === 'ArrowRight') return Math.min(last, from + 1);
  if (key === 'ArrowLeft') return Math.max(0, from - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return null;
}

/** A drawn sheet's item in the strip. */
function itemAt(strip: HTMLElement | null, index: number): HTMLElement | null {
  return strip?.querySelector<HTMLElement>(`li[data-index="${index}"]`) ?? null;
}

/** The thumbnail strip. */
export function ThumbnailStrip({ sheets, current, onGo }: ThumbnailStripProps) {
  // The windowed list wants ids: a sheet's is its index.
  const items = useMemo(() => sheets.map((sheet, i) => ({ id: String(i), sheet })), [sheets]);
  const { scrollRef, virtualizer, onFocus, setFocusedId } = useWindowedList({
    items,
    openId: String(current),
    estimateSize: () => ITEM_WIDTH,
    overscan: OVERSCAN,
    paddingStart: GAP,
    paddingEnd: GAP,
    gap: GAP,
    horizontal: true,
  });
  // The strip's one tab stop; the first sheet if `current` is out of range, so it stays reachable.
  const tabStop = current >= 0 && current < sheets.length ? current : 0;
  /** A sheet the arrow keys moved to: focused once it is drawn. */
  const focusRequest = useRef<number | null>(null);

  // Keep the current sheet (always drawn) in sight as the user pages with the keyboard or the navigator.
  useEffect(() => {
    itemAt(scrollRef.current, current)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current, scrollRef]);

  useLayoutEffect(() => {
    const index = focusRequest.current;
    if (index === null) return;
    const item = itemAt(scrollRef.current, index);
    if (!item) return;
    focusRequest.current = null;
    item.querySelector<HTMLElement>('button.thumbnail')?.focus({ preventScroll: true });
    item.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });

  // One tab stop for the whole strip, on the current sheet, rather than hundreds; Enter or Space goes there.
  function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
    const row = (event.target as Element).closest<HTMLElement>('li[data-index]');
    if (!row) return;
    const to = keyTarget(event.key, Number(row.dataset.index), sheets.length);
    if (to === null) return;
    event.preventDefault();
    focusRequest.current = to;
    setFocusedId(String(to));
  }

  return (
    <div className="thumbnail-strip-window" ref={scrollRef} onKeyDown={moveFocus} onFocus={onFocus}>
      <ol className="thumbnail-strip" aria-label="Sheet thumbnails" style={{ width: virtualizer.getTotalSize() }}>
        <WindowedRows
          virtualizer={virtualizer}
          count={sheets.length}
          render={(i) => {
            const sheet = sheets[i]!;
            const blob = pictureFor(sheet.scan, i, current);
            const isCurrent = i === current;
            return (
              <button
                type="button"
                className="thumbnail"
                aria-current={isCurrent ? 'page' : undefined}
                tabIndex={i === tabStop ? 0 : -1}
                onClick={() => onGo(i)}
              >
                {/* Hidden from assistive technology: the button's name is the sheet's label alone. */}
                <span className={`thumbnail-picture${blob || sheet.scan?.thumbnail ? '' : sheet.scan ? ' thumbnail-unshown' : ' thumbnail-none'}`} aria-hidden="true">
                  {blob && sheet.scan ? <Picture blob={blob} scan={sheet.scan} /> : sheet.scan ? null : 'No scan'}
                </span>
                <span className="thumbnail-label">{sheet.label}</span>
              </button>
            );
          }}
        />
      </ol>
    </div>
  );
}

/**
 * One sheet's picture: the blob decoded and scaled off the main thread to the device pixels it
 * is shown at (so it is drawn as it is, never rescaled or cached again), held by a
 * "bitmaprenderer" canvas, and let go of as soon as the picture leaves the strip.
 */
function Picture({ blob, scan }: { blob: Blob; scan: ScanRecord }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const aspect = scan.width > 0 && scan.height > 0 ? scan.width / scan.height : BOX.width / BOX.height;
  const cssWidth = Math.min(BOX.width, BOX.height * aspect);
  const cssHeight = cssWidth / aspect;

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(cssWidth * ratio));
    const height = Math.max(1, Math.round(cssHeight * ratio));
    let gone = false;
    let shown: ImageBitmapRenderingContext | null = null;
    createImageBitmap(blob, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' }).then(
      (bitmap) => {
        const context = gone ? null : canvas.getContext('bitmaprenderer');
        if (!context) {
          bitmap.close();
          return;
        }
        canvas.width = width;
        canvas.height = height;
        context.transferFromImageBitmap(bitmap);
        shown = context;
      },
      () => undefined, // an undecodable thumbnail stays a blank page
    );
    return () => {
      gone = true;
      // Null lets go of the bitmap now, rather than when the canvas is collected.
      shown?.transferFromImageBitmap(null);
      canvas.width = 0;
      canvas.height = 0;
    };
  }, [blob, cssWidth, cssHeight]);

  return <canvas ref={ref} style={{ width: `${cssWidth}px`, height: `${cssHeight}px` }} />;
}
