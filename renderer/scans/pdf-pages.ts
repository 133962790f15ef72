/**
 * A PDF as a source of page scans: pdf.js draws one page at a time into a canvas, which is
 * encoded as a JPEG and released before the next page is drawn, so a PDF of hundreds of pages
 * never holds more than one page's pixels in memory.
 *
 * pdf.js parses the file in its Web Worker; only drawing happens on the window's thread, in
 * slices of about 15 ms between animation frames, so the window keeps repainting (a progress
 * bar moves) while a page is drawn. Chromium pauses animation frames while the window is hidden
 * or minimised, so an import pauses then and goes on when the window is shown. Load this module with a dynamic `import()` where a PDF is
 * actually imported: pdf.js is about 400 kB of script the app does not need at start.
 *
 * How pdf.js is set up, and why:
 * - `isEvalSupported: false`: the CSP (`script-src 'self'`) forbids `eval`, which pdf.js would
 *   otherwise try for faster font drawing.
 * - nothing from the network: CMaps, standard fonts and wasm decoders are bundled
 *   (`pdf-data-files.ts`), and `useSystemFonts: false` draws the 14 standard fonts from those
 *   bundled files, so a page looks the same on every computer.
 * - `maxImageSize`: an image inside the PDF above the scan pixel limit is left out of the page
 *   instead of exhausting memory.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { ImportError } from '../../shared/importers/import-error';
import { sniffScanFormat } from '../../shared/importers/scan-format';
import type { DecodedScan } from './decoded-scan';
import { BundledPdfDataFactory, PDF_WASM_URL } from './pdf-data-files';
import { checkScanFileSize, MAX_SCAN_PIXELS } from './scan-limits';
import { DAMAGED_PDF, damagedPdfPage, NO_PAGES, PASSWORD_PROTECTED } from './scan-messages';
import { makeThumbnail } from './thumbnail';

GlobalWorkerOptions.workerSrc = workerUrl;

/** An open PDF, drawn page by page. */
export interface PdfSource {
  /** Number of pages, at least 1. */
  readonly pageCount: number;
  /**
   * Draws page `pageNumber` (1-based) as a scan. Calls are queued, so that only one page is in
   * memory at a time even if the caller does not wait. Rejects with `signal.reason` (an
   * "AbortError" `DOMException` unless the caller chose another) when `signal` is aborted
   * before or while the page is drawn, and with an `ImportError` when the page is damaged.
   */
  renderPage(pageNumber: number, signal: AbortSignal): Promise<DecodedScan>;
  /** Ends the pdf.js worker and frees the document. Safe to call twice. */
  close(): Promise<void>;
}

/** About 170 dpi for an A4 page: the writing on a typed or handwritten sheet stays legible when zoomed. */
export const PDF_PAGE_LONG_SIDE = 2000;
/**
 * Rendered pages are JPEGs at quality 0.9, whatever they hold. Measured at 2000 px in Chromium
 * 156: a scanned page is 328 kB as JPEG and 1,753 kB as PNG; a page of dense 11 pt text is
 * 927 kB as JPEG and 823 kB as PNG, with a largest channel error of 21/255 (mean 0.9) and no
 * difference visible at 4× zoom. PNG's small gain on text pages does not pay for its fivefold
 * cost on scans, which are what archival PDFs mostly hold.
 */
export const PDF_PAGE_JPEG_QUALITY = 0.9;

/**
 * Opens a PDF. Refuses files over the size limit, files that are not PDFs, PDFs protected by
 * a password, PDFs pdf.js cannot read and PDFs without pages, each with an `ImportError`.
 *
 * `bytes` is handed over to the pdf.js worker (its buffer is transferred, not copied, which
 * matters for a file of hundreds of megabytes): it is empty afterwards. Make a Blob of it
 * first if the original file is to be kept.
 *
 * `signal` aborts a slow opening (a very large file); the promise then rejects with its reason.
 */
export async function openPdf(fileName: string, bytes: Uint8Array, signal?: AbortSignal): Promise<PdfSource> {
  checkScanFileSize(fileName, bytes.byteLength);
  if (sniffScanFormat(bytes) !== 'pdf') throw new ImportError(fileName, DAMAGED_PDF);
  signal?.throwIfAborted();
  const loadingTask = getDocument({
    data: bytes,
    isEvalSupported: false,
    useWorkerFetch: false,
    BinaryDataFactory: BundledPdfDataFactory,
    wasmUrl: PDF_WASM_URL,
    useSystemFonts: false,
    maxImageSize: MAX_SCAN_PIXELS,
    enableXfa: false,
    // Errors only: pdf.js warns on every recoverable oddity of real-world files.
    verbosity: 0,
  });
  const onAbort = () => void loadingTask.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  let document: PDFDocumentProxy;
  try {
    document = await loadingTask.promise;
  } catch (error) {
    await loadingTask.destroy();
    signal?.throwIfAborted();
    throw new ImportError(fileName, isPasswordError(error) ? PASSWORD_PROTECTED : DAMAGED_PDF);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (document.numPages < 1) {
    await loadingTask.destroy();
    throw new ImportError(fileName, NO_PAGES);
  }
  return new OpenPdf(fileName, loadingTask, document);
}

/**
 * pdf.js's `PasswordException` is not exported, and errors from the worker are rebuilt on
 * this side by name, so the name is what identifies it.
 */
function isPasswordError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'PasswordException';
}

/** The scale that gives the page `PDF_PAGE_LONG_SIDE` pixels on its long side. */
function pageScale(page: PDFPageProxy): number {
  const { width, height } = page.getViewport({ scale: 1 });
  return PDF_PAGE_LONG_SIDE / Math.max(width, height, 1);
}

class OpenPdf implements PdfSource {
  readonly pageCount: number;
  /** The last queued render; each new one starts when it settles. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly fileName: string,
    private readonly loadingTask: PDFDocumentLoadingTask,
    private readonly document: PDFDocumentProxy,
  ) {
    this.pageCount = document.numPages;
  }

  renderPage(pageNumber: number, signal: AbortSignal): Promise<DecodedScan> {
    if (this.closed) return Promise.reject(new Error('renderPage: the PDF is closed'));
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > this.pageCount) {
      return Promise.reject(new RangeError(`renderPage: page ${pageNumber} of ${this.pageCount}`));
    }
    const result = this.queue.then(() => this.render(pageNumber, signal));
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.loadingTask.destroy();
  }

  private damagedPage(pageNumber: number): ImportError {
    return new ImportError(this.fileName, damagedPdfPage(pageNumber));
  }

  private async render(pageNumber: number, signal: AbortSignal): Promise<DecodedScan> {
    signal.throwIfAborted();
    if (this.closed) throw new Error('renderPage: the PDF is closed');
    let page: PDFPageProxy;
    try {
      page = await this.document.getPage(pageNumber);
    } catch {
      throw this.damagedPage(pageNumber);
    }
    try {
      const viewport = page.getViewport({ scale: pageScale(page) });
      const canvas = new OffscreenCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)));
      try {
        // pdf.js draws on an OffscreenCanvas as on a <canvas> (it only calls getContext), though
        // its types name the element; an OffscreenCanvas needs no document and is freed sooner.
        const task = page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport });
        const cancel = () => task.cancel();
        signal.addEventListener('abort', cancel, { once: true });
        try {
          await task.promise;
        } catch (error) {
          signal.throwIfAborted();
          throw error instanceof ImportError ? error : this.damagedPage(pageNumber);
        } finally {
          signal.removeEventListener('abort', cancel);
        }
        signal.throwIfAborted();
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: PDF_PAGE_JPEG_QUALITY });
        const thumbnail = await makeThumbnail(canvas);
        return { blob, mime: 'image/jpeg', width: canvas.width, height: canvas.height, thumbnail };
      } finally {
        // Free the page's pixels now, not at the next garbage collection.
        canvas.width = 0;
        canvas.height = 0;
      }
    } finally {
      page.cleanup();
    }
  }
}
