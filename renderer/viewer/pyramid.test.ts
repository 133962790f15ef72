import { describe, expect, it } from 'vitest';
import { TILE_OVERLAP, TILE_SIZE, baseLevelFor, levelSize, maxLevelFor, tileSourceRect } from './pyramid';

const LARGE = { width: 6000, height: 8000 };
const SMALL = { width: 1500, height: 2000 };

describe('image pyramid', () => {
  it('has a top level at full size and a level 0 of about one pixel', () => {
    expect(maxLevelFor(6000, 8000)).toBe(13);
    expect(levelSize(LARGE, 13)).toEqual(LARGE);
    expect(levelSize(LARGE, 12)).toEqual({ width: 3000, height: 4000 });
    expect(levelSize(LARGE, 0)).toEqual({ width: 1, height: 1 });
    // Odd sizes round up, as OpenSeadragon's tile bounds expect.
    expect(levelSize({ width: 1241, height: 1754 }, 10)).toEqual({ width: 621, height: 877 });
  });

  it('picks the smallest level at least as large as the base size, or the top one', () => {
    expect(baseLevelFor(LARGE, 1100)).toBe(11); // 1500 × 2000: 1000 × 1333 would be too small
    expect(baseLevelFor(LARGE, 1000)).toBe(10); // 750 × 1000 is enough
    expect(baseLevelFor(SMALL, 1100)).toBe(maxLevelFor(1500, 2000));
    expect(baseLevelFor(SMALL, 5000)).toBe(maxLevelFor(1500, 2000));
  });

  it('cuts tiles as OpenSeadragon lays them out, overlapping their neighbours', () => {
    const first = tileSourceRect(LARGE, 13, 0, 0);
    expect(first.rect).toEqual({ x: 0, y: 0, width: TILE_SIZE + TILE_OVERLAP, height: TILE_SIZE + TILE_OVERLAP });
    expect(first.size).toEqual({ width: TILE_SIZE + TILE_OVERLAP, height: TILE_SIZE + TILE_OVERLAP });
    const inner = tileSourceRect(LARGE, 13, 2, 3);
    expect(inner.rect).toEqual({ x: 2 * TILE_SIZE - 1, y: 3 * TILE_SIZE - 1, width: TILE_SIZE + 2, height: TILE_SIZE + 2 });
    // A level below the top covers twice as many image pixels per tile pixel.
    const half = tileSourceRect(LARGE, 12, 1, 0);
    expect(half.size).toEqual({ width: TILE_SIZE + 2, height: TILE_SIZE + 1 });
    expect(half.rect).toEqual({ x: 2 * (TILE_SIZE - 1), y: 0, width: 2 * (TILE_SIZE + 2), height: 2 * (TILE_SIZE + 1) });
  });

  it('stops the last tile of a row at the image edge, rounding a fraction of a pixel up', () => {
    // 6000 px at the top level: tiles 0–11, the last one from 5631 to 6000.
    const last = tileSourceRect(LARGE, 13, 11, 0);
    expect(last.rect.x + last.rect.width).toBe(6000);
    expect(last.size.width).toBe(6000 - (11 * TILE_SIZE - 1));
    // 1241 px at half size is 620.5 px: the last tile’s bitmap is 110 px (for 109.5), and
    // its source runs half a level pixel (one image pixel) past the edge.
    const odd = { width: 1241, height: 1754 };
    const cut = tileSourceRect(odd, maxLevelFor(1241, 1754) - 1, 1, 0);
    expect(cut.size.width).toBe(Math.ceil(620.5 - (TILE_SIZE - 1)));
    expect(cut.rect.x).toBe(2 * (TILE_SIZE - 1));
    expect(cut.rect.x + cut.rect.width).toBe(1242);
  });
});
