/**
 * Importing: documents from text files, scans from a generated multi-page PDF and images —
 * landing beside the right sheets — and bad files refused with a message, the library
 * untouched.
 */
import { expect, test } from '@playwright/test';
import {
  binaryNamedTxt,
  brokenPdf,
  fakeImage,
  multiPagePdf,
  pageColour,
  passwordProtectedPdf,
  pngImage,
  tiffImage,
  truncatedPng,
} from './support/scan-fixtures';
import { addScans, countStored, expectColour, goToSheet, importDocumentFiles, scanPixel, scanView } from './support/scans';
import { annotate, annotationIdOf, highlightedText, openSample } from './support/workstation';

const GREEN = [30, 140, 60] as const;

test('a three-page PDF and an image become the scans of sheets 1–4, in order, kept across a reload', async ({ page }) => {
  await openSample(page);
  await addScans(page, [await multiPagePdf(3), pngImage(400, 600, GREEN, 'last-sheet.png')]);
  await expect(page.getByRole('status').getByText('Added 4 scans.')).toBeVisible();
  // The four generated facsimiles stay listed, after the real scans that now take their sheets.
  await expect(page.locator('.scan-item')).toHaveCount(8);
  await expect(page.locator('.scan-item .scan-name').nth(4)).toHaveText('pages-3.pdf, page 1');
  await expect(page.locator('.scan-item img').first()).toBeVisible();

  for (const n of [1, 2, 3]) {
    await goToSheet(page, n);
    await expect(page.getByRole('note')).toHaveCount(0); // a real scan, not a generated facsimile
    expectColour(await scanPixel(page, 0.05, 0.95), pageColour(n));
  }
  await goToSheet(page, 4);
  expectColour(await scanPixel(page, 0.5, 0.5), GREEN, 4);

  await page.reload();
  await page.locator('.transcription-text section.sheet').first().waitFor();
  await goToSheet(page, 2);
  expectColour(await scanPixel(page, 0.05, 0.95), pageColour(2));
});

test('a TIFF is shown like any other scan', async ({ page }) => {
  await openSample(page);
  await addScans(page, [tiffImage(300, 200, [200, 120, 40], 'sheet-1.tif')]);
  await expect(page.getByRole('status').getByText('Added 1 scan.')).toBeVisible();
  await goToSheet(page, 1);
  expectColour(await scanPixel(page, 0.5, 0.5), [200, 120, 40], 4);
});

test('scans can be moved to another sheet and removed, with undo', async ({ page }) => {
  await openSample(page);
  await addScans(page, [pngImage(300, 400, GREEN, 'stamp.png')]);
  await expect(page.locator('.scan-item')).toHaveCount(5);
  await page.getByLabel('Sheet shown by stamp.png').selectOption({ label: 'Sheet 3' });
  await goToSheet(page, 3);
  expectColour(await scanPixel(page, 0.5, 0.5), GREEN, 4);
  await goToSheet(page, 1);
  await expect(page.getByRole('note')).toContainText('Generated facsimile');

  await page.getByRole('button', { name: 'Remove stamp.png' }).click();
  await expect(page.locator('.scan-item')).toHaveCount(4);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.scan-item')).toHaveCount(5);
});

test('a sheet with two scans shows the first in page order; moving a scan up changes which', async ({ page }) => {
  await openSample(page);
  const BLUE = [40, 60, 200] as const;
  await addScans(page, [pngImage(300, 400, GREEN, 'green.png'), pngImage(300, 400, BLUE, 'blue.png')]);
  await expect(page.locator('.scan-item')).toHaveCount(6);
  await page.getByLabel('Sheet shown by blue.png').selectOption({ label: 'Sheet 1' });
  await goToSheet(page, 1);
  expectColour(await scanPixel(page, 0.5, 0.5), GREEN, 4);
  await page.getByRole('button', { name: 'Move blue.png up' }).click();
  await expect(page.locator('.scan-item .scan-name').nth(4)).toHaveText('blue.png');
  expectColour(await scanPixel(page, 0.5, 0.5), BLUE, 4);
});

test('a large PDF imports with progress and can be cancelled, leaving the library as it was', async ({ page }) => {
  await openSample(page);
  await addScans(page, [await multiPagePdf(60)]);
  const progress = page.getByRole('status', { name: 'Import progress' });
  await expect(progress).toContainText(/page \d+ of 60/);
  await expect(progress.locator('progress')).toBeVisible();
  // The window keeps answering while pages are rendered.
  await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: 'Sheet 3', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: 'Sheet 3', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(progress).toContainText(/page \d+ of 60/);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('The import was cancelled; nothing was added.')).toBeVisible();
  await expect(progress).toHaveCount(0);
  expect(await countStored(page, 'scans')).toBe(4);
  expect(await countStored(page, 'stagedScans')).toBe(0);
});

test('broken, protected, truncated and fake scans are refused by name, and nothing is added', async ({ page }) => {
  await openSample(page);
  await addScans(page, [pngImage(200, 300, GREEN, 'good.png'), brokenPdf(), passwordProtectedPdf(), truncatedPng(), fakeImage()]);
  const dialog = page.getByRole('dialog', { name: 'Nothing was imported' });
  await expect(dialog).toBeVisible();
  const problems = dialog.locator('.import-problems li');
  await expect(problems).toHaveCount(4);
  await expect(problems.nth(0)).toHaveText(/^“broken\.pdf” cannot be imported: .*damaged/);
  await expect(problems.nth(1)).toHaveText(/^“protected\.pdf” cannot be imported: .*password/);
  await expect(problems.nth(2)).toHaveText(/^“truncated\.png” cannot be imported: .*(cut off|truncated)/);
  await expect(problems.nth(3)).toHaveText(/^“scan\.jpg” cannot be imported: it is not a JPEG, PNG, WebP or TIFF image, nor a PDF/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(await countStored(page, 'scans')).toBe(4);
  expect(await countStored(page, 'stagedScans')).toBe(0);
  await expect(page.locator('.scan-item')).toHaveCount(4);
});

const WILSON_PAGE = `
March 5, 1953
Memorandum on the Armistice Talks
[Draft]

Citation:

"Memorandum on the Armistice Talks [Draft]", March 5, 1953, Test Archive.

<https://example.org/document/42>

Summary:

A memorandum written for this test.

Original Language:

Russian

Contents:

Original Scan

Первый лист меморандума.

Продолжение меморандума

Лист 2

Второй лист меморандума.
`;

test('text files become documents; a binary file named .txt is refused and nothing is added', async ({ page }) => {
  await openSample(page);
  await importDocumentFiles(page, [
    { name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from(WILSON_PAGE, 'utf8') },
    binaryNamedTxt(),
  ]);
  const dialog = page.getByRole('dialog', { name: 'Nothing was imported' });
  await expect(dialog.locator('.import-problems li')).toHaveText([/^“notes\.txt” cannot be imported: it is not a text file/]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(await countStored(page, 'documents')).toBe(1);

  await importDocumentFiles(page, [
    { name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from(WILSON_PAGE, 'utf8') },
    { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Seminar notes\n\nOn the 38th parallel.\n', 'utf8') },
  ]);
  await expect(page.getByText('Imported 2 documents.')).toBeVisible();
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.locator('.library-item')).toHaveCount(3);
  await library.getByRole('button', { name: /Memorandum on the Armistice Talks \[Draft\]/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Memorandum on the Armistice Talks [Draft]');
  await expect(page.getByRole('region', { name: 'Document metadata' })).toContainText('March 5, 1953 (1953-03-05)');
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(2);
  await expect(page.locator('.transcription-text section.sheet').nth(1)).toContainText('Второй лист меморандума.');
  await library.getByRole('button', { name: /Seminar notes/ }).click();
  await expect(page.locator('.transcription-text')).toContainText('On the 38th parallel.');
});

test('a document of many sheets is paged with a list of its sheets rather than a button per sheet', async ({ page }) => {
  await openSample(page);
  const pages = Array.from({ length: 20 }, (_, i) => `${i === 0 ? '' : `Page ${i + 1}\n\n`}Лист переписки номер ${i + 1}.`).join('\n\n');
  await importDocumentFiles(page, [{ name: 'file.txt', mimeType: 'text/plain', buffer: Buffer.from(`Twenty sheets\n\n${pages}\n`, 'utf8') }]);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /file/ }).click();
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(20);
  const sheets = page.getByRole('navigation', { name: 'Sheets' });
  await expect(sheets.locator('.sheet-tab')).toHaveCount(0);
  const choice = sheets.getByRole('combobox', { name: 'Sheet' });
  await expect(choice.locator('option')).toHaveCount(20);
  await expect(sheets).toContainText('of 20');
  await choice.selectOption({ label: 'Sheet 15' });
  await expect(page.locator('.transcription-text section.sheet').nth(14)).toBeInViewport();
  await expect(page.getByRole('list', { name: 'Sheet thumbnails' }).getByRole('button', { name: 'Sheet 15' })).toHaveAttribute('aria-current', 'page');
  await sheets.getByRole('button', { name: 'Next sheet' }).click();
  await expect(choice).toHaveValue('15');
  await expect(page.locator('.transcription-text section.sheet').nth(15)).toBeInViewport();

  // The thumbnail strip draws only the sheets near view, yet the keys reach every one of them.
  const strip = page.getByRole('list', { name: 'Sheet thumbnails' });
  const sixteen = strip.getByRole('button', { name: 'Sheet 16' });
  await expect(sixteen).toHaveAttribute('aria-current', 'page');
  await sixteen.focus();
  await page.keyboard.press('Home');
  const first = strip.getByRole('button', { name: 'Sheet 1', exact: true });
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
  const firstItem = strip.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Sheet 1', exact: true }) });
  await expect(firstItem).toHaveAttribute('aria-posinset', '1');
  await expect(firstItem).toHaveAttribute('aria-setsize', '20');
  await page.keyboard.press('ArrowRight');
  await expect(strip.getByRole('button', { name: 'Sheet 2', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(choice).toHaveValue('1');
  await page.keyboard.press('End');
  await expect(strip.getByRole('button', { name: 'Sheet 20' })).toBeFocused();
  await expect(strip.getByRole('button', { name: 'Sheet 20' })).toBeInViewport();
});

test('files dropped on the window are imported', async ({ page }) => {
  await openSample(page);
  const png = pngImage(120, 160, GREEN, 'dropped.png');
  const dataTransfer = await page.evaluateHandle(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
      return transfer;
    },
    { bytes: [...png.buffer], name: png.name },
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await expect(page.locator('.drop-overlay')).toBeVisible();
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  await expect(page.getByRole('status').getByText('Added 1 scan.')).toBeVisible();
  await goToSheet(page, 1);
  expectColour(await scanPixel(page, 0.5, 0.5), GREEN, 4);
});

test('every metadata field can be edited; a bad ISO date is refused; undo restores', async ({ page }) => {
  await openSample(page);
  const metadata = page.getByRole('region', { name: 'Document metadata' });
  await metadata.getByRole('button', { name: 'Edit metadata' }).click();
  const form = page.getByRole('form', { name: 'Edit document metadata' });
  await form.getByLabel('Date (ISO)').fill('1951-02-30');
  await expect(form.getByRole('alert')).toHaveText('There is no such day.');
  await expect(form.getByRole('button', { name: 'Save metadata' })).toBeDisabled();
  await form.getByLabel('Date as written').fill('21 July 1951');
  await form.getByLabel('Date (ISO)').fill('1951-07-21');
  await form.getByLabel('Author(s)').fill('Mao Zedong');
  await form.getByLabel('Associated topics').fill('Korean War\nArmistice');
  await form.getByRole('button', { name: 'Save metadata' }).click();
  await expect(metadata).toContainText('21 July 1951 (1951-07-21)');
  await expect(metadata.locator('.metadata-row', { hasText: 'Author(s)' })).toHaveText('Author(s)Mao Zedong');

  // Undo puts the old values back.
  await page.locator('.transcription-pane').click({ position: { x: 5, y: 60 } });
  await page.keyboard.press('Control+z');
  await expect(metadata).toContainText('July 20, 1951 (1951-07-20)');
  await expect(metadata.locator('.metadata-row', { hasText: 'Author(s)' })).toHaveCount(0);

  // An edit is kept across a reload.
  await metadata.getByRole('button', { name: 'Edit metadata' }).click();
  await form.getByLabel('Associated topics').fill('Korean War\nArmistice');
  await form.getByRole('button', { name: 'Save metadata' }).click();
  await expect(metadata.locator('.metadata-row', { hasText: 'Topics' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Document metadata' }).locator('.metadata-row', { hasText: 'Topics' })).toHaveText(
    'TopicsKorean War\nArmistice',
  );
});

test('a sheet can be split at a paragraph and merged back; annotations stay on their words', async ({ page }) => {
  await openSample(page);
  const card = await annotate(page, 'Translation', 'Так называемые мирные переговоры', { endText: 'пустая фраза.' });
  const id = await annotationIdOf(card);
  const sheets = page.locator('.transcription-text section.sheet');
  await page.locator('.transcription-text p', { hasText: 'Если огонь в Корее действительно прекратится' }).click();
  await page.getByRole('button', { name: 'Split sheet here' }).click();
  await expect(sheets).toHaveCount(5);
  await expect(sheets.nth(2).locator('p').first()).toContainText('Если огонь в Корее действительно прекратится');
  await expect(page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: 'Sheet 3', exact: true })).toHaveAttribute('aria-current', 'page');
  // The new sheet has no scan yet; the scans after it moved with their sheets.
  await expect(page.getByRole('region', { name: 'Scan', exact: true })).toContainText('No scan for Sheet 3.');
  await goToSheet(page, 4);
  await expect(scanView(page)).toHaveAttribute('data-source', 'facsimile-sheet-3.png');
  expect(await highlightedText(page, id)).toBe('Так называемые мирные переговоры — это пустая фраза.');

  await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: 'Sheet 3', exact: true }).click();
  await page.getByRole('button', { name: 'Merge Sheet 3 with previous' }).click();
  await expect(sheets).toHaveCount(4);
  await expect(sheets.nth(1)).toContainText('Если огонь в Корее действительно прекратится');
  await goToSheet(page, 3);
  await expect(scanView(page)).toHaveAttribute('data-source', 'facsimile-sheet-3.png');
  expect(await highlightedText(page, id)).toBe('Так называемые мирные переговоры — это пустая фраза.');
});
