/**
 * An import that was refused as a whole. Imports are all or nothing: when any file cannot be
 * read, nothing is added, and every problem is reported at once, file by file.
 */
import { ImportError } from '../../shared/importers/import-error';
import { isStorageError, storageReason } from '../storage/storage-error';

export class ImportFailure extends Error {
  readonly problems: readonly ImportError[];

  constructor(problems: readonly ImportError[]) {
    super(
      problems.length === 1
        ? `${problems[0]!.message} Nothing was imported.`
        : `${problems.length} files cannot be imported, so nothing was imported.`,
    );
    this.name = 'ImportFailure';
    this.problems = problems;
  }
}

/**
 * The library refused to store what was read (no space left, the database not writable): the
 * whole import stops, and the refusal names the files it was storing. Null for any other error.
 */
export function storageRefusal(fileNames: readonly string[], error: unknown): ImportFailure | null {
  if (error instanceof ImportFailure || !isStorageError(error)) return null;
  console.error(`The library refused to store ${fileNames.join(', ')}`, error);
  return new ImportFailure(fileNames.map((name) => new ImportError(name, `it could not be stored, as ${storageReason(error)}.`)));
}

/** Any error met while importing a file, as an ImportError that names the file. */
export function asImportError(fileName: string, error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  console.error(`Unexpected error importing ${fileName}`, error);
  return new ImportError(fileName, `it could not be read (${error instanceof Error ? error.message : String(error)}).`);
}

/** The user cancelled; nothing was added. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was added.');
    this.name = 'ImportCancelled';
  }
}
