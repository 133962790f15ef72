/**
 * Trying a failed save again by itself: after 5 s, then 10, 20, … up to a minute between
 * tries, until it works (space was freed, the disk came back) or the user saves otherwise.
 */
export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 60_000;

export class RetryTimer {
  private delay = FIRST_RETRY_MS;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly run: () => void) {}

  /** Schedules the next try, each one later than the last. */
  schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, this.delay);
    this.delay = Math.min(MAX_RETRY_MS, this.delay * 2);
  }

  /** A save worked (or nothing is left to save): no more tries, and the next failure starts again at 5 s. */
  reset(): void {
    this.cancel();
    this.delay = FIRST_RETRY_MS;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
