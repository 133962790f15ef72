/** Helpers for the scan side of the screen: adding scans, reading the pixels a sheet shows. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Rgb, ScanFixture } from './scan-fixtures';

/** Opens the Scans tab and adds files through the "Add scans…" file chooser. */
export async function addScans(page: Page, files: ScanFixture[]): Promise<void> {
  await page.getByRole('tab', { name: /^Scans/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add scans…' }).click();
  await (await chooser).setFiles(files);
}

/** Imports text files through the library's "Import…" file chooser. */
export async function importDocumentFiles(page: Page, files: ScanFixture[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(files);
}

/** The scan viewer: its root carries which scan it shows (data-scan-id, data-sheet-index, data-source). */
export function scanView(page: Page): Locator {
  return page.locator('.scan-viewer');
}

export async function goToSheet(page: Page, n: number): Promise<void> {
  await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: `Sheet ${n}`, exact: true }).click();
  await expect(scanView(page)).toHaveAttribute('data-sheet-index', String(n - 1));
}

/**
 * The colour, at a point given as fractions of its width and height, of the scan the viewer
 * shows: the stored image itself, read back from IndexedDB by the id the viewer names.
 */
export async function scanPixel(page: Page, fx: number, fy: number): Promise<Rgb> {
  await expect(scanView(page)).toHaveAttribute('data-status', 'open');
  const scanId = await scanView(page).getAttribute('data-scan-id');
  return page.evaluate(
    async ([id, x, y]) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open('marginalia');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const scan: { blob: Blob } = await new Promise((resolve) => {
        const request = db.transaction('scans').objectStore('scans').get(id as string);
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      const bitmap = await createImageBitmap(scan.blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const d = context.getImageData(Math.floor(bitmap.width * (x as number)), Math.floor(bitmap.height * (y as number)), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!] as const;
    },
    [scanId, fx, fy] as const,
  );
}

/** Asserts two colours agree within what JPEG compression changes. */
export function expectColour(actual: Rgb, expected: Rgb, tolerance = 16): void {
  const off = actual.map((c, i) => Math.abs(c - expected[i]!));
  expect(Math.max(...off), `colour ${actual.join(',')} should be near ${expected.join(',')}`).toBeLessThanOrEqual(tolerance);
}

/** Counts rows of an IndexedDB store of the app's database, read directly. */
export async function countStored(page: Page, store: string): Promise<number> {
  return (await readStore(page, store, 'count')) as number;
}

/** Every record of an IndexedDB store of the app's database, read directly. */
export async function storedRecords<T>(page: Page, store: string): Promise<T[]> {
  return (await readStore(page, store, 'getAll')) as T[];
}

function readStore(page: Page, store: string, method: 'count' | 'getAll'): Promise<unknown> {
  return page.evaluate(
    async ([name, how]) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open('marginalia');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const result: unknown = await new Promise((resolve) => {
        const objects = db.transaction(name).objectStore(name);
        const request = how === 'count' ? objects.count() : objects.getAll();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return result;
    },
    [store, method] as const,
  );
}
