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
/** The largest annotation pack (or W3C JSON-LD file) read: a seminar's pack with scans can be large. */
export const MAX_PACK_FILE_BYTES = 1024 * 1024 * 1024;

/** Refuses a file over a size limit, saying how large it is and what the limit is. */
export function checkFileSize(fileName: string, size: number, limit: number): void {
  if (size > limit) {
    throw new ImportError(fileName, `it is ${formatMegabytes(size, 'up')}, larger than the limit of ${formatMegabytes(limit)}.`);
  }
}

/** A size in whole megabytes; a file's size is rounded up, so it never reads as equal to the limit it exceeds. */
export function formatMegabytes(bytes: number, round: 'nearest' | 'up' = 'nearest'): string {
  const megabytes = bytes / (1024 * 1024);
  return `${round === 'up' ? Math.ceil(megabytes) : Math.round(megabytes)} MB`;
}
