/** Timing the scan viewer from inside the page. */
import type { Page } from '@playwright/test';

/** What the viewer should show for the wait to end (every given attribute must match). */
export interface WantedScan {
  /** `data-source`: the file the scan came from. */
  source?: string;
  /** `data-sheet-index`: 0-based. */
  sheetIndex?: number;
}

type WithTiming = Window & { __benchOpen?: Promise<number> };

/**
 * Does `act` (a click or a key press) and answers the milliseconds from the page receiving it
 * to the scan viewer's root saying `data-status="open"` for the wanted scan. Both ends are
 * taken in the page (the first `keydown` or `click` it receives, and a MutationObserver on the
 * viewer's attributes), so the test runner's own latency is not counted.
 */
export async function timeUntilOpen(page: Page, act: () => Promise<void>, want: WantedScan, timeoutMs = 120_000): Promise<number> {
  await page.evaluate(
    ({ want, timeoutMs }) => {
      const w = window as WithTiming;
      w.__benchOpen = new Promise<number>((resolve, reject) => {
        const viewer = document.querySelector('.scan-viewer');
        if (!viewer) throw new Error('timeUntilOpen: no .scan-viewer in the page');
        let startedAt = Number.NaN;
        const start = () => {
          startedAt = performance.now();
          window.removeEventListener('keydown', start, true);
          window.removeEventListener('click', start, true);
        };
        window.addEventListener('keydown', start, true);
        window.addEventListener('click', start, true);
        const matches = () =>
          viewer.getAttribute('data-status') === 'open' &&
          (want.source === undefined || viewer.getAttribute('data-source') === want.source) &&
          (want.sheetIndex === undefined || viewer.getAttribute('data-sheet-index') === String(want.sheetIndex));
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`timeUntilOpen: the viewer did not open ${JSON.stringify(want)} within ${timeoutMs} ms`));
        }, timeoutMs);
        const observer = new MutationObserver(() => {
          if (Number.isNaN(startedAt) || !matches()) return;
          const elapsed = performance.now() - startedAt;
          observer.disconnect();
          clearTimeout(timer);
          resolve(elapsed);
        });
        observer.observe(viewer, { attributes: true, attributeFilter: ['data-status', 'data-source', 'data-sheet-index', 'data-scan-id'] });
      });
    },
    { want, timeoutMs },
  );
  await act();
  return page.evaluate(() => (window as WithTiming).__benchOpen!);
}
