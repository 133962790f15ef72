/**
 * How the scan viewer shows a scan: its quarter turn, mirroring, image adjustments for faded
 * carbons, and whether a newly opened page fits the pane or its width. Pure data and pure
 * functions, so it can be stored per document and tested without a browser.
 *
 * `rotation` and `flipped` are OpenSeadragon's own: the image is turned `rotation` degrees
 * clockwise, then the picture is mirrored left–right on screen (the order
 * `shared/regions/orientation.ts` describes, so a `ViewerState` is also an `Orientation`).
 */

/** The quarter turns a scan can be shown at, in degrees clockwise. */
export type QuarterTurn = 0 | 90 | 180 | 270;

/** How a newly opened scan is zoomed: the whole page, or the page's width filling the pane. */
export type FitMode = 'page' | 'width';

/** Everything about how the viewer shows a scan that is worth keeping between visits. */
export interface ViewerState {
  rotation: QuarterTurn;
  flipped: boolean;
  /** Percent, 50–200; 100 leaves the scan as it is. */
  brightness: number;
  /** Percent, 50–200; 100 leaves the scan as it is. */
  contrast: number;
  invert: boolean;
  greyscale: boolean;
  fit: FitMode;
}

/** The scan as it was photographed, the whole page in view. */
export const DEFAULT_VIEWER_STATE: ViewerState = Object.freeze({
  rotation: 0,
  flipped: false,
  brightness: 100,
  contrast: 100,
  invert: false,
  greyscale: false,
  fit: 'page',
});

/** The lowest brightness and contrast, in percent (half). */
export const ADJUSTMENT_MIN = 50;
/** The highest brightness and contrast, in percent (double). */
export const ADJUSTMENT_MAX = 200;

/**
 * The CSS `filter` that shows the adjustments, or "none" when there are none, e.g.
 * "invert(1) brightness(1.2) contrast(1.5) grayscale(1)". Inversion comes first so that the
 * sliders act on the picture the user is looking at: brightness applied before inverting would
 * make an inverted page *darker* as the slider goes up. (Contrast, about mid-grey, and
 * greyscale give the same result on either side of an inversion.)
 */
export function cssFilterFor(state: ViewerState): string {
  const parts: string[] = [];
  if (state.invert) parts.push('invert(1)');
  if (state.brightness !== 100) parts.push(`brightness(${formatFactor(state.brightness)})`);
  if (state.contrast !== 100) parts.push(`contrast(${formatFactor(state.contrast)})`);
  if (state.greyscale) parts.push('grayscale(1)');
  return parts.length > 0 ? parts.join(' ') : 'none';
}

/** 120 (percent) → "1.2"; rounding keeps 115 from printing as 1.1500000000000001. */
function formatFactor(percent: number): string {
  return String(Math.round(percent * 10) / 1000);
}

/** Whether any image adjustment is set (what "Reset adjustments" would undo). */
export function hasAdjustments(state: ViewerState): boolean {
  return state.brightness !== 100 || state.contrast !== 100 || state.invert || state.greyscale;
}

/** The state with the image adjustments back at their defaults, turn and mirroring kept. */
export function resetAdjustments(state: ViewerState): ViewerState {
  const { brightness, contrast, invert, greyscale } = DEFAULT_VIEWER_STATE;
  return { ...state, brightness, contrast, invert, greyscale };
}

/**
 * The state turned a quarter as the user sees it: +90 clockwise on screen, −90 anticlockwise.
 * Because the mirror is applied after the turn, a mirrored picture turns the other way for the
 * same change of `rotation`, so the sign flips with it — otherwise "rotate right" would turn a
 * mirrored page to the left.
 */
export function rotateBy(state: ViewerState, degrees: 90 | -90): ViewerState {
  const signed = state.flipped ? -degrees : degrees;
  return { ...state, rotation: normaliseQuarterTurn(state.rotation + signed) ?? 0 };
}

/** A whole number of quarter turns brought into 0–270 (−90 → 270, 450 → 90); null for anything else. */
function normaliseQuarterTurn(value: unknown): QuarterTurn | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value % 90 !== 0) return null;
  return ((((value % 360) + 360) % 360) as QuarterTurn);
}

/** A percentage clamped to the sliders' range and rounded; null if it is not a finite number. */
function parsePercent(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return Math.min(ADJUSTMENT_MAX, Math.max(ADJUSTMENT_MIN, Math.round(value)));
}

/**
 * A viewer state from anything read from storage (an older version's record, a hand-edited
 * pack, garbage). Each field is checked on its own, so one bad field falls back to its default
 * without losing the others; percentages out of range are clamped to the sliders' range, and a
 * rotation of −90 or 450 is read as the quarter turn it means.
 */
export function parseViewerState(value: unknown): ViewerState {
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const d = DEFAULT_VIEWER_STATE;
  return {
    rotation: normaliseQuarterTurn(stored.rotation) ?? d.rotation,
    flipped: typeof stored.flipped === 'boolean' ? stored.flipped : d.flipped,
    brightness: parsePercent(stored.brightness) ?? d.brightness,
    contrast: parsePercent(stored.contrast) ?? d.contrast,
    invert: typeof stored.invert === 'boolean' ? stored.invert : d.invert,
    greyscale: typeof stored.greyscale === 'boolean' ? stored.greyscale : d.greyscale,
    fit: stored.fit === 'page' || stored.fit === 'width' ? stored.fit : d.fit,
  };
}
