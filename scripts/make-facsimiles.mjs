/**
 * Generates the facsimile images of the bundled sample document (`npm run facsimiles`).
 *
 * We have no archival scan to ship, so each transcription sheet is drawn as a typed page in
 * headless Chromium (scripts/facsimile/draw-sheet.ts, Canvas 2D) and saved as a PNG beside a
 * manifest that marks every image as generated. The text comes from the app's own importer,
 * so the pictures show exactly the sheets the app shows. Fonts are bundled, randomness is
 * seeded: the same inputs give the same pictures.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import pngjs from 'pngjs';

const { PNG } = pngjs;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = 'assets/sample/mao-to-filippov-1951-07-20.txt';
const OUT_DIR = 'assets/sample/facsimiles';
const PARSER = 'shared/importers/wilson-center.ts';
const DRAWER = 'scripts/facsimile/draw-sheet.ts';
/** The telegram's date; change it to get a different (but again reproducible) picture. */
const SEED = 19510720;

/** The bundled fonts: typewriter (PT Mono), printed form and handwriting (PT Serif), caption (PT Sans). */
const FONT_CSS = [
  '@fontsource/pt-mono/400.css',
  '@fontsource/pt-serif/400.css',
  '@fontsource/pt-serif/700.css',
  '@fontsource/pt-serif/400-italic.css',
  '@fontsource/pt-sans/400.css',
  '@fontsource/pt-sans/700.css',
];

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const DESCRIPTION =
  'Generated facsimile, not the archival scan: drawn by scripts/make-facsimiles.mjs from the ' +
  'transcription text of this sheet (PT Mono typewriting with seeded jitter, printed form ' +
  'lines in PT Serif, handwritten notes in slanted PT Serif Italic, a stamp in PT Sans, on ' +
  'synthetic paper).';

async function main() {
  const text = await readFile(path.join(ROOT, SAMPLE), 'utf8');
  const sheets = await readSheets(text);
  const [drawer, fonts] = await Promise.all([bundleDrawer(), readFonts()]);
  const images = await renderInChromium(drawer, fonts, sheets);
  await writeOutputs(sheets, images);
}

/** Splits the sample with the app's importer, bundled for Node so this script stays plain JS. */
async function readSheets(text) {
  if (!existsSync(path.join(ROOT, PARSER))) {
    throw new Error(`${PARSER} is missing; it supplies the sheet texts.`);
  }
  const result = await build({
    entryPoints: [path.join(ROOT, PARSER)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const source = Buffer.from(result.outputFiles[0].text).toString('base64');
  const { parseWilsonCenterText } = await import(`data:text/javascript;base64,${source}`);
  return parseWilsonCenterText(text).sheets;
}

/** The drawing code as one script for the page, exposing its exports as `Facsimile`. */
async function bundleDrawer() {
  const result = await build({
    entryPoints: [path.join(ROOT, DRAWER)],
    bundle: true,
    format: 'iife',
    globalName: 'Facsimile',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Reads each @font-face of the fontsource CSS files and inlines its woff2 as a data: URL. */
async function readFonts() {
  const sources = [];
  for (const cssPath of FONT_CSS) {
    const cssFile = path.join(ROOT, 'node_modules', cssPath);
    const css = await readFile(cssFile, 'utf8');
    for (const face of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
      const field = (name) => new RegExp(`${name}:\\s*([^;]+);`).exec(face[1])?.[1].trim();
      const woff2 = /url\(([^)]+\.woff2)\)/.exec(face[1])[1];
      const data = await readFile(path.resolve(path.dirname(cssFile), woff2));
      sources.push({
        family: field('font-family').replace(/['"]/g, ''),
        style: field('font-style'),
        weight: field('font-weight'),
        unicodeRange: field('unicode-range') ?? 'U+0-10FFFF',
        dataUrl: `data:font/woff2;base64,${data.toString('base64')}`,
      });
    }
  }
  return sources;
}

/** Draws every sheet in one headless Chromium page; returns their pixels in sheet order. */
async function renderInChromium(drawer, fonts, sheets) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('[page]', error));
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: drawer });
    await page.evaluate((faces) => window.Facsimile.loadFonts(faces), fonts);
    const images = [];
    for (const [index, sheet] of sheets.entries()) {
      const request = { sheet, index, seed: SEED };
      images.push(await page.evaluate((r) => window.Facsimile.renderSheet(r), request));
    }
    return images;
  } finally {
    await browser.close();
  }
}

/** Writes sheet-N.png and a manifest that says, per image, that it is generated. */
async function writeOutputs(sheets, images) {
  const outDir = path.join(ROOT, OUT_DIR);
  await mkdir(outDir, { recursive: true });
  const entries = [];
  for (const [index, { width, height, pixels }] of images.entries()) {
    const file = `sheet-${index + 1}.png`;
    const png = encodePng(width, height, Buffer.from(pixels, 'base64'));
    await writeFile(path.join(outDir, file), png);
    const { label } = sheets[index];
    entries.push({ sheet: index + 1, label, file, width, height, generated: true, description: DESCRIPTION });
    console.log(`${OUT_DIR}/${file}  ${width}×${height}  ${Math.round(png.length / 1024)} KB`);
  }
  const manifest = { generated: true, source: SAMPLE, seed: SEED, sheets: entries };
  await writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Encodes the page as 8-bit RGB PNG (the page is opaque, so alpha is dropped) with adaptive
 * row filters and the highest deflate level, which keeps each sheet near half a megabyte.
 */
function encodePng(width, height, rgba) {
  const png = new PNG({ width, height, colorType: 2, inputHasAlpha: true });
  rgba.copy(png.data);
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true, deflateLevel: 9, filterType: -1 });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
