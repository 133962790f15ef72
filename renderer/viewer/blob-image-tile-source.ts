/**
 * An OpenSeadragon tile source for one image Blob that decodes off the main thread.
 *
 * OpenSeadragon's own simple image source (`{ type: 'image', buildPyramid: true }`) builds each
 * level of its pyramid by drawing the full `<img>` into a canvas, which makes Chromium decode
 * the whole image synchronously on the main thread: for a 6000 × 8000 px scan, hundreds of
 * milliseconds to over a second of frozen window at every page turn, and again at each new
 * zoom level. Here every level is made by `createImageBitmap(blob, { resizeWidth, ... })`,
 * which decodes and scales on a background thread; the main thread only copies the finished,
 * small bitmap. The level sizes are the same halving pyramid OpenSeadragon builds.
 *
 * The image's size comes from an `<img>` that is loaded but never drawn, so it is never decoded.
 */
import OpenSeadragon from 'openseadragon';

/** The options of {@link BlobImageTileSource}: the object URL of the blob, and the blob itself. */
export interface BlobImageTileSourceOptions {
  /** An object URL of `blob`, read only to learn the image's size (and as the source's identity). */
  url: string;
  blob: Blob;
}

/** A single image, levels decoded from its Blob on demand, off the main thread. */
export class BlobImageTileSource extends OpenSeadragon.ImageTileSource {
  /** Named so as not to collide with anything OpenSeadragon copies onto a tile source. */
  private readonly imageBlob: Blob;

  constructor(options: BlobImageTileSourceOptions) {
    // useCanvas must be given: OpenSeadragon 6.1 builds no pyramid levels when it is unset.
    super({ url: options.url, buildPyramid: true, useCanvas: true });
    this.imageBlob = options.blob;
  }

  /** Decodes the level the job asks for, scaled while decoding, on a background thread. */
  override downloadTileStart(job: OpenSeadragon.ImageJob): void {
    const { level } = job.postData as { level: number };
    const size = this.levels[level];
    if (!size) {
      job.fail(`No level ${level} in this image.`, null);
      return;
    }
    const full = level === this.levels.length - 1;
    const decoding = full
      ? createImageBitmap(this.imageBlob)
      : createImageBitmap(this.imageBlob, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'medium' });
    decoding.then(
      (bitmap) => job.finish(bitmap, null, 'imageBitmap'),
      (error: unknown) => job.fail(`The image could not be decoded: ${String(error)}`, null),
    );
  }
}
