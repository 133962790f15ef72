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
  'file.closeDocument',
  'edit.undoAnnotationChange',
  'view.nextSheet',
  'view.previousSheet',
  'view.toggleMetadata',
  'view.toggleAnnotations',
  'view.focusLibrary',
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

/** What the renderer may ask of its host. */
export interface MarginaliaBridge {
  readonly shell: ShellKind;
  appInfo(): Promise<AppInfo>;
  /** Opens an http(s) link in the system browser, after the host has validated it. */
  openExternal(url: string): Promise<OpenExternalResult>;
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
