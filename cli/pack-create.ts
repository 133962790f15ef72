/**
 * `marginalia pack create DOC.txt … [--scans DIR] -o OUT`: a course pack made from text files,
 * as a teacher prepares one for a seminar: each file is imported as the app imports it, and the
 * images in DIR are attached to the documents' sheets by their names.
 *
 * Naming rule for scans: `<text file name without extension>-<sheet>.<ext>`, the sheet counted
 * from 1, or `<name>-<sheet>-<part>.<ext>` when one sheet has several images (parts in order);
 * `<ext>` is jpg, jpeg, png, webp, tif or tiff, in any case. For mao-1951.txt: mao-1951-1.png,
 * mao-1951-2.png, … Files in DIR that match no document are listed and left out.
 */
import { canonicalJson, hashText } from '../shared/annotation-version';
import { checkTextFileSize } from '../shared/importers/decode-text';
import { parseDocumentFile } from '../shared/importers/import-document';
import { checkFileSize, MAX_SCAN_FILE_BYTES } from '../shared/importers/import-error';
import { findTruncation, readImageSize, scanFormatMime, sniffScanFormat } from '../shared/importers/scan-format';
import { transcriptionHash } from '../shared/pack/lineage';
import type { PackDocument, PackScan } from '../shared/pack/types';
import { writePackAsync } from '../shared/pack/write-pack';
import { TRANSCRIPTION_SCHEMA_VERSION, transcriptionFromSheets } from '../shared/transcription/schema';
import { CliFailure, EXIT_OK, UsageError, type CliIo, type Command } from './command';
import { describeFileSystemError, isFileSystemError } from './file-errors';
import { CLI_CREATOR, CLI_GENERATOR, count, creatorFrom, readCommandLine, readInputFile, writeOutputFile } from './pack-files';

export const packCreateCommand: Command = {
  words: ['pack', 'create'],
  arguments: 'DOC.txt… [--scans DIR] -o OUT.mpack [--creator-name NAME] [--creator-id ID]',
  summary: 'make a course pack from .txt/.md documents, with the images in DIR named <document>-<sheet>.<ext> as their scans',
  async run(args, io) {
    const line = readCommandLine('pack create', args, { valued: ['--scans', '--creator-name', '--creator-id'] });
    if (line.files.length === 0) throw new UsageError('pack create needs at least one document file');
    if (!line.output) throw new UsageError('pack create needs -o OUT.mpack');
    const now = new Date().toISOString();
    const documents: Array<{ file: string; base: string; document: PackDocument }> = [];
    for (const file of line.files) {
      const bytes = await readInputFile(io, file, (size) => checkTextFileSize(file, size));
      const document = documentFromText(file, bytes, now);
      const same = documents.find((d) => d.document.record.id === document.record.id);
      if (same) throw new CliFailure(`${file} is the same document as ${same.file}`);
      documents.push({ file, base: baseName(file), document });
    }
    const scansDir = line.values.get('--scans');
    if (scansDir !== undefined) await attachScans(io, scansDir, documents);

    const bytes = await writePackAsync({ documents: documents.map((d) => d.document), annotations: [], creator: creatorFrom(line, CLI_CREATOR), generator: CLI_GENERATOR }, { created: now });
    await writeOutputFile(io, line.output, bytes);
    io.out(`Wrote ${line.output}: ${count(documents.length, 'document')}, ${count(documents.reduce((n, d) => n + d.document.scans.length, 0), 'scan')}\n`);
    for (const { file, document } of documents) {
      io.out(`  ${document.record.title} (${file}): ${count(document.record.sheetCount, 'sheet')}, ${count(document.scans.length, 'scan')}, id ${document.record.id}\n`);
    }
    return EXIT_OK;
  },
};

/**
 * A document as the app imports it. Its id is derived from what it is, so that making the pack
 * again gives the same ids and importing it again changes nothing: a Wilson Center record keeps
 * the id the app gives its bundled sample (`wilson-center-<record>`), any other document an id
 * from a hash of its metadata and text.
 */
function documentFromText(file: string, bytes: Uint8Array, now: string): PackDocument {
  const parsed = parseDocumentFile(file, bytes);
  const doc = transcriptionFromSheets(parsed.sheets).toJSON() as Record<string, unknown>;
  const wilson = /^https?:\/\/[^/]*wilson[^/]*\/document\/(\d+)\/?$/i.exec(parsed.metadata.sourceUrl.trim());
  const id = wilson ? `wilson-center-${wilson[1]}` : `doc-${hashText(canonicalJson([parsed.metadata, doc]))}`;
  return {
    record: { ...parsed.metadata, id, sheetCount: parsed.sheets.length, isSample: false, created: now, modified: now },
    transcription: { schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc, modified: now },
    lineage: [transcriptionHash(doc)],
    scans: [],
  };
}

function baseName(file: string): string {
  const name = file.split(/[/\\]/).pop() ?? file;
  return name.replace(/\.[^.]*$/, '');
}

const SCAN_EXTENSION = /\.(jpe?g|png|webp|tiff?)$/i;

/** The readings of a scan's name under the naming rule: document name, sheet and part, longest document name first. */
function scanNameCandidates(name: string): Array<{ base: string; sheet: number; part: number }> {
  if (!SCAN_EXTENSION.test(name)) return [];
  const parts = name.replace(SCAN_EXTENSION, '').split('-');
  const number = (text: string | undefined) => (text !== undefined && /^\d{1,4}$/.test(text) ? Number(text) : null);
  const out: Array<{ base: string; sheet: number; part: number }> = [];
  const last = number(parts[parts.length - 1]);
  const before = number(parts[parts.length - 2]);
  if (last !== null && parts.length >= 2) out.push({ base: parts.slice(0, -1).join('-'), sheet: last, part: 1 });
  if (last !== null && before !== null && parts.length >= 3) out.push({ base: parts.slice(0, -2).join('-'), sheet: before, part: last });
  return out;
}

/** Attaches the images in `dir` to the documents by the naming rule (see the module comment). */
async function attachScans(io: CliIo, dir: string, documents: ReadonlyArray<{ base: string; document: PackDocument }>): Promise<void> {
  let names: string[];
  try {
    names = await io.listDirectory(dir);
  } catch (error) {
    if (isFileSystemError(error)) throw new CliFailure(`cannot read the scans folder ${dir}: ${describeFileSystemError(error)}`);
    throw error;
  }
  const found = new Map<PackDocument, Array<{ name: string; sheet: number; part: number }>>();
  const unmatched: string[] = [];
  for (const name of names.sort()) {
    // "a-1-2.png" could be sheet 1 part 2 of "a" or sheet 2 of "a-1": the longer document name wins.
    const hit = scanNameCandidates(name).flatMap((c) => {
      const owner = documents.find((d) => d.base === c.base);
      return owner ? [{ owner, sheet: c.sheet, part: c.part }] : [];
    })[0];
    if (!hit) {
      unmatched.push(name);
      continue;
    }
    const { document } = hit.owner;
    if (hit.sheet < 1 || hit.sheet > document.record.sheetCount) {
      throw new CliFailure(`the scan ${name} is for sheet ${hit.sheet}, but “${document.record.title}” has ${count(document.record.sheetCount, 'sheet')}`);
    }
    const list = found.get(document) ?? [];
    list.push({ name, sheet: hit.sheet, part: hit.part });
    found.set(document, list);
  }
  if (unmatched.length > 0) {
    io.err(`marginalia: left out ${count(unmatched.length, 'file')} in ${dir} that ${unmatched.length === 1 ? 'matches' : 'match'} no document (name scans <document>-<sheet>.<ext>): ${unmatched.join(', ')}\n`);
  }
  for (const [document, list] of found) {
    list.sort((a, b) => a.sheet - b.sheet || a.part - b.part);
    for (const [order, { name, sheet }] of list.entries()) {
      const path = `${dir.replace(/[/\\]+$/, '')}/${name}`;
      const bytes = await readInputFile(io, path, (size) => checkFileSize(path, size, MAX_SCAN_FILE_BYTES));
      document.scans.push(scanFromImage(path, name, bytes, document.record.id, sheet - 1, order));
    }
  }
}

function scanFromImage(path: string, name: string, bytes: Uint8Array, documentId: string, sheetIndex: number, order: number): PackScan {
  const format = sniffScanFormat(bytes);
  if (!format || format === 'pdf') throw new CliFailure(`${path} is not a JPEG, PNG, WebP or TIFF image`);
  const truncation = findTruncation(format, bytes);
  if (truncation) throw new CliFailure(`${path} cannot be used: ${truncation}`);
  const size = readImageSize(format, bytes);
  if (!size || size.width < 1 || size.height < 1) throw new CliFailure(`${path} cannot be used: its header gives no image size`);
  return {
    id: `scan-${hashText(`${documentId}/${name}`)}`,
    documentId,
    sheetIndex,
    order,
    mime: scanFormatMime(format),
    size: bytes.length,
    width: size.width,
    height: size.height,
    generated: false,
    caption: '',
    sourceName: name,
    pageNumber: 1,
    bytes,
    thumbnail: null,
  };
}
