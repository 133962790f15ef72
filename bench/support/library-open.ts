/**
 * Timing the opening of a document until it is interactive, from inside the page: from the
 * pointer going down on what opens it (the `mousedown` event's own timestamp) until
 *
 * 1. the transcription is in the DOM (`section.sheet` × the document's sheets) — "text";
 * 2. the highlights are (`.hl` elements; the app sets them all in one transaction, so the first
 *    to be drawn are all of them) — "highlights";
 * 3. a click on a word is answered and drawn — "interactive". In the app the click is on the
 *    highlighted words of a given annotation, and the answer is a card opening in the panel
 *    (`.annotation-card.open`); in the bare ProseMirror page, a word of the first paragraph, and
 *    the answer is the position `posAtCoords` found. The click is dispatched in the page as soon
 *    as step 2 is seen (mousedown, mouseup, click at the words' centre), so the test runner's
 *    latency is not counted; "drawn" is the end of the next frame (requestAnimationFrame, then a
 *    message, which runs after that frame's style, layout and paint).
 */
import type { Page } from '@playwright/test';

export interface InteractiveWanted {
  /** The `h1` of the document view must say this (the app; the bare page has none). */
  title?: string;
  sheets: number;
  /** Annotations with highlights (words and linked passages); 0 for none, when none are waited for. */
  highlightedIds: number;
  /** The app: click this annotation's highlighted words and wait for a card to open. */
  clickAnnotationId?: string;
  /** The bare page: click a word of the first paragraph and wait for the page to answer. */
  clickWord?: boolean;
}

export interface InteractiveTiming {
  textMs: number;
  highlightsMs: number;
  interactiveMs: number;
}

type WithTiming = Window & { __benchInteractive?: Promise<InteractiveTiming> };

/** Does `act` (a click that opens a document) and answers the times, in milliseconds, in the page. */
export async function timeUntilInteractive(page: Page, act: () => Promise<void>, want: InteractiveWanted, timeoutMs = 180_000): Promise<InteractiveTiming> {
  await page.evaluate(
    ({ want, timeoutMs }) => {
      const w = window as WithTiming;
      w.__benchInteractive = new Promise<InteractiveTiming>((resolve, reject) => {
        let startedAt = Number.NaN;
        let textAt = Number.NaN;
        let highlightsAt = Number.NaN;
        const deadline = performance.now() + timeoutMs;
        const start = (event: Event): void => {
          startedAt = event.timeStamp;
          window.removeEventListener('mousedown', start, true);
          window.removeEventListener('keydown', start, true);
        };
        window.addEventListener('mousedown', start, true);
        window.addEventListener('keydown', start, true);
        /** After this frame (we are in its requestAnimationFrame callback) has been drawn. */
        const afterThisPaint = (then: (at: number) => void): void => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => then(performance.now());
          channel.port2.postMessage(null);
        };
        const fail = (what: string): void => reject(new Error(`timeUntilInteractive: ${what} within ${timeoutMs} ms (${JSON.stringify(want)})`));
        const clickAt = (target: Element, x: number, y: number): void => {
          const hit = document.elementFromPoint(x, y) ?? target;
          for (const type of ['mousedown', 'mouseup', 'click']) {
            hit.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, button: 0, view: window }));
          }
        };
        const root = (): HTMLElement | null => document.querySelector<HTMLElement>('.transcription-text:not(.editing)');

        const waitForAnswer = (check: () => boolean): void => {
          const frame = (): void => {
            if (performance.now() > deadline) return fail('no answer to the click');
            if (!check()) return void requestAnimationFrame(frame);
            afterThisPaint((at) => resolve({ textMs: textAt - startedAt, highlightsMs: highlightsAt - startedAt, interactiveMs: at - startedAt }));
          };
          requestAnimationFrame(frame);
        };

        const click = (): void => {
          const view = root()!;
          if (want.clickAnnotationId) {
            // Its words; where another annotation covers them all, ProseMirror merged the two
            // decorations' attributes and only one id is left on them: any highlight of sheet 1 then.
            const id = want.clickAnnotationId;
            const words = view.querySelector(`.hl[data-annotation-id="${id}"]`) ?? view.querySelector('section.sheet .hl');
            if (!words) return fail(`no highlight of ${id}`);
            let rect = words.getBoundingClientRect();
            if (rect.top < 0 || rect.bottom > innerHeight) {
              words.scrollIntoView({ block: 'center' });
              rect = words.getBoundingClientRect();
            }
            clickAt(words, rect.left + Math.min(rect.width / 2, 6), rect.top + rect.height / 2);
            waitForAnswer(() => document.querySelector('.annotation-card.open') !== null);
          } else {
            const first = view.querySelector('section.sheet p');
            const walker = first && document.createTreeWalker(first, NodeFilter.SHOW_TEXT);
            const textNode = walker?.nextNode() as Text | null | undefined;
            if (!textNode) return fail('no word to click');
            const range = document.createRange();
            range.setStart(textNode, 0);
            range.setEnd(textNode, Math.min(3, textNode.data.length));
            const rect = range.getBoundingClientRect();
            const bare = (window as unknown as { benchBare?: { lastHit: number | null } }).benchBare;
            if (bare) bare.lastHit = null;
            clickAt(first!, rect.left + rect.width / 2, rect.top + rect.height / 2);
            waitForAnswer(() => !bare || bare.lastHit !== null);
          }
        };

        const frame = (): void => {
          if (performance.now() > deadline) return fail('the document did not open');
          if (Number.isNaN(startedAt)) return void requestAnimationFrame(frame);
          const view = root();
          const titled = want.title === undefined || document.querySelector('.document-view h1')?.textContent === want.title;
          if (!view || !titled || view.querySelectorAll(':scope > section.sheet').length !== want.sheets) return void requestAnimationFrame(frame);
          if (Number.isNaN(textAt)) textAt = performance.now();
          // All highlights come in one transaction (setHighlights), so the first is all of them.
          if (want.highlightedIds > 0 && view.getElementsByClassName('hl').length === 0) return void requestAnimationFrame(frame);
          // Drawn at the end of this frame.
          afterThisPaint((at) => {
            highlightsAt = at;
            if (textAt > highlightsAt) textAt = highlightsAt;
            click();
          });
        };
        requestAnimationFrame(frame);
      });
    },
    { want, timeoutMs },
  );
  await act();
  return page.evaluate(() => (window as WithTiming).__benchInteractive!);
}

/**
 * Presses `key` and answers the milliseconds, in the page, from the key going down (the `keydown`
 * event's own timestamp) until `selector` matches and that frame has been drawn: entering the
 * transcription editor (Ctrl+E), for one.
 */
export async function timeKeyUntilShown(page: Page, key: string, selector: string, timeoutMs = 180_000): Promise<number> {
  const shown = page.evaluate(
    ({ selector, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        let startedAt = Number.NaN;
        window.addEventListener('keydown', (event) => (startedAt = event.timeStamp), { capture: true, once: true });
        const deadline = performance.now() + timeoutMs;
        const frame = (): void => {
          if (performance.now() > deadline) return reject(new Error(`timeKeyUntilShown: no ${selector} within ${timeoutMs} ms`));
          if (Number.isNaN(startedAt) || !document.querySelector(selector)) return void requestAnimationFrame(frame);
          // After this frame's style, layout and paint.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - startedAt);
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(frame);
      }),
    { selector, timeoutMs },
  );
  await page.keyboard.press(key);
  return shown;
}

/**
 * Clicks, one after another, the highlighted words of `count` annotations in view in the reading
 * view (each time words of another annotation than the open one), and answers each click's time
 * from the mouse going down until another card is open and that frame has been drawn.
 */
export async function timeClicksOnHighlights(page: Page, count: number, pauseMs = 500): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const target = await page.evaluate((i) => {
      const open = document.querySelector('.annotation-card.open')?.getAttribute('data-annotation-id') ?? null;
      const text = document.querySelector<HTMLElement>('.transcription-text')!;
      const pane = text.parentElement!.closest('.split-side')!.getBoundingClientRect();
      // Words of annotations (not only a link to a region), none of them the open one: the
      // innermost stretch, with the ids of every highlight around it.
      const idsAround = (h: Element): string[] => {
        const ids: string[] = [];
        for (let el: Element | null = h; el && el !== text; el = el.parentElement) ids.push(...[...el.classList].filter((c) => c.startsWith('hl-id-')));
        return ids;
      };
      const inView = [...text.querySelectorAll<HTMLElement>('.hl:not(.hl-link)')].filter((h) => {
        const box = h.getBoundingClientRect();
        return (
          !h.querySelector('.hl') &&
          box.width > 16 &&
          box.top > pane.top + 60 &&
          box.bottom < pane.bottom - 20 &&
          (open === null || !idsAround(h).includes(`hl-id-${open}`))
        );
      });
      if (inView.length === 0) return null;
      const box = inView[(i * 7) % inView.length]!.getBoundingClientRect();
      (window as unknown as { __benchClick?: Promise<number> }).__benchClick = new Promise<number>((resolve) => {
        let startedAt = Number.NaN;
        window.addEventListener('mousedown', (event) => (startedAt = event.timeStamp), { capture: true, once: true });
        const deadline = performance.now() + 30_000;
        const frame = (): void => {
          const now = document.querySelector('.annotation-card.open')?.getAttribute('data-annotation-id') ?? null;
          if (performance.now() > deadline) return resolve(Number.NaN);
          if (Number.isNaN(startedAt) || now === null || now === open) return void requestAnimationFrame(frame);
          // After this frame's style, layout and paint.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - startedAt);
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(frame);
      });
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, i);
    if (!target) throw new Error('timeClicksOnHighlights: no highlighted words of another annotation in view');
    await page.mouse.click(target.x, target.y);
    const ms = await page.evaluate(() => (window as unknown as { __benchClick: Promise<number> }).__benchClick);
    if (Number.isNaN(ms)) throw new Error(`timeClicksOnHighlights: click ${i + 1} opened no other card within 30 s`);
    times.push(ms);
    await page.waitForTimeout(pauseMs);
  }
  return times;
}
