/**
 * The reasons given to the user when a scan file is refused, in one place so that the
 * decoders say the same thing for the same fault and tests can match the words exactly.
 * Each completes "“file” cannot be imported: …" (`ImportError`).
 */

/** A file whose bytes are no format Marginalia imports, whatever its name says. */
export const NOT_A_SCAN = 'it is not a JPEG, PNG, WebP or TIFF image, nor a PDF';
/** An image with the right structure that the decoder still cannot read. */
export const DAMAGED_IMAGE = 'the image is damaged and cannot be read';
/** A PDF that asks for a password to open. */
export const PASSWORD_PROTECTED = 'it is protected by a password';
/** A file pdf.js cannot open as a PDF. */
export const DAMAGED_PDF = 'the PDF is damaged or is not a PDF';
/** A PDF whose page tree is empty. */
export const NO_PAGES = 'the PDF has no pages';

/** One page that pdf.js cannot draw, in a PDF that otherwise opens. */
export function damagedPdfPage(pageNumber: number): string {
  return `page ${pageNumber} of the PDF is damaged and cannot be shown`;
}
