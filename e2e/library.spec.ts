/**
 * A library of a thousand documents: the list draws only the documents near view, and still
 * reaches every one by scrolling and by the keyboard, marks the open one, and tells a screen
 * reader where each item is in the whole list.
 */
import { expect, test, type Page } from '@playwright/test';
import { openSample, SAMPLE_TITLE } from './support/workstation';

const COPIES = 1000;
const titleOf = (n: number) => `Telegram ${String(n).padStart(4, '0')}`;
/** The sample first ("Ciphered…"), then the copies in the order of their titles. */
const DOCUMENTS = COPIES + 1;
const LAST_TITLE = titleOf(COPIES);

/**
 * Writes copies of the sample document (its record and its transcription, so each opens) into
 * the app's IndexedDB, then reloads the app, which reads its library at start.
 */
async function addCopiesOfSample(page: Page): Promise<void> {
  await page.evaluate(
    async ([copies]) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open('marginalia');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const read = <T,>(store: string): Promise<T[]> =>
        new Promise((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
        });
      const [sample] = await read<{ id: string; title: string }>('documents');
      const [text] = await read<{ documentId: string }>('transcriptions');
      const tx = db.transaction(['documents', 'transcriptions'], 'readwrite');
      for (let n = 1; n <= copies; n++) {
        const id = `copy-${n}`;
        tx.objectStore('documents').put({ ...sample, id, title: `Telegram ${String(n).padStart(4, '0')}`, isSample: false });
        tx.objectStore('transcriptions').put({ ...text, documentId: id });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    [COPIES] as const,
  );
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
}

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const items = (page: Page) => library(page).locator('.library-list > li');
const focusedItem = (page: Page) => library(page).locator('.library-item:focus');

test.describe('a library of a thousand documents', () => {
  test.beforeEach(async ({ page }) => {
    await openSample(page);
    await addCopiesOfSample(page);
  });

  test('draws a page of documents, each saying its place in the whole list', async ({ page }) => {
    await expect(items(page).first()).toHaveAttribute('aria-posinset', '1');
    await expect(items(page).first()).toHaveAttribute('aria-setsize', String(DOCUMENTS));
    // The window is about 900 px high: a few dozen items near view, not a thousand.
    expect(await library(page).locator('.library-item').count()).toBeLessThan(60);
    await expect(library(page).getByRole('button', { name: LAST_TITLE })).toHaveCount(0);
    await expect(library(page).locator('.library-item[aria-current="true"]')).toContainText(SAMPLE_TITLE);
  });

  test('scrolling to the end shows the last document, and it opens', async ({ page }) => {
    await library(page).locator('.library-list-window').evaluate((list) => list.scrollTo(0, list.scrollHeight));
    const last = library(page).getByRole('button', { name: LAST_TITLE });
    await expect(last).toBeInViewport();
    await expect(items(page).last()).toHaveAttribute('aria-posinset', String(DOCUMENTS));
    await last.click();
    await expect(page.getByRole('heading', { level: 1, name: LAST_TITLE })).toBeVisible();
    await expect(last).toHaveAttribute('aria-current', 'true');
  });

  test('the keyboard moves through the list: arrows, Home, End, Tab', async ({ page }) => {
    // Ctrl+L goes to the library, on the open document.
    await page.keyboard.press('Control+l');
    await expect(focusedItem(page)).toContainText(SAMPLE_TITLE);
    await page.keyboard.press('ArrowDown');
    await expect(focusedItem(page)).toContainText(titleOf(1));
    await page.keyboard.press('Tab');
    await expect(focusedItem(page)).toContainText(titleOf(2));
    await page.keyboard.press('End');
    await expect(focusedItem(page)).toContainText(LAST_TITLE);
    await expect(focusedItem(page)).toBeInViewport();
    await page.keyboard.press('ArrowUp');
    await expect(focusedItem(page)).toContainText(titleOf(COPIES - 1));
    await expect(focusedItem(page)).toBeInViewport();
    await page.keyboard.press('Shift+Tab');
    await expect(focusedItem(page)).toContainText(titleOf(COPIES - 2));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: titleOf(COPIES - 2) })).toBeVisible();
    await page.keyboard.press('Control+l');
    await expect(focusedItem(page)).toContainText(titleOf(COPIES - 2));
    await page.keyboard.press('Home');
    await expect(focusedItem(page)).toContainText(SAMPLE_TITLE);
    await expect(focusedItem(page)).toBeInViewport();
  });

  test('the open document stays marked when scrolled away, and is in view when the app starts on it', async ({ page }) => {
    await library(page).locator('.library-list-window').evaluate((list) => list.scrollTo(0, list.scrollHeight));
    await library(page).getByRole('button', { name: LAST_TITLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: LAST_TITLE })).toBeVisible();
    await library(page).locator('.library-list-window').evaluate((list) => list.scrollTo(0, 0));
    await expect(library(page).getByRole('button', { name: SAMPLE_TITLE })).toBeInViewport();
    await expect(library(page).locator('.library-item[aria-current="true"]')).toHaveText(new RegExp(LAST_TITLE));

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: LAST_TITLE })).toBeVisible();
    await expect(library(page).getByRole('button', { name: LAST_TITLE })).toBeInViewport();
  });
});
