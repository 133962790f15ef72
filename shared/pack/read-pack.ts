/**
 * Reading a pack, which is untrusted input: a file from a stranger may be damaged, altered by
 * hand, made by a newer Marginalia, or built to do harm (a zip bomb, paths that climb out of a
 * folder, script hidden in text, a program renamed `.jpg`). Every refusal is an ImportError
 * whose message names the problem in words a historian can act on; what is merely ignored or
 * tidied is listed in `warnings`.
 *
 * The order of checks matters: sizes, counts and names from the zip's directory first (before
 * anything is inflated), then the manifest (format and version, before anything else is read),
 * then each entry against the manifest's size and SHA-256, then its content.
 */
import type { Annotation } from '../annotation';
import { ImportError } from '../importers/import-error';
import { findTruncation, readImageSize, scanFormatMime, scanFormatName, sniffScanFormat } from '../importers/scan-format';
import { ANNOTATION_CONTEXT, annotationFromJsonLd, kindOfMotivation } from './annotation-jsonld';
import { decodeUtf8, fail, Fields, isPlainObject, PackFormatError, parseJson } from './checks';
import { readDocumentEntry } from './document-entry';
import {
  ANNOTATIONS_PATH,
  DEFAULT_PACK_LIMITS,
  DOCUMENTS_FOLDER,
  formatSize,
  MANIFEST_PATH,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  parseFormatVersion,
  SCANS_FOLDER,
  versionCompatibility,
  type PackLimits,
} from './format';
import type { PackDocument, PackFileEntry, PackManifest, ParsedPack } from './types';
import { sha256Hex, sha256HexAsync } from './native';
import { printable, readZipDirectory, readZipEntry, readZipEntryAsync, ZipFormatError, type ZipEntry } from './zip';

export interface ReadPackOptions {
  /** The file's name, for messages (default "pack.mpack"). */
  fileName?: string;
  /** Stricter (or looser) limits than DEFAULT_PACK_LIMITS, e.g. in tests. */
  limits?: Partial<PackLimits>;
  /** Called as entries are read: bytes done, of all to read. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads and checks a pack, in JavaScript from end to end (fflate's inflate, @noble/hashes'
 * SHA-256); throws ImportError naming the file and the problem.
 */
export function readPack(bytes: Uint8Array, options: ReadPackOptions = {}): ParsedPack {
  const fileName = options.fileName ?? 'pack.mpack';
  const limits: PackLimits = { ...DEFAULT_PACK_LIMITS, ...options.limits };
  try {
    const steps = readChecked(bytes, limits, options.onProgress);
    for (let step = steps.next(); ; ) {
      if (step.done) return step.value;
      const data = readZipEntry(bytes, step.value.entry);
      step = steps.next({ data, sha256: step.value.hash ? sha256Hex(data) : '' });
    }
  } catch (error) {
    throw importError(fileName, error);
  }
}

/**
 * The same checks, inflating with the host's own zlib (`DecompressionStream`, under the same
 * bounds) and hashing with its WebCrypto where it has them, else as readPack does: the
 * inflating and hashing of a large pack take a fraction of the JavaScript's time. The app and
 * the command-line tool use it.
 */
export async function readPackAsync(bytes: Uint8Array, options: ReadPackOptions = {}): Promise<ParsedPack> {
  const fileName = options.fileName ?? 'pack.mpack';
  const limits: PackLimits = { ...DEFAULT_PACK_LIMITS, ...options.limits };
  try {
    const steps = readChecked(bytes, limits, options.onProgress);
    for (let step = steps.next(); ; ) {
      if (step.done) return step.value;
      const data = await readZipEntryAsync(bytes, step.value.entry);
      step = steps.next({ data, sha256: step.value.hash ? await sha256HexAsync(data) : '' });
    }
  } catch (error) {
    throw importError(fileName, error);
  }
}

function importError(fileName: string, error: unknown): ImportError {
  if (error instanceof PackFormatError || error instanceof ZipFormatError) return new ImportError(fileName, error.message);
  if (error instanceof ImportError) return error;
  // Anything else is a case the checks above did not foresee; still a refusal, not a crash.
  const detail = error instanceof Error ? error.message : String(error);
  return new ImportError(fileName, `it could not be read (${detail.slice(0, 300)})`);
}

/** What the checks ask of the reader: an entry's bytes (inflated, CRC-32 checked), and their SHA-256 if `hash`. */
interface EntryWanted {
  entry: ZipEntry;
  hash: boolean;
}

interface EntryRead {
  data: Uint8Array;
  /** Hexadecimal; empty unless asked for. */
  sha256: string;
}

type Reading<T> = Generator<EntryWanted, T, EntryRead>;

type EntryKind = 'manifest' | 'annotations' | 'document' | 'scan' | 'other';

function kindOf(name: string): EntryKind {
  if (name === MANIFEST_PATH) return 'manifest';
  if (name === ANNOTATIONS_PATH) return 'annotations';
  if (name.startsWith(DOCUMENTS_FOLDER) && name.endsWith('.json') && !name.slice(DOCUMENTS_FOLDER.length).includes('/')) return 'document';
  if (name.startsWith(SCANS_FOLDER) && !name.slice(SCANS_FOLDER.length).includes('/') && name.length > SCANS_FOLDER.length) return 'scan';
  return 'other';
}

/**
 * Every check, in order. The entries' bytes come from the caller, which answers each
 * EntryWanted yielded (synchronously for readPack, natively and asynchronously for
 * readPackAsync), so that the two share every check.
 */
function* readChecked(bytes: Uint8Array, limits: PackLimits, onProgress?: (done: number, total: number) => void): Reading<ParsedPack> {
  const warnings: string[] = [];
  if (bytes.length > limits.maxPackBytes) {
    fail(`it is ${formatSize(bytes.length)}, larger than the limit of ${formatSize(limits.maxPackBytes)} for a pack`);
  }
  if (bytes.length === 0) fail('the file is empty');

  // 1. The zip's directory: names, sizes, ratios — nothing inflated yet.
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  for (const entry of readZipDirectory(bytes, limits.maxEntries)) {
    checkEntryName(entry.name);
    if (entries.has(entry.name)) fail(`it holds two files named “${printable(entry.name)}”; a pack made by Marginalia never does`);
    entries.set(entry.name, entry);
    if (entry.name.endsWith('/')) continue; // a folder entry, as some zip tools add
    const kind = kindOf(entry.name);
    if (kind === 'other') continue; // never inflated
    const limit = entryLimit(kind, limits);
    if (entry.size > limit) {
      fail(`its file “${printable(entry.name)}” would be ${formatSize(entry.size)} when unpacked, larger than the limit of ${formatSize(limit)}`);
    }
    if (entry.size > limits.ratioFloorBytes && entry.size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
      fail(
        `its file “${printable(entry.name)}” would expand from ${formatSize(entry.compressedSize)} to ${formatSize(entry.size)}, ` +
          `far more than real packs compress; it looks built to exhaust the computer’s memory (a “zip bomb”)`,
      );
    }
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      fail(`its files would take more than ${formatSize(limits.maxTotalBytes)} when unpacked, larger than the limit for a pack`);
    }
  }

  const manifestEntry = entries.get(MANIFEST_PATH);
  if (!manifestEntry) fail('it is not a Marginalia pack: it has no manifest.json');
  let done = 0;
  onProgress?.(0, total);
  function* inflate(entry: ZipEntry, hash: boolean): Reading<EntryRead> {
    const read = yield { entry, hash };
    done += read.data.length;
    onProgress?.(done, total);
    return read;
  }

  // 2. The manifest: format and version before anything else.
  const manifestBytes = (yield* inflate(manifestEntry, false)).data;
  const manifest = readManifest(parseJson(decodeUtf8(manifestBytes, MANIFEST_PATH), MANIFEST_PATH), limits, warnings);
  const listed = new Map<string, PackFileEntry>(manifest.contents.files.map((f) => [f.path, f]));
  for (const path of listed.keys()) {
    if (!entries.has(path)) fail(`it is incomplete: its manifest lists the file “${printable(path)}”, which is not in it`);
  }
  for (const [name, entry] of entries) {
    if (name === MANIFEST_PATH || name.endsWith('/')) continue;
    const kind = kindOf(name);
    if (kind === 'other') {
      warnings.push(`The file “${printable(name)}” in the pack is not one Marginalia knows; it was ignored.`);
    } else if (!listed.has(name)) {
      fail(`its file “${printable(name)}” is not listed in its manifest, so the pack was altered after it was made`);
    } else if (listed.get(name)!.bytes !== entry.size) {
      fail(`its file “${printable(name)}” is not the size its manifest gives, so the pack is damaged or was altered`);
    }
  }
  /** An entry's bytes, checked against the manifest's SHA-256. */
  function* readListed(name: string): Reading<Uint8Array> {
    const { data, sha256 } = yield* inflate(entries.get(name)!, true);
    if (sha256 !== listed.get(name)!.sha256) {
      fail(`its file “${printable(name)}” does not match the checksum in its manifest, so the pack is damaged or was altered`);
    }
    return data;
  }
  function* readJson(name: string): Reading<unknown> {
    return parseJson(decodeUtf8(yield* readListed(name), name), name);
  }

  // 3. Documents, with their transcriptions and scans.
  const documents: PackDocument[] = [];
  const documentEntries = new Map<string, string>();
  const scanIds = new Map<string, string>();
  const scanFiles = new Map<string, { documentIndex: number; scanIndex: number; thumbnail: boolean }[]>();
  for (const name of entries.keys()) {
    if (kindOf(name) !== 'document') continue;
    const { document, files } = readDocumentEntry(yield* readJson(name), name, limits, warnings);
    const id = document.record.id;
    if (documentEntries.has(id)) fail(`two of its documents have the id “${id}” (${documentEntries.get(id)} and ${name})`);
    documentEntries.set(id, name);
    if (documentEntries.size > limits.maxDocuments) fail(`it holds more than ${limits.maxDocuments} documents, the most a pack may have`);
    document.scans.forEach((scan, scanIndex) => {
      if (scanIds.has(scan.id)) fail(`two of its scans have the id “${scan.id}” (in ${scanIds.get(scan.id)} and ${name})`);
      scanIds.set(scan.id, name);
      const paths = files.get(scan.id)!;
      for (const [path, thumbnail] of [[paths.file, false], [paths.thumbnail, true]] as const) {
        if (path === null) continue;
        if (!entries.has(path)) fail(`it is incomplete: the scan “${scan.id}” of ${name} is the file “${printable(path)}”, which is not in the pack`);
        const uses = scanFiles.get(path) ?? [];
        uses.push({ documentIndex: documents.length, scanIndex, thumbnail });
        scanFiles.set(path, uses);
      }
    });
    if (scanIds.size > limits.maxScans) fail(`it holds more than ${limits.maxScans} scans, the most a pack may have`);
    documents.push(document);
  }
  if (manifest.contents.documentIds.some((id) => !documentEntries.has(id)) || manifest.contents.documentIds.length !== documents.length) {
    warnings.push('The manifest’s list of documents does not match the documents in the pack; the documents themselves were read.');
  }
  for (const [path, uses] of scanFiles) {
    const data = yield* readListed(path);
    for (const use of uses) {
      const scan = documents[use.documentIndex]!.scans[use.scanIndex]!;
      checkImage(data, path, scan.id, use.thumbnail, limits, warnings, scan);
      if (use.thumbnail) scan.thumbnail = data;
      else scan.bytes = data;
    }
  }
  for (const [name] of entries) {
    if (kindOf(name) === 'scan' && !scanFiles.has(name)) warnings.push(`The image “${printable(name)}” in the pack belongs to no scan; it was ignored.`);
  }

  // 4. Annotations.
  if (!entries.has(ANNOTATIONS_PATH)) fail(`it is incomplete: it has no ${ANNOTATIONS_PATH}`);
  const newer = versionCompatibility(parseFormatVersion(manifest.formatVersion)!) === 'newer-minor';
  const annotations = readAnnotations(yield* readJson(ANNOTATIONS_PATH), limits, warnings, newer);
  const documentIds = new Set(documentEntries.keys());
  const scansOf = new Map(documents.map((d) => [d.record.id, new Set(d.scans.map((s) => s.id))]));
  for (const a of annotations) {
    if (!documentIds.has(a.documentId)) {
      fail(`the annotation “${a.id}” belongs to the document “${a.documentId}”, which is not in the pack`);
    }
    if (a.target.type === 'region' && !scansOf.get(a.documentId)!.has(a.target.scanId)) {
      warnings.push(`The region of annotation “${a.id}” is on a scan (“${a.target.scanId}”) that the pack does not list; it is kept, but may not be shown.`);
    }
  }

  // Entries that turned out to be unused were counted in the total but not read.
  if (done < total) onProgress?.(total, total);

  const counts = manifest.contents;
  const scanTotal = documents.reduce((n, d) => n + d.scans.length, 0);
  if (counts.annotations !== annotations.length || counts.scans !== scanTotal || counts.documents !== documents.length) {
    warnings.push('The counts in the manifest do not match what the pack holds; what it holds was read.');
  }
  return { manifest, documents, annotations, warnings };
}

function entryLimit(kind: Exclude<EntryKind, 'other'>, limits: PackLimits): number {
  switch (kind) {
    case 'manifest':
      return limits.maxManifestBytes;
    case 'annotations':
      return limits.maxAnnotationsBytes;
    case 'document':
      return limits.maxDocumentBytes;
    case 'scan':
      return limits.maxScanBytes;
  }
}

/** Refuses names that could climb out of a folder, point elsewhere on the disk, or hide characters. */
function checkEntryName(name: string): void {
  const shown = printable(name);
  if (name === '' || name.length > 1024) fail(`it holds a file with ${name === '' ? 'no name' : 'a name over 1,024 characters long'}`);
  if (name.includes('\\')) fail(`it holds a file named “${shown}” with a backslash in its name, which a pack made by Marginalia never has (it could point outside the pack’s folders)`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) fail(`it holds a file with the absolute path “${shown}”, which points outside the pack`);
  if (name.split('/').some((part) => part === '..')) fail(`it holds a file named “${shown}”, which climbs out of the pack’s folders with “..”`);
  if (/[\u0000-\u001f\u007f\ufffd]/.test(name)) fail(`it holds a file whose name (“${shown}”) has control characters or cannot be read`);
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function readManifest(json: unknown, limits: PackLimits, warnings: string[]): PackManifest {
  const m: Fields = Fields.of(json, 'the manifest (manifest.json)');
  const format = m.has('format') && typeof m.value.format === 'string' ? m.value.format : '';
  if (format !== PACK_FORMAT) {
    fail(`it is not a Marginalia pack: its manifest names the format “${printable(format || '(none)')}” instead of “${PACK_FORMAT}”`);
  }
  const formatVersion = m.string('formatVersion', { maxLength: 32 });
  const version = parseFormatVersion(formatVersion);
  if (!version) m.problem('formatVersion', 'a version such as “1.0”');
  const ours = parseFormatVersion(PACK_FORMAT_VERSION)!;
  switch (versionCompatibility(version)) {
    case 'newer-major':
      fail(
        `it was made by a newer version of Marginalia, in pack format ${formatVersion}, which this version (reading format ${ours.major}.x) cannot read safely. Update Marginalia to import it.`,
      );
      break;
    case 'newer-minor':
      warnings.push(
        `This pack was made by a newer version of Marginalia (pack format ${formatVersion}; this version reads ${PACK_FORMAT_VERSION}). Everything this version knows was read; anything newer in it was left out. Update Marginalia to import it completely.`,
      );
      break;
    default:
      break;
  }
  const creator = m.object('creator', 'the creator in the manifest');
  const contents = m.object('contents', 'the contents in the manifest');
  const files = contents.array('files', limits.maxEntries).map((raw, i): PackFileEntry => {
    const f = Fields.of(raw, `file ${i + 1} in the manifest’s list`);
    return {
      path: f.string('path', { nonEmpty: true, maxLength: 1024 }),
      bytes: f.integer('bytes', 0, Number.MAX_SAFE_INTEGER),
      sha256: (() => {
        const hash = f.string('sha256', { maxLength: 64 });
        if (!SHA256_HEX.test(hash)) f.problem('sha256', '64 hexadecimal digits');
        return hash;
      })(),
    };
  });
  const paths = new Set<string>();
  for (const file of files) {
    if (paths.has(file.path)) fail(`its manifest lists the file “${printable(file.path)}” twice`);
    paths.add(file.path);
  }
  return {
    format,
    formatVersion,
    generator: m.optionalString('generator'),
    creator: { id: creator.string('id', { nonEmpty: true, maxLength: 1024 }), name: creator.string('name', { maxLength: 1024 }) },
    created: m.dateTime('created'),
    contents: {
      documents: contents.integer('documents', 0, Number.MAX_SAFE_INTEGER),
      annotations: contents.integer('annotations', 0, Number.MAX_SAFE_INTEGER),
      scans: contents.integer('scans', 0, Number.MAX_SAFE_INTEGER),
      scansIncluded: contents.boolean('scansIncluded'),
      documentIds: contents.strings('documentIds', limits.maxDocuments, { maxLength: 1024 }),
      files,
    },
  };
}

/**
 * The annotations of the collection. A pack of a newer minor version may hold kinds of
 * annotation this version does not know (a new motivation): those are left out, and counted in
 * a warning; in any other pack an unknown motivation is an error.
 */
function readAnnotations(json: unknown, limits: PackLimits, warnings: string[], newerMinor: boolean): Annotation[] {
  const c = Fields.of(json, `the annotation collection (${ANNOTATIONS_PATH})`);
  const context = c.value['@context'];
  if (!(context === ANNOTATION_CONTEXT || (Array.isArray(context) && context.includes(ANNOTATION_CONTEXT)))) {
    c.problem('@context', `a list that includes “${ANNOTATION_CONTEXT}”`);
  }
  if (c.value.type !== 'AnnotationCollection') c.problem('type', '“AnnotationCollection”');
  const page = c.object('first', `the first page of ${ANNOTATIONS_PATH}`);
  if (page.value.type !== 'AnnotationPage') page.problem('type', '“AnnotationPage”');
  if (page.has('next')) fail(`${ANNOTATIONS_PATH} has more than one page; a pack keeps every annotation on its first`);
  const items = page.array('items', limits.maxAnnotations);
  if (c.has('total') && c.value.total !== items.length) {
    warnings.push(`${ANNOTATIONS_PATH} says it holds ${String(c.value.total)} annotations but holds ${items.length}; those it holds were read.`);
  }
  const notes = { warnings };
  const seen = new Set<string>();
  const annotations: Annotation[] = [];
  let unknownKinds = 0;
  items.forEach((item, i) => {
    if (newerMinor && isPlainObject(item) && kindOfMotivation(item.motivation) === null) {
      unknownKinds++;
      return;
    }
    const annotation = annotationFromJsonLd(item, `annotation ${i + 1} of ${ANNOTATIONS_PATH}`, limits, notes);
    if (seen.has(annotation.id)) fail(`two of its annotations have the id “${annotation.id}”`);
    seen.add(annotation.id);
    annotations.push(annotation);
  });
  if (unknownKinds > 0) {
    warnings.push(`${unknownKinds} annotation${unknownKinds === 1 ? ' is' : 's are'} of a kind this version of Marginalia does not know; ${unknownKinds === 1 ? 'it was' : 'they were'} left out.`);
  }
  return annotations;
}

/** Refuses bytes that are not the image they claim to be, cut-off images and images too large to show. */
function checkImage(
  data: Uint8Array,
  path: string,
  scanId: string,
  thumbnail: boolean,
  limits: PackLimits,
  warnings: string[],
  scan: { mime: string; size: number },
): void {
  const what = thumbnail ? `the thumbnail of scan “${scanId}” (${printable(path)})` : `the scan “${scanId}” (${printable(path)})`;
  const format = sniffScanFormat(data);
  if (!format || format === 'pdf') {
    fail(`${what} claims to be an image, but its bytes are not a JPEG, PNG, WebP or TIFF image${format === 'pdf' ? ' (they are a PDF)' : ''}`);
  }
  const truncation = findTruncation(format, data);
  if (truncation) fail(`${what} cannot be used: ${truncation}`);
  const size = readImageSize(format, data);
  if (!size || size.width < 1 || size.height < 1) fail(`${what} cannot be used: its image header gives no size`);
  if (size.width * size.height > limits.maxScanPixels) {
    fail(`${what} is ${size.width} × ${size.height} pixels, more than the ${limits.maxScanPixels / 1_000_000} megapixels an image may have`);
  }
  if (thumbnail) return;
  const mime = scanFormatMime(format);
  if (scan.mime !== mime) {
    warnings.push(`The scan “${scanId}” said it is ${scan.mime} but is a ${scanFormatName(format)} image; it is treated as one.`);
    scan.mime = mime;
  }
  scan.size = data.length;
}
