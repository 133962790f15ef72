/**
 * OpenSeadragon's redraw loop, paused while the scan on show is still: the binding of
 * frame-gate.ts to OpenSeadragon's viewers. (Why, and how the gate works, is said there.)
 *
 * What counts as moving, for a viewer and its minimap: a spring animation (zoom, pan, a turn;
 * OpenSeadragon's own animation-start … animation-finish, which also spans tiles fading in),
 * images still being loaded or decoded, or tiles waiting to be drawn. OpenSeadragon's fading of
 * its controls is not followed: a fade parked half-way would stay half-done, so a viewer paused
 * here must have it off (`autoHideControls: false`; ScanViewer fades its minimap with CSS).
 *
 * What wakes the loop: any pointer, wheel, key or focus event inside a viewer (OpenSeadragon
 * moves its springs from those), a change of a viewport's springs or a forced redraw (the app's
 * own zoom, fit, turn and mirror go through them), an image added to or removed from the world,
 * an image opened, and the viewer's element changing size (OpenSeadragon resizes on its next
 * frame).
 */
import OpenSeadragon from 'openseadragon';
import { FrameGate, type FrameCallback } from './frame-gate';

const watched = new Set<OpenSeadragon.Viewer>();
const animating = new WeakSet<OpenSeadragon.Viewer>();
let gate: FrameGate | null = null;

function moving(viewer: OpenSeadragon.Viewer): boolean {
  const loader = viewer.imageLoader;
  return animating.has(viewer) || (loader !== undefined && (loader.jobsInProgress > 0 || loader.jobQueue.length > 0)) || viewer.world.needsDraw();
}

function anyMoving(): boolean {
  for (const viewer of watched) if (moving(viewer)) return true;
  return false;
}

function wake(): void {
  gate?.wake();
}

/** OpenSeadragon's scheduling functions, which it calls through its namespace. */
interface Scheduling {
  requestAnimationFrame: (callback: FrameCallback) => number;
  cancelAnimationFrame: (id: number) => void;
}

/** Puts the gate in place of OpenSeadragon's scheduling, once per page. */
function installGate(): void {
  if (gate) return;
  const installed = new FrameGate(
    {
      request: (callback) => window.requestAnimationFrame(callback),
      cancel: (id) => window.cancelAnimationFrame(id),
      now: () => performance.now(),
    },
    anyMoving,
  );
  gate = installed;
  const scheduling: Scheduling = { requestAnimationFrame: installed.request, cancelAnimationFrame: installed.cancel };
  Object.assign(OpenSeadragon, scheduling);
  // Every change of a view goes through its springs, whoever makes it: the app's commands
  // (zoomBy, fitBounds, setRotation) as well as OpenSeadragon's gestures.
  const spring = OpenSeadragon.Spring.prototype;
  for (const name of ['springTo', 'shiftBy', 'resetTo'] as const) {
    const original = spring[name];
    spring[name] = function (this: OpenSeadragon.Spring, value: number) {
      wake();
      return original.call(this, value);
    };
  }
  const viewerPrototype = OpenSeadragon.Viewer.prototype;
  const forceRedraw = viewerPrototype.forceRedraw;
  viewerPrototype.forceRedraw = function (this: OpenSeadragon.Viewer) {
    wake();
    return forceRedraw.call(this);
  };
}

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'pointerup', 'wheel', 'keydown', 'keyup', 'focusin', 'focusout'] as const;

/**
 * Lets this viewer (and its minimap) stop drawing while nothing in it moves. Call right after
 * creating it; the returned function undoes it, before the viewer is destroyed.
 */
export function pauseRedrawsWhenIdle(viewer: OpenSeadragon.Viewer): () => void {
  installGate();
  const viewers = viewer.navigator ? [viewer, viewer.navigator] : [viewer];
  const undo: Array<() => void> = [];
  for (const v of viewers) {
    watched.add(v);
    const started = () => {
      animating.add(v);
      wake();
    };
    const finished = () => animating.delete(v);
    v.addHandler('animation-start', started);
    v.addHandler('animation-finish', finished);
    v.addHandler('open', wake);
    v.world.addHandler('add-item', wake);
    v.world.addHandler('remove-item', wake);
    undo.push(() => {
      v.removeHandler('animation-start', started);
      v.removeHandler('animation-finish', finished);
      v.removeHandler('open', wake);
      v.world.removeHandler('add-item', wake);
      v.world.removeHandler('remove-item', wake);
      watched.delete(v);
      animating.delete(v);
    });
  }
  const element = viewer.element;
  for (const type of INPUT_EVENTS) element.addEventListener(type, wake, { capture: true, passive: true });
  const resized = new ResizeObserver(wake);
  resized.observe(element);
  undo.push(() => {
    for (const type of INPUT_EVENTS) element.removeEventListener(type, wake, { capture: true });
    resized.disconnect();
  });
  wake();
  return () => {
    for (const step of undo) step();
  };
}
