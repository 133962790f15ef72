import { describe, expect, it } from 'vitest';
import { readJpegHeader } from './jpeg-header';

/** A marker segment: FF, the marker, a big-endian length counting itself, the payload. */
function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

/** A baseline start-of-frame for an image of this size (three components). */
const sof = (width: number, height: number, marker = 0xc0) =>
  segment(marker, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);

/** An APP1 Exif segment with IFD0 holding only the orientation tag. */
function exif(orientation: number, little: boolean): number[] {
  const u16 = (n: number) => (little ? [n & 0xff, n >> 8] : [n >> 8, n & 0xff]);
  const u32 = (n: number) => (little ? [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24] : [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
  const tiff = [...(little ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8), ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, ...u32(0)];
  return segment(0xe1, [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]);
}

const jpeg = (...parts: number[][]) => new Uint8Array([0xff, 0xd8, ...parts.flat(), 0xff, 0xda, 0, 2]);

describe('readJpegHeader', () => {
  it('reads the size from the start-of-frame marker, after other segments', () => {
    const app0 = segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
    expect(readJpegHeader(jpeg(app0, segment(0xdb, new Array(65).fill(1)), sof(6000, 8000)))).toEqual({ width: 6000, height: 8000, orientation: 1 });
    // Progressive JPEGs have their own start-of-frame marker.
    expect(readJpegHeader(jpeg(sof(1500, 2000, 0xc2)))).toEqual({ width: 1500, height: 2000, orientation: 1 });
  });

  it('reads the EXIF orientation in either byte order, and ignores other APP1 segments', () => {
    expect(readJpegHeader(jpeg(exif(6, true), sof(800, 600)))?.orientation).toBe(6);
    expect(readJpegHeader(jpeg(exif(3, false), sof(800, 600)))?.orientation).toBe(3);
    const xmp = segment(0xe1, [...new TextEncoder().encode('http://ns.adobe.com/xap/1.0/\0<x/>')]);
    expect(readJpegHeader(jpeg(exif(8, true), xmp, sof(800, 600)))?.orientation).toBe(8);
  });

  it('answers null for other formats, and for a start cut before the frame', () => {
    expect(readJpegHeader(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    const whole = jpeg(exif(1, true), sof(6000, 8000));
    expect(readJpegHeader(whole.slice(0, 30))).toBeNull();
    expect(readJpegHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeNull();
  });
});
