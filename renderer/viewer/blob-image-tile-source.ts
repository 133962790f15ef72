/**
 * An OpenSeadragon tile source for one image Blob: a pyramid of halved copies (one tile per
 * level), each decoded and scaled off the main thread (decode-off-thread.ts).
 *
 * Why not OpenSeadragon's own simple image source (`{ type: 'image', buildPyramid: true }`):
 * it always loads the full-size level too (a single-tile source's "cutoff" level is its
 * largest) and, for the canvas drawer, copies it into a full-size canvas, which makes Chromium
 * decode the whole image synchronously on the main thread. Measured on a 6000 × 8000 px JPEG in
 * headless Chromium: main-thread tasks of 0.15–1.2 s at each page turn, and stutter when zooming
 * in; with this source, none over 50 ms. (It also builds no pyramid at all in OpenSeadragon 6.1
 * unless `useCanvas: true` is passed, its documentation notwithstanding.)
 *
 * Before the image counts as open, one "base" level a little larger than the pane is decoded;
 * every level up to it is then cut from that bitmap at once (so the page appears whole, at
 * once, with no blank frame), and OpenSeadragon is told the base is its cutoff level, so a page
 * seen whole never needs more. Larger levels (zooming in) are decoded when first needed. The
 * image's pixel size comes from an `<img>` that is loaded but never drawn, so never decoded.
 *
 * A decode still running when the image is closed (the user zoomed in and at once turned the
 * page) finishes into a closed image, and OpenSeadragon logs "Ignoring tile … loaded before
 * reset" as a warning; a decode cannot be cancelled, and failing the job instead would log an
 * error.
 */
import OpenSeadragon from 'openseadragon';
import { decodeOffThread } from './decode-off-thread';

/** What {@link BlobImageTileSource} is made from. */
export interface BlobImageTileSourceOptions {
  /** An object URL of `blob`: read for the image's size, and the source's identity in the tile cache. */
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

/** The size of an image, read without decoding it (an `<img>` that is never drawn). */
function naturalSize(url: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight });
    image.onerror = () => reject(new Error('The image could not be read.'));
    image.src = url;
  });
}

/**
 * A canvas holding the bitmap scaled to the given size. OpenSeadragon's canvas drawer draws
 * from canvases, and its tile cache frees one at once when the image closes (by zeroing its
 * size); an ImageBitmap it would convert, keeping both, and leave to the garbage collector.
 */
function canvasOf(bitmap: ImageBitmap, width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas is available.');
  context.drawImage(bitmap, 0, 0, width, height);
  return context;
}

/** One image Blob as an OpenSeadragon pyramid (one tile per level), decoded off the main thread. */
export class BlobImageTileSource extends OpenSeadragon.TileSource {
  private readonly imageBlob: Blob;
  private readonly baseSize: number;
  private imageWidth = 0;
  private imageHeight = 0;
  private baseLevel = 0;
  private base: ImageBitmap | null = null;
  private destroyed = false;

  constructor(options: BlobImageTileSourceOptions) {
    // Given a url, OpenSeadragon calls getImageInfo (below) on the next tick and waits for
    // 'ready' or 'open-failed'.
    super({ url: options.url });
    this.imageBlob = options.blob;
    this.baseSize = options.baseSize;
  }

  /** Reads the size, decodes the base level, then tells OpenSeadragon the source is ready. */
  override getImageInfo(url: string): void {
    this.prepare(url).then(
      () => {
        if (!this.destroyed) this.raiseEvent('ready', { tileSource: this });
      },
      (error: unknown) => {
        this.raiseEvent('open-failed', { message: error instanceof Error ? error.message : String(error), source: url });
      },
    );
  }

  private async prepare(url: string): Promise<void> {
    const { width, height } = await naturalSize(url);
    if (width < 1 || height < 1) throw new Error('The image is empty.');
    this.imageWidth = width;
    this.imageHeight = height;
    // OpenSeadragon's usual pyramid: level L is the image scaled by 2^(L − maxLevel), level 0
    // about one pixel. Its 'ready' handler reads these fields off the source (they are not in
    // its type declarations, hence Object.assign); one tile per level: the tile is the image.
    const maxLevel = Math.ceil(Math.log2(Math.max(width, height)));
    Object.assign(this, { width, height, tileWidth: width, tileHeight: height, tileOverlap: 0, minLevel: 0, maxLevel });
    let baseLevel = maxLevel;
    while (baseLevel > 0 && Math.max(...this.levelSize(baseLevel - 1, maxLevel)) >= this.baseSize) baseLevel--;
    this.baseLevel = baseLevel;
    const bitmap = await this.decode(baseLevel, maxLevel);
    if (this.destroyed) bitmap.close();
    else this.base = bitmap;
  }

  /** A level's size in pixels, rounded up as OpenSeadragon's tile bounds expect. */
  private levelSize(level: number, maxLevel: number = this.maxLevel): [number, number] {
    const scale = 2 ** (level - maxLevel);
    return [Math.max(1, Math.ceil(this.imageWidth * scale)), Math.max(1, Math.ceil(this.imageHeight * scale))];
  }

  /** Decodes a level, scaled to its size, on the decoding worker's thread. */
  private decode(level: number, maxLevel: number = this.maxLevel): Promise<ImageBitmap> {
    if (level >= maxLevel) return decodeOffThread(this.imageBlob);
    const [width, height] = this.levelSize(level, maxLevel);
    return decodeOffThread(this.imageBlob, { width, height });
  }

  /** The base level is OpenSeadragon's "cutoff": always loaded, never evicted, and cheap here. */
  override getClosestLevel(): number {
    return this.baseLevel;
  }

  /** A distinct key per level for OpenSeadragon's tile cache; nothing is fetched from it. */
  override getTileUrl(level: number): string {
    return `${this.url ?? ''}#${level}`;
  }

  /** Levels up to the base are cut from it at once; larger ones are decoded off the main thread. */
  override downloadTileStart(job: OpenSeadragon.ImageJob): void {
    const level = job.tile.level;
    const [width, height] = this.levelSize(level);
    if (this.base && level <= this.baseLevel) {
      job.finish(canvasOf(this.base, width, height), null, 'context2d');
      return;
    }
    this.decode(level).then(
      (bitmap) => {
        const context = canvasOf(bitmap, width, height);
        bitmap.close();
        job.finish(context, null, 'context2d');
      },
      (error: unknown) => job.fail(`The image could not be decoded: ${String(error)}`, null),
    );
  }

  override downloadTileAbort(): void {
    // A decode cannot be cancelled; its result is simply not wanted.
  }

  /** Lets go of the base bitmap when OpenSeadragon closes the image. */
  override destroy(): void {
    this.destroyed = true;
    this.base?.close();
    this.base = null;
  }
}
