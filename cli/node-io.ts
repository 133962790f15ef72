/** The command-line tool's input and output on Node: the process's streams and the filesystem. */
import { open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import type { CliIo } from './command';

/** Standard streams and files, for running from a shell. */
export const nodeIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  async readFile(path, checkSize) {
    // One open file for the size check and the read, so that the checked file is the one read.
    const handle = await open(path, 'r');
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      checkSize(stats.size);
      return new Uint8Array(await handle.readFile());
    } finally {
      await handle.close();
    }
  },
  async writeFile(path, bytes) {
    // Written beside its final name and renamed into place, so a failed write leaves no half file.
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  },
  async listDirectory(path) {
    const entries = await readdir(path, { withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  },
};

/** A reader that closed the pipe (`marginalia … | head`) has all it wanted: stop quietly. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
