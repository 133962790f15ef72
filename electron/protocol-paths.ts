/**
 * From an `app://marginalia/...` request to a file of the renderer build.
 *
 * The custom protocol is the only way files reach the renderer, so this mapping is the
 * boundary between the web page and the disk: a request may name only files inside the
 * renderer's build folder. Percent-encoded dots and slashes (`..%2f`), backslashes, NUL bytes
 * and absolute paths are all resolved first and then checked against the root, rather than
 * filtered by pattern, so that no spelling of a path escapes it. (NUL and ":" are the two
 * characters refused outright, see below.)
 */
import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** The subset of `node:path` the mapping needs; tests pass `path.win32` to check Windows rules. */
export type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/** The file served for a directory URL such as `app://marginalia/`. */
export const INDEX_FILE = 'index.html';

/**
 * The absolute path under `root` that a renderer URL names, or null when the URL is not ours
 * or would leave `root`. The caller still has to check that the file exists.
 */
export function filePathForAppUrl(url: string, root: string, path: PathApi = nodePath): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST) return null;
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // NUL truncates paths in native code; a colon names a drive or an NTFS alternate data stream
  // on Windows. Neither occurs in a Vite build, so both are refused everywhere.
  if (decoded.includes('\0') || decoded.includes(':')) return null;
  // Chromium always gives a standard URL a path of at least "/"; other parsers may give "".
  if (!decoded.startsWith('/')) decoded = `/${decoded}`;
  if (decoded.endsWith('/')) decoded += INDEX_FILE;

  const rootPath = path.resolve(root);
  // Resolve relative to the root ("." + "/x" keeps a leading slash from meaning the disk root),
  // then require that the result is still below it.
  const filePath = path.resolve(rootPath, `.${decoded}`);
  const relative = path.relative(rootPath, filePath);
  const escapes = relative === '..' || relative.startsWith(`..${path.sep}`);
  if (relative === '' || escapes || path.isAbsolute(relative)) return null;
  return filePath;
}

/** Content types of the files a Vite build emits, by lower-case extension. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** Used for anything unlisted; with `nosniff` the page cannot run it as script or style. */
export const FALLBACK_MIME_TYPE = 'application/octet-stream';

/**
 * The Content-Type for a file, from its extension. Module scripts are refused by Chromium
 * unless served with a JavaScript type, and `.wasm` needs `application/wasm` for streaming
 * compilation, so the table must be exact rather than guessed from content.
 */
export function mimeTypeFor(filePath: string): string {
  const slash = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  const name = filePath.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return FALLBACK_MIME_TYPE;
  return MIME_TYPES[name.slice(dot).toLowerCase()] ?? FALLBACK_MIME_TYPE;
}
