/**
 * The desktop shell, end to end: the security settings the Electron checklist asks for, and a
 * smoke run of the central loop (library → document → sheets) in the real app.
 *
 * Electron's binary cannot be downloaded on the development machines, so the spec first looks
 * for one and skips itself, with the reason printed, when there is none. It never imports the
 * `electron` package at run time: without a binary that import throws, and a crash while
 * launching can take the Playwright worker down with it.
 *
 * Needs a build: `npm run build` (dist/renderer and dist/electron).
 */
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { findElectronBinary } from '../scripts/electron-binary.mjs';
import { annotate, annotationIdOf, highlightedText, typeBody } from './support/workstation';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mainBundle = path.join(projectRoot, 'dist/electron/main.cjs');
const rendererIndex = path.join(projectRoot, 'dist/renderer/index.html');

/** The keys of `MarginaliaBridge` (shared/bridge.ts), which is all the preload may expose. */
const BRIDGE_KEYS = ['appInfo', 'backups', 'onBeforeClose', 'onMenuCommand', 'openExternal', 'openFiles', 'printToPdf', 'saveFile', 'shell'];

const SAMPLE_TITLE = 'Ciphered Telegram from Mao Zedong to Filippov';

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const binary = findElectronBinary();
if ('skipReason' in binary) console.log(`[electron spec skipped] ${binary.skipReason}`);

/** The bridge as the page sees it; typed here so the spec does not depend on renderer globals. */
interface PageBridge {
  shell: string;
  appInfo(): Promise<{ name: string; version: string; shell: string; platform: string; userName: string }>;
  openExternal(url: unknown): Promise<{ opened: boolean; reason?: string }>;
}

test.describe('electron', { tag: '@electron' }, () => {
  test.skip('skipReason' in binary, 'skipReason' in binary ? binary.skipReason : '');
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let userDataDir: string;

  test.beforeAll(async () => {
    if (!('executable' in binary)) return;
    for (const built of [mainBundle, rendererIndex]) {
      if (!isFile(built)) throw new Error(`${path.relative(projectRoot, built)} is missing: run \`npm run build\` first.`);
    }
    // A fresh profile: an empty library, no remembered window, and its own single-instance lock.
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-electron-e2e-'));
    app = await _electron.launch({
      executablePath: binary.executable,
      args: [mainBundle, `--user-data-dir=${userDataDir}`],
      cwd: projectRoot,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  test('the window runs sandboxed, isolated, without Node', async () => {
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      if (windows.length !== 1) throw new Error(`expected one window, found ${windows.length}`);
      // Not in Electron's public typings, but present on WebContents; the spec names it if not.
      const contents = windows[0]!.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
      if (typeof contents.getLastWebPreferences !== 'function') throw new Error('webContents.getLastWebPreferences() is not available');
      const prefs = contents.getLastWebPreferences() ?? {};
      return {
        contextIsolation: prefs.contextIsolation,
        sandbox: prefs.sandbox,
        nodeIntegration: prefs.nodeIntegration,
        webSecurity: prefs.webSecurity,
      };
    });
    expect(preferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });

    const pageFacts = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      const exposed = scope.marginalia;
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        protocol: location.protocol,
        origin: location.origin,
        bridgeKeys: typeof exposed === 'object' && exposed !== null ? Object.keys(exposed).sort() : null,
        shell: (exposed as { shell?: unknown } | undefined)?.shell,
      };
    });
    expect(pageFacts).toEqual({
      require: 'undefined',
      process: 'undefined',
      protocol: 'app:',
      origin: 'app://marginalia',
      bridgeKeys: BRIDGE_KEYS,
      shell: 'electron',
    });
  });

  test('the bridge answers, and the main process validates what it is sent', async () => {
    const info = await page.evaluate(() => (globalThis as unknown as { marginalia: PageBridge }).marginalia.appInfo());
    expect(info).toMatchObject({ name: 'Marginalia', shell: 'electron', platform: process.platform });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);

    const refused = await page.evaluate(() =>
      (globalThis as unknown as { marginalia: PageBridge }).marginalia.openExternal('javascript:alert(1)'),
    );
    expect(refused.opened).toBe(false);

    const wrongShape = await page.evaluate(() =>
      (globalThis as unknown as { marginalia: PageBridge }).marginalia.openExternal(42).then(
        () => 'resolved',
        (error: unknown) => String(error),
      ),
    );
    expect(wrongShape).toMatch(/expects a string/);
  });

  test('window.open opens no window; a web link goes to the system browser instead', async () => {
    // Record links instead of launching a real browser from the test.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { marginaliaOpened: string[] }).marginaliaOpened = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
    });

    const returnedNull = await page.evaluate(() => window.open('https://example.org') === null);
    expect(returnedNull).toBe(true);
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { marginaliaOpened: string[] }).marginaliaOpened))
      .toEqual(['https://example.org/']);

    const windowOpenedFile = await page.evaluate(() => window.open('file:///etc/passwd') === null);
    expect(windowOpenedFile).toBe(true);

    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(() => (globalThis as unknown as { marginaliaOpened: string[] }).marginaliaOpened)).toEqual([
      'https://example.org/',
    ]);
  });

  test('the page cannot navigate away from the app', async () => {
    const before = page.url();
    expect(before.startsWith('app://marginalia/')).toBe(true);
    await page.evaluate(() => {
      location.href = 'https://example.org/';
    });
    // Give a navigation, were it allowed, time to start.
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });

  test('app:// serves the build with the CSP and refuses paths outside it', async () => {
    const index = await page.evaluate(async () => {
      const response = await fetch('app://marginalia/index.html');
      return {
        status: response.status,
        csp: response.headers.get('content-security-policy'),
        type: response.headers.get('content-type'),
        nosniff: response.headers.get('x-content-type-options'),
      };
    });
    expect(index).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, type: 'text/html; charset=utf-8', nosniff: 'nosniff' });

    const statuses = await page.evaluate(async () => {
      const urls = [
        'app://marginalia/..%2f..%2fpackage.json',
        'app://marginalia/%2e%2e/%2e%2e/package.json',
        'app://marginalia/no-such-file.js',
      ];
      return Promise.all(urls.map(async (url) => (await fetch(url)).status));
    });
    expect(statuses).toEqual([404, 404, 404]);
  });

  test('smoke: open the sample from the library and see its four sheets', async () => {
    const library = page.getByRole('navigation', { name: 'Library' });
    const sample = library.getByRole('button', { name: new RegExp(SAMPLE_TITLE) });
    await expect(sample).toBeVisible();
    await sample.click();

    const sheets = page.getByRole('navigation', { name: 'Sheets' });
    await expect(sheets).toBeVisible();
    // One tab per sheet, between the previous/next arrows (SheetNavigator.tsx).
    await expect(sheets.locator('.sheet-tab')).toHaveCount(4);
  });

  test('central loop: annotate words, the body is saved, a reload keeps it on the same words', async () => {
    const card = await annotate(page, 'Commentary', 'пошататься');
    await typeBody(page, 'OCR error for "поплатиться".');
    await expect(card.locator('.save-state')).toHaveText('Saved', { timeout: 5000 });
    const id = await annotationIdOf(card);
    await page.reload();
    await expect(page.locator('.annotation-card')).toHaveCount(1);
    expect(await highlightedText(page, id)).toBe('пошататься');
    await page.locator(`.hl[data-annotation-id="${id}"]`).click();
    await expect(page.locator('.annotation-card.open .body-editor-text')).toHaveText('OCR error for "поплатиться".');
  });
});
