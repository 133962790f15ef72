/**
 * Writing a pack: the chosen documents with their transcriptions and scans, their annotations
 * as a W3C AnnotationCollection, and a manifest listing every file with its size and SHA-256.
 */
import { strToU8 } from 'fflate';
import type { Annotation } from '../annotation';
import { scanFormatMime, sniffScanFormat, type ScanFormat } from '../importers/scan-format';
import { annotationCollection, annotationItemsJson, COLLECTION_TAIL, collectionHash, collectionHeadJson, type CollectionOptions } from './annotation-jsonld';
import { DeflaterFailure, inThreadDeflater, startDeflateWorker, type DeflatedEntry, type EntryDeflater } from './deflate-worker';
import { documentEntryJson, documentEntryPath, scanEntryPath } from './document-entry';
import { ANNOTATIONS_PATH, MANIFEST_PATH, PACK_FORMAT, PACK_FORMAT_VERSION } from './format';
import type { PackDocument, PackFileEntry, PackInput, PackInputInParts, PackManifest, WritePackOptions } from './types';
import { sha256Hex, sha256HexAsync } from './native';
import { DEFAULT_DEFLATE_LEVEL, fflateZipFile, NATIVE_MIN_BYTES, writeZip, zipFiles, type DeflateLevel, type ZipFile, type ZipInput } from './zip';

/**
 * JSON entries at least this large (the annotations of a big library, a long transcription) are
 * deflated at LARGE_ENTRY_LEVEL: most of the time of writing a large pack went into deflating
 * them at the default level. Measured on the annotations of a library of 11,000 (19.6 MB of
 * JSON-LD): level 1 takes about 60 % of the default level's time for a 19 % larger entry
 * (3.2 MiB against 2.7); smaller entries keep the default.
 */
export const LARGE_ENTRY_BYTES = 256 * 1024;
export const LARGE_ENTRY_LEVEL: DeflateLevel = 1;

/**
 * JSON entries smaller than this (the document entries of a library of letters and telegrams,
 * a few kilobytes each) are stored, not deflated. Deflating them is fflate's work on the page,
 * at 10–20 MB/s plus a fixed cost per entry: for the 1,000 document entries of the benchmark's
 * library (about 2 KB each) it was 150–300 ms of a 1.6 s export, to save about a kilobyte per
 * entry (the pack is about 6.0 MB instead of 4.9). Longer transcriptions, where deflating
 * saves more than it costs in proportion, are deflated as before.
 */
export const STORED_ENTRY_BYTES = 16 * 1024;

const EXTENSIONS: Readonly<Record<Exclude<ScanFormat, 'pdf'>, string>> = { jpeg: 'jpg', png: 'png', webp: 'webp', tiff: 'tif' };

/** The annotations a pack of these options carries: those of the chosen documents, by the chosen authors, of the chosen kinds. */
export function selectPackAnnotations(annotations: readonly Annotation[], documentIds: ReadonlySet<string>, options: WritePackOptions): Annotation[] {
  const authors = options.authorIds ? new Set(options.authorIds) : null;
  const kinds = options.kinds ? new Set(options.kinds) : null;
  return annotations.filter(
    (a) => documentIds.has(a.documentId) && (!authors || authors.has(a.creator.id)) && (!kinds || kinds.has(a.kind)),
  );
}

/**
 * The pack as the bytes of a `.mpack` file, in JavaScript from end to end (fflate's deflate,
 * @noble/hashes' SHA-256). Throws a RangeError for input the app never holds: a document id
 * asked for that is not in the input, two documents with one id, a scan whose bytes are not a
 * JPEG, PNG, WebP or TIFF image. The app, the command-line tool and backups use
 * writePackAsync, whose deflating and hashing of a large library take a fraction of the time.
 */
export function writePack(input: PackInput, options: WritePackOptions = {}): Uint8Array {
  const plan = planPack(input, options);
  const annotations = selectPackAnnotations(input.annotations, plan.documentIds, options);
  const files = [...plan.files, jsonEntry(ANNOTATIONS_PATH, jsonBytes(annotationCollection(annotations, collectionOptions(plan, annotations))))];
  const manifest = manifestFile(plan, annotations.length, files.map((f) => ({ path: f.path, bytes: f.bytes.length, sha256: sha256Hex(f.bytes) })));
  const all = [manifest, ...files];
  return writeZip(all, zipDate(plan.created), progress(all, options));
}

/**
 * The same pack, made with the host's own deflate (`CompressionStream`) and SHA-256
 * (`crypto.subtle`) where it has them — Chromium and Node both do — else as writePack makes it.
 * In a browser the large entries are deflated and hashed in a Web Worker (deflate-worker.ts),
 * the annotations' JSON in pieces as it is made, so that the worker's half of the work
 * overlaps the page's; the small ones, a thousand document entries of a few kilobytes in a
 * large library, are stored (STORED_ENTRY_BYTES). Where no worker can be started (Node, a page
 * whose policy forbids it) the page does it all, the large entries with the host's zlib. The
 * zip differs from writePack's only in how its large entries are deflated; both read the same
 * anywhere.
 *
 * `input` may be a promise of it, the library still being read: the worker is started first,
 * so that it is ready when the input comes (a worker takes 50–200 ms to start, and cannot start
 * while the page is busy; started here after the reading, the page would wait for it). Its
 * annotations may come in parts (PackInputInParts): the worker then deflates the JSON of the
 * first while the next are read. The collection's head, which counts and hashes them all, is
 * put before them once they are all in, stored (deflate-worker.ts).
 */
export async function writePackAsync(
  input: PackInput | PackInputInParts | Promise<PackInput | PackInputInParts>,
  options: WritePackOptions = {},
): Promise<Uint8Array> {
  const worker = startDeflateWorker();
  let given: PackInput | PackInputInParts;
  let plan: PackPlan;
  try {
    given = await input;
    plan = planPack(given, options);
  } catch (error) {
    worker?.close();
    throw error;
  }
  const parts = 'annotationParts' in given ? given.annotationParts : [Promise.resolve(given.annotations)];
  // A part that fails is reported when its turn comes.
  for (const part of parts) part.catch(() => undefined);
  if (worker) {
    try {
      await worker.ready;
      return await zipPlan(plan, parts, options, worker);
    } catch (error) {
      if (!(error instanceof DeflaterFailure)) throw error;
      // The worker could not do its part (it did not start, say). It took the plan's JSON
      // bytes over, so the page makes them again and does it all.
    } finally {
      worker.close();
    }
  }
  return zipPlan(worker ? planPack(given, { ...options, created: plan.created }) : plan, parts, options, null);
}

/** What a pack holds: every entry but the annotations and the manifest made, and what those are made of. */
interface PackPlan {
  created: string;
  /** The scans and document entries, in the zip's order. */
  files: ZipInput[];
  /** The documents packed: their annotations are the pack's (selectPackAnnotations). */
  documentIds: ReadonlySet<string>;
  /** How the annotations are written; the collection's id, a hash of them all, is added once they are known (collectionOptions). */
  collection: Omit<CollectionOptions, 'id'>;
  manifest: Omit<PackManifest, 'contents'> & { contents: Omit<PackManifest['contents'], 'files' | 'annotations'> };
}

/** The collection's options for these annotations: its id is a hash of them. */
function collectionOptions(plan: PackPlan, annotations: readonly Annotation[]): CollectionOptions {
  return { ...plan.collection, id: `urn:marginalia:pack:${collectionHash(annotations, plan.created)}` };
}

/** An entry as the zip holds it, with the SHA-256 (hex) of its bytes for the manifest. */
type PackedFile = ZipFile & { sha256: string };

/**
 * The zip of a plan and its annotations (in parts, as they come), its entries deflated and
 * hashed by `worker` when given, else on this thread. The work is ordered so that the worker has
 * its share early and the page does its own meanwhile: the large entries go to the worker first
 * (their bytes handed over); then the page hashes the small entries (stored) and the scans (the
 * caller's bytes, stored as they are), deflating the middling ones with fflate (the same bytes
 * with or without a worker), while the annotations are still being read; then each part of the
 * annotations' JSON is made and stringified a piece at a time and sent as each piece is made,
 * and the collection's head last. Without a worker the page does all of it, the large entries
 * with the host's zlib where it has one.
 */
async function zipPlan(plan: PackPlan, parts: ReadonlyArray<Promise<readonly Annotation[]>>, options: WritePackOptions, worker: EntryDeflater | null): Promise<Uint8Array> {
  const native = worker ?? inThreadDeflater();
  const deflatesNatively = (file: ZipInput): boolean => file.compress && file.bytes.length >= NATIVE_MIN_BYTES && native !== null;
  const deflated = (path: string, d: DeflatedEntry): PackedFile => ({ path, data: d.data, deflated: true, size: d.size, crc32: d.crc32, level: DEFAULT_DEFLATE_LEVEL, sha256: d.sha256 });
  const pack = (file: ZipInput): Promise<PackedFile> => {
    if (deflatesNatively(file)) return native!.deflate(file.bytes).then((d) => deflated(file.path, d));
    const zipped = fflateZipFile(file);
    return sha256HexAsync(file.bytes).then((sha256) => ({ ...zipped, sha256 }));
  };

  const progress = entryProgress(options);
  const known = plan.files.reduce((n, f) => n + f.bytes.length, 0);
  const natives: Array<Promise<PackedFile> | null> = plan.files.map((file) => (deflatesNatively(file) ? pack(file).then(progress.done) : null));
  const files = plan.files.map((file, i) => natives[i] ?? pack(file).then(progress.done));

  const annotations: Annotation[] = [];
  let entry: Promise<PackedFile>;
  if (worker) {
    // Every piece is encoded here and its bytes handed over: with `encodeInto` the page encodes
    // the whole in less time than it took to encode half with `encode` and send the other half
    // as text, which the worker then spent as long again to encode (a trace of the benchmark's
    // export: the worker, deflating, was the last to finish).
    const pieces = worker.pieces();
    const utf8 = utf8Encoder();
    for (const part of parts) {
      const selected = selectPackAnnotations(await part, plan.documentIds, options);
      for (const piece of annotationItemsJson(selected, plan.collection, annotations.length === 0)) pieces.push(utf8(piece));
      for (const a of selected) annotations.push(a);
    }
    pieces.push(`${COLLECTION_TAIL}\n`);
    const head = strToU8(collectionHeadJson(annotations, collectionOptions(plan, annotations)));
    const { size, entry: done } = pieces.end(head);
    // (Should the worker fail, the entry's failure is what is reported.)
    size.then((bytes) => progress.start(known + bytes), () => undefined);
    entry = done.then((d) => progress.done(deflated(ANNOTATIONS_PATH, d)));
  } else {
    for (const part of parts) for (const a of selectPackAnnotations(await part, plan.documentIds, options)) annotations.push(a);
    const json = jsonEntry(ANNOTATIONS_PATH, jsonBytes(annotationCollection(annotations, collectionOptions(plan, annotations))));
    progress.start(known + json.bytes.length);
    entry = pack(json).then(progress.done);
  }
  const entries = await Promise.all([...files, entry]);
  const manifest = await pack(manifestFile(plan, annotations.length, entries.map((f) => ({ path: f.path, bytes: f.size, sha256: f.sha256 }))));
  if (native !== worker) native?.close();
  return zipFiles([manifest, ...entries], zipDate(plan.created));
}

/**
 * Progress over the entries (not the manifest, their listing): reported from when every
 * entry's size is known (`start`), then as each is done — those done before, at once.
 */
function entryProgress(options: WritePackOptions): { start(total: number): void; done(file: PackedFile): PackedFile } {
  let total: number | null = null;
  let done = 0;
  return {
    start: (bytes) => {
      total = bytes;
      options.onProgress?.(0, total);
      if (done > 0) options.onProgress?.(done, total);
    },
    done: (file) => {
      done += file.size;
      if (total !== null) options.onProgress?.(done, total);
      return file;
    },
  };
}

function planPack(input: Omit<PackInput, 'annotations'>, options: WritePackOptions): PackPlan {
  const created = options.created ?? new Date().toISOString();
  const byId = new Map<string, PackDocument>();
  for (const d of input.documents) {
    if (byId.has(d.record.id)) throw new RangeError(`Two documents have the id “${d.record.id}”.`);
    byId.set(d.record.id, d);
  }
  const ids = options.documentIds ?? input.documents.map((d) => d.record.id);
  const documents = ids.map((id) => {
    const d = byId.get(id);
    if (!d) throw new RangeError(`There is no document “${id}” to pack.`);
    return d;
  });
  const includeScans = options.includeScans ?? true;

  const files: ZipInput[] = [];
  const scanMimes = new Map<string, string>();
  let scanCount = 0;
  for (const document of documents) {
    const paths = new Map<string, { file: string; thumbnail: string | null }>();
    for (const scan of document.scans) {
      scanCount++;
      scanMimes.set(scan.id, scan.mime);
      if (!includeScans || !scan.bytes) continue;
      const file = scanEntryPath(scan.id, imageExtension(scan.bytes, `scan “${scan.id}”`));
      files.push({ path: file, bytes: scan.bytes, compress: false });
      let thumbnail: string | null = null;
      if (scan.thumbnail) {
        thumbnail = scanEntryPath(scan.id, imageExtension(scan.thumbnail, `the thumbnail of scan “${scan.id}”`), true);
        files.push({ path: thumbnail, bytes: scan.thumbnail, compress: false });
      }
      paths.set(scan.id, { file, thumbnail });
    }
    files.push(jsonEntry(documentEntryPath(document.record.id), jsonBytes(documentEntryJson(document, paths))));
  }

  const collection: Omit<CollectionOptions, 'id'> = {
    marginalia: true,
    label: `Annotations in a Marginalia pack from ${input.creator.name}`,
    creator: input.creator,
    created,
    generator: input.generator,
    scanMimes,
  };

  return {
    created,
    files,
    documentIds: new Set(ids),
    collection,
    manifest: {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      generator: input.generator,
      creator: { id: input.creator.id, name: input.creator.name },
      created,
      contents: {
        documents: documents.length,
        scans: scanCount,
        scansIncluded: includeScans,
        documentIds: [...ids],
      },
    },
  };
}

/** The manifest entry, listing every other file with its size and SHA-256. */
function manifestFile(plan: PackPlan, annotations: number, files: PackFileEntry[]): ZipInput {
  const { documents, ...rest } = plan.manifest.contents;
  // In the order the manifest has always had its fields.
  const manifest: PackManifest = { ...plan.manifest, contents: { documents, annotations, ...rest, files } };
  // The manifest goes first, as readers and people listing the zip look for it there.
  return jsonEntry(MANIFEST_PATH, jsonBytes(manifest, true));
}

/** Reports progress over all the entries: 0 at once, then each entry's bytes as it is done. */
function progress(all: readonly ZipInput[], options: WritePackOptions): (bytes: number) => void {
  const total = all.reduce((n, f) => n + f.bytes.length, 0);
  let done = 0;
  options.onProgress?.(0, total);
  return (bytes) => {
    done += bytes;
    options.onProgress?.(done, total);
  };
}

/** A JSON entry: stored when small, else deflated at the level its size calls for. */
function jsonEntry(path: string, bytes: Uint8Array): ZipInput {
  if (bytes.length < STORED_ENTRY_BYTES) return { path, bytes, compress: false };
  return bytes.length >= LARGE_ENTRY_BYTES ? { path, bytes, compress: true, level: LARGE_ENTRY_LEVEL } : { path, bytes, compress: true };
}

/**
 * Text as UTF-8, each time in a new array of its own (to be handed over), encoded with
 * `encodeInto` into a scratch buffer kept from one call to the next, then copied out: for the
 * megabytes of two-byte text (Cyrillic) of a large pack's pieces, about a quarter faster in
 * Chromium than `TextEncoder.encode`.
 */
function utf8Encoder(): (text: string) => Uint8Array {
  const encoder = new TextEncoder();
  let scratch = new Uint8Array(0);
  return (text) => {
    // A UTF-16 code unit is at most three bytes of UTF-8.
    if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
    const { written } = encoder.encodeInto(text, scratch);
    return scratch.slice(0, written);
  };
}

/**
 * JSON as UTF-8 with a final newline; indented for the manifest, which people open to see what a
 * pack is, compact elsewhere. Stringified once and encoded once (fflate's strToU8 is the host's
 * TextEncoder where there is one).
 */
function jsonBytes(value: unknown, indent = false): Uint8Array {
  return strToU8(`${indent ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);
}

function imageExtension(bytes: Uint8Array, what: string): string {
  const format = sniffScanFormat(bytes);
  if (!format || format === 'pdf') throw new RangeError(`The bytes of ${what} are not a JPEG, PNG, WebP or TIFF image.`);
  return EXTENSIONS[format];
}

/** The MIME type the bytes of an image are, or null. */
export function imageMime(bytes: Uint8Array): string | null {
  const format = sniffScanFormat(bytes);
  return format && format !== 'pdf' ? scanFormatMime(format) : null;
}

/** Zip dates are local times from 1980 on; the pack's creation time, clamped into that range. */
function zipDate(created: string): Date {
  const ms = Date.parse(created);
  const date = new Date(Number.isNaN(ms) ? 315_532_800_000 : ms);
  return date.getUTCFullYear() < 1980 ? new Date(315_532_800_000) : date;
}
