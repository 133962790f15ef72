/**
 * What kind of scan file a byte array holds, read from the bytes themselves.
 *
 * A file's name and the type the operating system guesses from it say nothing reliable about
 * its contents (a "scan.jpg" can be a text file, a "notes.txt" a PNG), so every decision here
 * is made from the format's own signature and structure. This module reads headers only: it
 * never decodes pixels, so it is cheap enough to run on every file before any decoder sees it,
 * and it is pure (no DOM, no Node) so it is tested under Node.
 */

/** The scan formats Marginalia imports. */
export type ScanFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'pdf';

/** The image formats among them (a PDF holds pages, not one image). */
export type ScanImageFormat = Exclude<ScanFormat, 'pdf'>;

/** An image's size in pixels as its header states it. */
export interface ImageSize {
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** How far into a file a PDF header may start: readers accept junk before it, as pdf.js does. */
const PDF_HEADER_SEARCH_BYTES = 1024;

/**
 * The format of a scan file, from its magic bytes, or `null` when it is none of the formats
 * Marginalia imports. Only classic TIFF is recognised: BigTIFF is meant for files far beyond
 * the scan size limit, and the TIFF decoder does not read it.
 */
export function sniffScanFormat(bytes: Uint8Array): ScanFormat | null {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, 0, PNG_SIGNATURE)) return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (startsWith(bytes, 0, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, 0, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (findAscii(bytes, '%PDF-', 0, PDF_HEADER_SEARCH_BYTES) >= 0) return 'pdf';
  return null;
}

/** The MIME type a Blob of this format should carry. */
export function scanFormatMime(format: ScanFormat): string {
  switch (format) {
    case 'jpeg':
      return 'image/jpeg';
    case 'png':
      return 'image/png';
    case 'webp':
      return 'image/webp';
    case 'tiff':
      return 'image/tiff';
    case 'pdf':
      return 'application/pdf';
  }
}

/** The format's name as a user reads it in a message. */
export function scanFormatName(format: ScanFormat): string {
  return format === 'jpeg' ? 'JPEG' : format === 'png' ? 'PNG' : format === 'webp' ? 'WebP' : format === 'tiff' ? 'TIFF' : 'PDF';
}

/**
 * Why the file is structurally cut off, in words for the user, or `null` when its structure
 * reaches its end. Chromium draws a truncated JPEG or PNG without complaint (the missing part
 * comes out grey or transparent), so this check is what turns a half-copied file into a clear
 * refusal instead of a silently damaged scan.
 *
 * PDFs always get `null`: pdf.js rebuilds a PDF whose cross-reference table or `%%EOF` is
 * missing from the objects it can still find, and real-world PDFs with junk after `%%EOF`, or
 * none at all, open in every reader. Refusing them here would turn away files that import
 * well; a PDF too damaged to use is reported by pdf.js when it is opened or a page is drawn.
 */
export function findTruncation(format: ScanFormat, bytes: Uint8Array): string | null {
  switch (format) {
    case 'png':
      return pngTruncation(bytes);
    case 'jpeg':
      return jpegTruncation(bytes);
    case 'webp':
      return webpTruncation(bytes);
    case 'tiff':
      return tiffTruncation(bytes);
    case 'pdf':
      return null;
  }
}

/**
 * The image's width and height as its header states them, or `null` when the header does not
 * say. Read before decoding so that an image too large to hold in memory (a "decompression
 * bomb": a few kilobytes that claim 50,000 × 50,000 pixels) is refused without decoding it.
 * For a JPEG this is the size before any EXIF rotation, which has the same number of pixels.
 */
export function readImageSize(format: ScanImageFormat, bytes: Uint8Array): ImageSize | null {
  switch (format) {
    case 'png':
      return bytes.length >= 24 && ascii(bytes, 12, 4) === 'IHDR' ? { width: u32be(bytes, 16), height: u32be(bytes, 20) } : null;
    case 'jpeg':
      return jpegSize(bytes);
    case 'webp':
      return webpSize(bytes);
    case 'tiff': {
      const ifd = readTiffFirstIfd(bytes);
      const width = ifd?.get(TIFF_TAG.imageWidth)?.[0];
      const height = ifd?.get(TIFF_TAG.imageLength)?.[0];
      return width !== undefined && height !== undefined ? { width, height } : null;
    }
  }
}

// --- PNG -----------------------------------------------------------------------------------

/** Walks the chunks (length, type, data, CRC) until IEND; data after IEND is harmless. */
function pngTruncation(bytes: Uint8Array): string | null {
  let offset: number = PNG_SIGNATURE.length;
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) return cutOff('PNG');
    const chunkEnd = offset + 12 + u32be(bytes, offset);
    if (chunkEnd > bytes.length) return cutOff('PNG');
    if (ascii(bytes, offset + 4, 4) === 'IEND') return null;
    offset = chunkEnd;
  }
  return cutOff('PNG');
}

// --- JPEG ----------------------------------------------------------------------------------

/**
 * A complete JPEG has an end-of-image marker (FF D9) after its last start-of-scan marker
 * (FF DA). Inside compressed data every FF byte is followed by 00 or a restart code, so
 * neither marker can appear there by accident. Looking for EOI after the last scan, rather
 * than only at the very end, accepts files that carry padding or a maker's trailer after the
 * image, which every viewer shows.
 */
function jpegTruncation(bytes: Uint8Array): string | null {
  let lastScan = -1;
  for (let i = bytes.length - 2; i >= 2; i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xda) {
      lastScan = i;
      break;
    }
  }
  if (lastScan < 0) return cutOff('JPEG');
  for (let i = lastScan + 2; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return null;
  }
  return cutOff('JPEG');
}

/** Start-of-frame markers C0–CF carry the size, except C4 (Huffman), C8 (reserved), CC (arithmetic). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Walks the marker segments from SOI to the first start-of-frame, which states the size. */
function jpegSize(bytes: Uint8Array): ImageSize | null {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte before a marker
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // image data began without a frame header
    if (isStartOfFrame(marker)) {
      return offset + 9 <= bytes.length ? { height: u16be(bytes, offset + 5), width: u16be(bytes, offset + 7) } : null;
    }
    offset += 2 + u16be(bytes, offset + 2);
  }
  return null;
}

// --- WebP ----------------------------------------------------------------------------------

/** The RIFF header states the size of everything after its first 8 bytes. */
function webpTruncation(bytes: Uint8Array): string | null {
  if (bytes.length < 12) return cutOff('WebP');
  return 8 + u32le(bytes, 4) > bytes.length ? cutOff('WebP') : null;
}

/** The size from the first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X). */
function webpSize(bytes: Uint8Array): ImageSize | null {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X' && bytes.length >= 30) {
    return { width: 1 + u24le(bytes, 24), height: 1 + u24le(bytes, 27) };
  }
  if (chunk === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
    // After the signature byte: 14 bits of width - 1, then 14 bits of height - 1.
    const bits = u32le(bytes, 21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ' && bytes.length >= 30 && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
    return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
  }
  return null;
}

// --- TIFF ----------------------------------------------------------------------------------

/** The baseline TIFF tags this module reads. */
const TIFF_TAG = {
  newSubfileType: 254,
  imageWidth: 256,
  imageLength: 257,
  stripOffsets: 273,
  stripByteCounts: 279,
  tileOffsets: 324,
  tileByteCounts: 325,
} as const;

/**
 * A TIFF is cut off when its first image directory, or any strip or tile of pixel data that
 * directory points to, lies beyond the end of the file. Writers put the directory either
 * before or after the pixel data, so checking the directory alone would miss half the cases.
 */
function tiffTruncation(bytes: Uint8Array): string | null {
  const ifd = readTiffFirstIfd(bytes);
  if (!ifd) return cutOff('TIFF');
  const offsets = ifd.get(TIFF_TAG.stripOffsets) ?? ifd.get(TIFF_TAG.tileOffsets) ?? [];
  const counts = ifd.get(TIFF_TAG.stripByteCounts) ?? ifd.get(TIFF_TAG.tileByteCounts) ?? [];
  for (let i = 0; i < Math.min(offsets.length, counts.length); i++) {
    if (offsets[i]! + counts[i]! > bytes.length) return cutOff('TIFF');
  }
  return null;
}

/** One image file directory: its integer-valued entries by tag, and where the next one is. */
interface TiffDirectory {
  entries: Map<number, number[]>;
  /** Offset of the next directory in the chain; 0 ends it. */
  next: number;
}

/** The most directories a TIFF may chain: a guard against files built to exhaust memory. */
const MAX_TIFF_DIRECTORIES = 10_000;

/** The entries of the first directory: the first page. */
function readTiffFirstIfd(bytes: Uint8Array): Map<number, number[]> | null {
  if (bytes.length < 8) return null;
  return readTiffDirectory(bytes, tiffU32(bytes, 4))?.entries ?? null;
}

/**
 * The integer-valued entries (BYTE, SHORT, LONG) of the directory at `offset`, or `null` when
 * the directory or one of its values is not inside the file. Other entry types are skipped.
 */
function readTiffDirectory(bytes: Uint8Array, offset: number): TiffDirectory | null {
  const u16 = (at: number) => (bytes[0] === 0x49 ? u16le(bytes, at) : u16be(bytes, at));
  const u32 = (at: number) => tiffU32(bytes, at);
  if (offset < 8 || offset + 2 > bytes.length) return null;
  const entryCount = u16(offset);
  if (offset + 2 + entryCount * 12 + 4 > bytes.length) return null;
  const entries = new Map<number, number[]>();
  for (let i = 0; i < entryCount; i++) {
    const entry = offset + 2 + i * 12;
    const type = u16(entry + 2);
    const size = type === 1 ? 1 : type === 3 ? 2 : type === 4 ? 4 : 0;
    if (size === 0) continue;
    const count = u32(entry + 4);
    // Values that fit in four bytes are stored in the entry itself, others at an offset.
    const at = count * size <= 4 ? entry + 8 : u32(entry + 8);
    if (at + count * size > bytes.length) return null;
    const values: number[] = [];
    for (let k = 0; k < count; k++) {
      const p = at + k * size;
      values.push(size === 1 ? bytes[p]! : size === 2 ? u16(p) : u32(p));
    }
    entries.set(u16(entry), values);
  }
  return { entries, next: u32(offset + 2 + entryCount * 12) };
}

/**
 * How many pages a TIFF holds (directories in its main chain, less the reduced-resolution
 * previews that some writers add), or `null` when the chain leaves the file or loops back on
 * itself. Decoders follow the chain without a guard, so a looping file would hang the window:
 * check this before handing a TIFF to one.
 */
export function countTiffPages(bytes: Uint8Array): number | null {
  if (bytes.length < 8) return null;
  const seen = new Set<number>();
  let pages = 0;
  for (let offset = tiffU32(bytes, 4); offset !== 0; ) {
    if (seen.has(offset) || seen.size >= MAX_TIFF_DIRECTORIES) return null;
    seen.add(offset);
    const directory = readTiffDirectory(bytes, offset);
    if (!directory) return null;
    // NewSubfileType bit 0 marks a reduced-resolution copy of another page.
    if (((directory.entries.get(TIFF_TAG.newSubfileType)?.[0] ?? 0) & 1) === 0) pages++;
    offset = directory.next;
  }
  return pages;
}

function tiffU32(bytes: Uint8Array, at: number): number {
  return bytes[0] === 0x49 ? u32le(bytes, at) : u32be(bytes, at);
}

// --- helpers -------------------------------------------------------------------------------

function cutOff(formatName: string): string {
  return `the file is cut off: the ${formatName} image stops before its end (was it fully copied or downloaded?)`;
}

function startsWith(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  if (at + expected.length > bytes.length) return false;
  return expected.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  if (at + length > bytes.length) return '';
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function findAscii(bytes: Uint8Array, text: string, from: number, to: number): number {
  const end = Math.min(to, bytes.length) - text.length;
  outer: for (let i = from; i <= end; i++) {
    for (let k = 0; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

function u16be(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

function u16le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u24le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
}

/** `>>> 0` keeps values of 2^31 and more positive. */
function u32be(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function u32le(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}
