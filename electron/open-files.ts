/**
 * The native open dialog's settings for each purpose, and reading the chosen files within the
 * size limit. A file over the limit is reported (name and size) without being read, so the
 * renderer can tell the user which file was refused and why.
 */
import type { OpenDialogOptions } from 'electron';
import path from 'node:path';
import { OPEN_FILES_EXTENSIONS, type OpenedFile, type OpenFilesPurpose } from '../shared/bridge';
import { MAX_PACK_FILE_BYTES, MAX_SCAN_FILE_BYTES, MAX_TEXT_FILE_BYTES } from '../shared/importers/import-error';

export const OPEN_FILES_LIMITS: Readonly<Record<OpenFilesPurpose, number>> = {
  documents: MAX_TEXT_FILE_BYTES,
  scans: MAX_SCAN_FILE_BYTES,
  packs: MAX_PACK_FILE_BYTES,
  glossary: MAX_TEXT_FILE_BYTES,
};

export function openDialogOptions(purpose: OpenFilesPurpose): OpenDialogOptions {
  const extensions = [...OPEN_FILES_EXTENSIONS[purpose]];
  switch (purpose) {
    case 'documents':
      return { title: 'Import Documents', buttonLabel: 'Import', properties: ['openFile', 'multiSelections'], filters: [{ name: 'Text, Markdown and TEI XML', extensions }] };
    case 'scans':
      return { title: 'Add Scans', buttonLabel: 'Add', properties: ['openFile', 'multiSelections'], filters: [{ name: 'Images and PDFs', extensions }] };
    case 'packs':
      return { title: 'Open Annotation Pack', buttonLabel: 'Open', properties: ['openFile'], filters: [{ name: 'Annotation packs and W3C annotations', extensions }] };
    case 'glossary':
      return { title: 'Import Glossary', buttonLabel: 'Import', properties: ['openFile'], filters: [{ name: 'Glossaries (CSV or TBX)', extensions }] };
  }
}

/** The two filesystem calls reading needs, so tests can give it a fake filesystem. */
export interface FileReader {
  stat(file: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(file: string): Promise<Uint8Array>;
}

export async function readChosenFiles(paths: readonly string[], purpose: OpenFilesPurpose, fs: FileReader): Promise<OpenedFile[]> {
  const limit = OPEN_FILES_LIMITS[purpose];
  const files: OpenedFile[] = [];
  for (const file of paths) {
    const info = await fs.stat(file);
    if (!info.isFile()) continue;
    const name = path.basename(file);
    const bytes = info.size > limit ? null : new Uint8Array(await fs.readFile(file));
    files.push({ name, size: info.size, limit, bytes });
  }
  return files;
}
