/**
 * Writing a pack: the chosen documents with their transcriptions and scans, their annotations
 * as a W3C AnnotationCollection, and a manifest listing every file with its size and SHA-256.
 */
import { strToU8 } from 'fflate';
import type { Annotation } from '../annotation';
import { scanFormatMime, sniffScanFormat, type ScanFormat } from '../importers/scan-format';
import { annotationCollection, collectionHash } from './annotation-jsonld';
import { documentEntryJson, documentEntryPath, scanEntryPath } from './document-entry';
import { ANNOTATIONS_PATH, MANIFEST_PATH, PACK_FORMAT, PACK_FORMAT_VERSION } from './format';
import type { PackDocument, PackFileEntry, PackInput, PackManifest, WritePackOptions } from './types';
import { sha256Hex, sha256HexAsync } from './native';
import { writeZip, writeZipAsync, type DeflateLevel, type ZipInput } from './zip';

/**
 * JSON entries at least this large (the annotations of a big library, a long transcription) are
 * deflated at LARGE_ENTRY_LEVEL: most of the time of writing a large pack went into deflating
 * them at the default level. Measured on the annotations of a library of 11,000 (19.6 MB of
 * JSON-LD): level 1 takes about 60 % of the default level's time for a 19 % larger entry
 * (3.2 MiB against 2.7); smaller entries keep the default.
 */
export const LARGE_ENTRY_BYTES = 256 * 1024;
export const LARGE_ENTRY_LEVEL: DeflateLevel = 1;

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
  const all = [manifestFile(plan, plan.files.map((f) => sha256Hex(f.bytes))), ...plan.files];
  return writeZip(all, zipDate(plan.created), progress(all, options));
}

/**
 * The same pack, made with the host's own deflate (`CompressionStream`) and SHA-256
 * (`crypto.subtle`) where it has them — Chromium and Node both do — else as writePack makes it.
 * The zip differs from writePack's only in how its large JSON entries are deflated (zlib's
 * default level rather than fflate's); both read the same anywhere.
 */
export async function writePackAsync(input: PackInput, options: WritePackOptions = {}): Promise<Uint8Array> {
  const plan = planPack(input, options);
  const hashes = await Promise.all(plan.files.map((f) => sha256HexAsync(f.bytes)));
  const all = [manifestFile(plan, hashes), ...plan.files];
  return writeZipAsync(all, zipDate(plan.created), progress(all, options));
}

/** What a pack holds, every entry but the manifest made, and the manifest but for the entries' hashes. */
interface PackPlan {
  created: string;
  files: ZipInput[];
  manifest: Omit<PackManifest, 'contents'> & { contents: Omit<PackManifest['contents'], 'files'> };
}

function planPack(input: PackInput, options: WritePackOptions): PackPlan {
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
  const annotations = selectPackAnnotations(input.annotations, new Set(ids), options);

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

  const collection = annotationCollection(annotations, {
    marginalia: true,
    id: `urn:marginalia:pack:${collectionHash(annotations, created)}`,
    label: `Annotations in a Marginalia pack from ${input.creator.name}`,
    creator: input.creator,
    created,
    generator: input.generator,
    scanMimes,
  });
  files.push(jsonEntry(ANNOTATIONS_PATH, jsonBytes(collection)));

  return {
    created,
    files,
    manifest: {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      generator: input.generator,
      creator: { id: input.creator.id, name: input.creator.name },
      created,
      contents: {
        documents: documents.length,
        annotations: annotations.length,
        scans: scanCount,
        scansIncluded: includeScans,
        documentIds: [...ids],
      },
    },
  };
}

/** The manifest entry, listing every file with its size and SHA-256 (`hashes`, in the files' order). */
function manifestFile(plan: PackPlan, hashes: readonly string[]): ZipInput {
  const manifest: PackManifest = {
    ...plan.manifest,
    contents: {
      ...plan.manifest.contents,
      files: plan.files.map((f, i): PackFileEntry => ({ path: f.path, bytes: f.bytes.length, sha256: hashes[i]! })),
    },
  };
  // The manifest goes first, as readers and people listing the zip look for it there.
  return { path: MANIFEST_PATH, bytes: jsonBytes(manifest, true), compress: true };
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

/** A JSON entry, deflated at the level its size calls for. */
function jsonEntry(path: string, bytes: Uint8Array): ZipInput {
  return bytes.length >= LARGE_ENTRY_BYTES ? { path, bytes, compress: true, level: LARGE_ENTRY_LEVEL } : { path, bytes, compress: true };
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
