/**
 * Decoding (and scaling) an image Blob without freezing the window: the work goes to one
 * shared Web Worker (scan-decode.worker.ts). Where a worker cannot be started, the window
 * decodes it itself with `createImageBitmap` (decoding still off-thread, scaling not).
 */
import type { DecodeRequest, DecodeResponse } from './scan-decode.worker';

interface Pending {
  resolve: (bitmap: ImageBitmap) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** The shared worker, started on first use; null if workers are unavailable or it failed. */
function decodeWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    // This exact form lets Vite find the worker and bundle it as a file of our own origin
    // (the CSP allows workers from 'self').
    worker = new Worker(new URL('./scan-decode.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<DecodeResponse>) => {
      const answer = event.data;
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      pending.delete(answer.id);
      if ('bitmap' in answer) waiting.resolve(answer.bitmap);
      else waiting.reject(new Error(answer.error));
    });
    worker.addEventListener('error', () => {
      // The worker itself broke (it could not load, say): fall back to the window for good,
      // and do not leave anyone waiting.
      worker?.terminate();
      worker = null;
      for (const waiting of pending.values()) waiting.reject(new Error('The image decoder stopped.'));
      pending.clear();
    });
  } catch {
    worker = null;
  }
  return worker;
}

/**
 * The image in `blob` as a bitmap, scaled to `size` if given, oriented as an `<img>` shows it.
 * The caller owns the bitmap and should `close()` it when done.
 */
export function decodeOffThread(blob: Blob, size?: { width: number; height: number }): Promise<ImageBitmap> {
  const target = decodeWorker();
  if (!target) {
    const options: ImageBitmapOptions = size
      ? { imageOrientation: 'from-image', resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'medium' }
      : { imageOrientation: 'from-image' };
    return createImageBitmap(blob, options);
  }
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const request: DecodeRequest = size ? { id, blob, width: size.width, height: size.height } : { id, blob };
    target.postMessage(request);
  });
}
