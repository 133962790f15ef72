/**
 * The preload: the renderer's only door to the main process.
 *
 * It runs sandboxed, before the page, in an isolated world, and exposes exactly the
 * `MarginaliaBridge` of `shared/bridge.ts` on `window.marginalia`. `ipcRenderer` itself is
 * never exposed: with it a page could send any message on any channel. Each bridge method maps
 * to one fixed channel, and what comes back from the main process is checked before it reaches
 * the page's listeners.
 *
 * A sandboxed preload can `require('electron')` but no local files, so this file and what it
 * imports are bundled into `dist/electron/preload.cjs` by `scripts/build-electron.mjs`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_GLOBAL,
  IPC,
  isMenuCommand,
  type AppInfo,
  type MarginaliaBridge,
  type MenuCommand,
  type OpenExternalResult,
  type Unsubscribe,
  type OpenedFile,
  type OpenFilesPurpose,
  type SaveFilePurpose,
  type SaveFileResult,
  type BackupInfo,
} from '../shared/bridge';

/**
 * Handlers registered with `onBeforeClose`. Each registration gets its own entry (rather than
 * a Set of functions) because contextBridge hands the preload a fresh proxy for every function
 * the page passes, so the same page function is not recognisable twice.
 */
const beforeCloseHandlers = new Set<{ readonly run: () => Promise<void> }>();

/** Runs every before-close handler, waits for all of them (failures included), then reports. */
async function flushBeforeClose(): Promise<void> {
  const runs = [...beforeCloseHandlers].map(async (entry) => entry.run());
  const results = await Promise.allSettled(runs);
  for (const result of results) {
    if (result.status === 'rejected') console.error('A before-close handler failed:', result.reason);
  }
  ipcRenderer.send(IPC.closeReady);
}

ipcRenderer.on(IPC.beforeClose, () => {
  void flushBeforeClose();
});

const bridge: MarginaliaBridge = {
  shell: 'electron',

  appInfo: () => ipcRenderer.invoke(IPC.appInfo) as Promise<AppInfo>,

  openExternal: (url: string) => ipcRenderer.invoke(IPC.openExternal, url) as Promise<OpenExternalResult>,

  openFiles: (purpose: OpenFilesPurpose) => ipcRenderer.invoke(IPC.openFiles, purpose) as Promise<OpenedFile[]>,

  saveFile: (purpose: SaveFilePurpose, suggestedName: string, bytes: Uint8Array) =>
    ipcRenderer.invoke(IPC.saveFile, purpose, suggestedName, bytes) as Promise<SaveFileResult>,

  printToPdf: (html: string, suggestedName: string) => ipcRenderer.invoke(IPC.printToPdf, html, suggestedName) as Promise<SaveFileResult>,

  backups: {
    write: (bytes: Uint8Array, keep: number) => ipcRenderer.invoke(IPC.writeBackup, bytes, keep) as Promise<BackupInfo>,
    list: () => ipcRenderer.invoke(IPC.listBackups) as Promise<BackupInfo[]>,
    read: (name: string) => ipcRenderer.invoke(IPC.readBackup, name) as Promise<Uint8Array>,
  },

  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe {
    const onMessage = (_event: IpcRendererEvent, command: unknown): void => {
      // Only names from the contract reach the page, whatever arrives on the channel.
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(IPC.menuCommand, onMessage);
    return () => {
      ipcRenderer.removeListener(IPC.menuCommand, onMessage);
    };
  },

  onBeforeClose(handler: () => Promise<void>): Unsubscribe {
    const entry = { run: handler };
    beforeCloseHandlers.add(entry);
    return () => {
      beforeCloseHandlers.delete(entry);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
