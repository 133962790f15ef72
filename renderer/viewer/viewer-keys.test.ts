import { describe, expect, it } from 'vitest';
import { viewerCommandForKey, type KeyLike } from './viewer-keys';

describe('viewerCommandForKey', () => {
  const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it('maps the documented shortcuts', () => {
    expect(viewerCommandForKey(key('+', { shiftKey: true }))).toBe('zoomIn');
    expect(viewerCommandForKey(key('='))).toBe('zoomIn');
    expect(viewerCommandForKey(key('-'))).toBe('zoomOut');
    expect(viewerCommandForKey(key('w'))).toBe('fitWidth');
    expect(viewerCommandForKey(key('0'))).toBe('fitPage');
    expect(viewerCommandForKey(key('Home'))).toBe('fitPage');
    expect(viewerCommandForKey(key('1'))).toBe('actualSize');
    expect(viewerCommandForKey(key('r'))).toBe('rotateRight');
    expect(viewerCommandForKey(key('R', { shiftKey: true }))).toBe('rotateLeft');
    expect(viewerCommandForKey(key('m'))).toBe('mirror');
    expect(viewerCommandForKey(key('M', { shiftKey: true }))).toBe('mirror');
  });

  it('leaves the sheet keys [ and ] alone', () => {
    expect(viewerCommandForKey(key('['))).toBeNull();
    expect(viewerCommandForKey(key(']'))).toBeNull();
  });

  it('leaves anything with Ctrl, Cmd or Alt to the app and the browser', () => {
    expect(viewerCommandForKey(key('0', { ctrlKey: true }))).toBeNull();
    expect(viewerCommandForKey(key('+', { metaKey: true }))).toBeNull();
    expect(viewerCommandForKey(key('r', { altKey: true }))).toBeNull();
  });

  it('treats Caps Lock W as W, but leaves Shift+W to OpenSeadragon (zoom in)', () => {
    expect(viewerCommandForKey(key('W'))).toBe('fitWidth');
    expect(viewerCommandForKey(key('W', { shiftKey: true }))).toBeNull();
  });
});
