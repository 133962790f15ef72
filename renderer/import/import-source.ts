/**
 * A file to import, wherever it came from: a file input, a drop on the window, or the Electron
 * host's open dialog. Its size is known before its bytes are read, so an oversized file is
 * refused without reading it.
 */
import type { OpenedFile } from '../../shared/bridge';
import { checkFileSize, formatMegabytes, ImportError } from '../../shared/importers/import-error';

export interface ImportSource {
  name: string;
  size: number;
  read(): Promise<Uint8Array>;
}

export function fromFile(file: File): ImportSource {
  return { name: file.name, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) };
}

export function fromOpenedFile(file: OpenedFile): ImportSource {
  return {
    name: file.name,
    size: file.size,
    read: async () => {
      if (!file.bytes) throw new ImportError(file.name, `it is larger than the limit of ${formatMegabytes(file.limit)}.`);
      return file.bytes;
    },
  };
}

/** Reads a source after checking it against a size limit. */
export async function readWithin(source: ImportSource, limit: number): Promise<Uint8Array> {
  checkFileSize(source.name, source.size, limit);
  return source.read();
}

const TEXT_EXTENSIONS = /\.(txt|text|md|markdown|xml)$/i;

/** Whether a file is meant as a document (a text) rather than as scans of one. */
export function isDocumentFile(name: string): boolean {
  return TEXT_EXTENSIONS.test(name);
}
