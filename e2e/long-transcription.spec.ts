/**
 * A long transcription draws only the sheets near view (renderer/transcription/lazy-sheets.ts):
 * whatever the reader or the editor moves to — by the sheet list, by scrolling, by an annotation's
 * card, by the caret — has its text there to read, select, annotate and type into.
 */
import { expect, test, type Page } from '@playwright/test';
import { importDocumentFiles } from './support/scans';
import { annotate, annotationIdOf, highlightedText, openSample } from './support/workstation';

const SHEETS = 60;
/** Each sheet a few screens long, so that only a few are near view at a time. */
function sheetText(n: number): string {
  const lines = Array.from({ length: 30 }, (_, i) => `Строка ${i + 1} листа ${n}: донесение о переговорах продолжается.`);
  return [`Начало листа ${n}.`, ...lines, `Конец листа ${n}.`].join('\n\n');
}

async function openLongDocument(page: Page): Promise<void> {
  await openSample(page);
  const pages = Array.from({ length: SHEETS }, (_, i) => `${i === 0 ? '' : `Page ${i + 1}\n\n`}${sheetText(i + 1)}`).join('\n\n');
  await importDocumentFiles(page, [{ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(`Sixty sheets\n\n${pages}\n`, 'utf8') }]);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /long/ }).click();
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(SHEETS);
}

const sheet = (page: Page, n: number) => page.locator('.transcription-text section.sheet').nth(n - 1);
const drawnSheets = (page: Page) => page.locator('.transcription-text section.sheet:not(.sheet-placeholder)');

test('a long transcription draws the sheets near view, and whatever is moved to is there to read and annotate', async ({ page }) => {
  await openLongDocument(page);
  // Only the sheets near view hold their text; the rest are boxes with their headings.
  await expect(page.getByText('Начало листа 1.')).toBeInViewport();
  expect(await drawnSheets(page).count()).toBeLessThan(10);
  await expect(page.locator('.transcription-text')).not.toContainText('Начало листа 45.');
  await expect(sheet(page, 45).locator('.sheet-heading')).toHaveText(/Sheet 45/);
  // Those far from view are not even laid out: one box as tall as each run of them stands in for it,
  // so the pane is as long as the whole text (each sheet over a screen of lines).
  expect(await page.locator('.transcription-text section.sheet-folded').count()).toBeGreaterThan(SHEETS - 10);
  const paneHeight = await page.locator('.transcription-text').evaluate((text) => text.getBoundingClientRect().height);
  expect(paneHeight).toBeGreaterThan(SHEETS * 900);

  // The sheet list: sheet 45's first words are in view and can be annotated.
  await page.getByRole('navigation', { name: 'Sheets' }).getByRole('combobox', { name: 'Sheet' }).selectOption({ label: 'Sheet 45' });
  await expect(page.getByText('Начало листа 45.')).toBeInViewport();
  const card = await annotate(page, 'Commentary', 'Начало листа 45');
  const id = await annotationIdOf(card);
  expect(await highlightedText(page, id)).toBe('Начало листа 45');
  expect(await drawnSheets(page).count()).toBeLessThan(10);

  // Back at the start, the sheets near 45 are boxes again; the card brings its words back into view.
  await page.getByRole('navigation', { name: 'Sheets' }).getByRole('combobox', { name: 'Sheet' }).selectOption({ label: 'Sheet 1' });
  await expect(page.getByText('Начало листа 1.')).toBeInViewport();
  await expect(page.locator('.transcription-text')).not.toContainText('Начало листа 47.');
  // The card is still open from annotating: closed, then opened again, which scrolls to its words.
  const head = page.locator(`.annotation-card[data-annotation-id="${id}"] .card-head`);
  await head.click();
  await expect(head).toHaveAttribute('aria-expanded', 'false');
  await head.click();
  await expect(page.locator(`.transcription-text .hl[data-annotation-id="${id}"]`).first()).toBeInViewport();

  // Scrolling by the wheel: each sheet scrolled past is drawn as it comes into view.
  await page.getByRole('navigation', { name: 'Sheets' }).getByRole('combobox', { name: 'Sheet' }).selectOption({ label: 'Sheet 1' });
  await expect(page.getByText('Начало листа 1.')).toBeInViewport();
  const pane = page.locator('.transcription-text');
  await pane.hover();
  for (let n = 2; n <= 6; n++) {
    await expect(async () => {
      await page.mouse.wheel(0, 400);
      await expect(page.getByText(`Начало листа ${n}.`)).toBeInViewport({ timeout: 200 });
    }).toPass({ timeout: 20_000 });
  }
  // The sheet at the top of the pane is the one the sheet list names.
  await expect(page.getByRole('navigation', { name: 'Sheets' }).getByRole('combobox', { name: 'Sheet' }).locator('option:checked')).toHaveText(/Sheet [56]/);
  // What is in view is never an empty box.
  expect(await emptyBoxesInView(page)).toBe(0);

  // Entering the editor further down leaves the sheet list, and the scan, on the sheet being read
  // (the reading view, taken out of the page, no longer reports a sheet from its empty boxes).
  for (let step = 0; step < 25; step++) {
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(500);
  const shownSheet = page.getByRole('navigation', { name: 'Sheets' }).getByRole('combobox', { name: 'Sheet' }).locator('option:checked');
  const reading = (await shownSheet.textContent()) ?? '';
  expect(reading).toMatch(/^Sheet (1\d|2\d)$/);
  const read = await lineAtReadingLine(page);
  await page.keyboard.press('Control+e');
  const editor = page.getByRole('textbox', { name: 'Transcription (editing)' });
  await expect(editor).toBeFocused();
  await page.waitForTimeout(300);
  await expect(shownSheet).toHaveText(reading);
  // The editor opens on the words being read, where they were on screen, with the caret there:
  // what is typed goes into the sheet being read.
  const sameLine = editor.locator('p').filter({ hasText: read.text });
  await expect(sameLine).toBeInViewport();
  expect(Math.abs((await sameLine.boundingBox())!.y - read.top)).toBeLessThan(12);
  expect(await emptyBoxesInView(page)).toBe(0);
  await page.keyboard.type('Правка. ');
  const sheetRead = editor.locator('section.sheet').nth(Number(reading.replace('Sheet ', '')) - 1);
  await expect(sheetRead).toContainText('Правка. ');
  // Done: the reading view opens on the same words.
  await page.keyboard.press('Control+e');
  const reader = page.getByRole('document', { name: 'Transcription' });
  await expect(reader.getByText(/Правка\. /)).toBeInViewport();
  await expect(shownSheet).toHaveText(reading);
  // A line clicked while reading is where the editor puts the caret.
  const clicked = reader.locator('p').filter({ hasText: 'Правка. ' }).locator('xpath=following-sibling::p[2]');
  await expect(clicked).toBeInViewport();
  const clickedText = (await clicked.textContent())!;
  await clicked.click();
  await page.keyboard.press('Control+e');
  await expect(editor).toBeFocused();
  await page.keyboard.type('Здесь ');
  await expect(editor.locator('p').filter({ hasText: 'Здесь ' })).toHaveText(new RegExp(`^${clickedText.slice(0, 20)}.*Здесь `));
});

/** The paragraph at the reader's reading line (reading-place.ts), and where it is on screen. */
async function lineAtReadingLine(page: Page): Promise<{ text: string; top: number }> {
  return page.evaluate(() => {
    const text = document.querySelector('.transcription-text')!;
    const pane = text.closest('.split-side')!.getBoundingClientRect();
    const paragraph = [...text.querySelectorAll('p')].find((p) => p.getBoundingClientRect().bottom > pane.top + 96)!;
    return { text: paragraph.textContent!, top: paragraph.getBoundingClientRect().top };
  });
}

/** Boxes standing for sheets not drawn that show in the window: what the reader sees is always text. */
async function emptyBoxesInView(page: Page): Promise<number> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.transcription-text section.sheet-placeholder:not(.sheet-folded)')].filter((s) => {
      const box = s.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    }).length,
  );
}

test('the editor of a long transcription types at the start, across sheets and at the end, and it is saved', async ({ page }) => {
  await openLongDocument(page);
  await page.keyboard.press('Control+e');
  const editor = page.getByRole('textbox', { name: 'Transcription (editing)' });
  await expect(editor).toBeFocused();
  const drawnInEditor = () => editor.locator('section.sheet:not(.sheet-placeholder)').count();
  expect(await drawnInEditor()).toBeLessThan(10);
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Копия. ');
  await expect(editor.locator('section.sheet').first()).toContainText('Копия. Sixty sheets');

  // From the start of sheet 50 to the end (Ctrl+Shift+End), replaced by one word: the sheets
  // after it go, whether they were drawn or not.
  const sheetList = page.getByRole('navigation', { name: 'Sheets' }).getByRole('combobox', { name: 'Sheet' });
  await sheetList.selectOption({ label: 'Sheet 50' });
  await expect(editor.getByText('Начало листа 50.')).toBeInViewport();
  await editor.getByText('Начало листа 50.').click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Shift+End');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toMatch(/^Начало листа 50\.[^]*Конец листа 60\.$/);
  expect(await drawnInEditor()).toBeLessThan(12);
  await page.keyboard.type('Вырезано.');
  await expect(editor.locator('section.sheet')).toHaveCount(50);
  await expect(editor.locator('section.sheet').last()).toHaveText(/Вырезано\.$/);
  await expect(editor.getByText('Вырезано.')).toBeInViewport();

  // Ctrl+Home and Ctrl+End take the caret across the whole text, each end drawn and in view.
  await page.keyboard.press('Control+Home');
  await expect(editor.getByText('Копия. Sixty sheets')).toBeInViewport();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Дописано в конце.');
  await expect(editor.getByText('Вырезано. Дописано в конце.')).toBeInViewport();
  expect(await drawnInEditor()).toBeLessThan(12);
  // New lines typed past the bottom of the pane take the view along with the caret.
  for (let line = 0; line < 30; line++) await page.keyboard.press('Enter');
  await page.keyboard.type('Последняя строка.');
  await expect(editor.getByText('Последняя строка.')).toBeInViewport();

  // Done; after a reload the text is the one typed.
  await page.keyboard.press('Control+e');
  await expect(page.locator('.transcription-text:not(.editing)')).toBeVisible();
  await page.reload();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /long/ }).click();
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(50);
  await expect(page.locator('.transcription-text section.sheet').first()).toContainText('Копия. Sixty sheets');
  await sheetList.selectOption({ label: 'Sheet 50' });
  await expect(page.getByText('Вырезано. Дописано в конце.')).toBeInViewport();
});
