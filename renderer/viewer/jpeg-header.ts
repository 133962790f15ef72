/**
 * What the decoding worker needs to know of a JPEG before decoding it: its size in pixels and
 * its EXIF orientation, read from the markers before the image data (a few kilobytes, rarely
 * more than a hundred: thumbnails, colour profiles and XMP come first).
 */

/** A JPEG's size as stored (before any EXIF rotation) and its EXIF orientation (1–8; 1 when absent). */
export interface JpegHeader {
  width: number;
  height: number;
  orientation: number;
}

/** Start-of-frame markers: 0xC0–0xCF except DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * The orientation tag (0x0112) of an APP1 "Exif" segment's first IFD: 1 when it has none, null
 * when the segment is not Exif (XMP also comes in APP1).
 */
function exifOrientation(bytes: Uint8Array, start: number, end: number): number | null {
  // "Exif\0\0", then a TIFF header: byte order, 42, offset of IFD0.
  if (end - start < 14 || bytes[start] !== 0x45 || bytes[start + 1] !== 0x78 || bytes[start + 2] !== 0x69 || bytes[start + 3] !== 0x66) return null;
  const tiff = start + 6;
  const little = bytes[tiff] === 0x49 && bytes[tiff + 1] === 0x49;
  if (!little && !(bytes[tiff] === 0x4d && bytes[tiff + 1] === 0x4d)) return 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  if (u16(tiff + 2) !== 42) return 1;
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/**
 * Reads the size and orientation from the start of a JPEG file. Answers null when the bytes
 * are not a JPEG, or end before its start-of-frame marker (read more of the file and try again).
 */
export function readJpegHeader(bytes: Uint8Array): JpegHeader | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let orientation = 1;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null; // not at a marker: damaged
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or image data, before any frame
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2) return null;
    const start = at + 4;
    const end = at + 2 + length;
    if (isStartOfFrame(marker)) {
      if (start + 5 > bytes.length) return null;
      const height = (bytes[start + 1]! << 8) | bytes[start + 2]!;
      const width = (bytes[start + 3]! << 8) | bytes[start + 4]!;
      return width > 0 && height > 0 ? { width, height, orientation } : null;
    }
    if (marker === 0xe1 && end <= bytes.length) orientation = exifOrientation(bytes, start, end) ?? orientation;
    at = end;
  }
  return null;
}
