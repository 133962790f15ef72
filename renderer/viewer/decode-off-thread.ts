/**
 * Decoding scans without freezing the window: the work goes to one shared Web Worker
 * (scan-decode.worker.ts), which hands back bitmaps ready to draw. Where a worker cannot be
 * started, the window does the same work itself (scan-pyramid.ts; `createImageBitmap` and
 * `ImageDecoder` still decode off the window's thread, but scaling and cutting do not).
 */
import type { PixelRect, Size } from './pyramid';
import { ScanPyramid, type OpenedPyramid } from './scan-pyramid';
import type { DecodeRequest, DecodeResponse } from './scan-decode.worker';

/** An open scan: its size and levels up to the base, and tiles above the base on request. */
export interface ScanImage extends OpenedPyramid {
  /** The part `rect` of the full-size image, scaled to `size`; the caller owns the bitmap. */
  tile(rect: PixelRect, size: Size): Promise<ImageBitmap>;
  /** Lets go of what the decoder keeps for this scan (its full-size image). */
  close(): void;
}

type Waiting = { resolve: (answer: DecodeResponse) => void; reject: (error: Error) => void };

let worker: Worker | null | undefined;
let nextId = 1;
let nextSession = 1;
const pending = new Map<number, Waiting>();

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
      waiting.resolve(answer);
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

/** Sends a request that has an answer, and waits for it. */
function ask(target: Worker, request: DecodeRequest & { id: number }): Promise<DecodeResponse> {
  return new Promise((resolve, reject) => {
    pending.set(request.id, { resolve, reject });
    target.postMessage(request);
  });
}

function failure(answer: DecodeResponse): Error | null {
  return 'error' in answer ? new Error(answer.error) : null;
}

/** A scan opened in the window itself, where no worker runs. */
async function openInWindow(blob: Blob, baseSize: number): Promise<ScanImage> {
  const { pyramid, opened } = await ScanPyramid.open(blob, baseSize);
  return { ...opened, tile: (rect, size) => pyramid.tile(rect, size), close: () => pyramid.close() };
}

/**
 * Opens a scan: decodes its base level (the smallest whose longest side is at least
 * `baseSize` pixels) and the levels below it. Close the answer when the scan is no longer shown.
 */
export async function openScanImage(blob: Blob, baseSize: number): Promise<ScanImage> {
  const target = decodeWorker();
  if (!target) return openInWindow(blob, baseSize);
  const session = nextSession++;
  const answer = await ask(target, { kind: 'open', id: nextId++, session, blob, baseSize });
  const error = failure(answer);
  if (error) throw error;
  if (!('opened' in answer)) throw new Error('The image decoder answered something else.');
  let closed = false;
  return {
    ...answer.opened,
    async tile(rect, size) {
      if (closed) throw new Error('The scan was closed.');
      const reply = await ask(target, { kind: 'tile', id: nextId++, session, rect, size });
      const problem = failure(reply);
      if (problem) throw problem;
      if (!('bitmap' in reply)) throw new Error('The image decoder answered something else.');
      return reply.bitmap;
    },
    close() {
      if (closed) return;
      closed = true;
      if (worker === target) target.postMessage({ kind: 'close', session } satisfies DecodeRequest);
    },
  };
}
