/**
 * Rolling backups of the library in the app's data folder: each a pack of the whole library,
 * named by when it was made, the newest N kept. The renderer makes the pack (it owns the
 * library); the main process only writes, lists, prunes and reads these files, and checks that
 * a name it is asked to read is one of its own backups, never a path.
 */
import type { BackupInfo } from '../shared/bridge';

/** marginalia-backup-20261127-031500.mpack */
export const BACKUP_NAME = /^marginalia-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(-\d+)?\.mpack$/;

/** How many backups may be kept, at most and at least. */
export const MIN_BACKUPS_KEPT = 1;
export const MAX_BACKUPS_KEPT = 100;

export function isBackupName(name: unknown): name is string {
  return typeof name === 'string' && BACKUP_NAME.test(name);
}

/** The file name for a backup made at `when` (UTC), with a counter if that second is taken. */
export function backupName(when: Date, taken: ReadonlySet<string>): string {
  const p = (n: number, width = 2): string => String(n).padStart(width, '0');
  const stamp = `${p(when.getUTCFullYear(), 4)}${p(when.getUTCMonth() + 1)}${p(when.getUTCDate())}-${p(when.getUTCHours())}${p(when.getUTCMinutes())}${p(when.getUTCSeconds())}`;
  let name = `marginalia-backup-${stamp}.mpack`;
  for (let i = 2; taken.has(name); i++) name = `marginalia-backup-${stamp}-${i}.mpack`;
  return name;
}

/** When a backup was made, from its name (UTC, ISO 8601). */
export function backupCreated(name: string): string {
  const m = BACKUP_NAME.exec(name);
  if (!m) return '';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

/** The filesystem calls backups need, so tests can give them a fake folder. */
export interface BackupFolder {
  list(): Promise<Array<{ name: string; size: number }>>;
  write(name: string, bytes: Uint8Array): Promise<void>;
  read(name: string): Promise<Uint8Array>;
  remove(name: string): Promise<void>;
}

/** The backups in the folder, newest first; other files are not ours and are left alone. */
export async function listBackups(folder: BackupFolder): Promise<BackupInfo[]> {
  return (await folder.list())
    .filter((f) => isBackupName(f.name))
    .map((f) => ({ name: f.name, size: f.size, created: backupCreated(f.name) }))
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** Writes a backup, then removes the oldest beyond `keep`. Answers the new backup's name. */
export async function writeBackup(folder: BackupFolder, bytes: Uint8Array, keep: number, when = new Date()): Promise<string> {
  const existing = await listBackups(folder);
  const name = backupName(when, new Set(existing.map((b) => b.name)));
  await folder.write(name, bytes);
  const all = await listBackups(folder);
  for (const old of all.slice(Math.max(MIN_BACKUPS_KEPT, Math.min(MAX_BACKUPS_KEPT, keep)))) await folder.remove(old.name);
  return name;
}

/** Checks the arguments of a backup write: the pack's bytes and how many to keep. */
export function checkBackupArguments(channel: string, args: readonly unknown[]): { bytes: Uint8Array; keep: number } {
  if (args.length !== 2) throw new Error(`${channel} takes two arguments, got ${args.length}.`);
  const [bytes, keep] = args;
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) throw new Error(`${channel}: the backup must be the bytes of a pack.`);
  if (!Number.isInteger(keep) || (keep as number) < MIN_BACKUPS_KEPT || (keep as number) > MAX_BACKUPS_KEPT) {
    throw new Error(`${channel}: keep must be a whole number from ${MIN_BACKUPS_KEPT} to ${MAX_BACKUPS_KEPT}.`);
  }
  return { bytes, keep: keep as number };
}
