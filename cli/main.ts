/**
 * The `marginalia` command-line tool: runs parts of Marginalia without Electron, on files.
 * `bin/marginalia.mjs` bundles this module and calls `runFromShell`.
 *
 * Exit codes: 0 success; 1 a failure about the input (a file that cannot be read or imported);
 * 2 a command line we do not understand (with the usage on standard error).
 */
import { ImportError } from '../shared/importers/import-error';
import { CliFailure, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command } from './command';
import { COMMANDS } from './commands';
import { exitQuietlyOnClosedPipe, nodeIo } from './node-io';

const HELP_WORDS = new Set(['help', '--help', '-h']);

/** Runs the tool on `argv` (the arguments after the program name); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(usage());
    return EXIT_USAGE;
  }
  if (HELP_WORDS.has(first)) {
    const command = rest.length > 0 ? findCommand(rest) : undefined;
    io.out(command ? commandUsage(command) : usage());
    return EXIT_OK;
  }
  const command = findCommand(argv);
  if (!command) {
    io.err(`marginalia: ${unknownCommandMessage(argv)}\n\n${usage()}`);
    return EXIT_USAGE;
  }
  const args = argv.slice(command.words.length);
  if (args.some((arg) => arg === '--help' || arg === '-h')) {
    io.out(commandUsage(command));
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`marginalia: ${error.message}\n\n${commandUsage(command)}`);
      return EXIT_USAGE;
    }
    if (error instanceof CliFailure || error instanceof ImportError) {
      io.err(`marginalia: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    throw error;
  }
}

/** Runs the tool in this process, on its arguments and standard streams; sets the exit code. */
export async function runFromShell(): Promise<void> {
  exitQuietlyOnClosedPipe();
  try {
    process.exitCode = await main(process.argv.slice(2), nodeIo);
  } catch (error) {
    process.stderr.write(`marginalia: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_FAILURE;
  }
}

/** The command whose words begin `argv`. */
function findCommand(argv: readonly string[]): Command | undefined {
  return COMMANDS.find((command) => command.words.every((word, i) => argv[i] === word));
}

function unknownCommandMessage(argv: readonly string[]): string {
  const group = COMMANDS.filter((command) => command.words[0] === argv[0]);
  if (group.length > 0 && (argv[1] === undefined || argv[1].startsWith('-'))) {
    return `"${argv[0]}" needs a command: ${group.map((c) => c.words.slice(1).join(' ')).join(', ')}`;
  }
  const words = group.length > 0 ? argv.slice(0, 2) : argv.slice(0, 1);
  return `unknown command "${words.join(' ')}"`;
}

function synopsis(command: Command): string {
  return `marginalia ${command.words.join(' ')} ${command.arguments}`;
}

function commandUsage(command: Command): string {
  return `Usage: ${synopsis(command)}\n\n${command.summary}\n`;
}

/** The tool's usage: every command with what it does. */
export function usage(): string {
  const lines = COMMANDS.flatMap((command) => [`  ${synopsis(command)}`, `      ${command.summary}`]);
  return ['Usage: marginalia COMMAND [ARGUMENTS]', '', 'Commands:', ...lines, '  marginalia help [COMMAND]', '      show this help, or a command\'s', ''].join('\n');
}
