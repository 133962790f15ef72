/**
 * How the viewer shows a scan, turned in quarter turns and perhaps mirrored, and the conversion
 * between what the user sees and the image's own pixels.
 *
 * Regions are always stored in image pixels (unrotated, unmirrored), so a region drawn on a
 * page viewed sideways lands on the same stamp when someone else opens it upright. The user
 * draws in the *display frame*: the rotated and mirrored picture at zoom 1, origin at its top
 * left corner, y downwards, one unit per image pixel. (Zoom and pan are the viewer's affair:
 * it scales screen pixels into this frame before calling `displayToImage`.)
 *
 * The order is the one OpenSeadragon uses for `viewport.setRotation(deg)` together with
 * `viewport.setFlip(true)`: first the image is turned `rotation` degrees clockwise, then the
 * turned picture is mirrored left–right on screen. OpenSeadragon rotates viewport points about
 * the centre (`Point.rotate`) and then mirrors the whole drawing canvas about its vertical
 * centre line, so with a 90° rotation and flip, the image's top edge ends up on the *left* of
 * the screen (rotation alone puts it on the right). Note that OpenSeadragon's own
 * `viewport.pointFromPixel` undoes the rotation but not the flip; a viewer built on it has to
 * mirror the pointer's x about the container's centre itself.
 */
import { normaliseRect, type ImageSize, type Point, type RegionShape } from './region-shape';

/** Quarter turns the viewer can show a scan at, in degrees clockwise. */
export const ROTATIONS = [0, 90, 180, 270] as const;

/** How the viewer shows a scan: `rotation` clockwise first, then `flipped` mirrors it left–right on screen. */
export interface Orientation {
  rotation: (typeof ROTATIONS)[number];
  flipped: boolean;
}

/** The scan as it was photographed. */
export const UPRIGHT: Orientation = { rotation: 0, flipped: false };

/** Whether a value (say, view state restored from storage) is an orientation. */
export function isOrientation(value: unknown): value is Orientation {
  if (typeof value !== 'object' || value === null) return false;
  const { rotation, flipped } = value as Partial<Orientation>;
  return (ROTATIONS as readonly unknown[]).includes(rotation) && typeof flipped === 'boolean';
}

/** The size of the picture on screen at zoom 1: width and height swap under a quarter turn. */
export function displaySize(imageSize: ImageSize, orientation: Orientation): ImageSize {
  const sideways = orientation.rotation === 90 || orientation.rotation === 270;
  return sideways ? { width: imageSize.height, height: imageSize.width } : { width: imageSize.width, height: imageSize.height };
}

/** Where an image pixel position appears in the display frame. */
export function imageToDisplay(point: Point, imageSize: ImageSize, orientation: Orientation): Point {
  const { width: w, height: h } = imageSize;
  const { x, y } = point;
  let turned: Point;
  // Clockwise in a y-down frame, then shifted so the turned picture starts at the origin again:
  // at 90° the image's top-left corner (0, 0) goes to the top-right (h, 0).
  switch (orientation.rotation) {
    case 0: turned = { x, y }; break;
    case 90: turned = { x: h - y, y: x }; break;
    case 180: turned = { x: w - x, y: h - y }; break;
    case 270: turned = { x: y, y: w - x }; break;
  }
  if (!orientation.flipped) return turned;
  return { x: displaySize(imageSize, orientation).width - turned.x, y: turned.y };
}

/** The image pixel position under a point of the display frame; the exact inverse of `imageToDisplay`. */
export function displayToImage(point: Point, imageSize: ImageSize, orientation: Orientation): Point {
  const { width: w, height: h } = imageSize;
  // Undo the mirror first, since it was applied last.
  const x = orientation.flipped ? displaySize(imageSize, orientation).width - point.x : point.x;
  const y = point.y;
  switch (orientation.rotation) {
    case 0: return { x, y };
    case 90: return { x: y, y: h - x };
    case 180: return { x: w - x, y: h - y };
    case 270: return { x: w - y, y: x };
  }
}

/** A region in image pixels, placed for drawing in the display frame. */
export function shapeToDisplay<S extends RegionShape>(shape: S, imageSize: ImageSize, orientation: Orientation): S;
export function shapeToDisplay(shape: RegionShape, imageSize: ImageSize, orientation: Orientation): RegionShape {
  return mapShape(shape, (p) => imageToDisplay(p, imageSize, orientation));
}

/** A region drawn in the display frame, in image pixels (unrounded: see `roundShape`). */
export function shapeFromDisplay<S extends RegionShape>(shape: S, imageSize: ImageSize, orientation: Orientation): S;
export function shapeFromDisplay(shape: RegionShape, imageSize: ImageSize, orientation: Orientation): RegionShape {
  return mapShape(shape, (p) => displayToImage(p, imageSize, orientation));
}

/**
 * The shape with every point mapped. Quarter turns and mirrors take axis-aligned rectangles to
 * axis-aligned rectangles, so a rectangle's two opposite corners are mapped and put back in
 * order (a turn makes the old top-left some other corner).
 */
function mapShape(shape: RegionShape, map: (p: Point) => Point): RegionShape {
  if (shape.type === 'polygon') return { type: 'polygon', points: shape.points.map(map) };
  return normaliseRect(map({ x: shape.x, y: shape.y }), map({ x: shape.x + shape.width, y: shape.y + shape.height }));
}
