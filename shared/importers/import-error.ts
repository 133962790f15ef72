/**
 * The one kind of error an import reports to the user: which file, and why, in words a
 * historian understands. Importers throw it; the UI shows `message` as it is.
 */
export class ImportError extends Error {
  readonly fileName: string;
  readonly reason: string;

  constructor(fileName: string, reason: string) {
    super(`“${fileName}” cannot be imported: ${reason}`);
    this.name = 'ImportError';
    this.fileName = fileName;
    this.reason = reason;
  }
}

/** Size limits, stated in the UI and the docs. */
export const MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_SCAN_FILE_BYTES = 500 * 1024 * 1024;

export function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
