/**
 * Printing the English rendering to PDF (desktop only): the renderer hands over the standalone
 * HTML page that `shared/rendering` writes (no scripts; a CSP meta that allows nothing but its
 * inline stylesheet), and the main process renders it in a hidden window of its own and asks
 * Chromium for a PDF.
 *
 * The page is untrusted input as far as this process is concerned, so:
 *  - the arguments are checked (two strings; the page at most MAX_PRINT_HTML_BYTES in UTF-8,
 *    and an HTML document; the name made safe) before anything else happens;
 *  - the window is never shown, runs sandboxed with context isolation, no Node, no preload, and
 *    JavaScript switched off, so nothing in the page can run even if its CSP were wrong;
 *  - the page is loaded from a `data:` URL, an opaque origin: it cannot reach the app's origin,
 *    its IndexedDB or the bridge, and like every webContents it cannot navigate or open windows
 *    (`guardWebContents`, installed on every webContents in main.ts);
 *  - the window is destroyed when the PDF is made, or when making it fails or takes too long.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { MAX_PRINT_HTML_BYTES, safeFileName } from '../shared/bridge';

/** How long loading and printing may take before we give up. */
export const PRINT_TIMEOUT_MS = 60_000;

export interface PrintToPdfArguments {
  html: string;
  suggestedName: string;
}

/** The call's arguments, checked, or an Error saying what was wrong. */
export function checkPrintToPdfArguments(channel: string, args: readonly unknown[]): PrintToPdfArguments {
  if (args.length !== 2) throw new Error(`${channel} takes two arguments, got ${args.length}.`);
  const [html, suggestedName] = args;
  if (typeof html !== 'string') throw new Error(`${channel}: the page must be a string, got ${html === null ? 'null' : typeof html}.`);
  if (typeof suggestedName !== 'string' || suggestedName.length > 1000) throw new Error(`${channel}: the suggested name must be a short string.`);
  // UTF-8 takes at least one byte per UTF-16 unit, so a longer string is too large without encoding it.
  if (html.length > MAX_PRINT_HTML_BYTES || utf8Length(html) > MAX_PRINT_HTML_BYTES) {
    throw new Error(`${channel}: the page is larger than ${MAX_PRINT_HTML_BYTES} bytes, the most that can be printed here.`);
  }
  if (!/^\s*<!DOCTYPE html>/i.test(html)) throw new Error(`${channel}: the page is not an HTML document.`);
  return { html, suggestedName: safeFileName(suggestedName, 'pdf') };
}

/** The number of bytes of a string in UTF-8 (lone surrogates count as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The page as a `data:` URL (base64, so no character of the page is read as part of the URL). */
export function printPageUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

/** The parts of a BrowserWindow printing uses: Electron's in main.ts, a stand-in in tests. */
export interface PrintWindow {
  readonly webContents: {
    loadURL(url: string): Promise<void>;
    printToPDF(options: { pageSize: 'A4'; printBackground: boolean; preferCSSPageSize: boolean; generateDocumentOutline: boolean }): Promise<Uint8Array>;
  };
  destroy(): void;
  isDestroyed(): boolean;
}

export type PrintWindowConstructor<Window> = new (options: BrowserWindowConstructorOptions) => Window;

/**
 * The hidden window a page is printed in. As with the main window (window-options.ts), the
 * options are written out in the `new` expression so static checkers see them.
 */
export function newPrintWindow<Window>(BrowserWindow: PrintWindowConstructor<Window>): Window {
  return new BrowserWindow({
    show: false,
    width: 800,
    height: 1100,
    webPreferences: {
      // No preload: the printed page gets no bridge.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // The page is text and styles; nothing in it may run.
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      // The default session, on purpose: it carries the app's permission policy (nothing for
      // anyone but app://marginalia), where a partition of its own would start with none.
    },
  });
}

/** Renders the page in a hidden window and answers the PDF's bytes; the window is always destroyed. */
export async function renderPdf<Window extends PrintWindow>(
  createWindow: () => Window,
  html: string,
  timeoutMs = PRINT_TIMEOUT_MS,
): Promise<Uint8Array> {
  const win = createWindow();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const work = (async () => {
      await win.webContents.loadURL(printPageUrl(html));
      return win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateDocumentOutline: true });
    })();
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`printing took longer than ${Math.round(timeoutMs / 1000)} seconds`)), timeoutMs);
    });
    return new Uint8Array(await Promise.race([work, timeout]));
  } finally {
    clearTimeout(timer);
    if (!win.isDestroyed()) win.destroy();
  }
}
