/**
 * The bridge when the renderer runs in a plain browser: the same contract as the Electron
 * preload, fulfilled with web APIs. Menu commands come from the app's own keyboard shortcuts
 * (see keyboard-shortcuts.ts); "before close" is the page being hidden or unloaded.
 */
import {
  checkExternalUrl,
  OPEN_FILES_EXTENSIONS,
  safeFileName,
  SAVE_FILE_TYPES,
  type AppInfo,
  type MarginaliaBridge,
  type MenuCommand,
  type OpenedFile,
  type OpenExternalResult,
  type OpenFilesPurpose,
  type SaveFilePurpose,
  type SaveFileResult,
} from '../../shared/bridge';
import { MAX_PACK_FILE_BYTES, MAX_SCAN_FILE_BYTES, MAX_TEXT_FILE_BYTES } from '../../shared/importers/import-error';

type Listener = (command: MenuCommand) => void;

export class BrowserBridge implements MarginaliaBridge {
  readonly shell = 'browser' as const;
  private readonly menuListeners = new Set<Listener>();

  async appInfo(): Promise<AppInfo> {
    return { name: 'Marginalia', version: __APP_VERSION__, shell: 'browser', platform: 'web', userName: '' };
  }

  async openExternal(url: string): Promise<OpenExternalResult> {
    const check = checkExternalUrl(url);
    if (!check.opened) return check;
    const opened = window.open(url.trim(), '_blank', 'noopener,noreferrer');
    // With "noopener" browsers return null even on success, so only a thrown error is a failure.
    void opened;
    return { opened: true };
  }

  openFiles(purpose: OpenFilesPurpose): Promise<OpenedFile[]> {
    const limit = { documents: MAX_TEXT_FILE_BYTES, scans: MAX_SCAN_FILE_BYTES, packs: MAX_PACK_FILE_BYTES, glossary: MAX_TEXT_FILE_BYTES }[purpose];
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = purpose !== 'packs' && purpose !== 'glossary';
    input.accept = OPEN_FILES_EXTENSIONS[purpose].map((e) => `.${e}`).join(',');
    const chosen = new Promise<File[]>((resolve) => {
      input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true });
      input.addEventListener('cancel', () => resolve([]), { once: true });
    });
    // Must happen in the same task as the user's click: browsers only open choosers then.
    input.click();
    return chosen.then((files) =>
      Promise.all(
        files.map(async (file) => ({
          name: file.name,
          size: file.size,
          limit,
          bytes: file.size > limit ? null : new Uint8Array(await file.arrayBuffer()),
        })),
      ),
    );
  }

  /** A browser prints with its own dialog (the export dialog's "Print…"), which can also save a PDF. */
  readonly printToPdf = null;

  /** A browser keeps no files of its own: backups are downloads ("Download a backup"). */
  readonly backups = null;

  /** A browser has no save dialog a page may open: the file is downloaded, as the user's browser settings say. */
  async saveFile(purpose: SaveFilePurpose, suggestedName: string, bytes: Uint8Array): Promise<SaveFileResult> {
    const name = safeFileName(suggestedName, purpose);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: SAVE_FILE_TYPES[purpose].mime }));
    try {
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
    } finally {
      // Give the download a moment to start before the bytes are released.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    return { saved: true, where: `your downloads, as ${name}` };
  }

  onMenuCommand(listener: Listener): () => void {
    this.menuListeners.add(listener);
    return () => this.menuListeners.delete(listener);
  }

  /** Delivers a command as the native menu would; called by the browser's keyboard shortcuts. */
  dispatchMenuCommand(command: MenuCommand): void {
    for (const listener of this.menuListeners) listener(command);
  }

  onBeforeClose(handler: () => Promise<void>): () => void {
    // The page cannot wait for a promise while it unloads, so saving also happens on every
    // keystroke into a synchronous draft journal (see autosave.ts); this only starts the flush.
    const run = (): void => void handler();
    const onHidden = (): void => {
      if (document.visibilityState === 'hidden') run();
    };
    window.addEventListener('pagehide', run);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', run);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }
}
