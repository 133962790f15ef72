/**
 * TIFF to pixels. Chromium cannot show TIFF, so a TIFF scan is decoded here and stored as a
 * PNG (lossless, so nothing of the archive's master image is lost).
 *
 * The decoder is UTIF.js (npm `utif`, Photopea's): archival TIFFs are often bilevel with CCITT
 * Group 4 compression, JPEG-in-TIFF, PackBits or palette colour, which UTIF reads and the
 * `tiff` package (image-js) refuses.
 */
import UTIF from 'utif';
import { ImportError } from '../../shared/importers/import-error';
import { countTiffPages } from '../../shared/importers/scan-format';
import { checkScanPixels } from './scan-limits';
import { DAMAGED_IMAGE } from './scan-messages';

/**
 * The TIFF photometric interpretations UTIF converts to RGBA: white-is-zero, black-is-zero,
 * RGB, palette and CMYK. YCbCr inside JPEG-in-TIFF comes out of the decoder as RGB.
 */
const READABLE_COLOUR_MODELS = new Set([0, 1, 2, 3, 5]);

/**
 * Decodes the one page of a TIFF into RGBA pixels. Refuses a TIFF with several pages (rather
 * than import the first and silently drop the rest), one whose directory chain loops or leaves
 * the file, one above the pixel limit, and one UTIF cannot decode.
 *
 * UTIF runs on the calling thread: a 100-megapixel TIFF takes a few seconds, during which
 * the window does not repaint.
 */
export function decodeTiff(fileName: string, bytes: Uint8Array): ImageData {
  const pages = countTiffPages(bytes);
  if (pages === null || pages === 0) throw new ImportError(fileName, DAMAGED_IMAGE);
  if (pages > 1) {
    throw new ImportError(
      fileName,
      `it is a TIFF with ${pages} pages, and only single-page TIFF files can be imported (save its pages as separate images, or as one PDF)`,
    );
  }
  // UTIF wants a whole ArrayBuffer; copy only when `bytes` is a view into a larger one.
  const buffer =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : (bytes.slice().buffer as ArrayBuffer);
  let rgba: Uint8Array<ArrayBuffer>;
  let width: number;
  let height: number;
  try {
    const directories = UTIF.decode(buffer);
    // A page, not a reduced-resolution preview (NewSubfileType bit 0), as countTiffPages counted.
    const page = directories.find((d) => ((Number(d.t254?.[0]) || 0) & 1) === 0);
    width = Number(page?.t256?.[0]);
    height = Number(page?.t257?.[0]);
    if (!page || !Number.isInteger(width) || !Number.isInteger(height)) throw new ImportError(fileName, DAMAGED_IMAGE);
    checkScanPixels(fileName, width, height);
    UTIF.decodeImage(buffer, page, directories);
    // toRGBA8 turns a colour model it does not know into a black picture, without an error.
    const model = Number(page.t262?.[0] ?? 2);
    if (!READABLE_COLOUR_MODELS.has(model)) {
      throw new ImportError(fileName, `it is a TIFF in a colour model that cannot be read (photometric interpretation ${model})`);
    }
    rgba = UTIF.toRGBA8(page);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, DAMAGED_IMAGE);
  }
  if (rgba.length !== width * height * 4) throw new ImportError(fileName, DAMAGED_IMAGE);
  return new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), width, height);
}
