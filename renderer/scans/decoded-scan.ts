/**
 * One scan ready to be stored: the image as kept, its size, and a small preview.
 *
 * Both `blob` and `thumbnail` carry their MIME type, so they can be put into IndexedDB as they
 * are and shown later through object URLs (the CSP allows `img-src blob:`).
 */
export interface DecodedScan {
  /** The scan image: the file's own bytes for JPEG, PNG and WebP; a PNG for TIFF; a JPEG for a PDF page. */
  blob: Blob;
  /** The MIME type of `blob` (also `blob.type`). */
  mime: string;
  /** Width in pixels, as displayed (after any EXIF rotation of a JPEG). */
  width: number;
  /** Height in pixels, as displayed. */
  height: number;
  /** A JPEG about 240 px wide for lists and strips of pages. */
  thumbnail: Blob;
}
