/**
 * `marginalia doc parse FILE [--json]`: reads a text file as the app's importer would, and
 * prints what it found, so that an importer can be tried on a file without the app.
 */
import { checkTextFileSize } from '../shared/importers/decode-text';
import { parseDocumentFile } from '../shared/importers/import-document';
import { CliFailure, EXIT_OK, UsageError, type Command } from './command';
import { describeFileSystemError, isFileSystemError } from './file-errors';
import { formatDocumentJson, formatDocumentSummary } from './document-report';

/** The `doc parse` command. */
export const docParseCommand: Command = {
  words: ['doc', 'parse'],
  arguments: 'FILE [--json]',
  summary: 'parse a .txt or .md file as a document and print its metadata and sheets (--json: as JSON)',
  async run(args, io) {
    const { file, json } = readArguments(args);
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(file, (byteLength) => checkTextFileSize(file, byteLength));
    } catch (error) {
      if (isFileSystemError(error)) throw new CliFailure(`cannot read ${file}: ${describeFileSystemError(error)}`);
      throw error;
    }
    const parsed = parseDocumentFile(file, bytes);
    io.out(json ? formatDocumentJson(file, parsed) : formatDocumentSummary(file, parsed));
    return EXIT_OK;
  },
};

/** FILE and --json, in any order; "--" ends the options (for a file named "-x"). */
function readArguments(args: readonly string[]): { file: string; json: boolean } {
  const files: string[] = [];
  let json = false;
  let optionsEnded = false;
  for (const arg of args) {
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) files.push(arg);
    else if (arg === '--') optionsEnded = true;
    else if (arg === '--json') json = true;
    else throw new UsageError(`unknown option ${arg}`);
  }
  const [file, ...extra] = files;
  if (file === undefined) throw new UsageError('doc parse needs a FILE');
  if (extra.length > 0) throw new UsageError(`doc parse takes one FILE, not also ${extra.join(' ')}`);
  return { file, json };
}
