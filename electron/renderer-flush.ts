/**
 * Letting the renderer finish saving before its window closes.
 *
 * IndexedDB writes are asynchronous; closing the window while one is in flight can lose the
 * last edit. So the main process asks the renderer to flush, waits for its answer, and closes
 * only then, but never waits forever: a renderer that hangs or has crashed must not keep the
 * window open, hence the time limit and the "gone" outcome.
 */

/** How the wait ended. */
export type FlushOutcome = 'ready' | 'timeout' | 'gone';

/** How to talk to one renderer about closing. Every `on…` returns a function that stops listening. */
export interface FlushChannel {
  /** Sends the renderer the request to save everything now. */
  request(): void;
  /** Calls `listener` when the renderer reports that it has saved. */
  onReady(listener: () => void): () => void;
  /** Calls `listener` when the renderer can no longer answer (crashed, destroyed). */
  onGone(listener: () => void): () => void;
}

/** The timer functions used; tests pass fakes. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Asks the renderer to flush and resolves with the first of: its answer, its disappearance, or
 * `timeoutMs` elapsing. Listeners and the timer are removed whichever comes first, so a late
 * answer does nothing.
 */
export function waitForRendererFlush(channel: FlushChannel, timeoutMs: number, timers: Timers = realTimers): Promise<FlushOutcome> {
  return new Promise<FlushOutcome>((resolve) => {
    let settled = false;
    const cleanups: Array<() => void> = [];
    const finish = (outcome: FlushOutcome): void => {
      if (settled) return;
      settled = true;
      for (const cleanup of cleanups) cleanup();
      resolve(outcome);
    };
    // Listen before asking, so an answer that comes back at once is not missed.
    cleanups.push(channel.onReady(() => finish('ready')));
    cleanups.push(channel.onGone(() => finish('gone')));
    if (settled) {
      for (const cleanup of cleanups) cleanup(); // a listener fired while we were subscribing
      return;
    }
    const timer = timers.setTimeout(() => finish('timeout'), timeoutMs);
    cleanups.push(() => timers.clearTimeout(timer));
    try {
      channel.request();
    } catch {
      finish('gone'); // the renderer cannot be reached; do not hold the window open
    }
  });
}
