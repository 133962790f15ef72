/**
 * What the renderer may do beyond its own page: the privileged `app://` scheme, the headers of
 * every response, navigation, new windows, webviews, permissions and devices.
 *
 * The answer is almost always "nothing". The page lives at `app://marginalia/` and stays there;
 * links to web pages go to the system browser after `checkExternalUrl` (http and https only);
 * the only permission granted is persistent storage, to our own origin. `main.ts` installs
 * these pieces; `security.test.ts` checks each of them, and checks that `main.ts` installs them.
 */
import type { CustomScheme, Session, WebContents } from 'electron';
import { checkExternalUrl, type OpenExternalResult } from '../shared/bridge';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { APP_SCHEME, isAppUrl } from './app-origin';
import { isPermissionAllowed } from './permissions';

/**
 * How the app scheme is registered (`protocol.registerSchemesAsPrivileged`, before the app is
 * ready). Standard: a real origin, so IndexedDB and relative URLs work; secure: a secure
 * context, so `navigator.storage.persist()` is available; no CORS: no other origin may read
 * our files. Nothing here bypasses the CSP or grants service workers or code cache.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: false,
    stream: true,
  },
};

/** Headers sent with every response of the app scheme, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // Without this Chromium may guess a script type for a file served as something else.
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The files change only with a new build; revalidating keeps a rebuilt app from showing stale code.
  'Cache-Control': 'no-cache',
};

/**
 * Where a frame may go: our app only. `devtools://` is let through so that the developer
 * tools (a webContents of their own, development builds only) keep their internal frames;
 * web pages cannot navigate there, Chromium forbids it.
 */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url) || url.startsWith('devtools://');
}

/** `shell.openExternal`, passed in so that tests can see what would be opened. */
export type OpenExternal = (url: string) => Promise<void>;

/**
 * Opens a link in the system browser if `checkExternalUrl` accepts it (http or https, with a
 * host, without credentials). `openExternal` receives the parsed and re-serialised URL, never
 * the raw string a page supplied, and is not called at all for anything else.
 */
export async function openInSystemBrowser(url: string, openExternal: OpenExternal): Promise<OpenExternalResult> {
  const verdict = checkExternalUrl(url);
  if (!verdict.opened) return verdict;
  await openExternal(new URL(url.trim()).href);
  return verdict;
}

/** The parts of a webContents that `guardWebContents` uses. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Locks down a webContents: it may not navigate away from the app, open windows, or embed
 * webviews. A page's attempt to open a new window is always denied; if the target is a web
 * page, it goes to the system browser instead, after the same validation as
 * `bridge.openExternal`.
 */
export function guardWebContents(contents: GuardedContents, openExternal: OpenExternal): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());

  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url, openExternal).catch((error: unknown) => console.error('Could not open a link externally:', error));
    return { action: 'deny' };
  });

  // 'will-navigate' covers the main frame; 'will-frame-navigate' also covers subframes (which
  // the CSP already forbids); 'will-redirect' covers a permitted request redirected elsewhere.
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
}

/**
 * Answers a page's permission request (`navigator.storage.persist()`, camera, notifications…):
 * persistent storage for our app, nothing for anyone else.
 */
export function permissionRequestHandler(
  _contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { readonly requestingUrl?: string },
): void {
  callback(isPermissionAllowed(permission, details.requestingUrl ?? ''));
}

/** Answers Chromium's synchronous permission checks with the same rule. */
export function permissionCheckHandler(_contents: unknown, permission: string, requestingOrigin: string): boolean {
  return isPermissionAllowed(permission, requestingOrigin);
}

/** USB, HID, serial and Bluetooth devices: never. */
export function devicePermissionHandler(): boolean {
  return false;
}

/** The parts of a session that `applySessionPolicy` uses. */
export type PolicySession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** Installs the permission handlers on a session (the default session: the app uses no other). */
export function applySessionPolicy(session: PolicySession): void {
  session.setPermissionRequestHandler(permissionRequestHandler);
  session.setPermissionCheckHandler(permissionCheckHandler);
  session.setDevicePermissionHandler(devicePermissionHandler);
}
