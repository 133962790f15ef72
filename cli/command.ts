/**
 * What a command of the `marginalia` tool is, and how it reports failure, so that commands can
 * be added to the table in `commands.ts` without touching the dispatcher.
 */

/** Exit codes: success, a failure the user can act on (a file, an import), a wrong command line. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** What a command may do to the outside world; the tests pass their own. */
export interface CliIo {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** The file's bytes, after checking its size with `checkSize` (so a huge file is never read whole). */
  readFile(path: string, checkSize: (byteLength: number) => void): Promise<Uint8Array>;
  /** Writes a file whole (replacing it only once it is complete). */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** The names of the files in a directory (not its subdirectories), in no particular order. */
  listDirectory(path: string): Promise<string[]>;
}

/** One command, named by one or more words ("doc parse"). */
export interface Command {
  /** The words that name it, e.g. ['doc', 'parse']. */
  words: readonly string[];
  /** Its arguments as usage shows them, e.g. "FILE [--json]". */
  arguments: string;
  /** One line saying what it does. */
  summary: string;
  /** Runs it on the arguments after its words; returns the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** A command line the tool cannot make sense of: reported with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure the user can act on (a file that cannot be read): reported as it is, exit code 1. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
}
