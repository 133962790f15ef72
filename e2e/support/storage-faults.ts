/**
 * Making the app's storage fail on demand, in the page: IndexedDB writes refused as a full disk
 * refuses them (a QuotaExceededError from `put` and `add`, which Dexie uses for every write),
 * and IndexedDB that cannot be opened at all.
 */
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';

/** Installs the switch before the app loads (and again after every reload); writes work until it is turned on. */
export async function installWriteSwitch(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __failWrites?: boolean };
    w.__failWrites = sessionStorage.getItem('e2e:failWrites') === '1';
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
      (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (w.__failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
}

/** Turns refusing writes on or off (for this page, and for the page after a reload). */
export async function setWritesFailing(page: Page, failing: boolean): Promise<void> {
  await page.evaluate((on) => {
    (window as unknown as { __failWrites?: boolean }).__failWrites = on;
    if (on) sessionStorage.setItem('e2e:failWrites', '1');
    else sessionStorage.removeItem('e2e:failWrites');
  }, failing);
}

/**
 * Clicks `button` (a "Try again") with writes working again from that click on, not a moment
 * before it: the app also retries a failed save by itself (after 5 s, then less often), and a
 * retry falling between space coming back and the click would save first and take the button
 * away. The switch is turned off in the click's capture phase, before the app's handler runs.
 */
export async function clickAsSpaceComesBack(page: Page, button: Locator): Promise<void> {
  await page.evaluate(() => {
    const turnOff = () => {
      (window as unknown as { __failWrites?: boolean }).__failWrites = false;
      sessionStorage.removeItem('e2e:failWrites');
    };
    window.addEventListener('click', turnOff, { capture: true, once: true });
  });
  await button.click();
}

/** Makes `indexedDB.open` fail before the app loads, as when the browser's storage is broken or disabled. */
export async function breakIndexedDbOpen(page: Page): Promise<void> {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    };
  });
}

/** The unsaved-draft journal entries in localStorage, as annotation id → plain text of the body. */
export async function journalledDrafts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    const text = (node: { text?: string; content?: unknown[] }): string =>
      (node.text ?? '') + ((node.content ?? []) as { text?: string; content?: unknown[] }[]).map(text).join('');
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (!key.startsWith('marginalia:draft:')) continue;
      const draft = JSON.parse(localStorage.getItem(key)!) as { annotationId: string; body: { doc: { content?: unknown[] } } };
      out[draft.annotationId] = text(draft.body.doc);
    }
    return out;
  });
}

/** The text of a downloaded file. */
export async function downloadedText(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}
