/**
 * The central loop in Chromium: open the bundled telegram, read its four sheets beside their
 * facsimiles, annotate words of each kind, reload, find everything where it was.
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { annotate, annotationIdOf, highlightedText, openSample, SAMPLE_TITLE, selectWords, typeBody } from './support/workstation';
import { importDocumentFiles, scanView } from './support/scans';

const FRUS_URL = 'https://history.state.gov/historicaldocuments/frus1951v07p1';

test.describe('the sample telegram', () => {
  test('opens with its metadata, four sheets and a generated facsimile for each', async ({ page }) => {
    // Anything the page logs as an error (a CSP violation, a failed asset, a React warning) fails the test.
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await openSample(page);
    await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: new RegExp(SAMPLE_TITLE.replace(/[[\]]/g, '\\$&')) })).toBeVisible();
    const metadata = page.getByRole('region', { name: 'Document metadata' });
    await expect(metadata).toContainText('July 20, 1951 (1951-07-20)');
    await expect(metadata).toContainText('Wilson Center Digital Archive, CWHIP archive');
    await expect(metadata).toContainText('https://wilson-center.drivingcreative.com/document/119538');
    await expect(metadata).toContainText('Russian');
    await expect(metadata).toContainText('Leon Levy Foundation');

    const sheetText = ['ШИФРТЕЛЕГРАММА № 22054', 'Исходя из беседы Кенана с Маликом', 'затянуть время', 'С большевистскими приветом!'];
    const nav = page.getByRole('navigation', { name: 'Sheets' });
    for (let i = 0; i < 4; i++) {
      await nav.getByRole('button', { name: `Sheet ${i + 1}`, exact: true }).click();
      await expect(nav.getByRole('button', { name: `Sheet ${i + 1}`, exact: true })).toHaveAttribute('aria-current', 'page');
      const viewer = scanView(page);
      await expect(viewer).toHaveAttribute('data-sheet-index', String(i));
      await expect(viewer).toHaveAttribute('aria-label', `Generated facsimile of Sheet ${i + 1}`);
      // The image really opened in the viewer: a broken blob would leave it failed.
      await expect(viewer).toHaveAttribute('data-status', 'open');
      await expect(page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: `Sheet ${i + 1}`, exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('note')).toContainText('Generated facsimile');
      const sheet = page.locator('.transcription-text section.sheet').nth(i);
      await expect(sheet).toContainText(sheetText[i]!);
      await expect(sheet).toBeInViewport();
    }
    // The garbled number on the third sheet is shown as written, without reordering.
    await expect(page.locator('.transcription-text section.sheet').nth(2).locator('.sheet-heading')).toHaveText('Sheet 3 · headed “Лист 8”');
    expect(errors).toEqual([]);
  });

  test('scrolling the transcription to another sheet shows that sheet’s scan', async ({ page }) => {
    await openSample(page);
    await page.locator('.transcription-text p', { hasText: 'Если переговоры сорвутся, то мы намерены' }).scrollIntoViewIfNeeded();
    await page.locator('.transcription-text p', { hasText: 'Если переговоры сорвутся, то мы намерены' }).evaluate((p) => p.scrollIntoView({ block: 'start' }));
    const image = scanView(page);
    await expect(image).toHaveAttribute('data-sheet-index', '2');
    await expect(page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: 'Sheet 3', exact: true })).toHaveAttribute('aria-current', 'page');
    // Keyboard: next sheet.
    await page.keyboard.press('Control+]');
    await expect(image).toHaveAttribute('data-sheet-index', '3');
  });

  test('renders Cyrillic in the bundled serif face, not a fallback', async ({ page }) => {
    await openSample(page);
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "PT Serif"', 'Шифртелеграмма');
    });
    expect(loaded).toBe(true);
  });
});

test.describe('annotating', () => {
  test('one annotation of each kind, on the right words, kept across a reload', async ({ page }) => {
    await openSample(page);

    const commentary = await annotate(page, 'Commentary', 'пошататься');
    await typeBody(page, 'OCR error: read "поплатиться" (to pay the price).');
    const commentaryId = await annotationIdOf(commentary);

    const translation = await annotate(page, 'Translation', 'Так называемые мирные переговоры', { endText: 'пустая фраза.' });
    await expect(translation.getByLabel('Translation into')).toHaveValue('en');
    await typeBody(page, 'The so-called peace negotiations are an empty phrase.');
    const translationId = await annotationIdOf(translation);

    const crossref = await annotate(page, 'Cross-reference', 'беседы Кенана с Маликом');
    await typeBody(page, 'Kennan–Malik conversations, 31 May and 5 June 1951.');
    await crossref.getByLabel('Citation').fill(
      'Foreign Relations of the United States, 1951, vol. VII, Korea and China, Part 1: memoranda of the Kennan–Malik conversations of 31 May and 5 June 1951',
    );
    await crossref.getByLabel('Web address (optional)').fill(FRUS_URL);
    const crossrefId = await annotationIdOf(crossref);

    // A selection across the break between sheets 2 and 3: "Если" / "затянуть время".
    const spanning = await annotate(page, 'Commentary', 'Если', { endText: 'затянуть время', after: 'оборонное строительство. ' });
    await typeBody(page, 'The sentence runs on across the sheet break.');
    const spanningId = await annotationIdOf(spanning);
    await expect(spanning.locator('.card-quote')).toHaveText(/^Если\nПродолжение шифртелеграммы № 22054\nЭкз\. №\nЛист 8\nзатянуть время$/);

    await expect(page.locator('.annotation-card')).toHaveCount(4);
    await expect(page.locator('.save-state').first()).toHaveText('Saved', { timeout: 5000 });
    await page.locator('.annotation-card.open .save-state').getByText('Saved').waitFor();

    await page.reload();
    await expect(page.locator('.annotation-card')).toHaveCount(4);

    expect(await highlightedText(page, commentaryId)).toBe('пошататься');
    expect(await highlightedText(page, translationId)).toBe('Так называемые мирные переговоры — это пустая фраза.');
    expect(await highlightedText(page, crossrefId)).toBe('беседы Кенана с Маликом');
    expect(await highlightedText(page, spanningId)).toBe('Если|Продолжение шифртелеграммы № 22054|Экз. №|Лист 8|затянуть время');
    await expect(page.locator(`.hl-commentary[data-annotation-id="${commentaryId}"]`)).toHaveCount(1);
    await expect(page.locator(`.hl-translation[data-annotation-id="${translationId}"]`)).toHaveCount(1);
    await expect(page.locator(`.hl-crossref[data-annotation-id="${crossrefId}"]`)).toHaveCount(1);

    // The panel lists them in text order.
    await expect(page.locator('.annotation-card .card-quote')).toHaveText([
      'беседы Кенана с Маликом',
      'Так называемые мирные переговоры — это пустая фраза.',
      /^Если/,
      'пошататься',
    ]);

    // Clicking a highlight opens its annotation, with everything typed before the reload.
    await page.locator(`.hl[data-annotation-id="${crossrefId}"]`).first().click();
    const reopened = page.locator(`.annotation-card.open[data-annotation-id="${crossrefId}"]`);
    await expect(reopened.locator('.body-editor-text')).toHaveText('Kennan–Malik conversations, 31 May and 5 June 1951.');
    await expect(reopened.getByLabel('Web address (optional)')).toHaveValue(FRUS_URL);
    await expect(reopened.getByLabel('Citation')).toHaveValue(/Kennan–Malik conversations of 31 May and 5 June 1951$/);

    await page.locator(`.hl[data-annotation-id="${translationId}"]`).first().click();
    await expect(page.locator(`.annotation-card.open[data-annotation-id="${translationId}"] .body-editor-text`)).toHaveText(
      'The so-called peace negotiations are an empty phrase.',
    );

    // The picture of the main screen in the README is this state; UPDATE_SCREENSHOT=1 refreshes it.
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: 'Sheet 2', exact: true }).click();
    await page.locator(`.hl[data-annotation-id="${crossrefId}"]`).first().click();
    await page.mouse.move(0, 0);
    const shot = await page.screenshot({ path: test.info().outputPath('main-screen.png') });
    if (process.env.UPDATE_SCREENSHOT) writeFileSync(new URL('../docs/screenshot.png', import.meta.url), shot);
  });

  test('filters the panel by kind', async ({ page }) => {
    await openSample(page);
    await annotate(page, 'Commentary', 'СЕРИЯ 17');
    await annotate(page, 'Translation', 'Снятие копий воспрещается');
    const filters = page.getByRole('group', { name: 'Show annotations of kind' });
    await filters.getByRole('button', { name: /^Translation/ }).click();
    await expect(page.locator('.annotation-card .card-quote')).toHaveText(['Снятие копий воспрещается']);
    await filters.getByRole('button', { name: /^Commentary/ }).click();
    await expect(page.locator('.annotation-card .card-quote')).toHaveText(['СЕРИЯ 17']);
    await filters.getByRole('button', { name: /^All/ }).click();
    await expect(page.locator('.annotation-card')).toHaveCount(2);
  });

  test('delete, then undo from the message and with Ctrl+Z', async ({ page }) => {
    await openSample(page);
    const card = await annotate(page, 'Commentary', 'Товарищу Филиппову');
    const id = await annotationIdOf(card);
    await typeBody(page, 'Filippov: Stalin’s cover name.');

    await card.getByRole('button', { name: 'Delete' }).click();
    await expect(page.locator('.annotation-card')).toHaveCount(0);
    await expect(page.locator(`.hl[data-annotation-id="${id}"]`)).toHaveCount(0);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('.annotation-card')).toHaveCount(1);
    await expect(page.locator(`.hl[data-annotation-id="${id}"]`)).toHaveText('Товарищу Филиппову');

    await page.locator('.annotation-card .card-head').click(); // open
    await page.locator('.annotation-card.open').getByRole('button', { name: 'Delete' }).click();
    await expect(page.locator('.annotation-card')).toHaveCount(0);
    await page.locator('.transcription-pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect(page.locator('.annotation-card')).toHaveCount(1);
    await page.reload();
    await expect(page.locator('.annotation-card')).toHaveCount(1);
    await page.locator('.annotation-card .card-head').click();
    await expect(page.locator('.annotation-card.open .body-editor-text')).toHaveText('Filippov: Stalin’s cover name.');
  });
});

test.describe('the screen', () => {
  test('annotates with a single key while words are selected', async ({ page }) => {
    await openSample(page);
    await selectWords(page, 'Снятие копий воспрещается');
    await page.keyboard.press('t');
    const card = page.locator('.annotation-card.open');
    await expect(card.locator('.kind-badge')).toHaveText('Translation');
    await expect(card.locator('.card-quote')).toHaveText('Снятие копий воспрещается');
    // The new annotation's editor has the keyboard: typing goes into it.
    await page.keyboard.type('Copying prohibited');
    await expect(card.locator('.body-editor-text')).toHaveText('Copying prohibited');
  });

  test('the split between scan and text is resizable by mouse and keyboard, and remembered', async ({ page }) => {
    await openSample(page);
    const scan = page.getByRole('region', { name: 'Scan', exact: true });
    const before = (await scan.boundingBox())!.width;
    const divider = page.getByRole('separator', { name: 'Resize scan and transcription' });
    const box = (await divider.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x - 150, box.y + 200, { steps: 5 });
    await page.mouse.up();
    const dragged = (await scan.boundingBox())!.width;
    expect(dragged).toBeLessThan(before - 100);
    await divider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const nudged = (await scan.boundingBox())!.width;
    expect(nudged).toBeGreaterThan(dragged + 10);
    await page.reload();
    await expect(page.locator('.transcription-text section.sheet')).toHaveCount(4);
    expect(Math.abs((await scan.boundingBox())!.width - nudged)).toBeLessThan(3);
  });

  test('metadata and annotations can be hidden and shown, by button and shortcut', async ({ page }) => {
    await openSample(page);
    const metadata = page.getByRole('region', { name: 'Document metadata' });
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Metadata' }).click();
    await expect(metadata).toHaveCount(0);
    await page.keyboard.press('Control+Shift+M');
    await expect(metadata).toBeVisible();
    await page.keyboard.press('Control+Shift+A');
    await expect(page.getByRole('complementary', { name: 'Annotations' })).toHaveCount(0);
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Side panel' }).click();
    await expect(page.getByRole('complementary', { name: 'Annotations' })).toBeVisible();
  });

  test('a shortcut given to one document is not done again to the next one opened', async ({ page }) => {
    await openSample(page);
    await importDocumentFiles(page, [{ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Seminar notes\n\nOn the 38th parallel.\n', 'utf8') }]);
    await expect(page.getByText('Imported “Seminar notes”.')).toBeVisible();
    const library = page.getByRole('navigation', { name: 'Library' });
    const workbench = page.getByRole('region', { name: 'Translation workbench' });
    const editor = page.locator('.transcription-text.editing');
    for (const [shortcut, shown] of [['Control+Shift+E', workbench], ['Control+E', editor]] as const) {
      await library.getByRole('button', { name: SAMPLE_TITLE }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
      await page.keyboard.press(shortcut);
      await expect(shown).toBeVisible();
      await library.getByRole('button', { name: /Seminar notes/ }).click();
      await expect(page.locator('.transcription-text')).toContainText('On the 38th parallel.');
      // Given time to be (wrongly) done: the new document stays as it opened.
      await page.waitForTimeout(500);
      await expect(shown).toHaveCount(0);
      await expect(page.locator('.transcription-text:not(.editing)')).toBeVisible();
    }
  });
});
