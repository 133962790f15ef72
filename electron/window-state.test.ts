import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  parseWindowState,
  placeWindow,
  serializeWindowState,
  WINDOW_STATE_VERSION,
  type Rect,
  type WindowState,
} from './window-state';
import { loadWindowState, saveWindowState } from './window-state-store';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 }; // work area, taskbar excluded
const rightMonitor: Rect = { x: 1920, y: -200, width: 2560, height: 1400 };

function stateText(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ version: WINDOW_STATE_VERSION, bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: false, ...overrides });
}

describe('parseWindowState', () => {
  it('reads what serializeWindowState wrote', () => {
    const state: WindowState = { bounds: { x: -1800, y: 40, width: 1400, height: 900 }, maximized: true };
    expect(parseWindowState(serializeWindowState(state))).toEqual(state);
  });

  it('rounds fractional pixels', () => {
    expect(parseWindowState(stateText({ bounds: { x: 10.4, y: 20.6, width: 1000.5, height: 700 } }))?.bounds).toEqual({
      x: 10,
      y: 21,
      width: 1001,
      height: 700,
    });
  });

  it.each([
    ['empty text', ''],
    ['truncated JSON', stateText().slice(0, 30)],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['another version', stateText({ version: 2 })],
    ['no version', JSON.stringify({ bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false })],
    ['maximized as a string', stateText({ maximized: 'true' })],
    ['missing bounds', stateText({ bounds: undefined })],
    ['bounds as a string', stateText({ bounds: '0,0,800,600' })],
    ['a string coordinate', stateText({ bounds: { x: '1', y: 0, width: 800, height: 600 } })],
    ['zero width', stateText({ bounds: { x: 0, y: 0, width: 0, height: 600 } })],
    ['negative height', stateText({ bounds: { x: 0, y: 0, width: 800, height: -600 } })],
    ['an absurd coordinate', stateText({ bounds: { x: 1e9, y: 0, width: 800, height: 600 } })],
    ['an absurd size', stateText({ bounds: { x: 0, y: 0, width: 800, height: 1e7 } })],
    ['a missing coordinate', stateText({ bounds: { x: 0, width: 800, height: 600 } })],
  ])('refuses %s', (_what, text) => {
    expect(parseWindowState(text)).toBeNull();
  });

  it('refuses non-finite numbers (which JSON cannot hold, but a hand edit may try)', () => {
    expect(parseWindowState(stateText().replace('"x":100', '"x":1e999'))).toBeNull();
  });
});

describe('placeWindow', () => {
  it('keeps a window that is fully on a display where it was', () => {
    const stored = { x: 100, y: 80, width: 1200, height: 800 };
    expect(placeWindow(stored, [laptop, rightMonitor])).toEqual(stored);
  });

  it('keeps a window on a secondary display, even at negative coordinates', () => {
    const stored = { x: 2000, y: -150, width: 1600, height: 1000 };
    expect(placeWindow(stored, [laptop, rightMonitor])).toEqual(stored);
  });

  it('centres the default size on the primary display when nothing was stored', () => {
    const placed = placeWindow(null, [laptop, rightMonitor]);
    expect(placed).toEqual({
      x: (laptop.width - DEFAULT_WINDOW_SIZE.width) / 2,
      y: (laptop.height - DEFAULT_WINDOW_SIZE.height) / 2,
      ...DEFAULT_WINDOW_SIZE,
    });
  });

  it('centres on the primary display a window whose monitor was unplugged', () => {
    const onGoneMonitor = { x: 2000, y: 100, width: 1200, height: 800 };
    expect(placeWindow(onGoneMonitor, [laptop])).toEqual({ x: 360, y: 125, width: 1200, height: 800 });
  });

  it('pulls a window hanging off the edge back inside the display it mostly covers', () => {
    const hanging = { x: 1500, y: 900, width: 1200, height: 800 };
    // Overlaps the laptop by 420x150 and the right monitor by 780x300: it goes to the monitor,
    // moved right to its left edge and up so its bottom (1700) meets the monitor's (1200).
    expect(placeWindow(hanging, [laptop, rightMonitor])).toEqual({ x: 1920, y: 400, width: 1200, height: 800 });
    // With the laptop alone it is moved fully onto the laptop.
    expect(placeWindow(hanging, [laptop])).toEqual({ x: 720, y: 250, width: 1200, height: 800 });
  });

  it('shrinks a window larger than the display to its work area', () => {
    const huge = { x: -50, y: -50, width: 5000, height: 3000 };
    expect(placeWindow(huge, [laptop])).toEqual(laptop);
  });

  it('grows a stored window below the minimum size', () => {
    const tiny = { x: 10, y: 10, width: 100, height: 50 };
    expect(placeWindow(tiny, [laptop])).toEqual({ x: 10, y: 10, ...MIN_WINDOW_SIZE });
  });

  it('honours a display smaller than the minimum size', () => {
    const small: Rect = { x: 0, y: 0, width: 640, height: 400 };
    expect(placeWindow({ x: 0, y: 0, width: 1000, height: 700 }, [small])).toEqual(small);
  });

  it('returns the wanted bounds unchanged when no display is known', () => {
    const stored = { x: 5, y: 6, width: 900, height: 700 };
    expect(placeWindow(stored, [])).toEqual(stored);
    expect(placeWindow(null, [])).toEqual({ x: 0, y: 0, ...DEFAULT_WINDOW_SIZE });
  });
});

describe('window-state file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-window-state-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips through the file and leaves no temporary file behind', () => {
    const file = path.join(dir, 'nested', 'window-state.json');
    const state: WindowState = { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });

  it('replaces an existing file', () => {
    const file = path.join(dir, 'window-state.json');
    saveWindowState(file, { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false });
    saveWindowState(file, { bounds: { x: 3, y: 4, width: 1100, height: 750 }, maximized: true });
    expect(loadWindowState(file)).toEqual({ bounds: { x: 3, y: 4, width: 1100, height: 750 }, maximized: true });
  });

  it('loads null for a missing or corrupt file instead of throwing', () => {
    const file = path.join(dir, 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    fs.writeFileSync(file, '{"version":1,"bounds":');
    expect(loadWindowState(file)).toBeNull();
  });
});
