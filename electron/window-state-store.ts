/**
 * Reading and writing the window-state file under the user-data folder.
 *
 * Writes are atomic (a temporary file beside the target, then a rename), so a crash or a power
 * cut while saving leaves either the old state or the new one, never half a file. The file is
 * small and written when the window moves or closes, so synchronous IO is used: at quit time an
 * asynchronous write could be cut off by the process exiting.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseWindowState, serializeWindowState, type WindowState } from './window-state';

/** The file name of the window state inside `app.getPath('userData')`. */
export const WINDOW_STATE_FILE = 'window-state.json';

/** The stored state, or null when there is none or it cannot be used. Never throws. */
export function loadWindowState(filePath: string): WindowState | null {
  try {
    return parseWindowState(fs.readFileSync(filePath, 'utf8'));
  } catch {
    return null; // missing or unreadable: open at the default size
  }
}

/** Writes the state atomically. Throws on IO errors; the caller decides whether they matter. */
export function saveWindowState(filePath: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, serializeWindowState(state), { encoding: 'utf8', mode: 0o600 });
    fs.renameSync(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
