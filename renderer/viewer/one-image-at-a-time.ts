/**
 * Showing one image blob at a time in an OpenSeadragon viewer, so that paging through hundreds
 * of large scans keeps exactly one decoded image (and one object URL) alive.
 *
 * Why not simply call `viewer.open` on every change: OpenSeadragon's `close` empties the world
 * but not its queue of images still loading, so an image that was still decoding when the
 * next one was asked for is added to the world afterwards, and two scans end up stacked (its
 * navigator would keep a copy too). Here at most one open is in flight; a request that arrives
 * meanwhile waits, replacing any earlier waiting one, and is opened as soon as the flight lands.
 * Skipped scans never get an object URL at all.
 */
import type OpenSeadragon from 'openseadragon';
import { BlobImageTileSource, baseSizeFor } from './blob-image-tile-source';

/** What the caller hears about the image it asked for last. */
export interface OneImageCallbacks {
  /** The image with this key is open (OpenSeadragon has reset the viewport; re-apply any view settings). */
  onOpen: (key: string) => void;
  /** The image with this key could not be decoded. */
  onFail: (key: string, message: string) => void;
}

/** A blob to show, with an opaque key saying which one it is (say, the scan's id). */
export interface ImageRequest {
  key: string;
  blob: Blob;
}

/** Keeps an OpenSeadragon viewer showing the latest requested image, and only that one. */
export class OneImageAtATime {
  /** The object URL being opened, if an open is in flight. */
  private opening: string | null = null;
  /** The URL of the image on show (or that failed to open), revoked when it is replaced. */
  private shown: string | null = null;
  private shownKey: string | null = null;
  /** What to show once the flight lands; `undefined` when nothing waits, `null` for "nothing". */
  private waiting: ImageRequest | null | undefined = undefined;
  private disposed = false;

  constructor(
    private readonly viewer: OpenSeadragon.Viewer,
    private readonly callbacks: OneImageCallbacks,
  ) {
    viewer.addHandler('open', this.landed);
    viewer.addHandler('open-failed', this.failed);
  }

  /** Show this image (or none). Asking again for the image on show does nothing. */
  show(request: ImageRequest | null): void {
    if (this.disposed) return;
    if (this.opening !== null) {
      this.waiting = request;
      return;
    }
    if (request !== null && request.key === this.shownKey) return;
    this.start(request);
  }

  /** Stops listening and lets go of the object URLs (the viewer itself is the caller's). */
  dispose(): void {
    this.disposed = true;
    this.viewer.removeHandler('open', this.landed);
    this.viewer.removeHandler('open-failed', this.failed);
    this.release(this.opening);
    this.release(this.shown);
    this.opening = this.shown = this.shownKey = null;
    this.waiting = undefined;
  }

  private start(request: ImageRequest | null): void {
    // open() closes what is on show first: its tiles leave the cache and its image its source.
    const previous = this.shown;
    this.shown = this.shownKey = null;
    if (request === null) {
      this.viewer.close();
      this.release(previous);
      return;
    }
    const url = URL.createObjectURL(request.blob);
    this.opening = url;
    this.shownKey = request.key;
    const tileSource = new BlobImageTileSource({ url, blob: request.blob, baseSize: baseSizeFor(this.viewer.container) });
    this.viewer.open({ tileSource });
    this.release(previous);
  }

  /** The flight landed. If something else was asked for meanwhile, open that instead. */
  private land(): boolean {
    const url = this.opening;
    this.opening = null;
    this.shown = url;
    if (this.waiting === undefined) return true;
    const next = this.waiting;
    this.waiting = undefined;
    if (next !== null && next.key === this.shownKey) return true;
    this.start(next);
    return false;
  }

  private readonly landed = (): void => {
    if (this.opening === null) return;
    if (this.land() && this.shownKey !== null) this.callbacks.onOpen(this.shownKey);
  };

  private readonly failed = (event: { message?: string }): void => {
    if (this.opening === null) return;
    if (this.land() && this.shownKey !== null) this.callbacks.onFail(this.shownKey, event.message ?? 'The image could not be opened.');
  };

  private release(url: string | null): void {
    if (url !== null) URL.revokeObjectURL(url);
  }
}
