/**
 * Turning one image file (JPEG, PNG, WebP or TIFF) into a scan ready to be stored.
 *
 * Every refusal is an `ImportError` naming the file and the reason, and the checks run from
 * cheapest to dearest: size, format by magic bytes, structural truncation, pixel count from
 * the header, and only then decoding.
 */
import { ImportError } from '../../shared/importers/import-error';
import { findTruncation, readImageSize, scanFormatMime, sniffScanFormat, type ScanImageFormat } from '../../shared/importers/scan-format';
import type { DecodedScan } from './decoded-scan';
import { decodeTiff } from './decode-tiff';
import { checkScanFileSize, checkScanPixels } from './scan-limits';
import { DAMAGED_IMAGE, NOT_A_SCAN } from './scan-messages';
import { makeThumbnail } from './thumbnail';

/**
 * Decodes an image file and makes its thumbnail. JPEG, PNG and WebP are kept as the file's own
 * bytes (re-encoding would lose quality and metadata for nothing: Chromium shows them as they
 * are); TIFF, which Chromium cannot show, is stored as a PNG.
 *
 * A PDF is not an image: sniff the format first (`sniffScanFormat`) and send PDFs to
 * `openPdf`. Passing one here is a programming error and throws a `TypeError`.
 */
export async function decodeImageFile(fileName: string, bytes: Uint8Array): Promise<DecodedScan> {
  checkScanFileSize(fileName, bytes.byteLength);
  const format = sniffScanFormat(bytes);
  if (format === null) throw new ImportError(fileName, NOT_A_SCAN);
  if (format === 'pdf') throw new TypeError(`decodeImageFile: “${fileName}” is a PDF; open it with openPdf`);
  const truncation = findTruncation(format, bytes);
  if (truncation !== null) throw new ImportError(fileName, truncation);
  const size = readImageSize(format, bytes);
  if (size === null) throw new ImportError(fileName, DAMAGED_IMAGE);
  checkScanPixels(fileName, size.width, size.height);
  return format === 'tiff' ? decodeTiffScan(fileName, bytes) : decodeBrowserImage(fileName, format, bytes);
}

/** JPEG, PNG, WebP: Chromium decodes them; the stored blob is the original file. */
async function decodeBrowserImage(fileName: string, format: Exclude<ScanImageFormat, 'tiff'>, bytes: Uint8Array): Promise<DecodedScan> {
  const mime = scanFormatMime(format);
  // The bytes come from File.arrayBuffer(), never from a SharedArrayBuffer.
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
  let bitmap: ImageBitmap;
  try {
    // 'from-image' applies a JPEG's EXIF rotation, as <img> will when the scan is shown, so
    // width and height are the ones the user sees.
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    throw new ImportError(fileName, DAMAGED_IMAGE);
  }
  try {
    const thumbnail = await makeThumbnail(bitmap);
    return { blob, mime, width: bitmap.width, height: bitmap.height, thumbnail };
  } finally {
    bitmap.close();
  }
}

/** TIFF: decoded by UTIF, drawn on a canvas, stored as PNG. */
async function decodeTiffScan(fileName: string, bytes: Uint8Array): Promise<DecodedScan> {
  const pixels = decodeTiff(fileName, bytes);
  const canvas = new OffscreenCanvas(pixels.width, pixels.height);
  try {
    const context = canvas.getContext('2d');
    if (!context) throw new Error('decodeImageFile: no 2D canvas context');
    context.putImageData(pixels, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const thumbnail = await makeThumbnail(canvas);
    return { blob, mime: 'image/png', width: pixels.width, height: pixels.height, thumbnail };
  } finally {
    canvas.width = 0;
    canvas.height = 0;
  }
}
