/**
 * The limits a scan file must keep to, checked before anything is decoded, each refused with a
 * message that states the limit.
 *
 * The byte limit (`MAX_SCAN_FILE_BYTES`, shared with the docs) keeps a stray video or disk image
 * out of the database. The pixel limit protects the window itself: a decoded image takes four
 * bytes a pixel, so 100 megapixels already means 400 MB of memory for one picture, and a small
 * file can claim far more than that (a "decompression bomb"). 100 megapixels is a 600-dpi scan
 * of an A2 sheet, more than any archival page photograph needs.
 */
import { checkFileSize, ImportError, MAX_SCAN_FILE_BYTES } from '../../shared/importers/import-error';
import { DAMAGED_IMAGE } from './scan-messages';

/** The largest image, in pixels, that is decoded: 100 megapixels. */
export const MAX_SCAN_PIXELS = 100_000_000;

/** Refuses a scan file larger than `MAX_SCAN_FILE_BYTES`. Call it with `file.size` before reading the file. */
export function checkScanFileSize(fileName: string, byteLength: number): void {
  checkFileSize(fileName, byteLength, MAX_SCAN_FILE_BYTES);
}

/** Refuses an image with more than `MAX_SCAN_PIXELS` pixels, or with no pixels at all. */
export function checkScanPixels(fileName: string, width: number, height: number): void {
  if (width < 1 || height < 1) {
    throw new ImportError(fileName, DAMAGED_IMAGE);
  }
  if (width * height > MAX_SCAN_PIXELS) {
    const megapixels = Math.round((width * height) / 1_000_000);
    throw new ImportError(
      fileName,
      `the image is ${width} × ${height} pixels (${megapixels} megapixels); the largest image that can be imported has ${MAX_SCAN_PIXELS / 1_000_000} megapixels`,
    );
  }
}
