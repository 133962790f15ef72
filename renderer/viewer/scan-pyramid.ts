/**
 * Decoding one scan for the viewer, level by level, as it is needed: the work done in the
 * decoding worker (scan-decode.worker.ts), or in the window where no worker can be started.
 *
 * Opening decodes only a screen-sized "base" level (pyramid.ts) and the smaller levels made from
 * it. A JPEG without an EXIF rotation (every scan rendered from a PDF, most photographs) is
 * decoded straight to the base level's size with WebCodecs' `ImageDecoder` and its
 * `desiredWidth`/`desiredHeight`: libjpeg-turbo then skips most of each block's inverse DCT and
 * never makes the full-size picture. `createImageBitmap(blob, { resizeWidth })`, by contrast,
 * decodes the whole image and only then scales it (measured on a 6000 × 8000 px JPEG of 9.9 MB
 * in Chromium 156, in a worker: 0.7–0.8 s for a 1500 × 2000 px result, against 0.27–0.35 s with
 * `ImageDecoder`). Other images (PNG, WebP, a rotated JPEG) are decoded whole, as before.
 *
 * The full-size image is decoded only when a tile above the base level is first asked for (the
 * reader zooms in), and kept until the scan is closed; every such tile is cut and scaled from it
 * with `createImageBitmap(image, sx, sy, sw, sh, …)`.
 */
import { readJpegHeader, type JpegHeader } from './jpeg-header';
import { baseLevelFor, levelSize, type PixelRect, type Size } from './pyramid';

/** What opening a scan gives: its size, its base level, and the bitmaps of levels 0 … base. */
export interface OpenedPyramid {
  /** The image's size in pixels, as an `<img>` shows it (EXIF rotation applied). */
  width: number;
  height: number;
  baseLevel: number;
  /** `levels[L]` is level L, for L from 0 to `baseLevel`. The caller owns them. */
  levels: ImageBitmap[];
}

/** How much of a JPEG to read for its header, and how much more if that was not enough. */
const HEADER_READS = [256 * 1024, 4 * 1024 * 1024];

async function jpegHeaderOf(blob: Blob): Promise<JpegHeader | null> {
  for (const bytes of HEADER_READS) {
    const header = readJpegHeader(new Uint8Array(await blob.slice(0, bytes).arrayBuffer()));
    if (header || blob.size <= bytes) return header;
  }
  return null;
}

const scaled = (size: Size): ImageBitmapOptions => ({ resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'medium' });

/**
 * Decodes a JPEG at `target` size or a little larger (the decoder scales by eighths), then
 * brings it to exactly `target`. Throws if WebCodecs cannot, or gives a picture of another shape
 * than the header said (as if it had applied a rotation after all): the caller then decodes the
 * usual way.
 */
async function decodeJpegAt(blob: Blob, header: JpegHeader, target: Size): Promise<ImageBitmap> {
  if (typeof ImageDecoder === 'undefined') throw new Error('No ImageDecoder');
  const decoder = new ImageDecoder({
    data: blob.stream(),
    type: 'image/jpeg',
    desiredWidth: target.width,
    desiredHeight: target.height,
    preferAnimation: false,
  });
  try {
    const { image } = await decoder.decode({ frameIndex: 0 });
    try {
      const width = image.displayWidth;
      const height = image.displayHeight;
      if (width < target.width || height < target.height || Math.abs(width / height - header.width / header.height) > 0.02) {
        throw new Error(`ImageDecoder gave ${width} × ${height} px for ${header.width} × ${header.height}`);
      }
      return width === target.width && height === target.height ? await createImageBitmap(image) : await createImageBitmap(image, scaled(target));
    } finally {
      image.close();
    }
  } finally {
    decoder.close();
  }
}

/** The whole image at full size, oriented as an `<img>` shows it. */
function decodeFull(blob: Blob): Promise<ImageBitmap> {
  return createImageBitmap(blob, { imageOrientation: 'from-image' });
}

/** One open scan: its levels up to the base are handed out at opening; tiles above are cut on request. */
export class ScanPyramid {
  private full: Promise<ImageBitmap> | null;
  private closed = false;

  private constructor(
    private readonly blob: Blob,
    /** The image's size, as the tiles' rectangles are measured. */
    private readonly size: Size,
    full: ImageBitmap | null,
  ) {
    this.full = full ? Promise.resolve(full) : null;
  }

  /**
   * Decodes the base level (the smallest whose longest side is at least `baseSize`) and the
   * levels below it. The bitmaps in the answer are the caller's; the pyramid keeps what it needs
   * to cut tiles above the base.
   */
  static async open(blob: Blob, baseSize: number): Promise<{ pyramid: ScanPyramid; opened: OpenedPyramid }> {
    let size: Size | null = null;
    let baseLevel = 0;
    let base: ImageBitmap | null = null;
    let full: ImageBitmap | null = null;

    const header = await jpegHeaderOf(blob);
    if (header && header.orientation === 1) {
      size = { width: header.width, height: header.height };
      baseLevel = baseLevelFor(size, baseSize);
      try {
        base = await decodeJpegAt(blob, header, levelSize(size, baseLevel));
      } catch {
        base = null; // decoded below the usual way
      }
    }
    if (!base) {
      full = await decodeFull(blob);
      size = { width: full.width, height: full.height };
      baseLevel = baseLevelFor(size, baseSize);
      const baseSizeNow = levelSize(size, baseLevel);
      if (baseSizeNow.width === full.width && baseSizeNow.height === full.height) {
        // The base is the full image: handed out whole; no tile above it will be asked for.
        base = full;
        full = null;
      } else {
        base = await createImageBitmap(full, scaled(baseSizeNow));
      }
    }

    // Each smaller level from the one above it, halving: cheap, and as smooth as scaling down
    // from the base in one step.
    const levels: ImageBitmap[] = [];
    levels[baseLevel] = base;
    for (let level = baseLevel - 1; level >= 0; level--) {
      levels[level] = await createImageBitmap(levels[level + 1]!, scaled(levelSize(size!, level)));
    }
    return { pyramid: new ScanPyramid(blob, size!, full), opened: { width: size!.width, height: size!.height, baseLevel, levels } };
  }

  /**
   * The part `rect` of the full-size image, scaled to `size`. The rectangle may run past the
   * image's edges (the bitmap is transparent there). The first call decodes the full image.
   */
  async tile(rect: PixelRect, size: Size): Promise<ImageBitmap> {
    if (this.closed) throw new Error('The scan was closed.');
    this.full ??= decodeFull(this.blob);
    const full = await this.full;
    if (this.closed) throw new Error('The scan was closed.');
    // Should Chromium measure the decoded image otherwise than the header, keep proportions.
    const kx = full.width / this.size.width;
    const ky = full.height / this.size.height;
    const sx = Math.round(rect.x * kx);
    const sy = Math.round(rect.y * ky);
    const sw = Math.max(1, Math.round(rect.width * kx));
    const sh = Math.max(1, Math.round(rect.height * ky));
    return sw === size.width && sh === size.height
      ? createImageBitmap(full, sx, sy, sw, sh)
      : createImageBitmap(full, sx, sy, sw, sh, scaled(size));
  }

  /** Lets go of the full-size image (now, or once its decoding ends). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const full = this.full;
    this.full = null;
    full?.then(
      (bitmap) => bitmap.close(),
      () => undefined,
    );
  }
}
