/** Filesystem errors in words, for the commands' messages. */

interface FileSystemError extends Error {
  code: string;
}

export function isFileSystemError(error: unknown): error is FileSystemError {
  return error instanceof Error && typeof (error as Partial<FileSystemError>).code === 'string';
}

/** The reason in words, not as an errno name. */
export function describeFileSystemError(error: FileSystemError): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return error.message;
  }
}
