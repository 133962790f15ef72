/**
 * The small preview stored beside every scan, for lists and strips of pages.
 */

/** The width of a thumbnail, in pixels: two columns fit a 480 px side panel. */
export const THUMBNAIL_WIDTH = 240;
/** JPEG quality of thumbnails: at this size 0.8 is indistinguishable from higher and half the bytes. */
const THUMBNAIL_QUALITY = 0.8;
/** A tall, narrow image (a scroll, a strip of film) is bounded by height instead, so one thumbnail cannot fill a list. */
const MAX_ASPECT = 2;

/**
 * Makes a JPEG thumbnail at most `maxWidth` pixels wide (and at most twice that tall) from an
 * image, a bitmap or a canvas. Smaller images are not enlarged. Transparent areas come out
 * white, as on paper, rather than the black JPEG would give them.
 *
 * The image is scaled by `createImageBitmap` with `resizeQuality: 'high'`, which filters the
 * whole image: a plain `drawImage` from a 6000 px scan down to 240 px skips most pixels and
 * makes text shimmer.
 */
export async function makeThumbnail(source: CanvasImageSource & { width: number; height: number }, maxWidth = THUMBNAIL_WIDTH): Promise<Blob> {
  const scale = Math.min(1, maxWidth / source.width, (maxWidth * MAX_ASPECT) / source.height);
  const width = Math.max(1, Math.round(source.width * scale));
  const height = Math.max(1, Math.round(source.height * scale));
  const resized = await createImageBitmap(source, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
  const canvas = new OffscreenCanvas(width, height);
  try {
    const context = canvas.getContext('2d');
    if (!context) throw new Error('makeThumbnail: no 2D canvas context');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(resized, 0, 0);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: THUMBNAIL_QUALITY });
  } finally {
    resized.close();
    // Drop the pixel buffer now rather than at the next garbage collection.
    canvas.width = 0;
    canvas.height = 0;
  }
}
