/**
 * The commands of the `marginalia` tool. A new command (the `pack` commands, say) is a module
 * exporting a Command, listed here.
 */
import type { Command } from './command';
import { docParseCommand } from './doc-parse';

/** Every command, in the order usage lists them. */
export const COMMANDS: readonly Command[] = [docParseCommand];
