/**
 * Regions on the scan: drawn, annotated, linked to the words that transcribe them, following
 * the image through rotation, moved and resized with undo, deleted with undo.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { scanView } from './support/scans';
import { openSample, selectWords, typeBody } from './support/workstation';
import { expectColour } from './support/scans';
import { RED, screenColour, settled, showQuarters } from './support/viewer';

const stage = (page: Page): Locator => page.locator('.scan-viewer-stage');

/** Drags a rectangle with the Rectangle tool, from and to points given relative to the stage's middle. */
async function drawRectangle(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<{ x: number; y: number; width: number; height: number }> {
  await page.getByRole('toolbar', { name: 'Draw regions' }).getByRole('button', { name: 'Rectangle' }).click();
  const box = (await stage(page).boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx + from.x, cy + from.y);
  await page.mouse.down();
  await page.mouse.move(cx + (from.x + to.x) / 2, cy + (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(cx + to.x, cy + to.y, { steps: 4 });
  await page.mouse.up();
  return box;
}

/** A region's outline on the page, from its points (so the width of its stroke does not count). */
async function regionBox(region: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  return region.evaluate((polygon: SVGPolygonElement) => {
    const svg = polygon.ownerSVGElement!.getBoundingClientRect();
    const points = polygon.getAttribute('points')!.trim().split(/\s+/).map((p) => p.split(',').map(Number) as [number, number]);
    const xs = points.map(([x]) => x);
    const ys = points.map(([, y]) => y);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x: svg.left + x, y: svg.top + y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  });
}

/**
 * A region's middle and width in scan pixels from the middle of the picture, measured on screen:
 * the scan is centred in the stage, so dividing by the viewer's zoom undoes the layout.
 */
async function inImagePixels(page: Page, region: Locator): Promise<{ x: number; y: number; width: number }> {
  const box = await regionBox(region);
  const s = (await stage(page).boundingBox())!;
  const zoom = Number(await scanView(page).getAttribute('data-zoom'));
  return {
    x: (box.x + box.width / 2 - (s.x + s.width / 2)) / zoom,
    y: (box.y + box.height / 2 - (s.y + s.height / 2)) / zoom,
    width: box.width / zoom,
  };
}

function expectNear(actual: number, expected: number, tolerance = 4): void {
  expect(Math.abs(actual - expected), `${actual} should be within ${tolerance} of ${expected}`).toBeLessThanOrEqual(tolerance);
}

test('a region drawn on the facsimile, linked to its words, is highlighted from them after a reload', async ({ page }) => {
  await openSample(page);
  await settled(page);
  const box = await drawRectangle(page, { x: -60, y: -40 }, { x: 40, y: 10 });
  // Where it was dragged, give or take the rounding to whole scan pixels.
  const sketched = await regionBox(page.locator('.region-pending'));
  expectNear(sketched.x, box.x + box.width / 2 - 60, 2);
  expectNear(sketched.y, box.y + box.height / 2 - 40, 2);
  expectNear(sketched.width, 100, 2);
  expectNear(sketched.height, 50, 2);
  await page.getByRole('toolbar', { name: 'Annotate region' }).getByRole('button', { name: /^Commentary/ }).click();
  const card = page.locator('.annotation-card.open');
  await expect(card.locator('.card-quote')).toHaveText('▭ Region on Sheet 1');
  await typeBody(page, 'Handwritten routing note of receipt.');
  const id = (await card.getAttribute('data-annotation-id'))!;
  const region = page.locator(`.region[data-annotation-id="${id}"]`);
  const drawn = await inImagePixels(page, region);
  // Link the words that transcribe it.
  await selectWords(page, 'Получено 03.15.21.7');
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: /^Link to region/ }).click();
  await expect(card.locator('.region-links li q')).toHaveText(['Получено 03.15.21.7']);
  await expect(card.locator('.save-state')).toHaveText('Saved', { timeout: 5000 });

  await page.reload();
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(4);
  await settled(page);
  // The same place on the scan (the screen may have laid out differently, so compare in scan pixels).
  const again = await inImagePixels(page, region);
  expectNear(again.x, drawn.x, 8);
  expectNear(again.y, drawn.y, 8);
  expectNear(again.width, drawn.width, 8);

  // Hovering the words lights up the region, where it was drawn; hovering the region lights up the words.
  await expect(region).not.toHaveClass(/hover/);
  await page.locator('.transcription-text .hl-link').first().hover();
  await expect(region).toHaveClass(/hover/);
  await page.mouse.move(5, 5);
  await expect(region).not.toHaveClass(/hover/);
  await region.hover();
  await expect(page.locator('.transcription-text .hl-link.hl-hover')).toHaveText('Получено 03.15.21.7');
});

test('a region follows the image when it is rotated, and can be moved and resized with undo', async ({ page }) => {
  await showQuarters(page);
  // Around a patch of the red (top-left) quarter.
  await drawRectangle(page, { x: -50, y: -50 }, { x: -10, y: -10 });
  await page.keyboard.press('c');
  const card = page.locator('.annotation-card.open');
  const id = (await card.getAttribute('data-annotation-id'))!;
  const region = page.locator(`.region[data-annotation-id="${id}"]`);

  await page.getByRole('toolbar', { name: 'Scan view' }).getByRole('button', { name: /Rotate right/ }).click();
  await settled(page);
  // Turned clockwise, the top-left quarter is now top right: the region went with it, and is still on red.
  const box = (await stage(page).boundingBox())!;
  const turned = await regionBox(region);
  expect(turned.x).toBeGreaterThan(box.x + box.width / 2);
  expect(turned.y + turned.height).toBeLessThan(box.y + box.height / 2);
  const mid = { x: turned.x + turned.width / 2 - (box.x + box.width / 2), y: turned.y + turned.height / 2 - (box.y + box.height / 2) };
  expectColour(await screenColour(page, mid.x, mid.y), RED, 30);

  // Select it, then drag it 30 px to the right.
  await region.click();
  await expect(region).toHaveClass(/active/);
  const before = await regionBox(region);
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width / 2 + 30, before.y + before.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await regionBox(region)).x).toBeGreaterThan(before.x + 25);

  // Resize from the bottom-right handle.
  const handle = page.locator('.region-handle.handle-se');
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + h.width / 2 + 20, h.y + h.height / 2 + 20, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await regionBox(region)).width).toBeGreaterThan(before.width + 15);

  // Undo twice: the resize, then the move.
  await page.locator('.transcription-pane').click({ position: { x: 5, y: 80 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await regionBox(region)).width).toBeLessThan(before.width + 5);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.abs((await regionBox(region)).x - before.x)).toBeLessThan(4);
});

test('a polygon region reshaped by its corners, deleted and restored', async ({ page }) => {
  await openSample(page);
  await settled(page);
  await page.getByRole('toolbar', { name: 'Draw regions' }).getByRole('button', { name: 'Polygon' }).click();
  const box = (await stage(page).boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of [[-40, -40], [40, -30], [30, 40], [-30, 30]] as const) await page.mouse.click(cx + dx, cy + dy);
  await page.mouse.click(cx - 40, cy - 40); // back on the first point closes the polygon
  await page.getByRole('toolbar', { name: 'Annotate region' }).getByRole('button', { name: /^Translation/ }).click();
  const card = page.locator('.annotation-card.open');
  const id = (await card.getAttribute('data-annotation-id'))!;
  const region = page.locator(`.region[data-annotation-id="${id}"]`);
  const points = (await region.getAttribute('points'))!.trim().split(/\s+/);
  expect(points).toHaveLength(4);

  // Selected, it shows its corners: drag the second one 30 px right and 20 px down.
  await region.click({ position: { x: 10, y: 10 }, force: true });
  await expect(region).toHaveClass(/active/);
  const corner = page.locator('.region-vertex[data-vertex="1"]');
  const c = (await corner.boundingBox())!;
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  await page.mouse.down();
  await page.mouse.move(c.x + c.width / 2 + 30, c.y + c.height / 2 + 20, { steps: 5 });
  await page.mouse.up();
  const corners = async (): Promise<Array<[number, number]>> =>
    (await region.getAttribute('points'))!.trim().split(/\s+/).map((p) => p.split(',').map(Number) as [number, number]);
  const original = points.map((p) => p.split(',').map(Number) as [number, number]);
  await expect.poll(async () => (await corners())[1]![0] - original[1]![0]).toBeGreaterThan(25);
  const reshaped = await corners();
  expect(Math.abs(reshaped[1]![1] - original[1]![1] - 20)).toBeLessThan(4);
  // The other corners stayed where they were.
  for (const i of [0, 2, 3]) {
    expect(Math.abs(reshaped[i]![0] - original[i]![0]) + Math.abs(reshaped[i]![1] - original[i]![1])).toBeLessThan(2);
  }

  // Alt-click removes a corner; undo brings it back.
  await page.locator('.region-vertex[data-vertex="3"]').click({ modifiers: ['Alt'] });
  await expect.poll(async () => (await corners()).length).toBe(3);
  await page.locator('.transcription-pane').click({ position: { x: 5, y: 80 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await corners()).length).toBe(4);

  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(region).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(region).toHaveCount(1);
});
