/**
 * Nothing typed is lost: bodies are saved without a Save button, and a reload straight after a
 * keystroke keeps it. Rich text and its own undo work in the body editor.
 */
import { expect, test } from '@playwright/test';
import { storedRecords } from './support/scans';
import { annotate, openSample, typeBody } from './support/workstation';

test('a body is saved about a second after the last keystroke, without a Save button', async ({ page }) => {
  await openSample(page);
  const card = await annotate(page, 'Commentary', 'Получено 03.15.21.7');
  await typeBody(page, 'Handwritten routing note');
  await expect(card.locator('.save-state')).toHaveText('Editing…');
  await expect(card.locator('.save-state')).toHaveText('Saved', { timeout: 3000 });
  // What is saved is in IndexedDB itself, not only on screen.
  const stored = await storedRecords<{ body: { doc: unknown } }>(page, 'annotations');
  expect(JSON.stringify(stored.map((a) => a.body.doc))).toContain('Handwritten routing note');
});

test('a reload right after typing loses nothing', async ({ page }) => {
  await openSample(page);
  await annotate(page, 'Translation', 'Снятие копий воспрещается');
  await typeBody(page, 'Copying prohibited');
  await page.reload(); // well inside the autosave delay
  await page.locator('.annotation-card .card-head').click();
  await expect(page.locator('.annotation-card.open .body-editor-text')).toHaveText('Copying prohibited');
});

test('the body editor has bold, italic, lists, quotes, links and its own undo', async ({ page }) => {
  await openSample(page);
  const card = await annotate(page, 'Commentary', 'СЕРИЯ 17');
  const editor = card.locator('.body-editor-text');
  await editor.click();
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Series');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' 17 ');
  await page.keyboard.press('Control+i');
  await page.keyboard.type('sic');
  await page.keyboard.press('Control+i');
  // A pause, as a user makes: the editor's undo history starts a new step after half a second.
  await page.waitForTimeout(700);
  await page.keyboard.press('Enter');
  await page.keyboard.type('- first point');
  await expect(editor.locator('strong')).toHaveText('Series');
  await expect(editor.locator('em')).toHaveText('sic');
  await expect(editor.locator('ul > li')).toHaveText('first point');

  await page.keyboard.press('Control+z');
  await expect(editor.locator('ul > li')).toHaveText('');
  await expect(editor.locator('strong')).toHaveText('Series');
  await page.keyboard.press('Control+Shift+z');
  await expect(editor.locator('ul > li')).toHaveText('first point');

  // Link the word "Series" to a web page.
  await editor.locator('strong').dblclick();
  await page.keyboard.press('Control+k');
  await card.getByLabel('Link address').fill('javascript:alert(1)');
  await card.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(card.getByText('A link must start with http://, https:// or mailto:')).toBeVisible();
  await card.getByLabel('Link address').fill('https://digitalarchive.wilsoncenter.org/');
  await card.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(editor.locator('a')).toHaveAttribute('href', 'https://digitalarchive.wilsoncenter.org/');

  await card.getByRole('button', { name: 'Block quote' }).click();
  await expect(editor.locator('blockquote')).toHaveCount(1);
});
