import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEWER_STATE,
  cssFilterFor,
  hasAdjustments,
  parseViewerState,
  resetAdjustments,
  rotateBy,
  type ViewerState,
} from './viewer-state';

const state = (patch: Partial<ViewerState>): ViewerState => ({ ...DEFAULT_VIEWER_STATE, ...patch });

describe('cssFilterFor', () => {
  it('is "none" for the defaults, so the drawer canvas gets no filter pass at all', () => {
    expect(cssFilterFor(DEFAULT_VIEWER_STATE)).toBe('none');
  });

  it('writes only the adjustments that are set, as factors', () => {
    expect(cssFilterFor(state({ brightness: 120 }))).toBe('brightness(1.2)');
    expect(cssFilterFor(state({ contrast: 150, greyscale: true }))).toBe('contrast(1.5) grayscale(1)');
    expect(cssFilterFor(state({ brightness: 50, contrast: 200 }))).toBe('brightness(0.5) contrast(2)');
  });

  it('inverts before brightness, so raising brightness lightens an inverted page as seen', () => {
    expect(cssFilterFor(state({ brightness: 120, contrast: 150, invert: true, greyscale: true }))).toBe(
      'invert(1) brightness(1.2) contrast(1.5) grayscale(1)',
    );
  });

  it('prints percentages without floating-point noise', () => {
    expect(cssFilterFor(state({ brightness: 115 }))).toBe('brightness(1.15)');
    expect(cssFilterFor(state({ contrast: 55 }))).toBe('contrast(0.55)');
  });

  it('ignores turn, mirror and fit', () => {
    expect(cssFilterFor(state({ rotation: 90, flipped: true, fit: 'width' }))).toBe('none');
  });
});

describe('adjustments', () => {
  it('hasAdjustments is true for any adjustment and false for turn and mirror alone', () => {
    expect(hasAdjustments(DEFAULT_VIEWER_STATE)).toBe(false);
    expect(hasAdjustments(state({ rotation: 180, flipped: true, fit: 'width' }))).toBe(false);
    expect(hasAdjustments(state({ brightness: 105 }))).toBe(true);
    expect(hasAdjustments(state({ invert: true }))).toBe(true);
  });

  it('resetAdjustments keeps the turn, mirror and fit', () => {
    const adjusted = state({ rotation: 270, flipped: true, fit: 'width', brightness: 160, contrast: 60, invert: true, greyscale: true });
    expect(resetAdjustments(adjusted)).toEqual(state({ rotation: 270, flipped: true, fit: 'width' }));
  });
});

describe('rotateBy', () => {
  it('turns a quarter either way and wraps around', () => {
    expect(rotateBy(DEFAULT_VIEWER_STATE, 90).rotation).toBe(90);
    expect(rotateBy(DEFAULT_VIEWER_STATE, -90).rotation).toBe(270);
    expect(rotateBy(state({ rotation: 270 }), 90).rotation).toBe(0);
    expect(rotateBy(state({ rotation: 180 }), -90).rotation).toBe(90);
  });

  it('four turns come back to the start', () => {
    let s = DEFAULT_VIEWER_STATE;
    for (let i = 0; i < 4; i++) s = rotateBy(s, 90);
    expect(s).toEqual(DEFAULT_VIEWER_STATE);
  });

  it('turns the other way in OpenSeadragon degrees when mirrored, so it still looks clockwise', () => {
    expect(rotateBy(state({ flipped: true }), 90).rotation).toBe(270);
    expect(rotateBy(state({ flipped: true, rotation: 270 }), -90).rotation).toBe(0);
  });

  it('changes nothing else and leaves its argument alone', () => {
    const before = state({ brightness: 130, fit: 'width' });
    const after = rotateBy(before, 90);
    expect(after).toEqual({ ...before, rotation: 90 });
    expect(before.rotation).toBe(0);
  });
});

describe('parseViewerState', () => {
  it('reads back what was stored', () => {
    const stored = state({ rotation: 90, flipped: true, brightness: 140, contrast: 75, invert: true, greyscale: true, fit: 'width' });
    expect(parseViewerState(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });

  it('gives the defaults for anything that is not an object', () => {
    for (const value of [undefined, null, 0, 'state', true, []]) {
      expect(parseViewerState(value)).toEqual(DEFAULT_VIEWER_STATE);
    }
  });

  it('falls back field by field, keeping the good ones', () => {
    expect(parseViewerState({ rotation: 180, flipped: 'yes', brightness: '120', contrast: 80, invert: 1, greyscale: null, fit: 'zoom' })).toEqual(
      state({ rotation: 180, contrast: 80 }),
    );
  });

  it('reads any whole number of quarter turns, and nothing else', () => {
    expect(parseViewerState({ rotation: -90 }).rotation).toBe(270);
    expect(parseViewerState({ rotation: 450 }).rotation).toBe(90);
    expect(parseViewerState({ rotation: 360 }).rotation).toBe(0);
    expect(parseViewerState({ rotation: 45 }).rotation).toBe(0);
    expect(parseViewerState({ rotation: 90.5 }).rotation).toBe(0);
    expect(parseViewerState({ rotation: Number.NaN }).rotation).toBe(0);
  });

  it('clamps percentages to the sliders and rounds them; non-finite ones fall back', () => {
    expect(parseViewerState({ brightness: 10, contrast: 900 })).toMatchObject({ brightness: 50, contrast: 200 });
    expect(parseViewerState({ brightness: 133.4 }).brightness).toBe(133);
    expect(parseViewerState({ brightness: Number.POSITIVE_INFINITY, contrast: Number.NaN })).toMatchObject({ brightness: 100, contrast: 100 });
  });

  it('never hands out the frozen defaults themselves', () => {
    const parsed = parseViewerState(undefined);
    parsed.rotation = 90;
    expect(DEFAULT_VIEWER_STATE.rotation).toBe(0);
  });
});
