/**
 * The zip container of a pack: writing (the files deflated already, or deflated here with
 * fflate), and reading untrusted zips defensively.
 *
 * Reading does not hand the archive to a general unzip routine. It reads the central directory
 * itself, so that every entry's name, declared sizes and compression ratio are checked before a
 * single byte is inflated; then it inflates each wanted entry in small steps with fflate's
 * streaming inflater (or the host's `DecompressionStream`), counting what comes out, and stops
 * the moment an entry produces more than its directory declared (a zip bomb lies about sizes)
 * — memory never exceeds the declared, and checked, size (plus one step's output). Every entry's CRC-32 is checked too, so a damaged zip is refused rather than
 * read wrong. ZIP64, encryption, multi-part archives and compression methods other than
 * "stored" and "deflate" are refused: a pack never needs them.
 */
import { deflateSync, Inflate, strToU8 } from 'fflate';
import { nativeInflateRaw, NativeInflateError } from './native';

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  compressedSize: number;
  /** The inflated size the directory declares (checked again while inflating). */
  size: number;
  crc32: number;
  /** Where the entry's compressed bytes start. */
  dataOffset: number;
}

/** A reason in words; the caller turns it into the error the user sees. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

const NOT_A_ZIP = 'it is not a pack: a pack is a zip archive, and this file is not one (or its end is missing)';
const DAMAGED = 'the file is damaged or cut off (was it fully copied or downloaded?)';

/**
 * The entries of a zip, from its central directory. Throws ZipFormatError for anything that is
 * not a plain, complete zip; `maxEntries` is checked before the directory is walked.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw new ZipFormatError(startsWithLocalHeader(bytes) ? DAMAGED : NOT_A_ZIP);
  const disk = u16(bytes, eocd + 4);
  const directoryDisk = u16(bytes, eocd + 6);
  const entriesHere = u16(bytes, eocd + 8);
  const entryCount = u16(bytes, eocd + 10);
  const directorySize = u32(bytes, eocd + 12);
  const directoryOffset = u32(bytes, eocd + 16);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ZipFormatError('it uses the ZIP64 extension for very large archives, which a pack never needs');
  }
  if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entryCount) {
    throw new ZipFormatError('it is one part of a zip split across several files');
  }
  if (entryCount > maxEntries) {
    throw new ZipFormatError(`it holds ${entryCount} files, more than the ${maxEntries} a pack may have`);
  }
  if (directoryOffset + directorySize > eocd) throw new ZipFormatError(DAMAGED);

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > eocd || u32(bytes, at) !== CENTRAL_SIGNATURE) throw new ZipFormatError(DAMAGED);
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc32 = u32(bytes, at + 16);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > eocd) throw new ZipFormatError(DAMAGED);
    const name = decodeName(bytes.subarray(at + 46, nameEnd));
    if (flags & 0x0001) throw new ZipFormatError(`its file “${printable(name)}” is encrypted; packs are never encrypted`);
    if (method !== 0 && method !== 8) {
      throw new ZipFormatError(`its file “${printable(name)}” is compressed with a method (${method}) that packs do not use`);
    }
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipFormatError('it uses the ZIP64 extension for very large archives, which a pack never needs');
    }
    if (method === 0 && compressedSize !== size) throw new ZipFormatError(DAMAGED);
    // The local header repeats the name and may carry a different extra field; the data follows it.
    if (localOffset + 30 > directoryOffset || u32(bytes, localOffset) !== LOCAL_SIGNATURE) throw new ZipFormatError(DAMAGED);
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > directoryOffset) throw new ZipFormatError(DAMAGED);
    entries.push({ name, method, compressedSize, size, crc32, dataOffset });
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** How many bytes of compressed data are handed to the inflater at a time (at most ~1000× that comes out). */
const INFLATE_STEP = 16 * 1024;

/**
 * An entry's bytes. Throws ZipFormatError when it inflates to more than its declared size
 * (stopping there), to less, when its data is not valid deflate data, or when its CRC-32 does
 * not match. The caller has checked the declared size against its limits.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = entryData(bytes, entry);
  let out: Uint8Array;
  if (entry.method === 0) {
    out = data.slice();
  } else {
    out = new Uint8Array(entry.size);
    let written = 0;
    let overflow = false;
    const inflater = new Inflate((chunk) => {
      if (written + chunk.length > entry.size) {
        overflow = true;
        throw new ZipFormatError('overflow');
      }
      out.set(chunk, written);
      written += chunk.length;
    });
    try {
      if (data.length === 0) inflater.push(data, true);
      for (let from = 0; from < data.length; from += INFLATE_STEP) {
        inflater.push(data.subarray(from, from + INFLATE_STEP), from + INFLATE_STEP >= data.length);
      }
    } catch {
      throw inflateError(entry, overflow ? 'overflow' : 'damaged');
    }
    if (written !== entry.size) throw inflateError(entry, 'short');
  }
  return checkCrc(entry, out);
}

/**
 * The same as readZipEntry, inflating with the host's own zlib (`DecompressionStream`) where it
 * has one, under the same bounds: the compressed data goes in INFLATE_STEP bytes at a time, and
 * inflating stops the moment more comes out than the entry declares.
 */
export async function readZipEntryAsync(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  if (entry.method === 0 || entry.compressedSize === 0) return readZipEntry(bytes, entry);
  let out: Uint8Array | null;
  try {
    out = await nativeInflateRaw(entryData(bytes, entry), entry.size, INFLATE_STEP);
  } catch (error) {
    throw inflateError(entry, error instanceof NativeInflateError ? error.reason : 'damaged');
  }
  if (!out) return readZipEntry(bytes, entry);
  if (out.length !== entry.size) throw inflateError(entry, 'short');
  return checkCrc(entry, out);
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  return bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
}

function inflateError(entry: ZipEntry, why: 'overflow' | 'damaged' | 'short'): ZipFormatError {
  const name = printable(entry.name);
  switch (why) {
    case 'overflow':
      return new ZipFormatError(
        `its file “${name}” expands to more than the ${entry.size} bytes its zip directory declares; a genuine pack never does this, so it was stopped`,
      );
    case 'damaged':
      return new ZipFormatError(`its file “${name}” is damaged: its compressed data cannot be read`);
    case 'short':
      return new ZipFormatError(`its file “${name}” is damaged: it is shorter than its zip directory declares`);
  }
}

function checkCrc(entry: ZipEntry, out: Uint8Array): Uint8Array {
  if (crc32(out) !== entry.crc32) throw new ZipFormatError(`its file “${printable(entry.name)}” is damaged: its checksum does not match`);
  return out;
}

/**
 * Entries smaller than this are deflated with fflate when the page deflates them itself (no
 * worker shares the work, or under Node): a native stream costs a fraction of a millisecond to
 * set up and drive, about what fflate takes to deflate a few kilobytes, and a library's pack
 * holds a thousand such entries. (Inflating is another matter: fflate's streaming inflater
 * costs more per entry than the host's stream, so reading uses the host's for every entry.)
 */
export const NATIVE_MIN_BYTES = 64 * 1024;

/** One file to put in a zip. */
export interface ZipInput {
  path: string;
  bytes: Uint8Array;
  /** Deflate it (text), or store it as it is (images, which are compressed already). */
  compress: boolean;
  /** The deflate level, 1 (fastest) to 9 (smallest); default DEFAULT_DEFLATE_LEVEL. Native deflating has one level, zlib's default. */
  level?: DeflateLevel;
}

export type DeflateLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** fflate's (and zlib's) default. */
export const DEFAULT_DEFLATE_LEVEL: DeflateLevel = 6;

/** A file as the zip holds it: its data stored or deflated already, with the size and CRC-32 of what it holds. */
export interface ZipFile {
  path: string;
  /** The bytes themselves (stored), or their raw deflate data. */
  data: Uint8Array;
  deflated: boolean;
  size: number;
  crc32: number;
  /** The level it was deflated at, which zip tools show (DEFAULT_DEFLATE_LEVEL for the host's zlib). */
  level: DeflateLevel;
}

/**
 * A zip of the files, in the order given, every entry dated `mtime` (so the same pack written
 * twice is the same bytes), deflated with fflate. `onEntry` is called after each file with its
 * inflated size.
 */
export function writeZip(files: readonly ZipInput[], mtime: Date, onEntry?: (bytes: number) => void): Uint8Array {
  return zipFiles(
    files.map((file) => {
      const out = fflateZipFile(file);
      onEntry?.(file.bytes.length);
      return out;
    }),
    mtime,
  );
}

/** A file stored, or deflated with fflate at its level, as writeZip puts it in the zip. */
export function fflateZipFile(file: ZipInput): ZipFile {
  const level = file.level ?? DEFAULT_DEFLATE_LEVEL;
  const data = file.compress ? deflateSync(file.bytes, { level }) : file.bytes;
  return { path: file.path, data, deflated: file.compress, size: file.bytes.length, crc32: crc32(file.bytes), level };
}

/** A file as the zip's headers describe it. */
interface PackedFile {
  name: Uint8Array;
  method: 0 | 8;
  data: Uint8Array;
  size: number;
  crc32: number;
  /** Bits 1–2 of the flags: the deflate option (0 normal, 2 fast, 3 super fast), as zip tools show it. */
  option: number;
}

function packedFile(file: ZipFile): PackedFile {
  const name = strToU8(file.path);
  if (!file.deflated) return { name, method: 0, data: file.data, size: file.size, crc32: file.crc32, option: 0 };
  // As zip tools (and fflate) label the levels: 1 super fast, 2–5 fast, 9 maximum, others normal.
  const { level } = file;
  const option = level === 1 ? 3 : level < 6 ? 2 : level === 9 ? 1 : 0;
  return { name, method: 8, data: file.data, size: file.size, crc32: file.crc32, option };
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
/** Version 2.0: deflate, folders; all a pack needs. */
const ZIP_VERSION = 20;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_FLAG = 0x0800;

/**
 * The zip of the files, in the order given, every entry dated `mtime`: each a local header
 * (sizes and CRC-32 in it, so no data descriptors) and its data, then the central directory and
 * its end record. No ZIP64: a pack never comes near 4 GiB or 65,535 files, and a RangeError
 * says so if one would.
 */
export function zipFiles(zipped: readonly ZipFile[], mtime: Date): Uint8Array {
  const files = zipped.map(packedFile);
  if (files.length >= 0xffff) throw new RangeError(`A pack cannot hold ${files.length} files.`);
  let dataLength = 0;
  let directoryLength = 0;
  for (const f of files) {
    dataLength += LOCAL_HEADER + f.name.length + f.data.length;
    directoryLength += CENTRAL_HEADER + f.name.length;
  }
  if (dataLength + directoryLength + EOCD_SIZE >= 0xffffffff) throw new RangeError('A pack cannot be 4 GiB or more.');
  const out = new Uint8Array(dataLength + directoryLength + EOCD_SIZE);
  const view = new DataView(out.buffer);
  const { time, date } = dosDateTime(mtime);
  const offsets: number[] = [];
  let at = 0;
  const header = (f: PackedFile, central: boolean): void => {
    view.setUint32(at, central ? CENTRAL_SIGNATURE : LOCAL_SIGNATURE, true);
    if (central) {
      view.setUint16(at + 4, ZIP_VERSION, true); // made by: MS-DOS (0), version 2.0
      at += 2;
    }
    const flags = (isAscii(f.name) ? 0 : UTF8_FLAG) | (f.option << 1);
    view.setUint16(at + 4, ZIP_VERSION, true);
    view.setUint16(at + 6, flags, true);
    view.setUint16(at + 8, f.method, true);
    view.setUint16(at + 10, time, true);
    view.setUint16(at + 12, date, true);
    view.setUint32(at + 14, f.crc32, true);
    view.setUint32(at + 18, f.data.length, true);
    view.setUint32(at + 22, f.size, true);
    view.setUint16(at + 26, f.name.length, true);
    view.setUint16(at + 28, 0, true); // extra field
    at += 30;
  };
  for (const f of files) {
    offsets.push(at);
    header(f, false);
    out.set(f.name, at);
    at += f.name.length;
    out.set(f.data, at);
    at += f.data.length;
  }
  const directoryOffset = at;
  files.forEach((f, i) => {
    header(f, true);
    // comment length, disk number, internal and external attributes (10 bytes): all zero
    view.setUint32(at + 10, offsets[i]!, true);
    at += 14;
    out.set(f.name, at);
    at += f.name.length;
  });
  view.setUint32(at, EOCD_SIGNATURE, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, at - directoryOffset, true);
  view.setUint32(at + 16, directoryOffset, true);
  return out;
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7f) return false;
  return true;
}

/** The MS-DOS time and date of a local time (as fflate writes them), seconds halved. */
function dosDateTime(mtime: Date): { time: number; date: number } {
  const year = mtime.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new RangeError('A zip entry must be dated between 1980 and 2099.');
  return {
    time: (mtime.getHours() << 11) | (mtime.getMinutes() << 5) | (mtime.getSeconds() >> 1),
    date: (year << 9) | ((mtime.getMonth() + 1) << 5) | mtime.getDate(),
  };
}

/** The end-of-central-directory record's offset, searching back over a possible comment; -1 if none. */
function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (bytes[at] === 0x50 && u32(bytes, at) === EOCD_SIGNATURE && at + EOCD_SIZE + u16(bytes, at + 20) <= bytes.length) return at;
  }
  return -1;
}

function startsWithLocalHeader(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && u32(bytes, 0) === LOCAL_SIGNATURE;
}

/** Names are UTF-8 in the zips packs are (fflate sets the flag); anything undecodable shows as U+FFFD. */
function decodeName(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** A name as a message may quote it: control characters shown as "?", long names cut. */
export function printable(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean;
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0;
}

/** Eight tables of 256 entries: table k gives the CRC of a byte followed by k zero bytes. */
let crcTables: Uint32Array | null = null;

function crcTablesOnce(): Uint32Array {
  if (crcTables) return crcTables;
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  }
  crcTables = t;
  return t;
}

/**
 * The CRC-32 zip uses (IEEE 802.3), eight bytes a step ("slicing by 8"): the same value as the
 * byte-at-a-time table, three to four times as fast on the megabytes of a pack's JSON.
 */
export function crc32(bytes: Uint8Array): number {
  const t = crcTablesOnce();
  let crc = 0xffffffff;
  const n = bytes.length;
  const whole = n - (n % 8);
  let i = 0;
  for (; i < whole; i += 8) {
    const a = (crc ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))) >>> 0;
    crc =
      t[7 * 256 + (a & 0xff)]! ^
      t[6 * 256 + ((a >>> 8) & 0xff)]! ^
      t[5 * 256 + ((a >>> 16) & 0xff)]! ^
      t[4 * 256 + (a >>> 24)]! ^
      t[3 * 256 + bytes[i + 4]!]! ^
      t[2 * 256 + bytes[i + 5]!]! ^
      t[256 + bytes[i + 6]!]! ^
      t[bytes[i + 7]!]!;
  }
  for (; i < n; i++) crc = t[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
