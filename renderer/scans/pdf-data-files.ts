/**
 * The data files pdf.js reads while drawing some PDFs, bundled with the app so that nothing is
 * ever fetched from the network:
 * - CMaps (`cmaps/*.bcmap`), for text in CJK fonts that the PDF does not embed;
 * - the standard fonts (`standard_fonts/`), for the 14 base fonts (Helvetica, Times …) that
 *   PDFs may name without embedding;
 * - the WebAssembly decoders (`wasm/`) for JPEG 2000 and JBIG2 images, common in scanned PDFs.
 *   (Not `qcms_bg.wasm`: pdf.js uses its ICC colour management only with `useWorkerFetch`, and
 *   otherwise draws ICC-based colours through their alternate colour space.)
 *
 * Vite emits each file under a hashed name, and pdf.js asks for files by their plain names
 * (`UniGB-UCS2-H.bcmap`), so pdf.js is given this factory (its `BinaryDataFactory` option,
 * with `useWorkerFetch: false`) to map one to the other. Files are fetched only when a PDF
 * needs them, from the app's own origin (`connect-src 'self'`).
 */
import jpxFallbackUrl from 'pdfjs-dist/wasm/openjpeg_nowasm_fallback.js?url';

/** Asset URLs keyed by file name, from an eager `import.meta.glob` of `?url` imports. */
function byFileName(urls: Record<string, string>): ReadonlyMap<string, string> {
  return new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));
}

// import.meta.glob takes literal patterns only, and bare package names are not allowed there.
const FILES: Readonly<Record<string, ReadonlyMap<string, string>>> = {
  cMapUrl: byFileName(import.meta.glob<string>('../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url', import: 'default', eager: true })),
  standardFontDataUrl: byFileName(
    import.meta.glob<string>('../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', { query: '?url', import: 'default', eager: true }),
  ),
  wasmUrl: byFileName(import.meta.glob<string>('../../node_modules/pdfjs-dist/wasm/{jbig2,openjpeg}.wasm', { query: '?url', import: 'default', eager: true })),
};

/**
 * What pdf.js calls to get a data file, by kind (`cMapUrl`, `standardFontDataUrl`,
 * `wasmUrl`) and plain file name. pdf.js constructs it itself, with the URL options, which
 * it does not need.
 */
export class BundledPdfDataFactory {
  /** Fetches one bundled file; rejects for a file that is not bundled (pdf.js then does without it). */
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = FILES[kind]?.get(filename);
    if (url === undefined) throw new Error(`pdf.js data file not bundled: ${kind} ${filename}`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`pdf.js data file ${filename}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

/**
 * The value for pdf.js's `wasmUrl` option. With `useWorkerFetch: false` the wasm files come
 * through the factory above, and the worker uses `wasmUrl` for one thing only: when
 * WebAssembly cannot run, it imports `${wasmUrl}openjpeg_nowasm_fallback.js`, a JPEG 2000
 * decoder in plain JavaScript. That happens in the Electron shell, which sends our CSP with
 * the worker script too, and `script-src 'self'` forbids compiling WebAssembly. Vite emits
 * that file under a hashed name, so the "folder" given here is the file's own absolute URL
 * followed by `#/`: the worker's import then loads that very file, with a fragment it ignores.
 */
// Resolved against this module rather than the page so that it is absolute in the worker too,
// and so that importing this module needs no `document` (unit tests run under Node).
export const PDF_WASM_URL = `${new URL(jpxFallbackUrl, import.meta.url).href}#/`;
