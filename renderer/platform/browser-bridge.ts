/**
 * The bridge when the renderer runs in a plain browser: the same contract as the Electron
 * preload, fulfilled with web APIs. Menu commands come from the app's own keyboard shortcuts
 * (see keyboard-shortcuts.ts); "before close" is the page being hidden or unloaded.
 */
import {
  checkExternalUrl,
  type AppInfo,
  type MarginaliaBridge,
  type MenuCommand,
  type OpenExternalResult,
} from '../../shared/bridge';

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
