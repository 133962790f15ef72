/**
 * Finding the Electron executable, for `npm start` and the Electron e2e spec alike.
 *
 * Electron's npm package downloads its binary in an install script, which is disabled here
 * (no network but the npm registry), so the binary is often absent. This never imports the
 * `electron` package (that import throws without a binary); it looks for the file itself.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const MISSING_ELECTRON_BINARY =
  "Electron binary not installed (its download is disabled on this machine); set ELECTRON_PATH or install electron's binary to run this spec";

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The Electron executable to launch, or why there is none: `ELECTRON_PATH` when set, else the
 * binary the `electron` package downloaded (its `path.txt` names the file under `dist/`).
 * @returns {{ executable: string } | { skipReason: string }}
 */
export function findElectronBinary() {
  const fromEnvironment = process.env.ELECTRON_PATH;
  if (fromEnvironment) {
    return isFile(fromEnvironment)
      ? { executable: fromEnvironment }
      : { skipReason: `${MISSING_ELECTRON_BINARY} (ELECTRON_PATH is set to ${fromEnvironment}, which is not a file)` };
  }
  try {
    const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(packageDir, 'path.txt');
    if (isFile(pathFile)) {
      const executable = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
      if (isFile(executable)) return { executable };
    }
  } catch {
    // The electron package itself is not installed: same answer.
  }
  return { skipReason: MISSING_ELECTRON_BINARY };
}
