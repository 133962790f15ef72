/** Helpers for the scan viewer: a test image in four colours, and what the screen shows. */
import { expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { Rgb, ScanFixture } from './scan-fixtures';
import { addScans, goToSheet, scanView } from './scans';
import { openSample } from './workstation';

export const RED: Rgb = [220, 30, 30];
export const GREEN: Rgb = [30, 180, 60];
export const BLUE: Rgb = [30, 60, 220];
export const YELLOW: Rgb = [230, 210, 40];

/** A scan in four coloured quarters: red top left, green top right, blue bottom left, yellow bottom right. */
export function quartersImage(width = 400, height = 600, name = 'quarters.png'): ScanFixture {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = y < height / 2 ? (x < width / 2 ? RED : GREEN) : x < width / 2 ? BLUE : YELLOW;
      const i = (y * width + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return { name, mimeType: 'image/png', buffer: PNG.sync.write(png) };
}

/** The colour on screen at an offset from the middle of the viewer's picture area. */
export async function screenColour(page: Page, dx: number, dy: number): Promise<Rgb> {
  const stage = page.locator('.scan-viewer-stage');
  const box = (await stage.boundingBox())!;
  const shot = PNG.sync.read(await page.screenshot({ clip: box }));
  const x = Math.round(shot.width / 2 + dx);
  const y = Math.round(shot.height / 2 + dy);
  const i = (y * shot.width + x) * 4;
  return [shot.data[i]!, shot.data[i + 1]!, shot.data[i + 2]!];
}

/** Waits until the viewer has settled after a change. */
export async function settled(page: Page): Promise<void> {
  await expect(scanView(page)).toHaveAttribute('data-status', 'open');
  await page.waitForTimeout(700); // OpenSeadragon animates zoom and rotation for about half a second
}


/** Opens the sample with the four-colour test image as the scan of sheet 1, settled in the viewer. */
export async function showQuarters(page: Page): Promise<void> {
  await openSample(page);
  await addScans(page, [quartersImage()]);
  await expect(page.getByRole('status').getByText('Added 1 scan.')).toBeVisible();
  await goToSheet(page, 1);
  await expect(scanView(page)).toHaveAttribute('data-source', 'quarters.png');
  await settled(page);
}
