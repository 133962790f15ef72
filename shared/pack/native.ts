/**
 * The platform's own inflate and SHA-256, where the host has them: `DecompressionStream` with
 * the "deflate-raw" format (Chromium, and Node 20 as a global) and `crypto.subtle.digest` (a
 * secure context in the browser, and Node). Both are native code, several times as fast as the
 * JavaScript of fflate and @noble/hashes on the megabytes of a large pack, but asynchronous;
 * `readPackAsync` uses them, and falls back on the JavaScript where the host lacks them (a page
 * that is not a secure context has no `crypto.subtle`). Writing deflates natively through
 * deflate-worker.ts.
 *
 * `shared/` is compiled without the DOM library or Node's types, so the few members used are
 * declared here, and the globals looked up on `globalThis`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

interface ByteWriter {
  readonly ready: Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

interface ByteTransform {
  readonly readable: { getReader(): ByteReader };
  readonly writable: { getWriter(): ByteWriter };
}

type ByteTransformClass = new (format: string) => ByteTransform;

interface NativeHost {
  CompressionStream?: ByteTransformClass;
  DecompressionStream?: ByteTransformClass;
  crypto?: { subtle?: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } };
}

const host = (): NativeHost => globalThis as unknown as NativeHost;

/** The class, if the host has it and it takes "deflate-raw" (older hosts know only "deflate" and "gzip"). */
function rawDeflateStream(name: 'CompressionStream' | 'DecompressionStream'): ByteTransformClass | null {
  const Stream = host()[name];
  if (typeof Stream !== 'function') return null;
  try {
    new Stream('deflate-raw');
    return Stream;
  } catch {
    return null;
  }
}

/** Whether the host deflates natively (looked up on each call, so that tests can take the globals away). */
export function hasNativeDeflate(): boolean {
  return rawDeflateStream('CompressionStream') !== null;
}

export function hasNativeInflate(): boolean {
  return rawDeflateStream('DecompressionStream') !== null;
}

/** Why native inflating stopped: the caller words the message. */
export type InflateFailure = 'overflow' | 'damaged';

export class NativeInflateError extends Error {
  constructor(readonly reason: InflateFailure) {
    super(reason);
  }
}

/**
 * Raw deflate data inflated by the host, into at most `size` bytes: the data goes in `step`
 * bytes at a time (the next step only once the last one's output has been read), what comes
 * out is counted as it comes, and the moment it is more than `size` the stream is cancelled and
 * NativeInflateError('overflow') thrown — so no more than one step's output (at most about
 * 1,000 times the step) is ever held beyond `size`. Data that is not valid deflate data (cut
 * off, followed by junk) is NativeInflateError('damaged'). Answers the bytes (possibly fewer
 * than `size`; the caller checks), or null if the host cannot inflate.
 */
export async function nativeInflateRaw(data: Uint8Array, size: number, step: number): Promise<Uint8Array | null> {
  const Stream = rawDeflateStream('DecompressionStream');
  if (!Stream) return null;
  const stream = new Stream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    for (let from = 0; from < data.length && !stopped; from += step) {
      await writer.ready;
      if (stopped) return;
      void writer.write(data.subarray(from, from + step)).catch(() => undefined);
    }
    if (!stopped) await writer.close();
  })();
  feeding.catch(() => undefined);
  const out = new Uint8Array(size);
  let written = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      if (written + value.length > size) {
        stopped = true;
        void reader.cancel().catch(() => undefined);
        void writer.abort().catch(() => undefined);
        throw new NativeInflateError('overflow');
      }
      out.set(value, written);
      written += value.length;
    }
    await feeding;
  } catch (error) {
    stopped = true;
    if (error instanceof NativeInflateError) throw error;
    void writer.abort().catch(() => undefined);
    throw new NativeInflateError('damaged');
  }
  return written === size ? out : out.slice(0, written);
}

/** SHA-256 in hexadecimal, by the host's WebCrypto where there is one, else in JavaScript. */
export async function sha256HexAsync(bytes: Uint8Array): Promise<string> {
  const subtle = host().crypto?.subtle;
  if (subtle && typeof subtle.digest === 'function') return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
  return sha256Hex(bytes);
}

/** SHA-256 in hexadecimal, in JavaScript (@noble/hashes). */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}
