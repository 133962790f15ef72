import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  clampToImage,
  isValidShape,
  moveVertex,
  normaliseRect,
  pointInShape,
  removeVertex,
  resizeRect,
  roundShape,
  shapeArea,
  shapeCentroid,
  translateShape,
  translateWithin,
  type PolygonShape,
  type RectShape,
} from './region-shape';

const scan = { width: 1240, height: 1754 };
const rect = (x: number, y: number, width: number, height: number): RectShape => ({ type: 'rect', x, y, width, height });
const polygon = (...coords: number[]): PolygonShape => {
  const points = [];
  for (let i = 0; i < coords.length; i += 2) points.push({ x: coords[i]!, y: coords[i + 1]! });
  return { type: 'polygon', points };
};
/** An L: a 100×100 square without its top-right 50×50 quarter. */
const ell = polygon(0, 0, 50, 0, 50, 50, 100, 50, 100, 100, 0, 100);

describe('boundsOf', () => {
  it('is the rectangle itself, or the box around a polygon', () => {
    expect(boundsOf(rect(1, 2, 3, 4))).toEqual(rect(1, 2, 3, 4));
    expect(boundsOf(polygon(412, 1880, 2042, 1872, 2042, 1968, 412, 1976))).toEqual(rect(412, 1872, 1630, 104));
  });
});

describe('normaliseRect', () => {
  it('gives the same rectangle whichever way the user dragged', () => {
    const expected = rect(10, 20, 30, 40);
    expect(normaliseRect({ x: 10, y: 20 }, { x: 40, y: 60 })).toEqual(expected);
    expect(normaliseRect({ x: 40, y: 60 }, { x: 10, y: 20 })).toEqual(expected);
    expect(normaliseRect({ x: 40, y: 20 }, { x: 10, y: 60 })).toEqual(expected);
    expect(normaliseRect({ x: 10, y: 60 }, { x: 40, y: 20 })).toEqual(expected);
  });
});

describe('roundShape', () => {
  it('floors the top-left and ceils the bottom-right, so the rounded rectangle contains the drawn one', () => {
    expect(roundShape(rect(10.7, 20.2, 30.1, 40.5))).toEqual(rect(10, 20, 31, 41));
  });

  it('does not widen a rectangle by a pixel for floating-point noise from the viewer', () => {
    expect(roundShape(rect(99.99999999, 200.0000001, 300.00000001, 49.9999999))).toEqual(rect(100, 200, 300, 50));
  });

  it('rounds polygon vertices to the nearest pixel and merges those that meet', () => {
    expect(roundShape(polygon(0.4, 0.4, 10.6, 0, 10.4, 0.2, 5, 9.5, 0, 0))).toEqual(polygon(0, 0, 11, 0, 10, 0, 5, 10));
  });
});

describe('clampToImage', () => {
  it('leaves a rectangle touching all four edges of the scan as it is', () => {
    expect(clampToImage(rect(0, 0, 1240, 1754), scan)).toEqual(rect(0, 0, 1240, 1754));
  });

  it('cuts off what hangs over an edge', () => {
    expect(clampToImage(rect(-20, 1700, 100, 100), scan)).toEqual(rect(0, 1700, 80, 54));
  });

  it('returns null for a rectangle off the scan or squeezed onto its edge', () => {
    expect(clampToImage(rect(1300, 10, 50, 50), scan)).toBeNull();
    expect(clampToImage(rect(1240, 10, 50, 50), scan)).toBeNull();
    expect(clampToImage(rect(-50, -50, 50, 80), scan)).toBeNull();
  });

  it('clips a polygon across a corner along the edges instead of dragging its vertices', () => {
    // A diamond around the top-left corner: only the quarter inside the image remains.
    const clipped = clampToImage(polygon(0, -10, 10, 0, 0, 10, -10, 0), scan);
    expect(clipped?.type).toBe('polygon');
    expect(shapeArea(clipped!)).toBeCloseTo(50);
    expect(boundsOf(clipped!)).toEqual(rect(0, 0, 10, 10));
  });

  it('keeps a polygon inside the image unchanged and drops one outside it', () => {
    expect(clampToImage(ell, scan)).toEqual(ell);
    expect(clampToImage(polygon(2000, 0, 2100, 0, 2100, 100), scan)).toBeNull();
  });
});

describe('isValidShape', () => {
  it('wants rectangles at least a pixel wide and high, with finite numbers', () => {
    expect(isValidShape(rect(0, 0, 1, 1))).toBe(true);
    expect(isValidShape(rect(0, 0, 0.5, 10))).toBe(false);
    expect(isValidShape(rect(0, 0, 10, -3))).toBe(false);
    expect(isValidShape(rect(Number.NaN, 0, 10, 10))).toBe(false);
    expect(isValidShape(rect(0, 0, Number.POSITIVE_INFINITY, 10))).toBe(false);
  });

  it('wants polygons of three distinct points that enclose some area', () => {
    expect(isValidShape(polygon(0, 0, 10, 0, 0, 10))).toBe(true);
    expect(isValidShape(polygon(0, 0, 10, 0))).toBe(false);
    expect(isValidShape(polygon(0, 0, 10, 0, 0, 0, 10, 0))).toBe(false);
    expect(isValidShape(polygon(0, 0, 10, 0, 0, Number.NaN))).toBe(false);
  });

  it('refuses a polygon whose points all lie on one line, but not one with an extra point along an edge', () => {
    expect(isValidShape(polygon(0, 0, 5, 5, 10, 10, 20, 20))).toBe(false);
    expect(isValidShape(polygon(0, 0, 5, 0, 10, 0, 10, 10, 0, 10))).toBe(true);
  });

  it('refuses values that are not shapes at all', () => {
    for (const value of [null, undefined, 'rect', 42, {}, { type: 'circle', r: 3 }, { type: 'polygon', points: 'oops' }, { type: 'polygon', points: [{ x: 1 }] }]) {
      expect(isValidShape(value)).toBe(false);
    }
  });
});

describe('moving', () => {
  it('translates either kind of shape', () => {
    expect(translateShape(rect(10, 10, 5, 5), { x: 3, y: -4 })).toEqual(rect(13, 6, 5, 5));
    expect(translateShape(polygon(0, 0, 10, 0, 0, 10), { x: 1, y: 2 })).toEqual(polygon(1, 2, 11, 2, 1, 12));
  });

  it('stops a dragged region at the edge of the scan instead of cutting it off', () => {
    expect(translateWithin(rect(1200, 10, 30, 30), { x: 100, y: -50 }, scan)).toEqual(rect(1210, 0, 30, 30));
    expect(translateWithin(polygon(5, 5, 20, 5, 5, 20), { x: -10, y: 3 }, scan)).toEqual(polygon(0, 8, 15, 8, 0, 23));
  });
});

describe('editing a polygon by its vertices', () => {
  const triangle = polygon(10, 10, 60, 10, 10, 60);

  it('moves one vertex and leaves the others where they were', () => {
    expect(moveVertex(triangle, 1, { x: 80, y: 30 }, scan)).toEqual(polygon(10, 10, 80, 30, 10, 60));
  });

  it('stops a vertex dragged off the scan at its edge', () => {
    expect(moveVertex(triangle, 2, { x: -40, y: 2000 }, scan)).toEqual(polygon(10, 10, 60, 10, 0, 1754));
  });

  it('refuses a move that would flatten the polygon onto a line', () => {
    expect(moveVertex(triangle, 2, { x: 110, y: 10 }, scan)).toBeNull();
  });

  it('removes a vertex while three usable points remain, and not below that', () => {
    expect(removeVertex(ell, 3)).toEqual(polygon(0, 0, 50, 0, 50, 50, 100, 100, 0, 100));
    expect(removeVertex(triangle, 0)).toBeNull();
  });
});

describe('resizeRect', () => {
  const r = rect(100, 100, 50, 40);

  it('moves only the dragged edges', () => {
    expect(resizeRect(r, 'n', { x: 7, y: -10 })).toEqual(rect(100, 90, 50, 50));
    expect(resizeRect(r, 's', { x: 7, y: 10 })).toEqual(rect(100, 100, 50, 50));
    expect(resizeRect(r, 'e', { x: 10, y: 7 })).toEqual(rect(100, 100, 60, 40));
    expect(resizeRect(r, 'w', { x: -10, y: 7 })).toEqual(rect(90, 100, 60, 40));
    expect(resizeRect(r, 'se', { x: 5, y: 5 })).toEqual(rect(100, 100, 55, 45));
    expect(resizeRect(r, 'nw', { x: 5, y: 5 })).toEqual(rect(105, 105, 45, 35));
    expect(resizeRect(r, 'ne', { x: 5, y: 5 })).toEqual(rect(100, 105, 55, 35));
    expect(resizeRect(r, 'sw', { x: 5, y: 5 })).toEqual(rect(105, 100, 45, 45));
  });

  it('stops an edge at the minimum size instead of turning the rectangle inside out', () => {
    expect(resizeRect(r, 'e', { x: -200, y: 0 })).toEqual(rect(100, 100, 4, 40));
    expect(resizeRect(r, 'nw', { x: 200, y: 200 }, 10)).toEqual(rect(140, 130, 10, 10));
  });
});

describe('pointInShape', () => {
  it('counts a rectangle’s border as inside', () => {
    expect(pointInShape({ x: 10, y: 10 }, rect(10, 10, 5, 5))).toBe(true);
    expect(pointInShape({ x: 15, y: 12 }, rect(10, 10, 5, 5))).toBe(true);
    expect(pointInShape({ x: 15.01, y: 12 }, rect(10, 10, 5, 5))).toBe(false);
  });

  it('finds points inside a concave polygon but not in its notch', () => {
    expect(pointInShape({ x: 25, y: 25 }, ell)).toBe(true);
    expect(pointInShape({ x: 75, y: 75 }, ell)).toBe(true);
    expect(pointInShape({ x: 75, y: 25 }, ell)).toBe(false);
    expect(pointInShape({ x: 150, y: 75 }, ell)).toBe(false);
  });

  it('counts the outline and the vertices of a polygon as inside', () => {
    expect(pointInShape({ x: 50, y: 25 }, ell)).toBe(true);
    expect(pointInShape({ x: 100, y: 100 }, ell)).toBe(true);
    expect(pointInShape({ x: 75, y: 50 }, ell)).toBe(true);
  });

  it('handles a ray passing exactly through a vertex', () => {
    const diamond = polygon(50, 0, 100, 50, 50, 100, 0, 50);
    expect(pointInShape({ x: 20, y: 50 }, diamond)).toBe(true);
    expect(pointInShape({ x: -20, y: 50 }, diamond)).toBe(false);
  });
});

describe('shapeCentroid', () => {
  it('is the middle of a rectangle and the centre of mass of a polygon', () => {
    expect(shapeCentroid(rect(10, 20, 30, 40))).toEqual({ x: 25, y: 40 });
    expect(shapeCentroid(polygon(0, 0, 30, 0, 0, 30))).toEqual({ x: 10, y: 10 });
    // Three quarters of a square: pulled towards the bottom-left, away from the notch.
    const c = shapeCentroid(ell);
    expect(c.x).toBeCloseTo(125 / 3);
    expect(c.y).toBeCloseTo(175 / 3);
  });

  it('does not depend on the direction the polygon was drawn in', () => {
    const reversed: PolygonShape = { type: 'polygon', points: [...ell.points].reverse() };
    expect(shapeCentroid(reversed).x).toBeCloseTo(shapeCentroid(ell).x);
  });

  it('falls back to the mean of the vertices for a polygon without area', () => {
    expect(shapeCentroid(polygon(0, 0, 10, 10, 20, 20))).toEqual({ x: 10, y: 10 });
  });
});
