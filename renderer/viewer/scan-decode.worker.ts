/**
 * A Web Worker that decodes the scans the viewer shows (scan-pyramid.ts): at opening, a
 * screen-sized base level and the levels below it; when the reader zooms in, tiles of the
 * full-size image. Decoding, scaling and cutting all happen on this thread; the bitmaps are
 * transferred to the window, not copied, and the window draws them as they are.
 *
 * Each open scan is a session, named by the window; closing it lets go of its full-size image.
 */
import { ScanPyramid, type OpenedPyramid } from './scan-pyramid';
import type { PixelRect, Size } from './pyramid';

/** What the window asks. */
export type DecodeRequest =
  | { kind: 'open'; id: number; session: number; blob: Blob; baseSize: number }
  | { kind: 'tile'; id: number; session: number; rect: PixelRect; size: Size }
  | { kind: 'close'; session: number };

/** The answer to an `open` or a `tile`: what was made, or why nothing was. */
export type DecodeResponse = { id: number; opened: OpenedPyramid } | { id: number; bitmap: ImageBitmap } | { id: number; error: string };

const sessions = new Map<number, Promise<ScanPyramid>>();

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

self.addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  const request = event.data;
  switch (request.kind) {
    case 'open': {
      const opening = ScanPyramid.open(request.blob, request.baseSize);
      const pyramid = opening.then(({ pyramid }) => pyramid);
      pyramid.catch(() => undefined); // the failure is answered below
      sessions.set(request.session, pyramid);
      opening.then(
        ({ opened }) => self.postMessage({ id: request.id, opened } satisfies DecodeResponse, { transfer: opened.levels }),
        (error: unknown) => {
          sessions.delete(request.session);
          self.postMessage({ id: request.id, error: message(error) } satisfies DecodeResponse);
        },
      );
      return;
    }
    case 'tile': {
      const session = sessions.get(request.session);
      if (!session) {
        self.postMessage({ id: request.id, error: 'The scan was closed.' } satisfies DecodeResponse);
        return;
      }
      session
        .then((pyramid) => pyramid.tile(request.rect, request.size))
        .then(
          (bitmap) => self.postMessage({ id: request.id, bitmap } satisfies DecodeResponse, { transfer: [bitmap] }),
          (error: unknown) => self.postMessage({ id: request.id, error: message(error) } satisfies DecodeResponse),
        );
      return;
    }
    case 'close': {
      const session = sessions.get(request.session);
      sessions.delete(request.session);
      session?.then(
        (pyramid) => pyramid.close(),
        () => undefined,
      );
      return;
    }
  }
});
