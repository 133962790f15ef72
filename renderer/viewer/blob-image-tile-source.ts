/**
 * An OpenSeadragon tile source for one image Blob, decoded off the main thread
 * (decode-off-thread.ts, scan-decode.worker.ts), and drawn from ImageBitmaps without a copy on
 * the main thread (bitmap-canvas-drawer.ts; the viewer must use that drawer).
 *
 * The pyramid (pyramid.ts): before the image counts as open, one "base" level a little larger
 * than the pane is decoded, and every level below it is made from it, each one tile; OpenSeadragon
 * is told the base is its cutoff level, so a page seen whole never needs more, and the page
 * appears whole at once, with no blank frame. The levels above the base, wanted only when
 * zooming in, are cut into tiles of 512 px, each cut and scaled in the worker from the full-size
 * image, which the worker decodes when the first of them is asked for.
 *
 * Why not OpenSeadragon's own simple image source (`{ type: 'image', buildPyramid: true }`): it
 * always loads the full-size level too and copies it into a full-size canvas, which makes
 * Chromium decode the whole image synchronously on the main thread (0.15–1.2 s tasks at each
 * page turn with a 6000 × 8000 px JPEG). And why tiles rather than one bitmap per level, as
 * this source first had: each level drawn into one canvas on the main thread cost a 0.2 s task
 * for the full-size level of such a scan, and 50 ms for the level below, when zooming in.
 *
 * A tile still being made when the image is closed (the user zoomed in and at once turned the
 * page) finishes into a closed image, and OpenSeadragon logs "Ignoring tile … loaded before
 * reset" as a warning; failing the job instead would log an error.
 */
import OpenSeadragon from 'openseadragon';
import { releaseRetained, retainBitmap } from './bitmap-canvas-drawer';
import { openScanImage, type ScanImage } from './decode-off-thread';
import { TILE_OVERLAP, TILE_SIZE, levelSize, maxLevelFor, tileSourceRect, type Size } from './pyramid';

/** What {@link BlobImageTileSource} is made from. */
export interface BlobImageTileSourceOptions {
  /** An object URL of `blob`: the source's identity in the tile cache (nothing is fetched from it). */
  url: string;
  blob: Blob;
  /** The longest side, in pixels, the level decoded before opening should have at least. */
  baseSize: number;
}

/** How large a base level to decode for a viewer: one and a half times its longest side in device pixels. */
export function baseSizeFor(container: HTMLElement): number {
  const longest = Math.max(container.clientWidth, container.clientHeight, 512);
  return Math.ceil(longest * window.devicePixelRatio * 1.5);
}

/** Data for a job whose image was closed meanwhile: OpenSeadragon ignores it, but wants the job finished. */
function nothingToDraw(): CanvasRenderingContext2D | null {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  return canvas.getContext('2d');
}

/** One image Blob as an OpenSeadragon pyramid, decoded off the main thread. */
export class BlobImageTileSource extends OpenSeadragon.TileSource {
  private readonly imageBlob: Blob;
  private readonly baseSize: number;
  private imageSize: Size = { width: 0, height: 0 };
  private baseLevel = 0;
  /** Levels 0 … base, shared by every cache that asks (the viewer's, the minimap's); closed by {@link destroy}. */
  private levels: ImageBitmap[] = [];
  private scan: ScanImage | null = null;
  private destroyed = false;

  constructor(options: BlobImageTileSourceOptions) {
    // Given a url, OpenSeadragon calls getImageInfo (below) on the next tick and waits for
    // 'ready' or 'open-failed'.
    super({ url: options.url });
    this.imageBlob = options.blob;
    this.baseSize = options.baseSize;
  }

  /** Decodes the base level, then tells OpenSeadragon the source is ready. */
  override getImageInfo(url: string): void {
    openScanImage(this.imageBlob, this.baseSize).then(
      (scan) => {
        if (this.destroyed) {
          scan.close();
          for (const bitmap of scan.levels) bitmap.close();
          return;
        }
        this.scan = scan;
        this.imageSize = { width: scan.width, height: scan.height };
        this.baseLevel = scan.baseLevel;
        this.levels = scan.levels;
        for (const bitmap of this.levels) retainBitmap(bitmap);
        // OpenSeadragon's 'ready' handler reads these off the source (they are not in its type
        // declarations, hence Object.assign); the tile sizes come from getTileWidth/Height.
        const { width, height } = this.imageSize;
        Object.assign(this, { width, height, tileOverlap: TILE_OVERLAP, minLevel: 0, maxLevel: maxLevelFor(width, height) });
        this.raiseEvent('ready', { tileSource: this });
      },
      (error: unknown) => {
        this.raiseEvent('open-failed', { message: error instanceof Error ? error.message : String(error), source: url });
      },
    );
  }

  /** The base level is OpenSeadragon's "cutoff": always loaded, never evicted, and at hand here. */
  override getClosestLevel(): number {
    return this.baseLevel;
  }

  /** Levels up to the base are one tile each; the ones above, tiles of TILE_SIZE. */
  override getTileWidth(level: number): number {
    return level <= this.baseLevel ? levelSize(this.imageSize, level, this.maxLevel).width : TILE_SIZE;
  }

  override getTileHeight(level: number): number {
    return level <= this.baseLevel ? levelSize(this.imageSize, level, this.maxLevel).height : TILE_SIZE;
  }

  /** A distinct key per tile for OpenSeadragon's tile cache; nothing is fetched from it. */
  override getTileUrl(level: number, x: number, y: number): string {
    return `${this.url ?? ''}#${level}/${x}/${y}`;
  }

  /** Levels up to the base are at hand; tiles above it are cut off the main thread. */
  override downloadTileStart(job: OpenSeadragon.ImageJob): void {
    const { level, x, y } = job.tile;
    const ready = level <= this.baseLevel ? this.levels[level] : undefined;
    if (ready) {
      job.finish(ready, null, 'imageBitmap');
      return;
    }
    const scan = this.scan;
    if (!scan || this.destroyed) {
      job.finish(nothingToDraw(), null, 'context2d');
      return;
    }
    const { rect, size } =
      level <= this.baseLevel
        ? { rect: { x: 0, y: 0, ...this.imageSize }, size: levelSize(this.imageSize, level, this.maxLevel) }
        : tileSourceRect(this.imageSize, level, x, y);
    scan.tile(rect, size).then(
      (bitmap) => {
        if (!this.destroyed) {
          job.finish(bitmap, null, 'imageBitmap');
          return;
        }
        bitmap.close();
        job.finish(nothingToDraw(), null, 'context2d');
      },
      (error: unknown) => {
        if (this.destroyed) job.finish(nothingToDraw(), null, 'context2d');
        else job.fail(`The image could not be decoded: ${String(error)}`, null);
      },
    );
  }

  override downloadTileAbort(): void {
    // A tile being cut cannot be cancelled; its result is simply not wanted.
  }

  /**
   * OpenSeadragon closed the image (this is called once for the viewer and once for its
   * minimap): the decoder lets go of the full-size image, and the levels are closed once both
   * have dropped their tiles, which they do in the same task.
   */
  override destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.scan?.close();
    this.scan = null;
    const levels = this.levels;
    this.levels = [];
    setTimeout(() => {
      for (const bitmap of levels) releaseRetained(bitmap);
    }, 0);
  }
}
