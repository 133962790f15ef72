/**
 * The scan viewer: zoom, rotation, mirroring and image adjustments change what is on screen
 * (checked in the pixels of a screenshot), layouts, and the view remembered per document.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectColour, scanView } from './support/scans';
import { BLUE, GREEN, RED, screenColour, settled, showQuarters, YELLOW } from './support/viewer';
import { openSample } from './support/workstation';

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Scan view' });

test('rotation and mirroring turn the picture on screen, and are remembered for the document', async ({ page }) => {
  await showQuarters(page);
  expectColour(await screenColour(page, -12, -12), RED, 24);
  expectColour(await screenColour(page, 12, 12), YELLOW, 24);

  await toolbar(page).getByRole('button', { name: /Rotate right/ }).click();
  await settled(page);
  await expect(scanView(page)).toHaveAttribute('data-rotation', '90');
  // Turned clockwise: the bottom-left quarter (blue) is now at the top left.
  expectColour(await screenColour(page, -12, -12), BLUE, 24);
  expectColour(await screenColour(page, 12, -12), RED, 24);

  await page.reload();
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(4);
  await settled(page);
  await expect(scanView(page)).toHaveAttribute('data-rotation', '90');
  expectColour(await screenColour(page, -12, -12), BLUE, 24);

  await toolbar(page).getByRole('button', { name: /Rotate left/ }).click();
  await toolbar(page).getByRole('button', { name: /Mirror/ }).click();
  await settled(page);
  await expect(scanView(page)).toHaveAttribute('data-flipped', 'true');
  expectColour(await screenColour(page, -12, -12), GREEN, 24);
});

test('invert, greyscale and brightness change the pixels a reader sees', async ({ page }) => {
  await showQuarters(page);
  await toolbar(page).getByRole('button', { name: /Invert/ }).click();
  await settled(page);
  expectColour(await screenColour(page, -12, -12), [255 - RED[0], 255 - RED[1], 255 - RED[2]], 30);
  await toolbar(page).getByRole('button', { name: /Invert/ }).click();
  await toolbar(page).getByRole('button', { name: /Greyscale/ }).click();
  await settled(page);
  const [r, g, b] = await screenColour(page, -12, -12);
  expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(12);
  await toolbar(page).getByRole('button', { name: /Greyscale/ }).click();
  await toolbar(page).getByLabel(/Brightness/).fill('160');
  await settled(page);
  const [, brighterGreen] = await screenColour(page, -12, -12);
  expect(brighterGreen).toBeGreaterThan(RED[1] + 10);
  await toolbar(page).getByRole('button', { name: /Reset adjustments/ }).click();
  await settled(page);
  expectColour(await screenColour(page, -12, -12), RED, 24);
});

test('zooming in and out, fit to width and to the page, 100 %', async ({ page }) => {
  await showQuarters(page);
  const zoom = async (): Promise<number> => Number(await scanView(page).getAttribute('data-zoom'));
  const fitted = await zoom();
  await toolbar(page).getByRole('button', { name: /Zoom in/ }).click();
  await expect.poll(zoom).toBeGreaterThan(fitted * 1.1);
  await toolbar(page).getByRole('button', { name: /100/ }).click();
  await expect.poll(zoom).toBeCloseTo(1, 1);
  await settled(page);
  // At 100 % a 400 × 600 scan covers 400 × 600 screen pixels, so 100 px up and left of the middle
  // is well inside its red top-left quarter; fitted into the pane (under half size) it is off the picture.
  expectColour(await screenColour(page, -100, -100), RED, 24);
  await toolbar(page).getByRole('button', { name: 'Fit page' }).click();
  // Back to the whole page (the stage may have changed height by a line of toolbar since).
  await expect.poll(zoom).toBeLessThan(fitted * 1.25);
  expect(await zoom()).toBeGreaterThan(fitted * 0.8);
});

test('a still scan stops drawing frames, and the wheel wakes it to zoom', async ({ page }) => {
  // Counts the animation frames the page asks for (OpenSeadragon's loop asked for one at every
  // display refresh while a scan was open, however still: about 120 a second with its minimap).
  await page.addInitScript(() => {
    const counted = window as Window & { framesAsked?: number };
    counted.framesAsked = 0;
    const request = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => {
      counted.framesAsked!++;
      return request(callback);
    };
  });
  await showQuarters(page);
  const framesAskedOver = async (ms: number): Promise<number> => {
    const before = await page.evaluate(() => (window as Window & { framesAsked?: number }).framesAsked!);
    await page.waitForTimeout(ms);
    return (await page.evaluate(() => (window as Window & { framesAsked?: number }).framesAsked!)) - before;
  };
  await expect.poll(() => framesAskedOver(1_000), { timeout: 10_000 }).toBeLessThan(5);

  const zoom = async (): Promise<number> => Number(await scanView(page).getAttribute('data-zoom'));
  const fitted = await zoom();
  const box = (await page.locator('.scan-viewer-stage').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // Each notch of the wheel zooms by 1.2.
  for (let notch = 0; notch < 3; notch++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(50);
  }
  await expect.poll(zoom).toBeGreaterThan(fitted * 1.5);
  await settled(page);
  // Zoomed in on the middle, the picture still shows its four quarters around it.
  expectColour(await screenColour(page, -12, -12), RED, 24);
  expectColour(await screenColour(page, 12, 12), YELLOW, 24);
  // And once still again, it stops again.
  await expect.poll(() => framesAskedOver(1_000), { timeout: 10_000 }).toBeLessThan(5);
});

test('layouts: side by side, stacked, scan only, text only — by button and shortcut', async ({ page }) => {
  await openSample(page);
  const split = page.locator('.split-pane');
  const layouts = page.getByRole('group', { name: 'Layout' });
  await layouts.getByRole('button', { name: 'Stacked' }).click();
  await expect(split).toHaveAttribute('data-layout', 'stacked');
  const scanBox = (await page.getByRole('region', { name: 'Scan', exact: true }).boundingBox())!;
  const textBox = (await page.locator('.transcription-pane').boundingBox())!;
  expect(textBox.y).toBeGreaterThan(scanBox.y + scanBox.height - 2);
  await page.keyboard.press('Control+Alt+3');
  await expect(split).toHaveAttribute('data-layout', 'scan-only');
  await expect(page.locator('.transcription-pane')).toBeHidden();
  await page.keyboard.press('Control+Alt+4');
  await expect(split).toHaveAttribute('data-layout', 'text-only');
  await expect(page.getByRole('region', { name: 'Scan', exact: true })).toBeHidden();
  await page.reload();
  await expect(page.locator('.split-pane')).toHaveAttribute('data-layout', 'text-only');
  await layouts.getByRole('button', { name: 'Side by side' }).click();
  await expect(split).toHaveAttribute('data-layout', 'side-by-side');
});

test('the thumbnail strip pages the scan and moves the transcription to that sheet', async ({ page }) => {
  await openSample(page);
  await page.getByRole('list', { name: 'Sheet thumbnails' }).getByRole('button', { name: 'Sheet 3' }).click();
  await expect(scanView(page)).toHaveAttribute('data-sheet-index', '2');
  await expect(page.locator('.transcription-text section.sheet').nth(2)).toBeInViewport();
});
