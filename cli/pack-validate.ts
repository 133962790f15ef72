/**
 * `marginalia pack validate FILE…`: checks packs as the app does before importing them.
 * Prints "FILE: valid" (and any warnings) and exits 0 when every pack can be imported; prints
 * "FILE: invalid: the reason" and exits 1 otherwise.
 */
import { ImportError } from '../shared/importers/import-error';
import { CliFailure, EXIT_FAILURE, EXIT_OK, UsageError, type Command } from './command';
import { count, readCommandLine, readPackFile } from './pack-files';

export const packValidateCommand: Command = {
  words: ['pack', 'validate'],
  arguments: 'FILE…',
  summary: 'check annotation packs as the app does before importing them: "valid" (exit 0), or the reason each is refused (exit 1)',
  async run(args, io) {
    const line = readCommandLine('pack validate', args);
    if (line.files.length === 0) throw new UsageError('pack validate needs a FILE');
    if (line.output) throw new UsageError('pack validate writes no file');
    let failed = false;
    for (const file of line.files) {
      try {
        const pack = await readPackFile(io, file);
        io.out(`${file}: valid (${count(pack.documents.length, 'document')}, ${count(pack.annotations.length, 'annotation')}, pack format ${pack.manifest.formatVersion})\n`);
        for (const warning of pack.warnings) io.out(`  warning: ${warning}\n`);
      } catch (error) {
        if (!(error instanceof ImportError || error instanceof CliFailure)) throw error;
        failed = true;
        io.err(`${file}: invalid: ${error instanceof ImportError ? error.reason : error.message}\n`);
      }
    }
    return failed ? EXIT_FAILURE : EXIT_OK;
  },
};
