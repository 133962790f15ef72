/**
 * The commands of the `marginalia` tool. A new command is a module exporting a Command, listed
 * here.
 */
import type { Command } from './command';
import { docParseCommand } from './doc-parse';
import { packAnnotationsCommand } from './pack-annotations';
import { packCreateCommand } from './pack-create';
import { packInfoCommand } from './pack-info';
import { packMergeCommand } from './pack-merge';
import { packValidateCommand } from './pack-validate';

/** Every command, in the order usage lists them. */
export const COMMANDS: readonly Command[] = [docParseCommand, packCreateCommand, packInfoCommand, packValidateCommand, packMergeCommand, packAnnotationsCommand];
