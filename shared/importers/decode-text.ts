/**
 * Turning an imported file's bytes into text, or saying clearly why they are not text we can
 * read.
 *
 * Archival transcriptions reach historians in whatever encoding the tool that saved them
 * chose: UTF-8 (with or without a byte-order mark), UTF-16 from Windows "Unicode" text, and
 * Windows-1251 from older Russian software. We accept exactly those, decide between them from
 * the bytes (never from a guess that could silently garble the text: UTF-8 is decoded strictly,
 * and Windows-1251 is chosen only when the bytes read as Cyrillic words), and refuse the rest
 * with a reason: empty files, binary files that were renamed `.txt`, files over the size limit.
 */
import { ImportError, MAX_TEXT_FILE_BYTES, formatMegabytes } from './import-error';
import { normalizeImportedText } from './normalize-text';

/** The encodings an imported text file may be in, named as the Encoding standard names them. */
export type TextFileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

/** A decoded text file: its text (normalised with `normalizeImportedText`) and the encoding it was in. */
export interface DecodedTextFile {
  text: string;
  encoding: TextFileEncoding;
}

/** How many leading bytes are enough to judge what kind of file this is. */
const SNIFF_BYTES = 64 * 1024;
/** Binary formats a historian may pick by mistake, by their magic bytes, and how to name them. */
const BINARY_SIGNATURES: ReadonlyArray<readonly [number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive, such as a Word .docx file'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old Microsoft Office file, such as a Word .doc file'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
];
/**
 * Control characters that text files do not contain: C0 controls other than tab, line feed,
 * carriage return and form feed (which transcriptions use between sheets), and DEL.
 */
const STRAY_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
/** Above this share of stray control characters (or any NUL), the content is binary, not text. */
const MAX_CONTROL_SHARE = 0.01;

const NOT_TEXT = 'it is not a text file (it looks like binary data)';

/**
 * Refuses a text file larger than MAX_TEXT_FILE_BYTES before anything reads it whole: callers
 * that know the size first (from the filesystem, a File object) call it on the size alone.
 */
export function checkTextFileSize(fileName: string, byteLength: number, limit = MAX_TEXT_FILE_BYTES): void {
  if (byteLength > limit) {
    throw new ImportError(fileName, `it is larger than the ${formatMegabytes(limit)} limit for text files`);
  }
}

/**
 * Decodes an imported text file, choosing among UTF-8, UTF-16 and Windows-1251 from its bytes.
 * Throws ImportError naming the file and the reason when it is empty, binary, too large, or in
 * an encoding we cannot recognise.
 */
export function decodeTextFile(fileName: string, bytes: Uint8Array): DecodedTextFile {
  checkTextFileSize(fileName, bytes.length);
  if (bytes.length === 0) throw new ImportError(fileName, 'the file is empty');
  const signature = BINARY_SIGNATURES.find(([magic]) => startsWith(bytes, magic));
  if (signature) throw new ImportError(fileName, `it is not a text file (it looks like ${signature[1]})`);

  const decoded = decodeBytes(fileName, bytes);
  if (controlShare(decoded.text) > MAX_CONTROL_SHARE || decoded.text.includes('\u0000')) {
    throw new ImportError(fileName, NOT_TEXT);
  }
  const text = normalizeImportedText(decoded.text);
  if (text.trim() === '') throw new ImportError(fileName, 'it contains only blank space, no text');
  return { text, encoding: decoded.encoding };
}

function decodeBytes(fileName: string, bytes: Uint8Array): DecodedTextFile {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return strictDecode(fileName, bytes.subarray(3), 'utf-8', 'it starts with a UTF-8 byte-order mark but is not valid UTF-8');
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return strictDecode(fileName, bytes.subarray(2), 'utf-16le', 'it starts with a UTF-16 byte-order mark but is not valid UTF-16');
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return strictDecode(fileName, bytes.subarray(2), 'utf-16be', 'it starts with a UTF-16 byte-order mark but is not valid UTF-16');
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return strictDecode(fileName, bytes, utf16, 'it looks like UTF-16 text but is not valid UTF-16');

  // From here on a NUL byte cannot be text in any encoding we accept.
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.includes(0) || byteControlShare(sample) > MAX_CONTROL_SHARE) {
    throw new ImportError(fileName, NOT_TEXT);
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  if (looksLikeWindows1251Cyrillic(sample)) {
    return strictDecode(
      fileName,
      bytes,
      'windows-1251',
      'it looks like Windows-1251 Cyrillic text, which this program cannot decode here; save it as UTF-8 and import it again',
    );
  }
  throw new ImportError(
    fileName,
    'its text encoding could not be recognised (Marginalia reads UTF-8, UTF-16 and Windows-1251 Cyrillic); save it as UTF-8 and import it again',
  );
}

function strictDecode(fileName: string, bytes: Uint8Array, encoding: TextFileEncoding, reason: string): DecodedTextFile {
  const text = tryDecode(bytes, encoding);
  if (text === undefined) throw new ImportError(fileName, reason);
  return { text, encoding };
}

/** The text, or undefined when the bytes are not valid in that encoding (or the runtime lacks it). */
function tryDecode(bytes: Uint8Array, encoding: TextFileEncoding): string | undefined {
  try {
    // ignoreBOM: the BOM, when there is one, was already recognised and cut off.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a byte-order mark, told by its zero bytes: text in Latin script (and the
 * spaces, digits and punctuation of any script) has a zero high byte in every code unit, so
 * zeros fall on every other byte, on one side only. Binary data has zeros on both sides.
 */
function utf16WithoutBom(bytes: Uint8Array): TextFileEncoding | undefined {
  const units = Math.floor(Math.min(bytes.length, SNIFF_BYTES) / 2);
  if (units < 2) return undefined;
  let zerosEven = 0;
  let zerosOdd = 0;
  for (let i = 0; i < units * 2; i += 2) {
    if (bytes[i] === 0) zerosEven++;
    if (bytes[i + 1] === 0) zerosOdd++;
  }
  const many = 0.1 * units;
  const few = 0.01 * units;
  if (zerosOdd >= many && zerosEven <= few) return 'utf-16le';
  if (zerosEven >= many && zerosOdd <= few) return 'utf-16be';
  return undefined;
}

/**
 * Whether bytes that are not UTF-8 read as Cyrillic in Windows-1251: most bytes above 0x7F are
 * its letters (0xC0–0xFF, Ё/ё) or its typographic marks (quotes, dashes, №, no-break space), and
 * most of the letters stand next to other letters, as in words. Latin-1 text in a West European
 * language also uses 0xC0–0xFF, but for single accented letters between ASCII ones.
 */
function looksLikeWindows1251Cyrillic(bytes: Uint8Array): boolean {
  let high = 0;
  let cyrillicOrMarks = 0;
  let letters = 0;
  let lettersInWords = 0;
  const isLetter = (b: number | undefined): boolean => b !== undefined && (b >= 0xc0 || b === 0xa8 || b === 0xb8);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    high++;
    if (isLetter(b)) {
      cyrillicOrMarks++;
      letters++;
      if (isLetter(bytes[i - 1]) || isLetter(bytes[i + 1])) lettersInWords++;
    } else if (WINDOWS_1251_MARKS.has(b)) {
      cyrillicOrMarks++;
    }
  }
  return letters >= 2 && cyrillicOrMarks >= 0.95 * high && lettersInWords >= 0.7 * letters;
}

/** Windows-1251 punctuation: … « » “ ” „ ‘ ’ – — № no-break space, bullet, section sign. */
const WINDOWS_1251_MARKS = new Set([0x85, 0xab, 0xbb, 0x93, 0x94, 0x84, 0x91, 0x92, 0x96, 0x97, 0xb9, 0xa0, 0x95, 0xa7]);

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function controlShare(text: string): number {
  const sample = text.slice(0, SNIFF_BYTES);
  if (sample.length === 0) return 0;
  return (sample.match(STRAY_CONTROL)?.length ?? 0) / sample.length;
}

function byteControlShare(bytes: Uint8Array): number {
  let controls = 0;
  for (const b of bytes) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controls++;
  }
  return bytes.length === 0 ? 0 : controls / bytes.length;
}
