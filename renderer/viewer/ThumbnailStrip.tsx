/**
 * A horizontal strip with one small picture per sheet, for finding a page by its look.
 *
 * Built for documents of hundreds of sheets: a scan's stored `thumbnail` (a small JPEG) is
 * cheap and is shown for every sheet, the browser decoding it only when it scrolls near
 * (`loading="lazy"`); a scan stored before thumbnails existed has only its full-size image,
 * whose decoding costs tens of megabytes, so it is shown only for the sheets nearest the
 * current one, and the others show their label alone.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ScanRecord } from '../db/records';
import { useObjectUrls } from './use-object-urls';
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

/** The blob to draw for a sheet's thumbnail, or null to show its label alone. */
function pictureFor(scan: ScanRecord | undefined, index: number, current: number): Blob | null {
  if (!scan) return null;
  if (scan.thumbnail) return scan.thumbnail;
  return Math.abs(index - current) <= FULL_SIZE_REACH ? scan.blob : null;
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
  const pictures = useMemo(() => sheets.map((sheet, i) => pictureFor(sheet.scan, i, current)), [sheets, current]);
  const blobs = useMemo(() => pictures.filter((blob): blob is Blob => blob !== null), [pictures]);
  const urls = useObjectUrls(blobs);
  const currentRef = useRef<HTMLButtonElement>(null);
  // The strip's one tab stop; the first sheet if `current` is out of range, so it stays reachable.
  const tabStop = current >= 0 && current < sheets.length ? current : 0;

  // Keep the current sheet in sight as the user pages with the keyboard or the navigator.
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);

  return (
    <ol className="thumbnail-strip" aria-label="Sheet thumbnails" onKeyDown={moveFocus}>
      {sheets.map((sheet, i) => {
        const blob = pictures[i];
        const url = blob ? urls.get(blob) : undefined;
        const isCurrent = i === current;
        return (
          <li key={i}>
            <button
              ref={isCurrent ? currentRef : undefined}
              type="button"
              className="thumbnail"
              aria-current={isCurrent ? 'page' : undefined}
              tabIndex={i === tabStop ? 0 : -1}
              onClick={() => onGo(i)}
            >
              {/* Hidden from assistive technology: the button's name is the sheet's label alone. */}
              <span className={`thumbnail-picture${url ? '' : sheet.scan ? ' thumbnail-unshown' : ' thumbnail-none'}`} aria-hidden="true">
                {url ? <img src={url} alt="" loading="lazy" decoding="async" draggable={false} /> : sheet.scan ? null : 'No scan'}
              </span>
              <span className="thumbnail-label">{sheet.label}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
