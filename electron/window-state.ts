/**
 * The remembered size, position and maximized state of the main window.
 *
 * What is read back from disk is untrusted: the file may be truncated, edited by hand, or
 * written on a machine whose monitor has since been unplugged. So parsing validates every
 * field, and placement moves the window back onto a display that exists now, instead of
 * opening it somewhere nobody can see it.
 */

/** A rectangle in screen coordinates (device-independent pixels), as Electron reports it. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What is stored between runs. `bounds` are the normal (non-maximized) bounds. */
export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

/** The window is never made smaller than this; it is also the BrowserWindow's minimum size. */
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;

/** The size of a first window, before anything was remembered. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;

/** Larger than any real desktop; a stored value beyond it is corruption, not a monitor wall. */
const MAX_COORDINATE = 100_000;

/** The version written into the file, so a later format can tell old files apart. */
export const WINDOW_STATE_VERSION = 1;

function isFiniteInRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/**
 * Reads a stored window state from the JSON text of the state file. Returns null for anything
 * that is not exactly a valid state (bad JSON, wrong version, missing or absurd numbers), in
 * which case the window opens at its default size.
 */
export function parseWindowState(text: string): WindowState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  if (record.version !== WINDOW_STATE_VERSION || typeof record.maximized !== 'boolean') return null;
  const bounds = record.bounds;
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isFiniteInRange(x, -MAX_COORDINATE, MAX_COORDINATE)) return null;
  if (!isFiniteInRange(y, -MAX_COORDINATE, MAX_COORDINATE)) return null;
  if (!isFiniteInRange(width, 1, MAX_COORDINATE)) return null;
  if (!isFiniteInRange(height, 1, MAX_COORDINATE)) return null;
  return {
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
    maximized: record.maximized,
  };
}

/** The JSON text stored for a window state (the inverse of `parseWindowState`). */
export function serializeWindowState(state: WindowState): string {
  const { x, y, width, height } = state.bounds;
  return `${JSON.stringify({ version: WINDOW_STATE_VERSION, bounds: { x, y, width, height }, maximized: state.maximized }, null, 2)}\n`;
}

function intersectionArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Where the window should open, given what was stored (or null) and the work areas of the
 * displays attached now (`screen.getAllDisplays().map(d => d.workArea)`, primary first).
 *
 * The window goes on the display it overlaps most; with no overlap at all (the monitor is
 * gone) it is centred on the first display. Its size is cut to fit that display's work area
 * and its position moved so that it lies wholly inside it, so the title bar is always
 * reachable. Without any display information the stored or default bounds are returned as is.
 */
export function placeWindow(stored: Rect | null, workAreas: readonly Rect[]): Rect {
  const wanted: Rect = stored ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  const [primary] = workAreas;
  if (primary === undefined) return wanted;

  let target = primary;
  let bestOverlap = 0;
  if (stored !== null) {
    for (const area of workAreas) {
      const overlap = intersectionArea(stored, area);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        target = area;
      }
    }
  }

  // Never below the minimum size, unless the display itself is smaller than that.
  const width = Math.min(Math.max(wanted.width, MIN_WINDOW_SIZE.width), target.width);
  const height = Math.min(Math.max(wanted.height, MIN_WINDOW_SIZE.height), target.height);

  if (bestOverlap === 0) {
    // Nothing stored, or stored on a display that is no longer there: centre it.
    return {
      x: Math.round(target.x + (target.width - width) / 2),
      y: Math.round(target.y + (target.height - height) / 2),
      width,
      height,
    };
  }
  return {
    x: clamp(wanted.x, target.x, target.x + target.width - width),
    y: clamp(wanted.y, target.y, target.y + target.height - height),
    width,
    height,
  };
}
