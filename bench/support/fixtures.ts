/**
 * Data made at bench time: a typed archival page as a JPEG of any size (drawn by Chromium's
 * canvas in a blank page of its own, since Node has no JPEG encoder), and a long plain-text
 * transcription with one sheet marker per sheet. Both are seeded, so every run measures the
 * same bytes.
 */
import type { BrowserContext } from '@playwright/test';
import type { ScanFixture } from '../../e2e/support/scan-fixtures';

/**
 * A JPEG of a typed page: paper with a gradient and stains, a letterhead, lines of words (some
 * typed in a real font, most as ink blocks), a stamp and handwritten strokes in the margin, and
 * paper grain. The drawing is the same at every size (it is laid out in units of the page's
 * width), so a small and a large page differ in pixels only.
 */
export async function typedPageJpeg(context: BrowserContext, width: number, height: number, name: string, seed = 1951): Promise<ScanFixture> {
  const page = await context.newPage();
  try {
    const base64 = await page.evaluate(
      async ({ width, height, seed }) => {
        let state = seed >>> 0;
        const random = () => {
          // mulberry32
          state = (state + 0x6d2b79f5) >>> 0;
          let t = state;
          t = Math.imul(t ^ (t >>> 15), t | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
          return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
        const u = width / 1000; // one layout unit: a thousandth of the page's width
        const canvas = new OffscreenCanvas(width, height);
        const g = canvas.getContext('2d')!;
        const paper = g.createLinearGradient(0, 0, width, height);
        paper.addColorStop(0, '#efe6d0');
        paper.addColorStop(0.6, '#e4d7b8');
        paper.addColorStop(1, '#d6c59f');
        g.fillStyle = paper;
        g.fillRect(0, 0, width, height);
        for (let i = 0; i < 14; i++) {
          const x = random() * width;
          const y = random() * height;
          const r = (40 + random() * 160) * u;
          const stain = g.createRadialGradient(x, y, 0, x, y, r);
          stain.addColorStop(0, 'rgba(150, 110, 60, 0.18)');
          stain.addColorStop(1, 'rgba(150, 110, 60, 0)');
          g.fillStyle = stain;
          g.fillRect(x - r, y - r, 2 * r, 2 * r);
        }
        const words = ['Продолжение', 'шифртелеграммы', 'Лист', 'Корея', 'перемирие', 'параллель', 'переговоры', 'Филиппову', 'Мао', 'Цзэдун', 'войска', 'линия', 'вопрос', 'сторона', 'огонь'];
        g.fillStyle = '#2a2622';
        g.font = `bold ${Math.round(28 * u)}px serif`;
        g.fillText('СОВ. СЕКРЕТНО — ШИФРТЕЛЕГРАММА', 120 * u, 90 * u);
        const lineHeight = 26 * u;
        for (let y = 150 * u; y < height - 90 * u; y += lineHeight) {
          let x = 100 * u;
          const end = (880 + random() * 20) * u;
          while (x < end) {
            const w = (18 + random() * 90) * u;
            if (x + w > end) break;
            const ink = 25 + Math.floor(random() * 50);
            g.fillStyle = `rgba(${ink}, ${ink - 5}, ${ink - 10}, ${0.75 + random() * 0.25})`;
            if (random() < 0.2) {
              g.font = `${Math.round(17 * u)}px serif`;
              g.fillText(words[Math.floor(random() * words.length)]!, x, y, w);
            } else {
              g.fillRect(x, y - 12 * u, w, 13 * u);
            }
            x += w + (7 + random() * 6) * u;
          }
          if (random() < 0.08) y += lineHeight; // a paragraph break
        }
        g.strokeStyle = 'rgba(120, 30, 40, 0.7)';
        g.lineWidth = 6 * u;
        g.beginPath();
        g.arc(780 * u, height - 260 * u, 90 * u, 0, Math.PI * 2);
        g.stroke();
        g.strokeStyle = 'rgba(30, 40, 120, 0.8)';
        g.lineWidth = 3 * u;
        for (let i = 0; i < 6; i++) {
          g.beginPath();
          let x = 20 * u + random() * 40 * u;
          let y = 200 * u + random() * (height - 400 * u);
          g.moveTo(x, y);
          for (let k = 0; k < 12; k++) {
            const nx = x + (random() - 0.3) * 20 * u;
            const ny = y + 15 * u;
            g.quadraticCurveTo(x + (random() - 0.5) * 30 * u, (y + ny) / 2, nx, ny);
            x = nx;
            y = ny;
          }
          g.stroke();
        }
        // Paper grain: a tile of noise laid over the page at low opacity.
        const tile = new OffscreenCanvas(256, 256);
        const t = tile.getContext('2d')!;
        const noise = t.createImageData(256, 256);
        for (let i = 0; i < noise.data.length; i += 4) {
          const v = Math.floor(random() * 255);
          noise.data[i] = noise.data[i + 1] = noise.data[i + 2] = v;
          noise.data[i + 3] = 255;
        }
        t.putImageData(noise, 0, 0);
        g.globalAlpha = 0.06;
        g.fillStyle = g.createPattern(tile, 'repeat')!;
        g.fillRect(0, 0, width, height);
        g.globalAlpha = 1;
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
        canvas.width = canvas.height = 0;
        return new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
          reader.onerror = () => reject(reader.error);
          reader.readAsDataURL(blob);
        });
      },
      { width, height, seed },
    );
    return { name, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
  } finally {
    await page.close();
  }
}

/**
 * A plain-text transcription of `sheetCount` sheets: each opens with a standalone "Лист N"
 * paragraph (a marker shared/importers/sheet-split.ts recognises) and has a few paragraphs of
 * Russian words.
 */
export function longTranscription(sheetCount: number, name = `bench-${sheetCount}-sheets.txt`, seed = 1953): ScanFixture {
  const words = ['переговоры', 'о', 'перемирии', 'в', 'Корее', 'начались', 'июля', 'стороны', 'обсуждали', 'повестку', 'дня', 'линию', 'прекращения', 'огня', 'и', 'параллель', 'войска', 'должны', 'быть', 'отведены', 'телеграмма', 'товарищу', 'Филиппову'];
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
  const paragraph = () => {
    const n = 30 + Math.floor(random() * 40);
    const text = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]!).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const sheets: string[] = [];
  for (let n = 1; n <= sheetCount; n++) sheets.push([`Лист ${n}`, paragraph(), paragraph(), paragraph()].join('\n\n'));
  return { name, mimeType: 'text/plain', buffer: Buffer.from(`${sheets.join('\n\n')}\n`, 'utf8') };
}
