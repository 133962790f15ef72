/**
 * A requestAnimationFrame that stops asking for frames while nothing moves.
 *
 * Why: OpenSeadragon redraws through a loop that asks for the next animation frame at the end
 * of every frame, for as long as an image is open, whether or not anything changed. Each frame
 * it asks for makes Chromium run a whole frame of the page (style, compositing inputs, paint)
 * at every display refresh. With a scan open beside a long transcription, that was about 11
 * frames of the whole page for each key typed in the text (docs/benchmarks.md), and a laptop
 * never idles while a scan is on screen.
 *
 * How: OpenSeadragon asks for frames through one function, `OpenSeadragon.requestAnimationFrame`
 * (its loop, its zoom steps, its controls' fade). The gate stands in for that function. While
 * the caller's `isBusy()` says something moves, and for `idleMs` after it last did, requests go
 * to the browser. After that, a request made from inside a frame's callback — the loop asking
 * for its next frame — is parked instead, and the page stops drawing. `wake()` (input in the
 * viewer, a viewport change, a resize) hands the parked callbacks to the browser again. A request
 * made from outside any frame (a timer, an event handler: a fade starting, a zoom) while parked
 * wakes the gate by itself, since something new wants drawing.
 *
 * Pure of OpenSeadragon and of the DOM: the browser's functions are passed in, so the logic is
 * tested with a fake clock and frames (frame-gate.test.ts); openseadragon-idle.ts binds it.
 */

export type FrameCallback = (time: number) => void;

/** The browser's side: where frames really come from, and the time. */
export interface FrameHost {
  request(callback: FrameCallback): number;
  cancel(id: number): void;
  now(): number;
}

/** How long nothing must have moved before the loop is parked. A few frames' margin over
 * OpenSeadragon's own settling (its last spring step, a tile's fade-in), short enough that a
 * key typed a moment after a zoom no longer pays for the viewer's frames. */
export const DEFAULT_IDLE_MS = 400;

interface Pending {
  callback: FrameCallback;
  /** The browser's id while it is asked for; null while parked. */
  hostId: number | null;
}

export class FrameGate {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private parked = false;
  private lastActive: number;
  /** Inside a callback this gate handed to the browser: a request now is a loop going on. */
  private inFrame = false;

  constructor(
    private readonly host: FrameHost,
    private readonly isBusy: () => boolean,
    private readonly idleMs = DEFAULT_IDLE_MS,
  ) {
    this.lastActive = host.now();
  }

  /** Whether the gate is holding callbacks back (no frames asked for on their behalf). */
  get isParked(): boolean {
    return this.parked;
  }

  /** How many callbacks wait for a wake. */
  get parkedCount(): number {
    let n = 0;
    for (const p of this.pending.values()) if (p.hostId === null) n++;
    return n;
  }

  /** Stands in for `requestAnimationFrame`; the id it returns is the gate's own. */
  readonly request = (callback: FrameCallback): number => {
    const id = this.nextId++;
    const entry: Pending = { callback, hostId: null };
    this.pending.set(id, entry);
    if (this.parked) {
      if (this.inFrame) return id;
      this.wake();
      return id;
    }
    if (this.inFrame && this.settled()) {
      this.parked = true;
      return id;
    }
    this.send(id, entry);
    return id;
  };

  /** Stands in for `cancelAnimationFrame`, for ids given by {@link request}. */
  readonly cancel = (id: number): void => {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (entry.hostId !== null) this.host.cancel(entry.hostId);
  };

  /** Something may move: frames flow again, and stay flowing for at least `idleMs`. */
  wake(): void {
    this.lastActive = this.host.now();
    if (!this.parked) return;
    this.parked = false;
    for (const [id, entry] of this.pending) if (entry.hostId === null) this.send(id, entry);
  }

  /** Nothing has moved for `idleMs`, and nothing moves now. */
  private settled(): boolean {
    const now = this.host.now();
    if (this.isBusy()) {
      this.lastActive = now;
      return false;
    }
    return now - this.lastActive >= this.idleMs;
  }

  private send(id: number, entry: Pending): void {
    entry.hostId = this.host.request((time) => {
      this.pending.delete(id);
      const outer = this.inFrame;
      this.inFrame = true;
      try {
        entry.callback(time);
      } finally {
        this.inFrame = outer;
      }
    });
  }
}
