/**
 * The scan of the current sheet in a deep-zoom viewer (OpenSeadragon): wheel to zoom, drag to
 * pan, a minimap, quarter turns, mirroring, and brightness/contrast/invert/greyscale for faded
 * carbons. A generated facsimile says so in a label above the picture (not over it, so it hides
 * nothing of the page).
 *
 * How the scan is shown (turn, mirror, adjustments, fit) is the parent's `state`; the viewer
 * reports changes through `onStateChange` and follows whatever `state` it is given. Zoom and
 * pan are not part of it: they belong to the moment, not to the document.
 *
 * One OpenSeadragon viewer lives as long as this component, and one image is open in it at a
 * time (see one-image-at-a-time.ts). For tests, the root element carries which scan is shown
 * (`data-scan-id`, `data-sheet-index`, `data-source`), whether it is open (`data-status`), and
 * what OpenSeadragon reports (`data-rotation`, `data-flipped`, `data-zoom`).
 */
import OpenSeadragon from 'openseadragon';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ScanRecord } from '../db/records';
import { BitmapCanvasDrawer } from './bitmap-canvas-drawer';
import { OneImageAtATime } from './one-image-at-a-time';
import { pauseRedrawsWhenIdle } from './openseadragon-idle';
import { ScanViewerToolbar } from './ScanViewerToolbar';
import { viewerCommandForKey, type ViewerCommand } from './viewer-keys';
import { cssFilterFor, resetAdjustments, rotateBy, type ViewerState } from './viewer-state';
import { fitViewport, imageZoom, zoomToActualSize } from './viewport-fit';
import './viewer.css';

/** The props of {@link ScanViewer}. */
export interface ScanViewerProps {
  /** The scan to show, or undefined for a sheet without one. */
  scan: ScanRecord | undefined;
  /** The sheet's name, for the accessible name ("Scan of Sheet 2"). */
  sheetLabel: string;
  /** How to show the scan; the viewer follows it. */
  state: ViewerState;
  /** The user asked for a different turn, mirror, adjustment or fit. */
  onStateChange: (next: ViewerState) => void;
  /**
   * Drawn over the picture, filling it (say, a region editor's layer). The layer lets the
   * pointer through to the viewer; give `pointer-events: auto` to the parts that want it.
   */
  overlay?: ReactNode;
  /** Receives the OpenSeadragon viewer once it exists, and null when it is destroyed. */
  onViewer?: (viewer: OpenSeadragon.Viewer | null) => void;
}

type Status = 'empty' | 'loading' | 'open' | 'failed';

/** What OpenSeadragon reports about the view, mirrored onto the root element for tests. */
interface Readout {
  zoom: number;
  rotation: number;
  flipped: boolean;
}

const ZOOM_STEP = 1.25;

/**
 * Sets the adjustments' CSS filter on what OpenSeadragon actually draws: its drawer's canvas
 * and the minimap's. Not on the whole container, so that overlays drawn over the scan keep
 * their own colours. A CSS filter is applied by the compositor when the page is painted: no
 * tile is redrawn, and what the user sees (and a screenshot) changes at once.
 */
function paintFilter(viewer: OpenSeadragon.Viewer, filter: string): void {
  const value = filter === 'none' ? '' : filter;
  for (const drawer of [viewer.drawer, viewer.navigator?.drawer]) {
    const element: HTMLElement | undefined = drawer?.canvas;
    if (element && element.style.filter !== value) element.style.filter = value;
  }
}

function readoutOf(viewer: OpenSeadragon.Viewer): Readout {
  const viewport = viewer.viewport;
  return {
    zoom: imageZoom(viewer),
    rotation: ((viewport.getRotation() % 360) + 360) % 360,
    flipped: viewport.getFlip(),
  };
}

/** Whether a key pressed here belongs to a control rather than to the viewer's shortcuts. */
function keyBelongsToControl(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    // A slider uses Home (and the arrows, which are not ours); other inputs take every key.
    return target.type !== 'range' || event.key === 'Home';
  }
  return false;
}

/** The scan viewer: toolbar, facsimile label, and the zoomable picture. */
export function ScanViewer({ scan, sheetLabel, state, onStateChange, overlay, onViewer }: ScanViewerProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<OpenSeadragon.Viewer | null>(null);
  // The scan OpenSeadragon has open (or failed to open). The status is derived from it and the
  // `scan` prop in render, so the root never shows a new scan's id with the old one's status.
  const [shown, setShown] = useState<{ key: string; failure: string | null } | null>(null);
  const [readout, setReadout] = useState<Readout | null>(null);
  const openerRef = useRef<OneImageAtATime | null>(null);
  const requestedKeyRef = useRef<string | null>(null);
  const fittedRef = useRef(true);
  const refitRef = useRef<((immediately: boolean) => void) | null>(null);
  // Event handlers registered once read the latest props through these.
  const stateRef = useRef(state);
  stateRef.current = state;
  const onViewerRef = useRef(onViewer);
  onViewerRef.current = onViewer;

  // One viewer for the component's lifetime.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const osd = OpenSeadragon({
      element: host,
      // Our own toolbar instead, so no button images (and no prefixUrl) are needed.
      showNavigationControl: false,
      showNavigator: true,
      navigatorPosition: 'BOTTOM_RIGHT',
      navigatorBackground: '#e9e4da',
      navigatorBorderColor: '#6b645a',
      navigatorDisplayRegionColor: '#7a3b1d',
      // The minimap fades out by a CSS animation (viewer.css), which the compositor runs.
      // OpenSeadragon's own fade asked for a frame of the whole page at every refresh for 3.5 s
      // after each zoom or pan, and could not be paused half-way (openseadragon-idle.ts).
      navigatorAutoFade: false,
      autoHideControls: false,
      // A click is left free for drawing regions; the wheel, the keys and the toolbar zoom.
      gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: false },
      // Reading a faded carbon wants more than 100 %.
      maxZoomPixelRatio: 4,
      // The 2D canvas drawer, not WebGL: for one image with a pyramid it is as fast, and where
      // WebGL runs in software (no GPU, a blocklisted driver, headless tests) OpenSeadragon's
      // WebGL drawer reads every frame back into its visible 2D canvas: 50–100 ms a frame
      // against a steady 16 ms, with "GPU stall due to ReadPixels" warnings in the console.
      // This one draws the decoding worker's bitmaps as they are (bitmap-canvas-drawer.ts).
      drawer: BitmapCanvasDrawer,
      // Tiles above the base level are 512 × 512 px (1 MiB each): at most this many stay cached
      // for the scan on show, enough to fill a 4K screen at full size several times over.
      maxImageCacheCount: 160,
      // No tile-edge smoothing (above 110 %, OpenSeadragon draws the tiles into a second canvas
      // and scales that up, every frame): drawn that way, Chromium repainted the whole window's
      // layer on each frame of a zoom, 40–100 ms each (a trace). The tiles overlap their
      // neighbours by a pixel instead, so no seams show (pyramid.ts).
      smoothTileEdgesMinZoom: Infinity,
    });
    // OpenSeadragon would otherwise draw a frame of the whole page at every display refresh
    // while a scan is open, typing in the transcription beside it included.
    const stopPausingRedraws = pauseRedrawsWhenIdle(osd);
    const update = () => setReadout(readoutOf(osd));
    // Whether the view is still as the last fit left it. While it is, a change in the pane's
    // size (the toolbar appearing, the split being dragged) fits the page again, rather than
    // OpenSeadragon's default of keeping the zoom; once the user has zoomed or panned, it is
    // their view and is left alone.
    const refit = (immediately: boolean) => {
      const s = stateRef.current;
      fitViewport(osd, s.fit, s.rotation, immediately);
      fittedRef.current = true;
    };
    refitRef.current = refit;
    const userMoved = () => {
      fittedRef.current = false;
    };
    for (const event of ['canvas-drag', 'canvas-scroll', 'canvas-pinch', 'canvas-key', 'navigator-click', 'navigator-drag', 'navigator-scroll'] as const) {
      osd.addHandler(event, userMoved);
    }
    // The refit waits for the viewport-change that follows a resize: OpenSeadragon re-zooms to
    // its own idea of the right zoom after raising after-resize, so a fit made there is undone.
    let resized = false;
    osd.addHandler('after-resize', () => {
      resized = true;
    });
    osd.addHandler('viewport-change', () => {
      if (!resized) return;
      resized = false;
      if (fittedRef.current && osd.world.getItemCount() > 0) refit(true);
      // A resize does not animate, so no animation-finish will report the new zoom.
      update();
    });
    osd.addHandler('animation-finish', update);
    osd.addHandler('rotate', update);
    osd.addHandler('flip', update);

    const opener = new OneImageAtATime(osd, {
      onOpen: (key) => {
        // Opening resets the viewport to "home": put back the turn, mirror and fit.
        const s = stateRef.current;
        osd.viewport.setRotation(s.rotation, true);
        osd.viewport.setFlip(s.flipped);
        refit(true);
        paintFilter(osd, cssFilterFor(s));
        setShown({ key, failure: null });
        update();
      },
      onFail: (key, message) => setShown({ key, failure: message }),
    });
    openerRef.current = opener;
    setViewer(osd);
    onViewerRef.current?.(osd);
    return () => {
      onViewerRef.current?.(null);
      opener.dispose();
      openerRef.current = null;
      refitRef.current = null;
      requestedKeyRef.current = null;
      stopPausingRedraws();
      osd.destroy();
      setViewer(null);
    };
  }, []);

  // Follow the scan. Asking for the scan already open does nothing, so a parent re-reading the
  // same record from the database does not reset the view.
  useEffect(() => {
    const opener = openerRef.current;
    if (!opener || !viewer) return;
    const key = scan ? scan.id : null;
    if (key === requestedKeyRef.current) return;
    requestedKeyRef.current = key;
    setShown(null);
    opener.show(scan ? { key: scan.id, blob: scan.blob } : null);
  }, [scan, viewer]);

  const status: Status = !scan ? 'empty' : shown?.key !== scan.id ? 'loading' : shown.failure === null ? 'open' : 'failed';
  const failure = status === 'failed' ? shown?.failure : null;
  const shownReadout = status === 'open' ? readout : null;

  // Follow the state while an image is open (a newly opened one gets it in onOpen).
  const { rotation, flipped } = state;
  const filter = cssFilterFor(state);
  useEffect(() => {
    if (!viewer || status !== 'open') return;
    viewer.viewport.setFlip(flipped);
    if (viewer.viewport.getRotation() !== rotation) {
      viewer.viewport.setRotation(rotation);
      // A turned page rarely fits the way it did; fit it again the way the user chose.
      refitRef.current?.(false);
    }
  }, [viewer, status, rotation, flipped]);
  useEffect(() => {
    if (viewer && status === 'open') paintFilter(viewer, filter);
  }, [viewer, status, filter]);

  const run = useCallback(
    (command: ViewerCommand) => {
      if (!viewer || status !== 'open') return;
      const viewport = viewer.viewport;
      switch (command) {
        case 'zoomIn':
        case 'zoomOut':
          viewport.zoomBy(command === 'zoomIn' ? ZOOM_STEP : 1 / ZOOM_STEP);
          viewport.applyConstraints();
          fittedRef.current = false;
          return;
        case 'fitWidth':
        case 'fitPage': {
          const fit = command === 'fitWidth' ? 'width' : 'page';
          // Fit now even when the mode is unchanged: the user may have zoomed since.
          fitViewport(viewer, fit, state.rotation, false);
          fittedRef.current = true;
          if (state.fit !== fit) onStateChange({ ...state, fit });
          return;
        }
        case 'actualSize':
          zoomToActualSize(viewer);
          fittedRef.current = false;
          return;
        case 'rotateLeft':
        case 'rotateRight':
          onStateChange(rotateBy(state, command === 'rotateRight' ? 90 : -90));
          return;
        case 'mirror':
          onStateChange({ ...state, flipped: !state.flipped });
          return;
      }
    },
    [viewer, status, state, onStateChange],
  );

  // Capture phase: the shortcut is handled, and its default prevented, before the key reaches
  // OpenSeadragon's canvas, which then leaves it alone (it skips events already prevented).
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (keyBelongsToControl(event)) return;
    const command = viewerCommandForKey(event);
    if (!command) return;
    event.preventDefault();
    run(command);
  };

  const name = scan ? `${scan.generated ? 'Generated facsimile' : 'Scan'} of ${sheetLabel}` : `No scan for ${sheetLabel}`;

  // OpenSeadragon's canvas is what takes focus (and the keys): name it too, so a screen reader
  // says what is focused rather than an unnamed element.
  useEffect(() => {
    if (!viewer) return;
    viewer.canvas.setAttribute('role', 'img');
    viewer.canvas.setAttribute('aria-label', name);
  }, [viewer, name]);

  return (
    <div
      className="scan-viewer"
      role="group"
      aria-label={name}
      data-status={status}
      data-scan-id={scan?.id}
      data-sheet-index={scan?.sheetIndex}
      data-source={scan?.sourceName}
      data-rotation={shownReadout?.rotation}
      data-flipped={shownReadout ? String(shownReadout.flipped) : undefined}
      data-zoom={shownReadout?.zoom.toFixed(2)}
      onKeyDownCapture={onKeyDownCapture}
    >
      {scan && (
        <ScanViewerToolbar
          state={state}
          zoom={shownReadout?.zoom ?? null}
          ready={status === 'open'}
          onCommand={run}
          onAdjust={(patch) => onStateChange({ ...state, ...patch })}
          onResetAdjustments={() => onStateChange(resetAdjustments(state))}
        />
      )}
      {scan?.generated && (
        <p className="generated-badge scan-viewer-note" role="note">
          {scan.caption || 'Generated facsimile'}
        </p>
      )}
      <div className="scan-viewer-stage">
        {/* OpenSeadragon owns this element's children; React never renders into it. It stays
            laid out (only hidden) without a scan, so OpenSeadragon always knows its size. */}
        <div ref={hostRef} className="scan-viewer-osd" data-hidden={!scan || undefined} />
        {overlay !== undefined && <div className="scan-viewer-overlay">{overlay}</div>}
        {!scan && <p className="empty-hint scan-viewer-message">No scan for {sheetLabel}.</p>}
        {scan && status === 'loading' && <p className="scan-viewer-message scan-viewer-loading">Opening the scan…</p>}
        {scan && status === 'failed' && (
          <p className="scan-viewer-message" role="alert">
            This scan could not be shown. {failure}
          </p>
        )}
      </div>
    </div>
  );
}
