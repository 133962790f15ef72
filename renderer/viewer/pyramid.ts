/**
 * The arithmetic of a scan's image pyramid, shared by the tile source (window) and the decoding
 * worker, so that both agree on every level's size and every tile's pixels.
 *
 * OpenSeadragon's usual pyramid: level L is the image scaled by 2^(L − maxLevel), level 0 about
 * one pixel, the top level the image itself. Levels up to a screen-sized "base" level are one
 * tile each (cut at once from one decoded bitmap, so the page appears whole at once); the levels
 * above it, wanted only when zooming in, are cut into square tiles of {@link TILE_SIZE} pixels,
 * each cut and scaled from the decoded image on its own.
 */

/** The side of a tile above the base level, in that level's pixels. */
export const TILE_SIZE = 512;
/**
 * Pixels each tile repeats of its neighbours, on every side that has one: drawing tiles side by
 * side at fractional positions otherwise leaves hairline seams between them.
 */
export const TILE_OVERLAP = 1;

/** A width and a height in pixels. */
export interface Size {
  width: number;
  height: number;
}

/** A rectangle in pixels (of the full-size image unless said otherwise). */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The top level of the pyramid of an image of this size (the level at full size). */
export function maxLevelFor(width: number, height: number): number {
  return Math.ceil(Math.log2(Math.max(width, height, 1)));
}

/** The factor a level is scaled by against the full-size image. */
export function levelScale(level: number, maxLevel: number): number {
  return 2 ** (level - maxLevel);
}

/**
 * A level's size in whole pixels: the scaled size rounded up, at least one pixel (OpenSeadragon's
 * own level size is the unrounded product; its last tile's source bounds stop there).
 */
export function levelSize(image: Size, level: number, maxLevel = maxLevelFor(image.width, image.height)): Size {
  const scale = levelScale(level, maxLevel);
  return { width: Math.max(1, Math.ceil(image.width * scale)), height: Math.max(1, Math.ceil(image.height * scale)) };
}

/**
 * The base level for a viewer whose longest side wants `baseSize` pixels: the smallest level
 * whose longest side is at least that (the top level if none is).
 */
export function baseLevelFor(image: Size, baseSize: number): number {
  const maxLevel = maxLevelFor(image.width, image.height);
  let level = maxLevel;
  while (level > 0) {
    const smaller = levelSize(image, level - 1, maxLevel);
    if (Math.max(smaller.width, smaller.height) < baseSize) break;
    level--;
  }
  return level;
}

/**
 * What a tile above the base level is made of: the rectangle of the full-size image it shows,
 * and the bitmap size to scale that to. Follows OpenSeadragon's `TileSource.getTileBounds`
 * (tiles of `tileSize` pixels, each overlapping its neighbours by `overlap`).
 *
 * The last tile of a row or column may be a fraction of a pixel wide in its level (OpenSeadragon
 * does not round a level's size); its bitmap is rounded up and its source rectangle runs the
 * same fraction past the image's edge (transparent there), so that bitmap pixels and image
 * pixels stay in exact proportion and the part OpenSeadragon draws ends at the image's edge.
 */
export function tileSourceRect(image: Size, level: number, x: number, y: number, tileSize = TILE_SIZE, overlap = TILE_OVERLAP): { rect: PixelRect; size: Size } {
  const maxLevel = maxLevelFor(image.width, image.height);
  const scale = levelScale(level, maxLevel);
  const levelWidth = image.width * scale;
  const levelHeight = image.height * scale;
  const px = x === 0 ? 0 : tileSize * x - overlap;
  const py = y === 0 ? 0 : tileSize * y - overlap;
  const sw = Math.min(tileSize + (x === 0 ? 1 : 2) * overlap, levelWidth - px);
  const sh = Math.min(tileSize + (y === 0 ? 1 : 2) * overlap, levelHeight - py);
  const size = { width: Math.max(1, Math.ceil(sw - 1e-9)), height: Math.max(1, Math.ceil(sh - 1e-9)) };
  return { rect: { x: px / scale, y: py / scale, width: size.width / scale, height: size.height / scale }, size };
}
