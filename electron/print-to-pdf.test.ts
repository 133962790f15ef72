import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MAX_PRINT_HTML_BYTES } from '../shared/bridge';
import { checkPrintToPdfArguments, newPrintWindow, printPageUrl, renderPdf, utf8Length, type PrintWindow } from './print-to-pdf';

const PAGE = '<!DOCTYPE html>\n<html lang="en"><head><title>Telegram</title></head><body><p>Text</p></body></html>';

describe('checking a print request from the renderer', () => {
  it('accepts a page and a name, and makes the name a safe PDF name', () => {
    expect(checkPrintToPdfArguments('c', [PAGE, '../Telegram: 1951 (English)'])).toEqual({ html: PAGE, suggestedName: 'Telegram 1951 (English).pdf' });
  });

  it.each([
    [[PAGE]],
    [[PAGE, 'x', 'y']],
    [[42, 'x']],
    [[null, 'x']],
    [[new Uint8Array([60]), 'x']],
    [[PAGE, 7]],
    [[PAGE, 'x'.repeat(1001)]],
    [['<p>not a document</p>', 'x']],
    [['', 'x']],
  ])('refuses %j', (args) => {
    expect(() => checkPrintToPdfArguments('c', args)).toThrow();
  });

  it('refuses a page over the size limit, counted in UTF-8 bytes', () => {
    const filler = (n: number, char: string) => `<!DOCTYPE html><p>${char.repeat(n)}</p>`;
    const overhead = filler(0, 'a').length;
    expect(() => checkPrintToPdfArguments('c', [filler(MAX_PRINT_HTML_BYTES - overhead, 'a'), 'x'])).not.toThrow();
    expect(() => checkPrintToPdfArguments('c', [filler(MAX_PRINT_HTML_BYTES - overhead + 1, 'a'), 'x'])).toThrow(/larger than/);
    // Cyrillic takes two bytes a letter: half as many letters reach the limit.
    const half = Math.floor((MAX_PRINT_HTML_BYTES - overhead) / 2);
    expect(() => checkPrintToPdfArguments('c', [filler(half, 'ж'), 'x'])).not.toThrow();
    expect(() => checkPrintToPdfArguments('c', [filler(half + 1, 'ж'), 'x'])).toThrow(/larger than/);
  });

  it('counts UTF-8 bytes as TextEncoder does', () => {
    for (const text of ['', 'abc', 'военная разгранлиния', '中文', '😀 emoji', 'lone \ud800 surrogate', 'end \udc00']) {
      expect(utf8Length(text), text).toBe(new TextEncoder().encode(text).byteLength);
    }
  });
});

describe('the page URL', () => {
  it('is a base64 data: URL holding the page exactly', () => {
    const html = '<!DOCTYPE html><p>#%?&amp; военная</p>';
    const url = printPageUrl(html);
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(url).not.toContain('#');
    expect(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')).toBe(html);
  });
});

describe('the print window', () => {
  class RecordingWindow {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  }
  const { options } = newPrintWindow(RecordingWindow);

  it('is hidden, sandboxed, isolated, without Node, preload or JavaScript', () => {
    const prefs = options.webPreferences!;
    expect(options.show).toBe(false);
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs).not.toHaveProperty('partition');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('rendering a PDF', () => {
  function fakeWindow(behaviour: { load?: () => Promise<void>; print?: () => Promise<Uint8Array> } = {}) {
    let destroyed = false;
    const win = {
      loaded: [] as string[],
      webContents: {
        loadURL: vi.fn(async (url: string) => {
          win.loaded.push(url);
          await behaviour.load?.();
        }),
        printToPDF: vi.fn(async () => (behaviour.print ? behaviour.print() : new Uint8Array([37, 80, 68, 70]))),
      },
      destroy: vi.fn(() => void (destroyed = true)),
      isDestroyed: () => destroyed,
    } satisfies PrintWindow & { loaded: string[] };
    return win;
  }

  it('loads the page, prints it on A4 with its own page CSS, and destroys the window', async () => {
    const win = fakeWindow();
    const pdf = await renderPdf(() => win, PAGE);
    expect(pdf).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(win.loaded).toEqual([printPageUrl(PAGE)]);
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true }));
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });

  it('destroys the window when loading fails', async () => {
    const win = fakeWindow({ load: () => Promise.reject(new Error('ERR_INVALID_URL')) });
    await expect(renderPdf(() => win, PAGE)).rejects.toThrow('ERR_INVALID_URL');
    expect(win.webContents.printToPDF).not.toHaveBeenCalled();
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });

  it('gives up, and destroys the window, when printing hangs', async () => {
    const win = fakeWindow({ print: () => new Promise<Uint8Array>(() => {}) });
    await expect(renderPdf(() => win, PAGE, 20)).rejects.toThrow(/longer than/);
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });
});
