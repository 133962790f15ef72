/**
 * What the `pack` commands share: their command lines (files, `-o OUT`, options), reading a
 * pack file as the app would (untrusted, size checked before it is read), writing results.
 */
import type { Creator } from '../shared/annotation';
import { checkFileSize } from '../shared/importers/import-error';
import { DEFAULT_PACK_LIMITS } from '../shared/pack/format';
import { readPackAsync } from '../shared/pack/read-pack';
import type { ParsedPack } from '../shared/pack/types';
import { CliFailure, UsageError, type CliIo } from './command';
import { describeFileSystemError, isFileSystemError } from './file-errors';

/** What wrote a pack made here. */
export const CLI_GENERATOR = 'Marginalia command line';

/** Who a pack made here is from, unless --creator-name/--creator-id say. */
export const CLI_CREATOR: Creator = { id: 'urn:marginalia:command-line', name: 'Marginalia command line' };

export interface CommandLine {
  files: string[];
  /** `-o OUT` / `--output OUT`. */
  output: string | null;
  flags: Set<string>;
  values: Map<string, string>;
}

/**
 * Files and options in any order: `flags` are options without a value, `valued` take the next
 * argument (or `--name=value`); `-o`/`--output` always take one. "--" ends the options.
 */
export function readCommandLine(command: string, args: readonly string[], options: { flags?: readonly string[]; valued?: readonly string[] } = {}): CommandLine {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const files: string[] = [];
  let output: string | null = null;
  const valued = new Set(['-o', '--output', ...(options.valued ?? [])]);
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (valued.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      if (name === '-o' || name === '--output') output = value;
      else values.set(name, value);
    } else if (options.flags?.includes(arg)) {
      flags.add(arg);
    } else {
      throw new UsageError(`${command}: unknown option ${arg}`);
    }
  }
  return { files, output, flags, values };
}

/** The creator named by --creator-name / --creator-id, or the default. */
export function creatorFrom(line: CommandLine, fallback: Creator): Creator {
  const name = line.values.get('--creator-name');
  const id = line.values.get('--creator-id');
  if (!name && !id) return fallback;
  return { id: id ?? `urn:marginalia:person:${encodeURIComponent(name!)}`, name: name ?? id! };
}

/** A file's bytes, or a CliFailure naming the file and the reason. */
export async function readInputFile(io: CliIo, file: string, checkSize: (byteLength: number) => void = () => {}): Promise<Uint8Array> {
  try {
    return await io.readFile(file, checkSize);
  } catch (error) {
    if (isFileSystemError(error)) throw new CliFailure(`cannot read ${file}: ${describeFileSystemError(error)}`);
    throw error;
  }
}

/** Reads and checks a pack file; ImportError (exit 1) for a pack that is refused. */
export async function readPackFile(io: CliIo, file: string): Promise<ParsedPack> {
  const bytes = await readInputFile(io, file, (size) => checkFileSize(file, size, DEFAULT_PACK_LIMITS.maxPackBytes));
  return readPackAsync(bytes, { fileName: file });
}

export async function writeOutputFile(io: CliIo, file: string, bytes: Uint8Array): Promise<void> {
  try {
    await io.writeFile(file, bytes);
  } catch (error) {
    if (isFileSystemError(error)) throw new CliFailure(`cannot write ${file}: ${describeFileSystemError(error)}`);
    throw error;
  }
}

/** "1 annotation", "3 annotations". */
export function count(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}
