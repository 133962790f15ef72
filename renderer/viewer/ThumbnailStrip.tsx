/**
 * A horizontal strip with one small picture per sheet, for finding a page by its look.
 *
 * Built for documents of hundreds of sheets: every sheet has its button, but pictures exist
 * only for the sheets on screen or near it (scrolled to, or around the current one), and go
 * again when they scroll away. A picture is a bitmap the strip decodes (off the main thread)
 * at the size it is shown, and closes when the picture goes: an `<img>`, by contrast, leaves its
 * decoded pixels in Chromium's image cache after the element is gone (0.4 MiB a thumbnail,
 * measured with a memory-infra dump: the cache grew by one full-size and one half-size copy
 * per sheet paged through), so a strip of 300 sheets ended up holding all 300.
 *
 * A scan's stored `thumbnail` (a small JPEG) is what is shown; a scan stored before thumbnails
 * existed has only its full-size image, whose decoding costs tens of megabytes, so it is shown
 * only for the sheets nearest the current one, and the others show their label alone.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ScanRecord } from '../db/records';
import { useNearView } from './use-near-view';
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
/** How many sheets either side of the current one always have their picture (before the strip has scrolled there). */
const CURRENT_REACH = 2;
/** How far beyond the strip's visible part pictures are rendered (a few sheets each way, for scrolling). */
const NEAR_MARGIN = '0px 480px';
/** The box a picture fits in, in CSS pixels (`.thumbnail-picture` in viewer.css). */
const BOX = { width: 68, height: 88 };

/** The blob to draw for a sheet's thumbnail, or null to show its label alone. */
function pictureFor(scan: ScanRecord | undefined, index: number, current: number, near: ReadonlySet<number>): Blob | null {
  if (!scan) return null;
  const distance = Math.abs(index - current);
  if (scan.thumbnail) return distance <= CURRENT_REACH || near.has(index) ? scan.thumbnail : null;
  return distance <= FULL_SIZE_REACH ? scan.blob : null;
}

/**
 * Arrow keys, Home and End move between the sheets (one tab stop for the whole strip, on the
 * current sheet, rather than hundreds); Enter or Space goes there.
 */
function moveFocus(event: KeyboardEvent<HTMLOListElement>): void {
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button.thumbnail'));
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (index < 0) return;
  const to =
    event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : null;
  if (to === null) return;
  event.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus();
}

/** The thumbnail strip. */
export function ThumbnailStrip({ sheets, current, onGo }: ThumbnailStripProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const near = useNearView(listRef, sheets.length, NEAR_MARGIN);
  const pictures = useMemo(() => sheets.map((sheet, i) => pictureFor(sheet.scan, i, current, near)), [sheets, current, near]);
  const currentRef = useRef<HTMLButtonElement>(null);
  // The strip's one tab stop; the first sheet if `current` is out of range, so it stays reachable.
  const tabStop = current >= 0 && current < sheets.length ? current : 0;

  // Keep the current sheet in sight as the user pages with the keyboard or the navigator.
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);

  return (
    <ol ref={listRef} className="thumbnail-strip" aria-label="Sheet thumbnails" onKeyDown={moveFocus}>
      {sheets.map((sheet, i) => {
        const blob = pictures[i];
        const isCurrent = i === current;
        return (
          <li key={i} data-index={i}>
            <button
              ref={isCurrent ? currentRef : undefined}
              type="button"
              className="thumbnail"
              aria-current={isCurrent ? 'page' : undefined}
              tabIndex={i === tabStop ? 0 : -1}
              onClick={() => onGo(i)}
            >
              {/* Hidden from assistive technology: the button's name is the sheet's label alone. */}
              {/* A thumbnail not rendered (far from view) keeps its blank page until it comes near. */}
              <span className={`thumbnail-picture${blob || sheet.scan?.thumbnail ? '' : sheet.scan ? ' thumbnail-unshown' : ' thumbnail-none'}`} aria-hidden="true">
                {blob && sheet.scan ? <Picture blob={blob} scan={sheet.scan} /> : sheet.scan ? null : 'No scan'}
              </span>
              <span className="thumbnail-label">{sheet.label}</span>
            </button>
          </li>
        );
      })}
    </ol>
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
