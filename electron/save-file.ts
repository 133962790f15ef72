/**
 * Saving a file the renderer made (a TEI export, a pack): the arguments checked, the native save
 * dialog's settings, and a write that never leaves half a file where the user asked for one.
 */
import type { SaveDialogOptions } from 'electron';
import { isSaveFilePurpose, safeFileName, SAVE_FILE_TYPES, type SaveFilePurpose } from '../shared/bridge';

/** The largest file the renderer may ask to save (a pack with scans can be large). */
export const MAX_SAVE_FILE_BYTES = 2 * 1024 ** 3;

export interface SaveFileArguments {
  purpose: SaveFilePurpose;
  suggestedName: string;
  bytes: Uint8Array;
}

/** The call's arguments, checked, or an Error saying what was wrong. */
export function checkSaveFileArguments(channel: string, args: readonly unknown[]): SaveFileArguments {
  if (args.length !== 3) throw new Error(`${channel} takes three arguments, got ${args.length}.`);
  const [purpose, suggestedName, bytes] = args;
  if (!isSaveFilePurpose(purpose)) throw new Error(`${channel}: unknown purpose ${JSON.stringify(purpose)}.`);
  if (typeof suggestedName !== 'string' || suggestedName.length > 1000) throw new Error(`${channel}: the suggested name must be a short string.`);
  if (!(bytes instanceof Uint8Array)) throw new Error(`${channel}: the file's contents must be bytes.`);
  if (bytes.byteLength > MAX_SAVE_FILE_BYTES) throw new Error(`${channel}: ${bytes.byteLength} bytes is more than a file may hold here.`);
  return { purpose, suggestedName: safeFileName(suggestedName, purpose), bytes };
}

const SAVE_DIALOG_TITLES: Readonly<Record<SaveFilePurpose, string>> = {
  tei: 'Export as TEI',
  pack: 'Export Annotation Pack',
  annotations: 'Export Annotations',
  'glossary-csv': 'Export Glossary as CSV',
  'glossary-tbx': 'Export Glossary as TBX',
  docx: 'Export English Translation as Word',
  markdown: 'Export English Translation as Markdown',
  html: 'Export English Translation as HTML',
  pdf: 'Print English Translation to PDF',
};

export function saveDialogOptions(purpose: SaveFilePurpose, suggestedName: string, folder: string): SaveDialogOptions {
  const type = SAVE_FILE_TYPES[purpose];
  return {
    title: SAVE_DIALOG_TITLES[purpose],
    buttonLabel: 'Export',
    defaultPath: `${folder}/${suggestedName}`,
    filters: [{ name: type.name, extensions: [type.extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** The filesystem calls an atomic write needs, so tests can give it a fake. */
export interface FileWriter {
  writeFile(file: string, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: boolean }): Promise<void>;
}

/** Writes beside the target first, then renames over it: the file is whole or not there. */
export async function writeWhole(file: string, bytes: Uint8Array, fs: FileWriter): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await fs.writeFile(partial, bytes);
    await fs.rename(partial, file);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  }
}
