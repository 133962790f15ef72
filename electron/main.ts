/**
 * The Electron main process: one window, one origin, a narrow bridge.
 *
 * The renderer is the same web app that runs in a plain browser. This process gives it a
 * window, serves its files from the privileged `app://marginalia/` scheme, answers the few
 * bridge calls declared in `shared/bridge.ts`, and otherwise keeps it in the browser's
 * sandbox: no Node, no navigation away, no new windows, no permissions beyond persistent
 * storage, and every IPC message checked for where it came from (Electron security checklist).
 *
 * The logic worth testing lives in small modules beside this file; this one wires them to
 * Electron. The security configuration is in window-options.ts, session-policy.ts and
 * trusted-ipc.ts; security.test.ts checks those and also runs this file against a recording
 * stand-in for `electron` to check that it installs them (docs/security.md).
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
} from 'electron';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  IPC,
  isOpenFilesPurpose,
  type AppInfo,
  type BackupInfo,
  type MenuCommand,
  type OpenedFile,
  type OpenExternalResult,
  type SaveFileResult,
} from '../shared/bridge';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin';
import { expectNoArguments, expectOneString } from './ipc-arguments';
import { buildMenuTemplate } from './menu-template';
import { openDialogOptions, readChosenFiles } from './open-files';
import { checkSaveFileArguments, saveDialogOptions, writeWhole } from './save-file';
import { checkPrintToPdfArguments, newPrintWindow, renderPdf } from './print-to-pdf';
import { filePathForAppUrl, mimeTypeFor } from './protocol-paths';
import { waitForRendererFlush, type FlushChannel } from './renderer-flush';
import { isTrustedSender, type SenderFacts } from './sender-validation';
import { APP_SCHEME_PRIVILEGES, applySessionPolicy, guardWebContents, openInSystemBrowser, SECURITY_HEADERS } from './session-policy';
import { handleTrusted, onTrusted } from './trusted-ipc';
import { checkBackupArguments, isBackupName, listBackups, writeBackup, type BackupFolder } from './backups';
import { newMainWindow, preloadPathFor } from './window-options';
import { placeWindow, type Rect } from './window-state';
import { loadWindowState, saveWindowState, WINDOW_STATE_FILE } from './window-state-store';

/** The product name shown to users (the npm package name is lower-case). */
const APP_NAME = 'Marginalia';

/** The Vite build of the renderer. Found relative to this bundle (`dist/electron/main.cjs`). */
const RENDERER_ROOT = path.join(__dirname, '../renderer');

/** The bundled preload (`dist/electron/preload.cjs`); sandboxed preloads cannot load other files. */
const PRELOAD_PATH = preloadPathFor(__dirname);

/** How long a closing window waits for the renderer to finish saving. */
const CLOSE_FLUSH_TIMEOUT_MS = 5_000;

/** How long window moves and resizes settle before the state file is written. */
const WINDOW_STATE_SAVE_DELAY_MS = 500;

/**
 * An upper bound on a string argument before any parsing: far above the longest valid link
 * (`MAX_EXTERNAL_URL_LENGTH`, which `checkExternalUrl` reports with a reason), low enough that
 * a hostile renderer cannot make the main process chew on megabytes.
 */
const MAX_IPC_STRING_LENGTH = 64 * 1024;

// Both must happen before the app is ready: privileged schemes are fixed at startup, and the
// sandbox switch applies to every renderer Chromium starts.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
/** Set when the user asked to quit, so a window closed after flushing also ends the app on macOS. */
let quitRequested = false;

if (app.requestSingleInstanceLock()) {
  start();
} else {
  // Another Marginalia owns this profile; two processes writing one IndexedDB would corrupt it.
  // That instance receives 'second-instance' and brings its window forward.
  app.quit();
}

function start(): void {
  if (process.platform === 'win32') app.setAppUserModelId('org.marginalia.app');

  app.on('second-instance', () => {
    if (mainWindow === null || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  // Applies to every webContents, including ones we never meant to create.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));

  app.on('before-quit', () => {
    quitRequested = true;
  });

  app.on('window-all-closed', () => {
    // macOS apps stay active without windows, unless the user asked to quit.
    if (process.platform !== 'darwin' || quitRequested) app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });

  registerIpcHandlers();

  app
    .whenReady()
    .then(() => {
      applySessionPolicy(session.defaultSession);
      protocol.handle(APP_SCHEME, serveAppRequest);
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, appName: APP_NAME, send: sendMenuCommand }),
        ),
      );
      createMainWindow();
    })
    .catch((error: unknown) => {
      console.error('Marginalia failed to start:', error);
      app.exit(1);
    });
}

// ---------------------------------------------------------------------------------------------
// Links to the web

/**
 * The one place this process calls `shell.openExternal`. It is reached only through
 * `openInSystemBrowser` (session-policy.ts), which hands it URLs that `checkExternalUrl`
 * accepted (http and https), parsed and re-serialised.
 */
function openExternal(url: string): Promise<void> {
  return shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: validated by openInSystemBrowser
}

// ---------------------------------------------------------------------------------------------
// The app:// protocol

function textResponse(status: number, text: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extraHeaders },
  });
}

/**
 * Serves a file of the renderer build. Anything that does not map to a regular file inside
 * `RENDERER_ROOT` (traversal attempts included) is a 404, so the response does not reveal
 * whether a path outside the root exists.
 */
async function serveAppRequest(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  }
  const filePath = filePathForAppUrl(request.url, RENDERER_ROOT);
  if (filePath === null) return textResponse(404, 'Not found');
  try {
    const stats = await fs.stat(filePath);
    if (!stats.isFile()) return textResponse(404, 'Not found');
    // Read with fs rather than net.fetch(file://) so the response does not depend on file://
    // privileges (the grantFileProtocolExtraPrivileges fuse is off) and carries our headers.
    const body = request.method === 'HEAD' ? null : await fs.readFile(filePath);
    return new Response(body, {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': mimeTypeFor(filePath),
        'Content-Length': String(stats.size),
      },
    });
  } catch {
    return textResponse(404, 'Not found');
  }
}

// ---------------------------------------------------------------------------------------------
// The window

function createMainWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const stored = loadWindowState(stateFile);
  const primary = screen.getPrimaryDisplay();
  const workAreas: Rect[] = [primary.workArea, ...screen.getAllDisplays().filter((d) => d.id !== primary.id).map((d) => d.workArea)];
  const bounds = placeWindow(stored?.bounds ?? null, workAreas);

  // The options, webPreferences included, are in window-options.ts (checked by security.test.ts).
  const win = newMainWindow(BrowserWindow, { bounds, title: APP_NAME, preloadPath: PRELOAD_PATH });
  mainWindow = win;

  win.once('ready-to-show', () => {
    if (stored?.maximized) win.maximize();
    win.show();
  });

  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (isMainFrame) console.error(`Could not load ${validatedURL}: ${errorDescription} (${errorCode})`);
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`The renderer stopped: ${details.reason} (exit code ${details.exitCode})`);
  });

  rememberWindowState(win, stateFile);
  flushRendererBeforeClose(win);

  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });

  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** Writes the window's normal bounds and maximized flag when they settle and when it closes. */
function rememberWindowState(win: BrowserWindow, stateFile: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return;
    try {
      saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (error) {
      // Losing the window position is not worth interrupting the user for.
      console.warn('Could not save the window state:', error);
    }
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, WINDOW_STATE_SAVE_DELAY_MS);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', save);
  win.on('closed', () => clearTimeout(timer));
}

/**
 * Holds the first close of the window until the renderer has saved: the close is prevented,
 * the renderer is sent `IPC.beforeClose`, and the window closes for real when it answers
 * `IPC.closeReady`, stops, or `CLOSE_FLUSH_TIMEOUT_MS` passes.
 */
function flushRendererBeforeClose(win: BrowserWindow): void {
  let phase: 'open' | 'flushing' | 'flushed' = 'open';
  win.on('close', (event) => {
    if (phase === 'flushed') return;
    if (win.webContents.isCrashed()) {
      phase = 'flushed'; // nobody left to wait for
      return;
    }
    event.preventDefault();
    if (phase === 'flushing') return; // a second click on the close button while we wait
    phase = 'flushing';

    const contents = win.webContents;
    const channel: FlushChannel = {
      request: () => contents.send(IPC.beforeClose),
      onReady: (listener) => onTrusted(ipcMain, IPC.closeReady, isFromOurApp, () => listener()),
      onGone: (listener) => {
        contents.on('render-process-gone', listener);
        contents.on('destroyed', listener);
        return () => {
          contents.removeListener('render-process-gone', listener);
          contents.removeListener('destroyed', listener);
        };
      },
    };
    void waitForRendererFlush(channel, CLOSE_FLUSH_TIMEOUT_MS).then((outcome) => {
      if (outcome === 'timeout') console.warn(`The renderer did not confirm saving within ${CLOSE_FLUSH_TIMEOUT_MS} ms; closing anyway.`);
      phase = 'flushed';
      if (!win.isDestroyed()) win.close();
      // Preventing the close cancelled a quit in progress; resume it.
      if (quitRequested) app.quit();
    });
  });
}

function sendMenuCommand(command: MenuCommand): void {
  if (mainWindow === null || mainWindow.isDestroyed()) return;
  mainWindow.webContents.send(IPC.menuCommand, command);
}

// ---------------------------------------------------------------------------------------------
// IPC

/** What we know about the frame behind an IPC message, for `isTrustedSender`. */
function senderFacts(event: IpcMainEvent | IpcMainInvokeEvent): SenderFacts {
  const win = mainWindow;
  const frame = event.senderFrame;
  const fromOurWindow = win !== null && !win.isDestroyed() && event.sender.id === win.webContents.id;
  const mainFrame = fromOurWindow ? win.webContents.mainFrame : null;
  return {
    frameUrl: frame?.url ?? null,
    fromOurWindow,
    isMainFrame:
      frame !== null &&
      mainFrame !== null &&
      frame.parent === null &&
      frame.processId === mainFrame.processId &&
      frame.routingId === mainFrame.routingId,
    detached: frame?.detached ?? true,
  };
}

/** Whether a message came from our app's main frame; every IPC registration checks this first. */
function isFromOurApp(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  return isTrustedSender(senderFacts(event));
}

function appInfo(): AppInfo {
  let userName = '';
  try {
    userName = os.userInfo().username;
  } catch {
    // No passwd entry (some containers) or no permission: the renderer asks for a name instead.
  }
  return { name: APP_NAME, version: app.getVersion(), shell: 'electron', platform: process.platform, userName };
}

/** The backups folder on disk: created when first written; files written whole (see save-file.ts). */
function backupFolderAt(folder: string): BackupFolder {
  return {
    list: async () => {
      const names = await fs.readdir(folder).catch(() => [] as string[]);
      return Promise.all(names.map(async (name) => ({ name, size: (await fs.stat(path.join(folder, name))).size })));
    },
    write: async (name, bytes) => {
      await fs.mkdir(folder, { recursive: true });
      await writeWhole(path.join(folder, name), bytes, { writeFile: (f, b) => fs.writeFile(f, b), rename: (a, b) => fs.rename(a, b), rm: (f, o) => fs.rm(f, o) });
    },
    read: async (name) => new Uint8Array(await fs.readFile(path.join(folder, name))),
    remove: (name) => fs.rm(path.join(folder, name), { force: true }),
  };
}

/** Every channel the renderer may invoke; each goes through `handleTrusted` (sender first). */
function registerIpcHandlers(): void {
  handleTrusted(ipcMain, IPC.appInfo, isFromOurApp, (_event, args): AppInfo => {
    expectNoArguments(IPC.appInfo, args);
    return appInfo();
  });

  handleTrusted(ipcMain, IPC.openFiles, isFromOurApp, async (event, args): Promise<OpenedFile[]> => {
    const purpose = expectOneString(IPC.openFiles, args, MAX_IPC_STRING_LENGTH);
    if (!isOpenFilesPurpose(purpose)) throw new Error(`${IPC.openFiles}: unknown purpose ${JSON.stringify(purpose)}.`);
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = openDialogOptions(purpose);
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    if (result.canceled) return [];
    return readChosenFiles(result.filePaths, purpose, { stat: (f) => fs.stat(f), readFile: (f) => fs.readFile(f) });
  });

  handleTrusted(ipcMain, IPC.saveFile, isFromOurApp, async (event, args): Promise<SaveFileResult> => {
    const { purpose, suggestedName, bytes } = checkSaveFileArguments(IPC.saveFile, args);
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = saveDialogOptions(purpose, suggestedName, app.getPath('documents'));
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false, reason: '' };
    try {
      await writeWhole(result.filePath, bytes, { writeFile: (f, b) => fs.writeFile(f, b), rename: (a, b) => fs.rename(a, b), rm: (f, o) => fs.rm(f, o) });
      return { saved: true, where: result.filePath };
    } catch (error) {
      return { saved: false, reason: `The file could not be written: ${error instanceof Error ? error.message : String(error)}` };
    }
  });

  // The English rendering printed to PDF: the page is rendered in a hidden window with
  // JavaScript off (print-to-pdf.ts), after the user has chosen where the PDF goes.
  handleTrusted(ipcMain, IPC.printToPdf, isFromOurApp, async (event, args): Promise<SaveFileResult> => {
    const { html, suggestedName } = checkPrintToPdfArguments(IPC.printToPdf, args);
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = saveDialogOptions('pdf', suggestedName, app.getPath('documents'));
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false, reason: '' };
    let pdf: Uint8Array;
    try {
      pdf = await renderPdf(() => newPrintWindow(BrowserWindow), html);
    } catch (error) {
      return { saved: false, reason: `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}` };
    }
    try {
      await writeWhole(result.filePath, pdf, { writeFile: (f, b) => fs.writeFile(f, b), rename: (a, b) => fs.rename(a, b), rm: (f, o) => fs.rm(f, o) });
      return { saved: true, where: result.filePath };
    } catch (error) {
      return { saved: false, reason: `The file could not be written: ${error instanceof Error ? error.message : String(error)}` };
    }
  });

  // Backups: files of our own in the data folder; a name to read must be one of them.
  const backupFolder = backupFolderAt(path.join(app.getPath('userData'), 'backups'));
  handleTrusted(ipcMain, IPC.writeBackup, isFromOurApp, async (_event, args): Promise<BackupInfo> => {
    const { bytes, keep } = checkBackupArguments(IPC.writeBackup, args);
    const name = await writeBackup(backupFolder, bytes, keep);
    return (await listBackups(backupFolder)).find((b) => b.name === name) ?? { name, size: bytes.byteLength, created: new Date().toISOString() };
  });
  handleTrusted(ipcMain, IPC.listBackups, isFromOurApp, async (_event, args): Promise<BackupInfo[]> => {
    expectNoArguments(IPC.listBackups, args);
    return listBackups(backupFolder);
  });
  handleTrusted(ipcMain, IPC.readBackup, isFromOurApp, async (_event, args): Promise<Uint8Array> => {
    const name = expectOneString(IPC.readBackup, args, MAX_IPC_STRING_LENGTH);
    if (!isBackupName(name)) throw new Error(`${IPC.readBackup}: ${JSON.stringify(name)} is not a backup.`);
    return backupFolder.read(name);
  });

  handleTrusted(ipcMain, IPC.openExternal, isFromOurApp, async (_event, args): Promise<OpenExternalResult> => {
    const url = expectOneString(IPC.openExternal, args, MAX_IPC_STRING_LENGTH);
    try {
      return await openInSystemBrowser(url, openExternal);
    } catch (error) {
      return { opened: false, reason: `The system could not open the link: ${error instanceof Error ? error.message : String(error)}` };
    }
  });
}
