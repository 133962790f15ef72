/**
 * Cross-references: to an external source, opened in the system browser only after the address
 * is checked; and to another passage, which following the reference shows.
 */
import { expect, test } from '@playwright/test';
import { annotate, openSample, selectWords } from './support/workstation';
import { scanView } from './support/scans';

test('an external source opens in a new browser window only when its address is a web address', async ({ page, context }) => {
  await openSample(page);
  const card = await annotate(page, 'Cross-reference', 'беседы Кенана с Маликом');
  await card.getByLabel('Citation').fill('FRUS 1951, vol. VII, Korea and China, Part 1');
  await card.getByLabel('Web address (optional)').fill('javascript:alert(document.cookie)');
  await expect(card.getByRole('alert')).toHaveText('Only http and https links can be opened, not javascript.');
  await expect(card.getByRole('button', { name: 'Open link in browser' })).toHaveCount(0);

  await card.getByLabel('Web address (optional)').fill('https://history.state.gov/historicaldocuments/frus1951v07p1');
  // The test machine is offline: answer for the remote page so the new window keeps its address.
  await context.route('https://history.state.gov/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>FRUS</title>' }));
  const opening = context.waitForEvent('page');
  await card.getByRole('button', { name: 'Open link in browser' }).click();
  const popup = await opening;
  expect(popup.url()).toBe('https://history.state.gov/historicaldocuments/frus1951v07p1');
  await popup.close();
});

test('a cross-reference to another passage: choose it by selecting words, then follow it', async ({ page }) => {
  await openSample(page);
  const card = await annotate(page, 'Cross-reference', 'товарищ Малик сказал');
  await card.getByRole('radio', { name: 'A passage' }).check();
  await card.getByRole('button', { name: 'Choose passage…' }).click();
  await expect(page.locator('.pick-banner')).toBeVisible();

  await selectWords(page, 'прекращением военных действий на 38 параллели');
  await page.getByRole('button', { name: 'Link cross-reference here' }).click();
  await expect(page.locator('.pick-banner')).toHaveCount(0);
  const open = page.locator('.annotation-card.open');
  await expect(open.locator('.crossref-summary')).toContainText('“прекращением военных действий на 38 параллели”');

  await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: 'Sheet 4', exact: true }).click();
  await open.getByRole('button', { name: 'Go to passage' }).click();
  await expect(page.locator('.hl-flash')).toHaveText('прекращением военных действий на 38 параллели');
  await expect(page.locator('.hl-flash')).toBeInViewport();
  await expect(scanView(page)).toHaveAttribute('data-sheet-index', '1');

  await page.reload();
  await page.locator('.annotation-card .card-head').click();
  await expect(page.locator('.annotation-card.open .crossref-summary')).toContainText('38 параллели');
});
