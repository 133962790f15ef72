/**
 * A Web Worker that decodes an image Blob, scaled to a given size, into an ImageBitmap.
 *
 * `createImageBitmap` decodes a Blob off the window's thread, but Chromium then scales it on the
 * calling thread: 0.2 s of frozen window for a 6000 × 8000 px scan brought to screen size, and
 * far more for a large PNG, which unlike JPEG cannot be decoded straight to a smaller size. Here
 * both happen on the worker's thread, and the bitmap is transferred back, not copied.
 *
 * Orientation is taken from the image (a JPEG's EXIF rotation), as an `<img>` shows it and as
 * the importer measured the scan's width and height.
 */

/** A request: the blob, and the size to scale to (omitted: full size). */
export interface DecodeRequest {
  id: number;
  blob: Blob;
  width?: number;
  height?: number;
}

/** The answer: the bitmap, or why there is none. */
export type DecodeResponse = { id: number; bitmap: ImageBitmap } | { id: number; error: string };

self.addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  const { id, blob, width, height } = event.data;
  const options: ImageBitmapOptions =
    width && height
      ? { imageOrientation: 'from-image', resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' }
      : { imageOrientation: 'from-image' };
  createImageBitmap(blob, options).then(
    (bitmap) => self.postMessage({ id, bitmap } satisfies DecodeResponse, { transfer: [bitmap] }),
    (error: unknown) => self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies DecodeResponse),
  );
});
