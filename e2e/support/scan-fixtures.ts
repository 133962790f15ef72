/**
 * Scan files for the end-to-end tests of scan import, made in the test process (Node), in the
 * shape `setInputFiles` takes. Good files carry known colours so a test can check the pixels of
 * the stored scan; bad files are each broken in one way the importer must name.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { PNG } from 'pngjs';

/** A file for Playwright's `setInputFiles`. */
export interface ScanFixture {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A colour as 0–255 red, green, blue. */
export type Rgb = readonly [number, number, number];

/** Channel levels of the page colours: all light enough for black text, 46 apart so JPEG noise cannot blur two together. */
const LEVELS = [112, 158, 204, 250] as const;

/**
 * The background colours of `multiPagePdf`'s pages: page N has `PAGE_COLOURS[(N - 1) % 64]`,
 * so any two pages within 64 of each other differ (by at least 46 in one channel).
 */
export const PAGE_COLOURS: readonly Rgb[] = Array.from({ length: 64 }, (_, i) => [LEVELS[i % 4]!, LEVELS[(i >> 2) % 4]!, LEVELS[(i >> 4) % 4]!] as const);

/** The background colour of page `pageNumber` (1-based) of `multiPagePdf`. */
export function pageColour(pageNumber: number): Rgb {
  return PAGE_COLOURS[(pageNumber - 1) % PAGE_COLOURS.length]!;
}

/** Page size of `multiPagePdf`: A4 portrait, in PDF points. */
export const PDF_PAGE_SIZE = { width: 595.28, height: 841.89 } as const;

/**
 * A real PDF (pdf-lib) of `pageCount` A4 pages; page N is filled with `pageColour(N)` and says
 * "Page N" in large black Helvetica in its middle, so the corners are plain background.
 */
export async function multiPagePdf(pageCount: number, name = `pages-${pageCount}.pdf`): Promise<ScanFixture> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.HelveticaBold);
  const { width, height } = PDF_PAGE_SIZE;
  for (let n = 1; n <= pageCount; n++) {
    const page = pdf.addPage([width, height]);
    const [r, g, b] = pageColour(n);
    page.drawRectangle({ x: 0, y: 0, width, height, color: rgb(r / 255, g / 255, b / 255) });
    const text = `Page ${n}`;
    const size = 96;
    page.drawText(text, { x: (width - font.widthOfTextAtSize(text, size)) / 2, y: height / 2 - size / 3, size, font, color: rgb(0, 0, 0) });
  }
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(await pdf.save()) };
}

/** A well-formed PDF whose page tree is empty. */
export async function emptyPdf(name = 'empty.pdf'): Promise<ScanFixture> {
  // pdf-lib adds a blank page to a document without pages unless told not to.
  const bytes = await (await PDFDocument.create()).save({ addDefaultPage: false });
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) };
}

/** A PNG (pngjs) of one solid colour. */
export function pngImage(width: number, height: number, colour: Rgb, name = 'scan.png'): ScanFixture {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([colour[0], colour[1], colour[2], 255], i * 4);
  return { name, mimeType: 'image/png', buffer: PNG.sync.write(png) };
}

/**
 * A baseline TIFF of one solid colour: little-endian, 8-bit RGB, uncompressed, one strip.
 * Written by hand so the bytes are exactly those of the TIFF 6.0 specification's baseline.
 */
export function tiffImage(width: number, height: number, colour: Rgb, name = 'scan.tif'): ScanFixture {
  const SHORT = 3;
  const LONG = 4;
  const RATIONAL = 5;
  const entries: [tag: number, type: number, count: number, value: number][] = [];
  const entryCount = 12;
  const ifdOffset = 8;
  const extraOffset = ifdOffset + 2 + entryCount * 12 + 4; // values too long for an entry
  const bitsOffset = extraOffset; // 3 SHORTs
  const xResOffset = bitsOffset + 6; // RATIONAL
  const yResOffset = xResOffset + 8;
  const pixelOffset = yResOffset + 8;
  const pixelBytes = width * height * 3;
  entries.push(
    [256, LONG, 1, width], // ImageWidth
    [257, LONG, 1, height], // ImageLength
    [258, SHORT, 3, bitsOffset], // BitsPerSample 8,8,8
    [259, SHORT, 1, 1], // Compression: none
    [262, SHORT, 1, 2], // PhotometricInterpretation: RGB
    [273, LONG, 1, pixelOffset], // StripOffsets
    [277, SHORT, 1, 3], // SamplesPerPixel
    [278, LONG, 1, height], // RowsPerStrip: all rows in one strip
    [279, LONG, 1, pixelBytes], // StripByteCounts
    [282, RATIONAL, 1, xResOffset], // XResolution
    [283, RATIONAL, 1, yResOffset], // YResolution
    [296, SHORT, 1, 2], // ResolutionUnit: inch
  );
  const buffer = Buffer.alloc(pixelOffset + pixelBytes);
  buffer.write('II', 0, 'latin1');
  buffer.writeUInt16LE(42, 2);
  buffer.writeUInt32LE(ifdOffset, 4);
  buffer.writeUInt16LE(entryCount, ifdOffset);
  entries.forEach(([tag, type, count, value], i) => {
    const at = ifdOffset + 2 + i * 12;
    buffer.writeUInt16LE(tag, at);
    buffer.writeUInt16LE(type, at + 2);
    buffer.writeUInt32LE(count, at + 4);
    // A single SHORT sits in the first two bytes of the value field.
    if (type === SHORT && count === 1) buffer.writeUInt16LE(value, at + 8);
    else buffer.writeUInt32LE(value, at + 8);
  });
  buffer.writeUInt32LE(0, ifdOffset + 2 + entryCount * 12); // no next directory
  [8, 8, 8].forEach((bits, i) => buffer.writeUInt16LE(bits, bitsOffset + i * 2));
  for (const at of [xResOffset, yResOffset]) {
    buffer.writeUInt32LE(300, at);
    buffer.writeUInt32LE(1, at + 4);
  }
  for (let i = 0; i < width * height; i++) buffer.set(colour, pixelOffset + i * 3);
  return { name, mimeType: 'image/tiff', buffer };
}

/** Size and colour of `jpegImage`. */
export const JPEG_IMAGE = { width: 96, height: 64, colour: [200, 60, 40] as Rgb } as const;

/**
 * A 96 × 64 baseline JPEG of rgb(200, 60, 40), 1 kB. Node has no JPEG encoder, so it was made
 * once with Chromium 156's canvas (headless, through Playwright): `fillRect` of that colour on
 * a 96 × 64 canvas, then `canvas.toDataURL('image/jpeg', 0.9)`.
 */
const JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCABAAGADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFgEBAQEAAAAAAAAAAAAAAAAAAAcI/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AmgCSNgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAP//Z';

/** A small valid JPEG (see `JPEG_IMAGE`). */
export function jpegImage(name = 'scan.jpg'): ScanFixture {
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(JPEG_BASE64, 'base64') };
}

/** A PNG cut off after 60% of its bytes, as by an interrupted copy. */
export function truncatedPng(name = 'truncated.png'): ScanFixture {
  const whole = pngImage(300, 200, [90, 120, 150]).buffer;
  return { name, mimeType: 'image/png', buffer: whole.subarray(0, Math.floor(whole.length * 0.6)) };
}

/**
 * A structurally complete, tiny PNG whose header claims 20,000 × 20,000 pixels (400
 * megapixels): the pixel limit must refuse it before anything is decoded.
 */
export function hugePng(name = 'huge.png'): ScanFixture {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(20_000, 0);
  header.writeUInt32BE(20_000, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const buffer = Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00])), chunk('IEND', Buffer.alloc(0))]);
  return { name, mimeType: 'image/png', buffer };
}

/** Starts like a PDF, then is garbage: pdf.js finds no document in it. */
export function brokenPdf(name = 'broken.pdf'): ScanFixture {
  const garbage = Buffer.alloc(4096);
  let seed = 1951;
  for (let i = 0; i < garbage.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    garbage[i] = seed >> 16;
  }
  return { name, mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), garbage]) };
}

/** The user password that opens `passwordProtectedPdf`. */
export const PDF_PASSWORD = 'marginalia';

/**
 * A one-page PDF encrypted with the standard security handler (RC4, 40-bit key, /V 1 /R 2),
 * made to the letter of the PDF specification (ISO 32000-1, 7.6.3, algorithms 2 to 4), with
 * user password `PDF_PASSWORD`: the empty password does not open it, so pdf.js asks for one.
 * The page says "Secret page" when opened with the password.
 */
export function passwordProtectedPdf(name = 'protected.pdf'): ScanFixture {
  const padding = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
  const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), padding]).subarray(0, 32);
  const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
  const fileId = md5(Buffer.from('marginalia protected fixture'));
  const permissions = -4; // all permissions; bits 1 and 2 must be 0
  const keyLength = 5; // 40 bits, as revision 2 requires
  const owner = rc4(md5(padded('owner-secret')).subarray(0, keyLength), padded(PDF_PASSWORD)); // algorithm 3
  const permissionBytes = Buffer.alloc(4);
  permissionBytes.writeInt32LE(permissions);
  const key = md5(padded(PDF_PASSWORD), owner, permissionBytes, fileId).subarray(0, keyLength); // algorithm 2
  const user = rc4(key, padding); // algorithm 4
  const objectKey = (objectNumber: number) =>
    md5(key, Buffer.from([objectNumber & 0xff, (objectNumber >> 8) & 0xff, (objectNumber >> 16) & 0xff, 0, 0])).subarray(0, keyLength + 5);

  const content = rc4(objectKey(4), Buffer.from('BT /F1 48 Tf 72 700 Td (Secret page) Tj ET', 'latin1'));
  const hex = (b: Buffer) => `<${b.toString('hex')}>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // the content stream, written below as bytes
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /O ${hex(owner)} /U ${hex(user)} /P ${permissions} >>`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const add = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    if (body === null) {
      add(Buffer.from(`${i + 1} 0 obj\n<< /Length ${content.length} >>\nstream\n`, 'latin1'));
      add(content);
      add(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    } else {
      add(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
    }
  });
  const xrefOffset = length;
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  add(
    Buffer.from(
      `${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [${hex(fileId)} ${hex(fileId)}] >>\nstartxref\n${xrefOffset}\n%%EOF\n`,
      'latin1',
    ),
  );
  return { name, mimeType: 'application/pdf', buffer: Buffer.concat(parts) };
}

/** PNG bytes under a text file's name: the importer must go by the bytes and take it as a PNG. */
export function binaryNamedTxt(name = 'notes.txt'): ScanFixture {
  return { ...pngImage(40, 30, [30, 160, 90]), name, mimeType: 'text/plain' };
}

/** Text under a JPEG's name: the importer must refuse it as no image at all. */
export function fakeImage(name = 'scan.jpg'): ScanFixture {
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from('This is a note about the scan, not the scan itself.\n', 'utf8') };
}

/** RC4, the stream cipher of PDF's 40-bit standard security handler (node:crypto may lack it under OpenSSL 3). */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

/** CRC-32 of PNG chunks (the same as zlib's). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
