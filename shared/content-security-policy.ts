/**
 * The Content-Security-Policy of the renderer, in one place.
 *
 * The Electron shell sends it as a header on every `app://marginalia/` response, and the
 * renderer's production HTML can repeat it in a `<meta http-equiv>` tag so the browser shell
 * gets the same rules. Keeping a single string means the two cannot drift apart.
 *
 * Why each relaxation exists:
 * - `script-src 'wasm-unsafe-eval'`: pdf.js decodes JPEG 2000 and JBIG2 images (common in
 *   scanned PDFs) with bundled WebAssembly. It allows compiling WebAssembly only, not `eval`.
 * - `style-src 'unsafe-inline'`: ProseMirror and React set inline `style` attributes.
 * - `img-src blob: data:`: scans live in IndexedDB as Blobs and are shown through object URLs.
 * - `connect-src blob: data:`: the renderer fetches those object URLs (pdf.js, pack import).
 * - `worker-src blob:`: pdf.js may start its worker from a blob URL, and so does the pack writer's
 *   deflating worker (shared/pack/deflate-worker.ts).
 * Everything else, including frames, plugins, forms and remote hosts, is refused.
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

/** The policy as sent in the `Content-Security-Policy` response header. */
export const CONTENT_SECURITY_POLICY: string = DIRECTIVES.join('; ');

/**
 * The same policy for a `<meta http-equiv="Content-Security-Policy">` tag. Browsers ignore
 * `frame-ancestors` in a meta tag and log an error for it, so it is left out here; the header
 * (Electron shell) still carries it.
 */
export const CONTENT_SECURITY_POLICY_FOR_META: string = DIRECTIVES.filter(
  (directive) => !directive.startsWith('frame-ancestors'),
).join('; ');
