/**
 * Regions of a scan: the rectangles and polygons a user draws around a stamp, a routing note or
 * a signature, as plain geometry in the scan image's own pixel coordinates (origin at the top
 * left of the unrotated, unmirrored image, y downwards; a coordinate is a position between
 * pixels, so a rectangle at x = 0 with width 1 covers exactly the first column).
 *
 * Everything here is pure and knows nothing of W3C selectors (selectors.ts) or of how the
 * viewer shows the scan (orientation.ts). The usual pipeline for a freshly drawn region is
 * `shapeFromDisplay` → `roundShape` → `clampToImage` → `isValidShape`.
 */

/** A position in image pixels (fractional while drawing; whole once rounded for storage). */
export type Point = { x: number; y: number };

/** The pixel size of a scan image, as decoded (before any rotation the viewer applies). */
export type ImageSize = { width: number; height: number };

/** An axis-aligned rectangle: top-left corner and extent. */
export type RectShape = { type: 'rect'; x: number; y: number; width: number; height: number };

/** A closed polygon; the last point joins the first, so it is not repeated. */
export type PolygonShape = { type: 'polygon'; points: Point[] };

/** A region drawn on a scan. */
export type RegionShape = RectShape | PolygonShape;

/** Which edge or corner of a rectangle the user drags to resize it (compass directions, y down). */
export type ResizeHandle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

/** The smallest width and height `resizeRect` lets a rectangle shrink to, in pixels. */
export const DEFAULT_MIN_RECT_SIZE = 4;

/**
 * How close to a whole number a coordinate must be to count as that number when rounding.
 * Converting through a zoomed viewer yields 399.99999999 for what was meant as 400, and a bare
 * `Math.ceil`/`Math.floor` would then widen the region by a whole pixel.
 */
const SNAP_EPSILON = 1e-6;

/** The smallest axis-aligned rectangle containing the shape. */
export function boundsOf(shape: RegionShape): RectShape {
  if (shape.type === 'rect') return { ...shape };
  if (shape.points.length === 0) return { type: 'rect', x: 0, y: 0, width: 0, height: 0 };
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const { x, y } of shape.points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { type: 'rect', x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The rectangle spanned by two drag corners, whichever way the user dragged. */
export function normaliseRect(a: Point, b: Point): RectShape {
  return {
    type: 'rect',
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}

/**
 * The shape on whole pixels, as it is stored.
 *
 * A rectangle's top-left is floored and its bottom-right ceiled, so the rounded rectangle
 * always contains the drawn one: a region never loses the edge of the stamp the user traced.
 * A polygon's vertices have no "outside" direction that holds for concave shapes, so each is
 * rounded to the nearest pixel (moving it at most half a pixel); vertices that land on the
 * same pixel as their predecessor are merged.
 */
export function roundShape<S extends RegionShape>(shape: S): S;
export function roundShape(shape: RegionShape): RegionShape {
  if (shape.type === 'rect') {
    const left = Math.floor(snap(shape.x));
    const top = Math.floor(snap(shape.y));
    const right = Math.ceil(snap(shape.x + shape.width));
    const bottom = Math.ceil(snap(shape.y + shape.height));
    return { type: 'rect', x: left, y: top, width: right - left, height: bottom - top };
  }
  return { type: 'polygon', points: dropRepeatedPoints(shape.points.map((p) => ({ x: roundHalf(p.x), y: roundHalf(p.y) }))) };
}

/** A value within SNAP_EPSILON of a whole number, as that number. */
function snap(value: number): number {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) < SNAP_EPSILON ? nearest : value;
}

/** Nearest whole number, halves away from zero (Math.round sends −0.5 to −0, which prints oddly). */
function roundHalf(value: number): number {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}

/**
 * The part of the shape inside the image, [0, width] × [0, height]; null when nothing with an
 * area is left (a region dragged entirely off the scan, or squeezed to a line along its edge).
 * Polygons are clipped properly (Sutherland–Hodgman against the image's four edges), not by
 * clamping each vertex, which would distort a polygon that crosses a corner.
 */
export function clampToImage(shape: RegionShape, imageSize: ImageSize): RegionShape | null {
  const { width, height } = imageSize;
  if (shape.type === 'rect') {
    const left = Math.max(0, shape.x);
    const top = Math.max(0, shape.y);
    const right = Math.min(width, shape.x + shape.width);
    const bottom = Math.min(height, shape.y + shape.height);
    if (!(right > left && bottom > top)) return null;
    return { type: 'rect', x: left, y: top, width: right - left, height: bottom - top };
  }
  let points = shape.points;
  points = clipPolygon(points, (p) => p.x >= 0, (a, b) => crossAtX(a, b, 0));
  points = clipPolygon(points, (p) => p.x <= width, (a, b) => crossAtX(a, b, width));
  points = clipPolygon(points, (p) => p.y >= 0, (a, b) => crossAtY(a, b, 0));
  points = clipPolygon(points, (p) => p.y <= height, (a, b) => crossAtY(a, b, height));
  const clipped: PolygonShape = { type: 'polygon', points: dropRepeatedPoints(points) };
  return clipped.points.length >= 3 && polygonArea(clipped.points) > 0 ? clipped : null;
}

/** One Sutherland–Hodgman pass: keep what is inside one edge, cutting edges that cross it. */
function clipPolygon(points: Point[], inside: (p: Point) => boolean, cross: (a: Point, b: Point) => Point): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < points.length; i++) {
    const current = points[i]!;
    const previous = points[(i + points.length - 1) % points.length]!;
    if (inside(current)) {
      if (!inside(previous)) out.push(cross(previous, current));
      out.push(current);
    } else if (inside(previous)) {
      out.push(cross(previous, current));
    }
  }
  return out;
}

function crossAtX(a: Point, b: Point, x: number): Point {
  return { x, y: a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x) };
}

function crossAtY(a: Point, b: Point, y: number): Point {
  return { x: a.x + ((b.x - a.x) * (y - a.y)) / (b.y - a.y), y };
}

/** The points without consecutive duplicates, the closing point (same as the first) included. */
function dropRepeatedPoints(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last.x !== p.x || last.y !== p.y) out.push(p);
  }
  while (out.length > 1 && out[0]!.x === out[out.length - 1]!.x && out[0]!.y === out[out.length - 1]!.y) out.pop();
  return out;
}

/** The unsigned area enclosed by a polygon (shoelace formula). */
function polygonArea(points: readonly Point[]): number {
  return Math.abs(signedDoubleArea(points)) / 2;
}

/** Twice the signed area; positive when the points run clockwise on screen (y down). */
function signedDoubleArea(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    sum += a.x * b.y - b.x * a.y;
  }
  return sum;
}

/** The area a shape covers, in square pixels. */
export function shapeArea(shape: RegionShape): number {
  return shape.type === 'rect' ? shape.width * shape.height : polygonArea(shape.points);
}

/**
 * Whether a value is a usable region: finite numbers, a rectangle at least one pixel wide and
 * high, a polygon of at least three distinct points that encloses some area. Points that lie on
 * one line are refused, since such a "polygon" can be neither seen nor clicked; a polygon that
 * merely has some collinear vertices (an extra point along one edge) is fine. Whether the shape
 * lies inside the image is `clampToImage`'s business, not this.
 */
export function isValidShape(value: unknown): value is RegionShape {
  if (typeof value !== 'object' || value === null) return false;
  const shape = value as { type?: unknown; x?: unknown; y?: unknown; width?: unknown; height?: unknown; points?: unknown };
  if (shape.type === 'rect') {
    return (
      isFiniteNumber(shape.x) &&
      isFiniteNumber(shape.y) &&
      isFiniteNumber(shape.width) &&
      isFiniteNumber(shape.height) &&
      shape.width >= 1 &&
      shape.height >= 1
    );
  }
  if (shape.type === 'polygon') {
    const points = shape.points;
    if (!Array.isArray(points) || !points.every(isPoint)) return false;
    const distinct = new Set(points.map((p) => `${p.x},${p.y}`));
    return distinct.size >= 3 && polygonArea(points) > 0;
  }
  return false;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isPoint(value: unknown): value is Point {
  return typeof value === 'object' && value !== null && isFiniteNumber((value as Point).x) && isFiniteNumber((value as Point).y);
}

/** The shape moved by `delta` (a drag), unclipped. */
export function translateShape<S extends RegionShape>(shape: S, delta: Point): S;
export function translateShape(shape: RegionShape, delta: Point): RegionShape {
  if (shape.type === 'rect') return { ...shape, x: shape.x + delta.x, y: shape.y + delta.y };
  return { type: 'polygon', points: shape.points.map((p) => ({ x: p.x + delta.x, y: p.y + delta.y })) };
}

/**
 * The shape moved by as much of `delta` as keeps it inside the image: dragging a region against
 * the edge of the scan stops it there instead of cutting it off, which `clampToImage` would do.
 * A shape larger than the image is pinned to the top-left edge.
 */
export function translateWithin<S extends RegionShape>(shape: S, delta: Point, imageSize: ImageSize): S;
export function translateWithin(shape: RegionShape, delta: Point, imageSize: ImageSize): RegionShape {
  const b = boundsOf(shape);
  const dx = Math.max(-b.x, Math.min(delta.x, imageSize.width - (b.x + b.width)));
  const dy = Math.max(-b.y, Math.min(delta.y, imageSize.height - (b.y + b.height)));
  return translateShape(shape, { x: dx, y: dy });
}

/**
 * The rectangle after dragging one of its handles by `delta`: the dragged edges move, the
 * opposite ones stay put. An edge dragged past the point where the rectangle would be narrower
 * (or lower) than `min` stops there, rather than flipping the rectangle inside out: a flip
 * would swap which handle is under the pointer mid-drag.
 */
export function resizeRect(rect: RectShape, handle: ResizeHandle, delta: Point, min = DEFAULT_MIN_RECT_SIZE): RectShape {
  let left = rect.x;
  let top = rect.y;
  let right = rect.x + rect.width;
  let bottom = rect.y + rect.height;
  if (handle.includes('n')) top = Math.min(top + delta.y, bottom - min);
  if (handle.includes('s')) bottom = Math.max(bottom + delta.y, top + min);
  if (handle.includes('w')) left = Math.min(left + delta.x, right - min);
  if (handle.includes('e')) right = Math.max(right + delta.x, left + min);
  return { type: 'rect', x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The polygon with one vertex dragged to `to`, kept inside the image (a vertex pulled off the
 * scan stops at its edge). Null when the move would leave no usable polygon (all points on one
 * line), so the caller keeps the last good outline while the pointer passes through such a spot.
 */
export function moveVertex(shape: PolygonShape, index: number, to: Point, imageSize: ImageSize): PolygonShape | null {
  if (index < 0 || index >= shape.points.length) return null;
  const clamped = { x: Math.max(0, Math.min(imageSize.width, to.x)), y: Math.max(0, Math.min(imageSize.height, to.y)) };
  const moved: PolygonShape = { type: 'polygon', points: shape.points.map((p, i) => (i === index ? clamped : p)) };
  return isValidShape(moved) ? moved : null;
}

/** The polygon without one vertex; null when that would leave fewer than three usable points. */
export function removeVertex(shape: PolygonShape, index: number): PolygonShape | null {
  if (index < 0 || index >= shape.points.length) return null;
  const fewer: PolygonShape = { type: 'polygon', points: shape.points.filter((_, i) => i !== index) };
  return isValidShape(fewer) ? fewer : null;
}

/**
 * Whether a point lies in the shape, its outline included (so a click exactly on the drawn
 * border selects the region). Polygons use ray casting with the even–odd rule, the SVG
 * `fill-rule` that a self-crossing outline is drawn with here.
 */
export function pointInShape(point: Point, shape: RegionShape): boolean {
  if (shape.type === 'rect') {
    return point.x >= shape.x && point.x <= shape.x + shape.width && point.y >= shape.y && point.y <= shape.y + shape.height;
  }
  const pts = shape.points;
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const a = pts[i]!;
    const b = pts[j]!;
    if (onSegment(point, a, b)) return true;
    // The edge straddles the horizontal line through the point, and crosses it to the point's right.
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

function onSegment(p: Point, a: Point, b: Point): boolean {
  const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
  if (Math.abs(cross) > 1e-9 * Math.max(1, Math.abs(b.x - a.x) + Math.abs(b.y - a.y))) return false;
  return p.x >= Math.min(a.x, b.x) && p.x <= Math.max(a.x, b.x) && p.y >= Math.min(a.y, b.y) && p.y <= Math.max(a.y, b.y);
}

/**
 * The centre of mass of the shape's area: where a region's label or the line to its linked
 * text is anchored. For a polygon without area (which `isValidShape` refuses anyway) the mean
 * of its vertices, so that the answer is always a finite point.
 */
export function shapeCentroid(shape: RegionShape): Point {
  if (shape.type === 'rect') return { x: shape.x + shape.width / 2, y: shape.y + shape.height / 2 };
  const pts = shape.points;
  if (pts.length === 0) return { x: 0, y: 0 };
  const doubleArea = signedDoubleArea(pts);
  if (doubleArea === 0) {
    return { x: pts.reduce((s, p) => s + p.x, 0) / pts.length, y: pts.reduce((s, p) => s + p.y, 0) / pts.length };
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % pts.length]!;
    const cross = a.x * b.y - b.x * a.y;
    cx += (a.x + b.x) * cross;
    cy += (a.y + b.y) * cross;
  }
  return { x: cx / (3 * doubleArea), y: cy / (3 * doubleArea) };
}
