/**
 * Draws a GENERATED facsimile of one sheet of a typed Soviet telegram onto a Canvas 2D, from
 * the transcription text alone. We do not ship the archival scan, so this picture stands in for
 * it: paper, a printed form header, carbon-copy typewriting, handwritten routing notes and
 * stamps, and a caption saying plainly that it is generated.
 *
 * Runs in headless Chromium (bundled by scripts/make-facsimiles.mjs). Every random choice comes
 * from a seeded generator, so the same seed and text give the same picture.
 */
import type { SheetText } from '../../shared/document-metadata';
import { seededRandom, type Random } from '../../shared/seeded-random';

/** A4 at 150 dpi. */
const PAGE = { width: 1240, height: 1754 } as const;
const MARGIN = { left: 150, right: 110, top: 105, bottom: 150 } as const;
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Where the printer's imprint sits; the flowing text must end above it. */
const IMPRINT_BASELINE = PAGE.height - MARGIN.bottom + 40;

const INK = {
  /** Carbon copies from blue-black carbon paper. */
  typed: '#20243c',
  /** Violet-blue fountain-pen ink, as on routing notes. */
  hand: '#33379a',
  /** Aniline stamp-pad violet. */
  stamp: '#5d3a96',
  /** Letterpress black of the printed form. */
  print: '#1c1a19',
} as const;

const FONT = { mono: '"PT Mono"', serif: '"PT Serif"', sans: '"PT Sans"' } as const;
const CAPTION = 'Generated facsimile — not the archival scan';

/** Typed-line sizes tried in order until a sheet fits: first tighter spacing, then smaller type. */
const FONT_SIZES = [23, 22, 21, 20, 19, 18, 17, 16, 15];
const LEADINGS = [1.75, 1.6, 1.45, 1.32];
/** Typewriters of the period set 60–70 characters a line on A4. */
const MAX_COLUMNS = 70;
const PARAGRAPH_INDENT = 5;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

type Rng = Random;


/** FNV-1a, to derive stable sub-seeds from text. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const between = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng();

// ---------------------------------------------------------------------------------------------
// Fonts

export interface FontSource {
  family: string;
  style: string;
  weight: string;
  unicodeRange: string;
  /** data:font/woff2;base64,… so the picture never depends on system fonts. */
  dataUrl: string;
}

/** Registers and fully loads the bundled fonts before anything is drawn. */
export async function loadFonts(sources: readonly FontSource[]): Promise<void> {
  const faces = sources.map(
    (s) =>
      new FontFace(s.family, `url(${s.dataUrl}) format('woff2')`, {
        style: s.style,
        weight: s.weight,
        unicodeRange: s.unicodeRange,
      }),
  );
  for (const face of faces) document.fonts.add(face);
  await Promise.all(faces.map((face) => face.load()));
  await document.fonts.ready;
}

// ---------------------------------------------------------------------------------------------
// Page state shared by the drawing functions

interface Metrics {
  fontSize: number;
  lineHeight: number;
  charWidth: number;
  columns: number;
}

interface Page {
  /** Paper, printed form and handwriting are drawn here directly. */
  paper: CanvasRenderingContext2D;
  /** Typewriter and stamp impressions, later multiplied onto the paper in one pass so the ink
   * darkens the paper's tone instead of covering it. */
  strike: CanvasRenderingContext2D;
  rng: Rng;
  /** Typed lines climb or fall this many pixels per pixel: paper is never square on the platen. */
  skew: number;
  /** Same for every sheet: one typewriter typed them all, so its misaligned keys stay put. */
  machineSeed: number;
  m: Metrics;
}

/** A laid-out paragraph: how tall it is, and how to draw it once its top is known. */
interface Block {
  height: number;
  draw(top: number): void;
}

// ---------------------------------------------------------------------------------------------
// Entry point

export interface SheetRequest {
  sheet: SheetText;
  /** 0-based position of the sheet in the document. */
  index: number;
  seed: number;
}

export interface RenderedSheet {
  width: number;
  height: number;
  /** RGBA, base64. Node writes the PNG itself: Chromium's encoder favours speed over size. */
  pixels: string;
}

/** Draws one sheet and returns its pixels. */
export function renderSheet({ sheet, index, seed }: SheetRequest): RenderedSheet {
  const canvas = makeCanvas();
  const strikeCanvas = makeCanvas();
  const paper = canvas.getContext('2d')!;
  const page: Page = {
    paper,
    strike: strikeCanvas.getContext('2d')!,
    rng: seededRandom(seed + 7919 * (index + 1)),
    skew: between(seededRandom(seed - index), -0.003, 0.003),
    machineSeed: seed,
    m: metricsFor(paper, FONT_SIZES[0]!, LEADINGS[0]!),
  };

  paintPaper(page);
  const blocks = fitBlocks(page, sheet.paragraphs);
  let top = MARGIN.top;
  for (const block of blocks) {
    block.draw(top);
    top += block.height;
  }
  pressImpressions(page, strikeCanvas);
  drawCaption(paper, index);
  const pixels = base64(paper.getImageData(0, 0, PAGE.width, PAGE.height).data);
  return { width: PAGE.width, height: PAGE.height, pixels };
}

function base64(bytes: Uint8ClampedArray): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function makeCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = PAGE.width;
  canvas.height = PAGE.height;
  return canvas;
}

// ---------------------------------------------------------------------------------------------
// Paper

/**
 * Off-white, slightly uneven paper. The tone is computed per pixel and rounded to whole levels
 * rather than painted with canvas gradients: Chromium dithers gradients, and that invisible
 * pixel noise alone made each PNG several megabytes. Sparse specks and fibres go on top.
 */
function paintPaper({ paper: ctx, rng }: Page): void {
  ctx.putImageData(paperTone(rng), 0, 0);
  scatterSpecks(ctx, rng);
  scatterFibres(ctx, rng);
}

const PAPER = [239, 232, 216] as const;
const AGED = [150, 118, 70] as const;
const BLEACHED = [255, 252, 242] as const;

/** The paper's tone: mottled ageing and sizing, yellowed edges, a fold. */
function paperTone(rng: Rng): ImageData {
  // Two octaves: a finer third one was barely visible and cost ~18 KB of PNG per sheet.
  const mottle = [valueNoise(rng, 420), valueNoise(rng, 160)];
  const foldY = PAGE.height / 2 + between(rng, -30, 30);
  const image = new ImageData(PAGE.width, PAGE.height);
  const px = image.data;
  for (let y = 0; y < PAGE.height; y++) {
    for (let x = 0; x < PAGE.width; x++) {
      const grain = 0.05 * mottle[0]!(x, y) + 0.025 * mottle[1]!(x, y);
      const t = grain + edgeShade(x, y) + foldShade(y - foldY);
      const target = t >= 0 ? AGED : BLEACHED;
      // Steps of 1/150 move all channels together by at most one level: invisible, yet fewer colours.
      const k = Math.round(150 * Math.min(1, Math.abs(t))) / 150;
      const i = 4 * (y * PAGE.width + x);
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(PAPER[c]! + (target[c]! - PAPER[c]!) * k);
      px[i + 3] = 255;
    }
  }
  return image;
}

/**
 * Smooth value noise in [-1, 1] with features about `cell` pixels across: random values on a
 * grid, blended with smoothstep. Irregular where overlapping circles looked drawn with a compass.
 */
function valueNoise(rng: Rng, cell: number): (x: number, y: number) => number {
  const cols = Math.ceil(PAGE.width / cell) + 2;
  const rows = Math.ceil(PAGE.height / cell) + 2;
  const grid = Float32Array.from({ length: cols * rows }, () => between(rng, -1, 1));
  const smooth = (t: number): number => t * t * (3 - 2 * t);
  return (x, y) => {
    const gx = x / cell;
    const gy = y / cell;
    const x0 = Math.floor(gx);
    const y0 = Math.floor(gy);
    const sx = smooth(gx - x0);
    const sy = smooth(gy - y0);
    const at = (cx: number, cy: number): number => grid[cy * cols + cx]!;
    const top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * sx;
    const bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * sx;
    return top + (bottom - top) * sy;
  };
}

/** Edges yellow first where the sheet sat exposed in the file. */
function edgeShade(x: number, y: number): number {
  const distance = Math.min(x, PAGE.width - 1 - x, y, PAGE.height - 1 - y);
  return distance >= 70 ? 0 : 0.18 * (1 - distance / 70) ** 2;
}

/** Telegrams were filed folded across the middle: a thin shadow with a highlight above it. */
function foldShade(dy: number): number {
  return 0.1 * Math.exp(-(((dy - 2) / 3) ** 2)) - 0.25 * Math.exp(-(((dy + 3) / 3) ** 2));
}

/** Dust and pulp inclusions. */
function scatterSpecks(ctx: CanvasRenderingContext2D, rng: Rng): void {
  for (let i = 0; i < 600; i++) {
    ctx.fillStyle = `rgba(80,65,45,${between(rng, 0.08, 0.35)})`;
    ctx.beginPath();
    ctx.arc(between(rng, 0, PAGE.width), between(rng, 0, PAGE.height), between(rng, 0.3, 1.3), 0, Math.PI * 2);
    ctx.fill();
  }
}

/** Short curled fibres visible in wood-pulp paper. */
function scatterFibres(ctx: CanvasRenderingContext2D, rng: Rng): void {
  ctx.lineWidth = 0.7;
  for (let i = 0; i < 180; i++) {
    const x = between(rng, 0, PAGE.width);
    const y = between(rng, 0, PAGE.height);
    const len = between(rng, 6, 22);
    const angle = between(rng, 0, Math.PI * 2);
    ctx.strokeStyle = `rgba(110,90,60,${between(rng, 0.06, 0.18)})`;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.quadraticCurveTo(
      x + Math.cos(angle + 0.6) * len * 0.5,
      y + Math.sin(angle + 0.6) * len * 0.5,
      x + Math.cos(angle) * len,
      y + Math.sin(angle) * len,
    );
    ctx.stroke();
  }
}

// ---------------------------------------------------------------------------------------------
// Layout

function metricsFor(ctx: CanvasRenderingContext2D, fontSize: number, leading: number): Metrics {
  ctx.font = `${fontSize}px ${FONT.mono}`;
  const charWidth = ctx.measureText('Ж').width;
  return {
    fontSize,
    lineHeight: Math.round(fontSize * leading),
    charWidth,
    columns: Math.min(MAX_COLUMNS, Math.floor(TEXT_WIDTH / charWidth)),
  };
}

/** Lays the sheet out at the largest type and spacing that fit the page; text is never cropped. */
function fitBlocks(page: Page, paragraphs: readonly string[]): Block[] {
  const room = IMPRINT_BASELINE - 45 - MARGIN.top;
  let blocks: Block[] = [];
  for (const size of FONT_SIZES) {
    for (const leading of LEADINGS) {
      page.m = metricsFor(page.paper, size, leading);
      blocks = paragraphs.map((p, i) => blockFor(page, p, i === paragraphs.length - 1));
      if (blocks.reduce((sum, b) => sum + b.height, 0) <= room) return blocks;
    }
  }
  return blocks;
}

type Kind = 'printed' | 'field' | 'hand' | 'stamp' | 'table' | 'imprint' | 'typed';

/** Lines the form itself carries, printed before anything was typed. */
const PRINTED_LINE = /^(ВТОРОЕ ГЛАВНОЕ УПРАВЛЕНИЕ|ПОДЛЕЖИТ ВОЗВРАТУ ЧЕРЕЗ|Снятие копий|Для заметок)/u;
/** Printed labels with a typed value after them. */
const FORM_FIELD = /^(ШИФРТЕЛЕГРАММА\s*№|Продолжение шифртелеграммы\s*№|Экз\.\s*№|Лист)(?=\s|$)/u;
/** Registry numbers, receipt times, dates and signatures added by hand at the cipher office. */
const HAND_NOTE = /^(Получено|Раст\.|Отп\.|№\s?\d|\/[^/]+\/$|\d{1,2}\.\d{1,2}\.\d{2}\s*г\.?$)/u;
/** A rubber stamp begins with an office instruction on a line of its own. */
const STAMP = /^ПОДЛЕЖИТ ВОЗВРАТУ\n/u;
/** The printer's order number at the foot of a form: short, capitals and digits. */
const IMPRINT = /^(?=.*\d)[\p{Lu}\d][\p{Lu}\d .-]{2,22}$/u;

/** Decides how a paragraph appears on the sheet; the text itself is always shown unchanged. */
function classify(paragraph: string, isLast: boolean): Kind {
  if (paragraph.includes('\t')) return 'table';
  if (STAMP.test(paragraph)) return 'stamp';
  if (PRINTED_LINE.test(paragraph)) return 'printed';
  if (FORM_FIELD.test(paragraph)) return 'field';
  if (HAND_NOTE.test(paragraph) && paragraph.length < 40) return 'hand';
  if (isLast && IMPRINT.test(paragraph)) return 'imprint';
  return 'typed';
}

function blockFor(page: Page, paragraph: string, isLast: boolean): Block {
  switch (classify(paragraph, isLast)) {
    case 'printed':
      return printedBlock(page, paragraph);
    case 'field':
      return fieldBlock(page, paragraph);
    case 'hand':
      return handBlock(page, paragraph);
    case 'stamp':
      return stampBlock(page, paragraph);
    case 'table':
      return tableBlock(page, paragraph);
    case 'imprint':
      return imprintBlock(page, paragraph);
    case 'typed':
      return typedBlock(page, paragraph);
  }
}

/** Greedy word wrap at spaces. */
function wrap(text: string, fits: (line: string) => boolean, firstIndent = ''): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  for (const word of text.split(' ')) {
    const candidate = line.trim() === '' ? line + word : `${line} ${word}`;
    if (fits(candidate) || line.trim() === '') {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
    line = breakOverlong(line, fits, lines);
  }
  lines.push(line);
  return lines;
}

/** A word longer than a whole line is broken, so nothing ever runs off the page. */
function breakOverlong(line: string, fits: (line: string) => boolean, lines: string[]): string {
  while (!fits(line) && line.length > 1) {
    let cut = line.length - 1;
    while (cut > 1 && !fits(line.slice(0, cut))) cut--;
    lines.push(line.slice(0, cut));
    line = line.slice(cut);
  }
  return line;
}

// ---------------------------------------------------------------------------------------------
// Typewriting

/**
 * Body text: long paragraphs get the typist's indent; short lines such as "(см. сл. лист)" or
 * the signature are set to the right, as the typist tabbed them.
 */
function typedBlock(page: Page, paragraph: string): Block {
  const { columns, lineHeight } = page.m;
  const fits = (line: string): boolean => line.length <= columns;
  const sourceLines = paragraph.split('\n');
  const isBody = sourceLines.length === 1 && paragraph.length > 30;
  const lines = sourceLines.flatMap((l) => wrap(l.trim(), fits, isBody ? ' '.repeat(PARAGRAPH_INDENT) : ''));
  const right = sourceLines.length === 1 && paragraph.length <= 24;
  return {
    height: lines.length * lineHeight + Math.round(lineHeight * 0.35),
    draw(top) {
      lines.forEach((line, i) => {
        const column = right ? columns - line.length - 2 : 0;
        typeLine(page, line, MARGIN.left + column * page.m.charWidth, top + (i + 0.8) * lineHeight);
      });
    },
  };
}

/**
 * Strikes one line of type character by character. Each key of the machine has its own fixed
 * misalignment and punch strength (machineSeed), and every strike adds its own small jitter
 * and ink variation (rng), so repeated letters look alike but not identical. Each letter is
 * struck twice, a fraction of a pixel apart, for the heavier look of carbon spreading in the
 * fibres. Baselines are whole pixels: subpixel rows of antialiasing cost ~10% more PNG bytes.
 */
function typeLine(page: Page, text: string, x: number, baseline: number): void {
  const { strike: ctx, rng, m } = page;
  ctx.font = `${m.fontSize}px ${FONT.mono}`;
  ctx.fillStyle = INK.typed;
  const ribbon = between(rng, 0.8, 1);
  const scale = m.fontSize / FONT_SIZES[0]!;
  let column = 0;
  for (const ch of text) {
    if (ch !== ' ') {
      const key = keyBias(page, ch);
      const x0 = x + column * m.charWidth + (key.dx + between(rng, -0.35, 0.35)) * scale;
      const tilt = (x0 - PAGE.width / 2) * page.skew;
      const y0 = Math.round(baseline + tilt + (key.dy + between(rng, -0.45, 0.45)) * scale);
      ctx.globalAlpha = Math.min(1, key.punch * ribbon * between(rng, 0.82, 1));
      ctx.fillText(ch, x0, y0);
      ctx.fillText(ch, x0 + 0.45, y0);
      // A sticky key sometimes bounces and leaves a faint second impression.
      if (rng() < 0.02) {
        ctx.globalAlpha *= 0.3;
        ctx.fillText(ch, x0 + between(rng, -0.9, 0.9), y0 + between(rng, -0.7, 0.7));
      }
    }
    column++;
  }
  ctx.globalAlpha = 1;
}

/** The fixed offset and strength of one typebar on this typewriter. */
function keyBias(page: Page, ch: string): { dx: number; dy: number; punch: number } {
  const rng = seededRandom(page.machineSeed ^ hashString(ch));
  return { dx: between(rng, -0.7, 0.7), dy: between(rng, -1, 1), punch: between(rng, 0.78, 1.08) };
}

/** Columns of the distribution table, with the faint printed rules of the form between rows. */
function tableBlock(page: Page, paragraph: string): Block {
  const { lineHeight, charWidth, columns } = page.m;
  const rows = paragraph.split('\n').map((r) => r.split('\t').map((c) => c.trim()));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const totalCells = widths.reduce((a, b) => a + b, 0);
  const gap = Math.max(2, Math.min(6, Math.floor((columns - totalCells) / Math.max(1, widths.length - 1))));
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((a, w) => a + w + gap, 0));
  const tableWidth = (starts[starts.length - 1]! + widths[widths.length - 1]!) * charWidth;
  const padding = Math.round(lineHeight * 0.3);
  return {
    height: padding + rows.length * lineHeight + Math.round(lineHeight * 0.5),
    draw(blockTop) {
      const top = blockTop + padding;
      drawRule(page.paper, MARGIN.left - 8, top + 4, tableWidth + 16);
      rows.forEach((row, r) => {
        const baseline = top + (r + 0.75) * lineHeight;
        row.forEach((cell, c) => typeLine(page, cell, MARGIN.left + starts[c]! * charWidth, baseline));
        drawRule(page.paper, MARGIN.left - 8, top + (r + 1) * lineHeight + 4, tableWidth + 16);
      });
    },
  };
}

function drawRule(ctx: CanvasRenderingContext2D, x: number, y: number, width: number): void {
  ctx.fillStyle = INK.print;
  ctx.globalAlpha = 0.55;
  ctx.fillRect(x, Math.round(y), width, 1);
  ctx.globalAlpha = 1;
}

// ---------------------------------------------------------------------------------------------
// Printed form

/** Size and placement of each kind of printed form line, relative to the typed size. */
function printedStyle(text: string): { scale: number; weight: string; align: 'center' | 'left' | 'right' } {
  if (/^ШИФРТЕЛЕГРАММА/u.test(text)) return { scale: 1.5, weight: '700', align: 'center' };
  if (/^Продолжение/u.test(text)) return { scale: 1.05, weight: '700', align: 'center' };
  if (/^(Экз\.|Лист)/u.test(text)) return { scale: 0.85, weight: '400', align: 'right' };
  if (/^Для заметок/u.test(text)) return { scale: 0.65, weight: '400', align: 'left' };
  if (/^ВТОРОЕ/u.test(text)) return { scale: 0.8, weight: '700', align: 'center' };
  return { scale: 0.72, weight: '400', align: 'center' };
}

/** A line printed on the form: even letterpress ink, centred or ranged as the form sets it. */
function printedBlock(page: Page, paragraph: string): Block {
  const style = printedStyle(paragraph);
  const size = Math.round(page.m.fontSize * style.scale);
  const font = `${style.weight} ${size}px ${FONT.serif}`;
  const ctx = page.paper;
  ctx.font = font;
  const lines = paragraph.split('\n').flatMap((l) => wrap(l.trim(), (t) => ctx.measureText(t).width <= TEXT_WIDTH));
  const lineHeight = Math.round(size * 1.35);
  return {
    height: lines.length * lineHeight + Math.round(page.m.lineHeight * 0.3),
    draw(top) {
      ctx.font = font;
      ctx.fillStyle = INK.print;
      lines.forEach((line, i) => {
        const x = alignedX(ctx.measureText(line).width, style.align);
        ctx.fillText(line, x, top + (i + 0.9) * lineHeight);
      });
    },
  };
}

/** A printed label followed by its typed value: "ШИФРТЕЛЕГРАММА №" then "22054" from the machine. */
function fieldBlock(page: Page, paragraph: string): Block {
  const label = FORM_FIELD.exec(paragraph)![1]!;
  const value = paragraph.slice(label.length).trim();
  const style = printedStyle(label);
  const size = Math.round(page.m.fontSize * style.scale);
  const font = `${style.weight} ${size}px ${FONT.serif}`;
  const ctx = page.paper;
  ctx.font = font;
  const labelWidth = ctx.measureText(label).width;
  const gap = page.m.charWidth;
  const width = labelWidth + (value ? gap + value.length * page.m.charWidth : 0);
  const lineHeight = Math.max(page.m.lineHeight, Math.round(size * 1.4));
  return {
    height: lineHeight + Math.round(page.m.lineHeight * 0.2),
    draw(top) {
      const x = alignedX(width, style.align);
      const baseline = top + lineHeight * 0.8;
      ctx.font = font;
      ctx.fillStyle = INK.print;
      ctx.fillText(label, x, baseline);
      if (value) typeLine(page, value, x + labelWidth + gap, baseline);
    },
  };
}

function alignedX(width: number, align: 'center' | 'left' | 'right'): number {
  if (align === 'left') return MARGIN.left;
  if (align === 'right') return PAGE.width - MARGIN.right - width;
  return MARGIN.left + (TEXT_WIDTH - width) / 2;
}

/** The printer's job number in small type at the foot of the form, below the flowing text. */
function imprintBlock(page: Page, paragraph: string): Block {
  return {
    height: 0,
    draw() {
      const ctx = page.paper;
      ctx.font = `${Math.round(page.m.fontSize * 0.55)}px ${FONT.serif}`;
      ctx.fillStyle = INK.print;
      ctx.globalAlpha = 0.8;
      ctx.fillText(paragraph, MARGIN.left - 40, IMPRINT_BASELINE);
      ctx.globalAlpha = 1;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Handwriting and stamps

/**
 * A note in pen: the serif italic slanted further, in violet-blue ink, on a wandering baseline
 * and not quite level, placed where a clerk would write it rather than on the typing grid.
 */
function handBlock(page: Page, paragraph: string): Block {
  const size = Math.round(page.m.fontSize * 1.15);
  const lines = paragraph.split('\n').map((l) => l.trim());
  const lineHeight = Math.round(size * 1.25);
  const indent = between(page.rng, 0.05, 0.55) * TEXT_WIDTH;
  const angle = between(page.rng, -0.05, 0.01);
  return {
    height: lines.length * lineHeight + Math.round(page.m.lineHeight * 0.3),
    draw(top) {
      lines.forEach((line, i) => {
        handLine(page, line, MARGIN.left + indent + i * 6, top + (i + 0.85) * lineHeight, size, angle);
      });
    },
  };
}

function handLine(page: Page, text: string, x: number, baseline: number, size: number, angle: number): void {
  const { paper: ctx, rng } = page;
  ctx.save();
  ctx.translate(x, baseline);
  ctx.rotate(angle);
  ctx.transform(1, 0, -0.18, 1, 0, 0);
  ctx.font = `italic 400 ${size}px ${FONT.serif}`;
  ctx.fillStyle = INK.hand;
  const phase = between(rng, 0, Math.PI * 2);
  let advance = 0;
  for (const ch of text) {
    ctx.globalAlpha = between(rng, 0.72, 0.92);
    const wobble = Math.sin(phase + advance / 40) * 1.6 + between(rng, -0.6, 0.6);
    ctx.fillText(ch, advance, wobble);
    advance += ctx.measureText(ch).width * between(rng, 0.97, 1.08);
  }
  ctx.restore();
}

/** A rubber stamp: its lines in a ruled box of stamp-pad violet, set down a little crooked. */
function stampBlock(page: Page, paragraph: string): Block {
  const size = Math.round(page.m.fontSize * 0.8);
  const lines = paragraph.split('\n').map((l) => l.trim());
  const lineHeight = Math.round(size * 1.3);
  const ctx = page.strike;
  ctx.font = `700 ${size}px ${FONT.sans}`;
  const width = Math.max(...lines.map((l) => ctx.measureText(l).width)) + 24;
  const height = lines.length * lineHeight + 14;
  const angle = between(page.rng, -0.035, 0.02);
  return {
    height: height + Math.round(page.m.lineHeight * 0.5),
    draw(top) {
      ctx.save();
      ctx.translate(MARGIN.left + TEXT_WIDTH - width - 20, top + 6);
      ctx.rotate(angle);
      ctx.globalAlpha = 0.82;
      ctx.strokeStyle = INK.stamp;
      ctx.lineWidth = 2.2;
      ctx.strokeRect(0, 0, width, height);
      ctx.lineWidth = 0.9;
      ctx.strokeRect(4, 4, width - 8, height - 8);
      ctx.font = `700 ${size}px ${FONT.sans}`;
      ctx.fillStyle = INK.stamp;
      ctx.textAlign = 'center';
      lines.forEach((line, i) => ctx.fillText(line, width / 2, 7 + (i + 0.85) * lineHeight));
      ctx.restore();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Compositing

/**
 * Lays the impressions onto the paper, multiplied so the paper tone shows through the ink as
 * it does on a carbon copy. (A blurred under-layer for carbon spread looked barely different
 * and cost a third of the file size.)
 */
function pressImpressions({ paper: ctx }: Page, impressions: HTMLCanvasElement): void {
  ctx.save();
  ctx.globalCompositeOperation = 'multiply';
  ctx.globalAlpha = 0.95;
  ctx.drawImage(impressions, 0, 0);
  ctx.restore();
}

// ---------------------------------------------------------------------------------------------
// Caption

/** The label that keeps this picture from ever being mistaken for the archival scan. */
function drawCaption(ctx: CanvasRenderingContext2D, index: number): void {
  const text = `${CAPTION} · sheet ${index + 1}`;
  ctx.save();
  ctx.font = `400 18px ${FONT.sans}`;
  const width = ctx.measureText(text).width + 24;
  const x = PAGE.width - width - 28;
  const y = PAGE.height - 58;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x, y, width, 32);
  ctx.strokeStyle = 'rgba(150,30,30,0.9)';
  ctx.lineWidth = 1.5;
  ctx.strokeRect(x + 0.5, y + 0.5, width - 1, 31);
  ctx.fillStyle = '#8a1c1c';
  ctx.fillText(text, x + 12, y + 22);
  ctx.restore();
}
