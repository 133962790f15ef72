import { describe, expect, it } from 'vitest';
import { countTiffPages, findTruncation, readImageSize, scanFormatMime, sniffScanFormat } from './scan-format';

// Small, structurally faithful files built byte by byte. Checksums are left zero: this module
// reads structure, and never checks CRCs (the decoders do).

function bytes(...parts: (number[] | Uint8Array | string)[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const be16 = (n: number) => [(n >>> 8) & 0xff, n & 0xff];
const le16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngChunk = (type: string, data: number[]) => bytes(be32(data.length), type, data, [0, 0, 0, 0]);
const ihdr = (w: number, h: number) => pngChunk('IHDR', [...be32(w), ...be32(h), 8, 2, 0, 0, 0]);
const png = (w = 3, h = 2) => bytes(PNG_SIGNATURE, ihdr(w, h), pngChunk('IDAT', [1, 2, 3, 4, 5]), pngChunk('IEND', []));

/** SOI, APP0, a baseline frame header, a scan header, some entropy-coded data (with a stuffed FF 00), EOI. */
const jpegBody = (w = 640, h = 480) =>
  bytes(
    [0xff, 0xd8],
    [0xff, 0xe0, ...be16(16)], 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0],
    [0xff, 0xc0, ...be16(17), 8, ...be16(h), ...be16(w), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
    [0xff, 0xda, ...be16(12), 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0],
    [0x12, 0x34, 0xff, 0x00, 0x56],
  );
const jpeg = (w?: number, h?: number) => bytes(jpegBody(w, h), [0xff, 0xd9]);

const riff = (chunk: Uint8Array, declaredExtra = 0) => bytes('RIFF', le32(4 + chunk.length + declaredExtra), 'WEBP', chunk);
const webpLossy = (w: number, h: number) =>
  riff(bytes('VP8 ', le32(10), [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a], le16(w), le16(h)));
const webpLossless = (w: number, h: number) => {
  const bits = (w - 1) | ((h - 1) << 14);
  return riff(bytes('VP8L', le32(5), [0x2f], le32(bits)));
};
const webpExtended = (w: number, h: number) =>
  riff(bytes('VP8X', le32(10), [0, 0, 0, 0], le32(w - 1).slice(0, 3), le32(h - 1).slice(0, 3)));

/**
 * A baseline TIFF: header, pixel data at offset 8, then one directory with width, height and
 * one strip (offset, byte count). `stripBytes` can claim more data than is there.
 */
function tiff(order: 'II' | 'MM', w: number, h: number, opts: { stripBytes?: number; ifdOffset?: number; next?: number } = {}): Uint8Array {
  const u16 = order === 'II' ? le16 : be16;
  const u32 = order === 'II' ? le32 : be32;
  const pixels = new Array<number>(w * h * 3).fill(0x80);
  const ifdOffset = opts.ifdOffset ?? 8 + pixels.length;
  const entry = (tag: number, type: number, value: number) =>
    [...u16(tag), ...u16(type), ...u32(1), ...(type === 3 ? [...u16(value), 0, 0] : u32(value))];
  return bytes(
    order,
    u16(42),
    u32(ifdOffset),
    pixels,
    u16(4),
    entry(256, 3, w),
    entry(257, 4, h),
    entry(273, 4, 8),
    entry(279, 4, opts.stripBytes ?? pixels.length),
    u32(opts.next ?? 0),
  );
}

describe('sniffScanFormat', () => {
  it('recognises each format by its magic bytes', () => {
    expect(sniffScanFormat(jpeg())).toBe('jpeg');
    expect(sniffScanFormat(png())).toBe('png');
    expect(sniffScanFormat(webpLossy(4, 4))).toBe('webp');
    expect(sniffScanFormat(tiff('II', 2, 2))).toBe('tiff');
    expect(sniffScanFormat(tiff('MM', 2, 2))).toBe('tiff');
    expect(sniffScanFormat(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('pdf');
  });

  it('accepts a PDF header after some leading junk, as PDF readers do', () => {
    expect(sniffScanFormat(bytes('\r\n\r\n', '%PDF-1.4\n'))).toBe('pdf');
    expect(sniffScanFormat(bytes(new Array(2000).fill(32), '%PDF-1.4\n'))).toBeNull();
  });

  it('refuses text, other images, empty files and near misses', () => {
    expect(sniffScanFormat(bytes('Dear colleague, the scan follows.'))).toBeNull();
    expect(sniffScanFormat(bytes('GIF89a'))).toBeNull();
    expect(sniffScanFormat(bytes('RIFF', le32(4), 'WAVE'))).toBeNull();
    expect(sniffScanFormat(new Uint8Array(0))).toBeNull();
    expect(sniffScanFormat(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffScanFormat(bytes(PNG_SIGNATURE.slice(0, 7)))).toBeNull();
    expect(sniffScanFormat(bytes('II', [43, 0], le16(8), le16(0)))).toBeNull(); // BigTIFF
  });
});

describe('scanFormatMime', () => {
  it('gives the MIME type of each format', () => {
    expect(scanFormatMime('jpeg')).toBe('image/jpeg');
    expect(scanFormatMime('png')).toBe('image/png');
    expect(scanFormatMime('webp')).toBe('image/webp');
    expect(scanFormatMime('tiff')).toBe('image/tiff');
    expect(scanFormatMime('pdf')).toBe('application/pdf');
  });
});

describe('findTruncation', () => {
  it('accepts complete files of every format', () => {
    expect(findTruncation('png', png())).toBeNull();
    expect(findTruncation('jpeg', jpeg())).toBeNull();
    expect(findTruncation('webp', webpLossy(4, 4))).toBeNull();
    expect(findTruncation('tiff', tiff('II', 3, 2))).toBeNull();
    expect(findTruncation('tiff', tiff('MM', 3, 2))).toBeNull();
  });

  it('finds a PNG cut inside a chunk, between chunks, or before IEND', () => {
    const whole = png();
    const iendAt = whole.length - 12;
    expect(findTruncation('png', whole.subarray(0, whole.length - 1))).toMatch(/cut off.*PNG/);
    expect(findTruncation('png', whole.subarray(0, 20))).toMatch(/PNG/); // inside IHDR
    expect(findTruncation('png', whole.subarray(0, iendAt))).toMatch(/PNG/); // all chunks whole, no IEND
    expect(findTruncation('png', whole.subarray(0, iendAt + 3))).toMatch(/PNG/); // half a chunk header
    expect(findTruncation('png', whole.subarray(0, 8))).toMatch(/PNG/);
  });

  it('finds a PNG chunk whose length runs past the end', () => {
    const lying = bytes(PNG_SIGNATURE, ihdr(3, 2), be32(1_000_000), 'IDAT', [1, 2, 3]);
    expect(findTruncation('png', lying)).toMatch(/PNG/);
  });

  it('accepts data after IEND', () => {
    expect(findTruncation('png', bytes(png(), 'trailing'))).toBeNull();
  });

  it('finds a JPEG without an end-of-image marker after its last scan', () => {
    expect(findTruncation('jpeg', jpegBody())).toMatch(/cut off.*JPEG/);
    expect(findTruncation('jpeg', jpeg().subarray(0, 30))).toMatch(/JPEG/); // cut before the scan
    expect(findTruncation('jpeg', jpeg().subarray(0, jpeg().length - 1))).toMatch(/JPEG/);
  });

  it('accepts zero padding or a trailer after the JPEG end-of-image marker', () => {
    expect(findTruncation('jpeg', bytes(jpeg(), new Array(64).fill(0)))).toBeNull();
    expect(findTruncation('jpeg', bytes(jpeg(), 'maker trailer'))).toBeNull();
  });

  it('does not take the end marker of an embedded thumbnail for the end of the image', () => {
    // An EXIF thumbnail (a whole small JPEG, with its own EOI) sits before the main image.
    const thumbnail = jpeg(8, 8);
    const withThumbnail = bytes([0xff, 0xd8, 0xff, 0xe1, ...be16(2 + thumbnail.length)], thumbnail, jpegBody().subarray(2));
    expect(findTruncation('jpeg', withThumbnail)).toMatch(/JPEG/);
    expect(findTruncation('jpeg', bytes(withThumbnail, [0xff, 0xd9]))).toBeNull();
  });

  it('finds a WebP whose RIFF size is larger than the file', () => {
    const whole = webpLossy(4, 4);
    expect(findTruncation('webp', whole.subarray(0, whole.length - 2))).toMatch(/cut off.*WebP/);
    expect(findTruncation('webp', whole.subarray(0, 10))).toMatch(/WebP/);
    expect(findTruncation('webp', riff(bytes('VP8 ', le32(10), new Array(10).fill(0)), 100))).toMatch(/WebP/);
  });

  it('finds a TIFF whose first directory is beyond the end', () => {
    expect(findTruncation('tiff', tiff('II', 3, 2, { ifdOffset: 10_000 }))).toMatch(/cut off.*TIFF/);
    expect(findTruncation('tiff', tiff('MM', 3, 2, { ifdOffset: 10_000 }))).toMatch(/TIFF/);
    const whole = tiff('II', 3, 2);
    expect(findTruncation('tiff', whole.subarray(0, whole.length - 6))).toMatch(/TIFF/); // directory cut
    expect(findTruncation('tiff', whole.subarray(0, 6))).toMatch(/TIFF/);
  });

  it('finds a TIFF whose pixel data runs past the end of the file', () => {
    expect(findTruncation('tiff', tiff('II', 3, 2, { stripBytes: 5_000 }))).toMatch(/TIFF/);
  });

  it('leaves PDFs to pdf.js, which repairs what it can', () => {
    expect(findTruncation('pdf', bytes('%PDF-1.4\n1 0 obj\n<<'))).toBeNull();
  });
});

describe('readImageSize', () => {
  it('reads the size from each image format’s header', () => {
    expect(readImageSize('png', png(1234, 567))).toEqual({ width: 1234, height: 567 });
    expect(readImageSize('jpeg', jpeg(4000, 3000))).toEqual({ width: 4000, height: 3000 });
    expect(readImageSize('webp', webpLossy(300, 200))).toEqual({ width: 300, height: 200 });
    expect(readImageSize('webp', webpLossless(16383, 9))).toEqual({ width: 16383, height: 9 });
    expect(readImageSize('webp', webpExtended(20000, 15000))).toEqual({ width: 20000, height: 15000 });
    expect(readImageSize('tiff', tiff('II', 5, 4))).toEqual({ width: 5, height: 4 });
    expect(readImageSize('tiff', tiff('MM', 5, 4))).toEqual({ width: 5, height: 4 });
  });

  it('reads the huge sizes a decompression bomb claims, without decoding anything', () => {
    const bomb = bytes(PNG_SIGNATURE, ihdr(50_000, 50_000), pngChunk('IEND', []));
    expect(readImageSize('png', bomb)).toEqual({ width: 50_000, height: 50_000 });
    expect(readImageSize('png', bytes(PNG_SIGNATURE, ihdr(0x80000000, 1)))).toEqual({ width: 0x80000000, height: 1 });
  });

  it('skips fill bytes and other segments before the JPEG frame header', () => {
    const body = jpeg(800, 600);
    const withFill = bytes(body.subarray(0, 2), [0xff, 0xff], body.subarray(2));
    expect(readImageSize('jpeg', withFill)).toEqual({ width: 800, height: 600 });
  });

  it('answers null when the header does not say', () => {
    expect(readImageSize('png', bytes(PNG_SIGNATURE))).toBeNull();
    expect(readImageSize('jpeg', bytes([0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff, 0xd9]))).toBeNull();
    expect(readImageSize('webp', riff(bytes('ALPH', le32(0))))).toBeNull();
    expect(readImageSize('tiff', tiff('II', 3, 2, { ifdOffset: 10_000 }))).toBeNull();
  });
});

describe('countTiffPages', () => {
  /** Little-endian directories of one NewSubfileType entry each, chained at 8, 26, 44 … */
  function chain(subfileTypes: number[], lastNext = 0): Uint8Array {
    const directories = subfileTypes.map((type, i) => {
      const next = i + 1 < subfileTypes.length ? 8 + (i + 1) * 18 : lastNext;
      return bytes(le16(1), le16(254), le16(4), le32(1), le32(type), le32(next));
    });
    return bytes('II', le16(42), le32(8), ...directories);
  }

  it('counts the directories of the main chain', () => {
    expect(countTiffPages(tiff('II', 3, 2))).toBe(1);
    expect(countTiffPages(tiff('MM', 3, 2))).toBe(1);
    expect(countTiffPages(chain([0, 0, 0]))).toBe(3);
  });

  it('does not count reduced-resolution previews as pages', () => {
    expect(countTiffPages(chain([0, 1]))).toBe(1);
  });

  it('answers null for a chain that loops back, which would hang a decoder', () => {
    expect(countTiffPages(tiff('II', 3, 2, { next: 26 }))).toBeNull(); // points at itself
    expect(countTiffPages(chain([0, 0], 8))).toBeNull(); // points back to the first
  });

  it('answers null for a chain that leaves the file', () => {
    expect(countTiffPages(chain([0], 5_000))).toBeNull();
    expect(countTiffPages(tiff('II', 3, 2, { ifdOffset: 10_000 }))).toBeNull();
  });
});
