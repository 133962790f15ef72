/**
 * The one origin the renderer lives at: `app://marginalia`.
 *
 * It is chosen once and never changed, because IndexedDB (every annotation a user has written)
 * belongs to the origin: a new scheme or host would present an empty library.
 */

/** The custom scheme registered as privileged and served by the main process. */
export const APP_SCHEME = 'app';

/** The fixed host part; there is no other host on the scheme. */
export const APP_HOST = 'marginalia';

/** The origin as Chromium serializes it (`location.origin`, permission requests). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Every renderer URL starts with this prefix. */
export const APP_URL_PREFIX = `${APP_ORIGIN}/`;

/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_URL_PREFIX}index.html`;

/**
 * Whether a URL belongs to our renderer. A prefix test is enough here, and deliberately so:
 * the prefix fixes the scheme and the whole authority (it ends at the first "/", so no port,
 * credentials or longer host can follow), and Chromium hands us standard-scheme URLs in
 * canonical form (lower-case scheme and host), so there is no second spelling to miss.
 */
export function isAppUrl(url: unknown): boolean {
  return typeof url === 'string' && url.startsWith(APP_URL_PREFIX);
}
