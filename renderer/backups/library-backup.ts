/**
 * Backups of the whole library, as a pack with scans: in the desktop app a rolling set in its
 * data folder, made on a schedule and when the window closes (only when the library changed
 * since the last one); in a browser a download the user asks for. Restoring is opening the
 * backup as a pack: a preview, then a merge that never removes what was done since.
 */
import type { Creator } from '../../shared/annotation';
import type { BackupInfo, MarginaliaBridge } from '../../shared/bridge';
import { writePackAsync } from '../../shared/pack';
import type { MarginaliaDatabase } from '../db/database';
import { gatherPackInputInParts } from '../packs/pack-library';

export const DEFAULT_BACKUPS_KEPT = 10;
/** How often the desktop app looks whether the library changed and backs it up. */
export const BACKUP_INTERVAL_MS = 30 * 60 * 1000;
const KEEP_KEY = 'backups:keep';
const LAST_KEY = 'backups:last-fingerprint';

/** The whole library as a pack, scans included. */
export async function libraryPack(db: MarginaliaDatabase, creator: Creator, generator: string): Promise<Uint8Array> {
  const ids = await db.documents.toCollection().primaryKeys();
  // Handed over while it is read: the writer's worker starts meanwhile, and the annotations are written as they come.
  return writePackAsync(gatherPackInputInParts(db, ids, { includeScans: true, creator, generator }), { includeScans: true });
}

/**
 * A cheap summary that changes whenever the library does: counts and latest modification
 * times (documents are touched by transcription edits; scans are counted).
 */
export async function libraryFingerprint(db: MarginaliaDatabase): Promise<string> {
  const [documents, lastDocument, annotations, lastAnnotation, scans] = await Promise.all([
    db.documents.count(),
    db.documents.orderBy('modified').last(),
    db.annotations.count(),
    db.annotations.orderBy('modified').last(),
    db.scans.count(),
  ]);
  return [documents, lastDocument?.modified ?? '', annotations, lastAnnotation?.modified ?? '', scans].join('|');
}

export async function backupsKept(db: MarginaliaDatabase): Promise<number> {
  const value = (await db.settings.get(KEEP_KEY))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100 ? value : DEFAULT_BACKUPS_KEPT;
}

export async function setBackupsKept(db: MarginaliaDatabase, keep: number): Promise<void> {
  await db.settings.put({ key: KEEP_KEY, value: Math.max(1, Math.min(100, Math.round(keep))) });
}

/** Writes a backup to the desktop app's folder now; null in a browser. */
export async function backUpNow(db: MarginaliaDatabase, bridge: MarginaliaBridge, creator: Creator): Promise<BackupInfo | null> {
  if (!bridge.backups) return null;
  const fingerprint = await libraryFingerprint(db);
  const info = await bridge.appInfo();
  const bytes = await libraryPack(db, creator, `${info.name} ${info.version}`);
  const written = await bridge.backups.write(bytes, await backupsKept(db));
  await db.settings.put({ key: LAST_KEY, value: fingerprint });
  return written;
}

/** Backs up when the library changed since the last backup; answers whether it did. */
export async function backUpIfChanged(db: MarginaliaDatabase, bridge: MarginaliaBridge, creator: Creator): Promise<boolean> {
  if (!bridge.backups) return false;
  const last = (await db.settings.get(LAST_KEY))?.value;
  if (last === (await libraryFingerprint(db))) return false;
  return (await backUpNow(db, bridge, creator)) !== null;
}

/** Starts the schedule (desktop only): now and then every interval; answers how to stop it. */
export function scheduleBackups(db: MarginaliaDatabase, bridge: MarginaliaBridge, creator: () => Creator, report: (error: unknown) => void): () => void {
  if (!bridge.backups) return () => undefined;
  const run = (): void => void backUpIfChanged(db, bridge, creator()).catch(report);
  const timer = setInterval(run, BACKUP_INTERVAL_MS);
  const first = setTimeout(run, 60_000);
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}
