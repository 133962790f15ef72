/**
 * Where the image lies on screen in the viewer, and the mapping between the viewer element's
 * pixels and the scan's own pixels, through the displayed (rotated, mirrored) frame.
 *
 * OpenSeadragon's conversions handle rotation but not mirroring, so they are used only to find
 * the displayed image's box on screen (mirroring does not move the box); where inside the box
 * a scan pixel appears is worked out by shared/regions/orientation.ts.
 */
import OpenSeadragon from 'openseadragon';
import { displaySize, displayToImage, imageToDisplay, type Orientation } from '../../shared/regions/orientation';
import type { ImageSize, Point } from '../../shared/regions/region-shape';

export interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The displayed image's box in viewer-element pixels, or null while no image is open. */
export function imageScreenBox(viewer: OpenSeadragon.Viewer, image: ImageSize): ScreenBox | null {
  const item = viewer.world.getItemAt(0);
  if (!item) return null;
  const corners = [
    [0, 0],
    [image.width, 0],
    [0, image.height],
    [image.width, image.height],
  ].map(([x, y]) => item.imageToViewerElementCoordinates(new OpenSeadragon.Point(x!, y!)));
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

export interface ScreenMapping {
  toScreen(point: Point): Point;
  toImage(point: Point): Point;
  /** Screen pixels per displayed-image pixel. */
  scale: number;
}

export function screenMapping(box: ScreenBox, image: ImageSize, orientation: Orientation): ScreenMapping {
  const shown = displaySize(image, orientation);
  const sx = box.width / shown.width;
  const sy = box.height / shown.height;
  return {
    scale: sx,
    toScreen(point) {
      const d = imageToDisplay(point, image, orientation);
      return { x: box.left + d.x * sx, y: box.top + d.y * sy };
    },
    toImage(point) {
      return displayToImage({ x: (point.x - box.left) / sx, y: (point.y - box.top) / sy }, image, orientation);
    },
  };
}
