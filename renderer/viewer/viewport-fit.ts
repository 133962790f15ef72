/**
 * Zooming the OpenSeadragon viewport to the page, to the page's width, or to 100 %, taking the
 * quarter turn into account: OpenSeadragon's own `fitHorizontally` fits the *image's* width,
 * which on a page turned sideways is the height on screen.
 */
import OpenSeadragon from 'openseadragon';
import type { FitMode, QuarterTurn } from './viewer-state';

/** The single image's bounds in viewport coordinates, or null while nothing is open. */
function imageBounds(viewer: OpenSeadragon.Viewer): OpenSeadragon.Rect | null {
  const item = viewer.world.getItemAt(0);
  return item ? item.getBounds() : null;
}

/**
 * Fits the page as the user sees it. For `width`, a page taller than the pane starts at its
 * top, where one starts reading, rather than in its middle.
 */
export function fitViewport(viewer: OpenSeadragon.Viewer, mode: FitMode, rotation: QuarterTurn, immediately: boolean): void {
  const bounds = imageBounds(viewer);
  if (!bounds) return;
  const viewport = viewer.viewport;
  if (mode === 'page') {
    // fitBounds turns the rectangle by the viewport's rotation before fitting its bounding box.
    viewport.fitBounds(bounds, immediately);
    return;
  }
  const sideways = rotation === 90 || rotation === 270;
  // The page's extent on screen, in viewport units (the mirror does not change it).
  const shownWidth = sideways ? bounds.height : bounds.width;
  const shownHeight = sideways ? bounds.width : bounds.height;
  const visibleHeight = shownWidth / viewport.getAspectRatio();
  const centre = bounds.getCenter();
  if (shownHeight > visibleHeight) {
    // Move the centre towards the page's top as shown: "up" on screen is (0, −1) turned back by
    // the rotation into viewport coordinates. The mirror is left–right only, so it does not
    // change which way is up.
    const up = new OpenSeadragon.Point(0, -1).rotate(-rotation);
    const shift = (shownHeight - visibleHeight) / 2;
    centre.x += up.x * shift;
    centre.y += up.y * shift;
  }
  // A rectangle that, once turned by the rotation, is exactly the width of the page and the
  // height of the pane (fitBounds works on the turned rectangle's bounding box).
  const across = sideways ? visibleHeight : shownWidth;
  const down = sideways ? shownWidth : visibleHeight;
  viewport.fitBounds(new OpenSeadragon.Rect(centre.x - across / 2, centre.y - down / 2, across, down), immediately);
}

/** Zooms to one image pixel per CSS pixel, about the centre of the view. */
export function zoomToActualSize(viewer: OpenSeadragon.Viewer): void {
  const viewport = viewer.viewport;
  viewport.zoomTo(viewport.imageToViewportZoom(1));
  viewport.applyConstraints();
}

/** The zoom shown to the user and to tests: image pixels per CSS pixel (1 = 100 %). */
export function imageZoom(viewer: OpenSeadragon.Viewer): number {
  const viewport = viewer.viewport;
  return viewport.viewportToImageZoom(viewport.getZoom(true));
}
