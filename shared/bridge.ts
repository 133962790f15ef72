/**
 * The bridge: the whole of what the renderer may ask of its host.
 *
 * The renderer never touches the filesystem or Node. In Electron the preload script
 * implements this interface with `ipcRenderer.invoke`, and the main process validates every
 * call (sender frame, argument shapes) with the guards below. In a plain browser,
 * `renderer/platform/browser-bridge.ts` implements the same interface with web APIs.
 *
 * Keep this contract narrow: every method added here is attack surface in the main process.
 */

/** Which shell hosts the renderer. */
export type ShellKind = 'electron' | 'browser';

/** Facts about the running application, shown in Help → About and used for the default creator name. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly shell: ShellKind;
  /** e.g. "linux", "darwin", "win32"; "web" in a browser. */
  readonly platform: string;
  /** The operating-system account name, used as the default annotator name; empty when unknown. */
  readonly userName: string;
}

/** Commands the native menu (or the browser's keyboard shortcuts) sends to the renderer. */
export const MENU_COMMANDS = [
  'file.importDocuments',
  'file.addScans',
  'file.openPack',
  'file.exportPack',
  'file.backups',
  'file.exportTei',
  'file.exportEnglish',
  'file.glossary',
  'file.closeDocument',
  'edit.undoAnnotationChange',
  'edit.toggleTranscriptionEditing',
  'view.nextSheet',
  'view.previousSheet',
  'view.toggleMetadata',
  'view.toggleAnnotations',
  'view.toggleTranslation',
  'view.focusLibrary',
  'view.layoutSideBySide',
  'view.layoutStacked',
  'view.layoutScanOnly',
  'view.layoutTextOnly',
  'help.about',
  'help.shortcuts',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** The outcome of asking the host to open a link in the system browser. */
export type OpenExternalResult = { readonly opened: true } | { readonly opened: false; readonly reason: string };

export type Unsubscribe = () => void;

/** What the user is choosing files for; it decides the dialog's title and file filters. */
export const OPEN_FILES_PURPOSES = ['documents', 'scans', 'packs', 'glossary'] as const;
export type OpenFilesPurpose = (typeof OPEN_FILES_PURPOSES)[number];

export function isOpenFilesPurpose(value: unknown): value is OpenFilesPurpose {
  return typeof value === 'string' && (OPEN_FILES_PURPOSES as readonly string[]).includes(value);
}

/** The file extensions offered for each purpose (without dots). */
export const OPEN_FILES_EXTENSIONS: Readonly<Record<OpenFilesPurpose, readonly string[]>> = {
  documents: ['txt', 'text', 'md', 'markdown', 'xml'],
  scans: ['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff', 'pdf'],
  packs: ['mpack', 'jsonld', 'json'],
  glossary: ['csv', 'tsv', 'tbx', 'xml'],
};

/** What the user is saving: it decides the save dialog's title and file type. */
export const SAVE_FILE_PURPOSES = ['tei', 'pack', 'annotations', 'glossary-csv', 'glossary-tbx', 'docx', 'markdown', 'html', 'pdf'] as const;
export type SaveFilePurpose = (typeof SAVE_FILE_PURPOSES)[number];

export function isSaveFilePurpose(value: unknown): value is SaveFilePurpose {
  return typeof value === 'string' && (SAVE_FILE_PURPOSES as readonly string[]).includes(value);
}

export const SAVE_FILE_TYPES: Readonly<Record<SaveFilePurpose, { name: string; extension: string; mime: string }>> = {
  tei: { name: 'TEI XML', extension: 'xml', mime: 'application/tei+xml' },
  pack: { name: 'Marginalia annotation pack', extension: 'mpack', mime: 'application/zip' },
  annotations: { name: 'W3C Web Annotations (JSON-LD)', extension: 'jsonld', mime: 'application/ld+json' },
  'glossary-csv': { name: 'Glossary (CSV)', extension: 'csv', mime: 'text/csv' },
  'glossary-tbx': { name: 'Glossary (TBX)', extension: 'tbx', mime: 'application/x-tbx+xml' },
  docx: { name: 'Word document', extension: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  markdown: { name: 'Markdown', extension: 'md', mime: 'text/markdown' },
  html: { name: 'Web page (HTML)', extension: 'html', mime: 'text/html' },
  pdf: { name: 'PDF document', extension: 'pdf', mime: 'application/pdf' },
};

/**
 * The largest HTML page `printToPdf` takes, in UTF-8 bytes. The main process loads it as a
 * base64 `data:` URL, and Chromium refuses URLs over 2 MB; base64 takes 4 characters for 3 bytes.
 */
export const MAX_PRINT_HTML_BYTES = 1_500_000;

/** The longest file name the renderer may suggest. */
export const MAX_SUGGESTED_NAME_LENGTH = 200;

/**
 * A file name safe to suggest in a save dialog or a download: no folders, no characters that
 * file systems refuse, not empty, not too long, ending in the purpose's extension.
 */
export function safeFileName(suggested: string, purpose: SaveFilePurpose): string {
  const { extension } = SAVE_FILE_TYPES[purpose];
  const base = suggested
    .replace(new RegExp(`\\.${extension}$`, 'i'), '')
    // Folders and characters file systems refuse become spaces; "." and ".." parts go.
    .split(/[\\/:*?"<>|\u0000-\u001f]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/^\.+$/.test(part))
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/^\.+/, '')
    .slice(0, MAX_SUGGESTED_NAME_LENGTH - extension.length - 1)
    .trim();
  return `${base || 'marginalia'}.${extension}`;
}

/** A backup of the library in the desktop app's data folder. */
export interface BackupInfo {
  readonly name: string;
  readonly size: number;
  /** ISO 8601 UTC. */
  readonly created: string;
}

export type SaveFileResult = { readonly saved: true; readonly where: string } | { readonly saved: false; readonly reason: string };

/** A file the user chose. `bytes` is null when the file is over `limit` and was not read. */
export interface OpenedFile {
  readonly name: string;
  readonly size: number;
  readonly limit: number;
  readonly bytes: Uint8Array | null;
}

/** What the renderer may ask of its host. */
export interface MarginaliaBridge {
  readonly shell: ShellKind;
  appInfo(): Promise<AppInfo>;
  /** Opens an http(s) link in the system browser, after the host has validated it. */
  openExternal(url: string): Promise<OpenExternalResult>;
  /**
   * Asks the user to choose files (the native open dialog in Electron, the browser's file
   * chooser otherwise). Resolves to an empty list when the user cancels. In a browser it must be
   * called straight from a click or key handler, as browsers require.
   */
  openFiles(purpose: OpenFilesPurpose): Promise<OpenedFile[]>;
  /**
   * Saves bytes to a file the user chooses (the native save dialog in Electron, a download in a
   * browser). `reason` is empty when the user cancelled.
   */
  saveFile(purpose: SaveFilePurpose, suggestedName: string, bytes: Uint8Array): Promise<SaveFileResult>;
  /**
   * Prints a standalone HTML page (the English rendering: no scripts, styles inline) to a PDF
   * file the user chooses. Desktop only: null in a browser, which prints with its own dialog.
   * The page is at most `MAX_PRINT_HTML_BYTES` in UTF-8; `reason` is empty when the user cancelled.
   */
  readonly printToPdf: ((html: string, suggestedName: string) => Promise<SaveFileResult>) | null;
  /**
   * Rolling backups in the app's data folder (desktop only: null in a browser, which offers a
   * download instead). Writing keeps the newest `keep` and removes older ones.
   */
  readonly backups: {
    write(bytes: Uint8Array, keep: number): Promise<BackupInfo>;
    list(): Promise<BackupInfo[]>;
    read(name: string): Promise<Uint8Array>;
  } | null;
  /** Menu commands from the host. */
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
  /**
   * The host is about to close the window. The handler must finish saving; the host waits for
   * the returned promise (with a time limit) before it closes.
   */
  onBeforeClose(handler: () => Promise<void>): Unsubscribe;
}

/** IPC channel names, shared by preload and main so they cannot drift apart. */
export const IPC = {
  appInfo: 'marginalia:app-info',
  openExternal: 'marginalia:open-external',
  openFiles: 'marginalia:open-files',
  saveFile: 'marginalia:save-file',
  printToPdf: 'marginalia:print-to-pdf',
  writeBackup: 'marginalia:write-backup',
  listBackups: 'marginalia:list-backups',
  readBackup: 'marginalia:read-backup',
  menuCommand: 'marginalia:menu-command',
  beforeClose: 'marginalia:before-close',
  closeReady: 'marginalia:close-ready',
} as const;

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'marginalia';

/** The longest URL we accept for an external link: longer ones are not citations but payloads. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Whether a link may be handed to the system browser: an absolute http or https URL with a host
 * and no embedded credentials. Everything else (javascript:, file:, data:, custom schemes that
 * would launch other programs) is refused.
 */
export function checkExternalUrl(value: unknown): OpenExternalResult {
  if (typeof value !== 'string' || value.trim() === '') return { opened: false, reason: 'The link is empty.' };
  if (value.length > MAX_EXTERNAL_URL_LENGTH) return { opened: false, reason: 'The link is too long to be a web address.' };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { opened: false, reason: `"${value}" is not a web address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { opened: false, reason: `Only http and https links can be opened, not ${url.protocol.replace(':', '')}.` };
  }
  if (url.hostname === '') return { opened: false, reason: 'The link has no host name.' };
  if (url.username !== '' || url.password !== '') {
    return { opened: false, reason: 'Links that carry a user name or password are not opened.' };
  }
  return { opened: true };
}
