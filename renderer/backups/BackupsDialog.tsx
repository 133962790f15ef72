/**
 * File › Backups: in the desktop app, the rolling backups in its data folder — back up now, how
 * many to keep, and restore one (opened as a pack: a preview, then a merge); in a browser,
 * "Download a backup" of the whole library.
 */
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../shared/bridge';
import { formatMegabytes } from '../../shared/importers/import-error';
import { useWorkspace } from '../workspace';
import { Dialog } from '../ui/Dialog';
import { backUpNow, backupsKept, libraryPack, setBackupsKept } from './library-backup';

interface Props {
  onRestore: (name: string, bytes: Uint8Array) => void;
  onClose: () => void;
}

export function BackupsDialog({ onRestore, onClose }: Props) {
  const { db, bridge, creator, notify } = useWorkspace();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [keep, setKeep] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void backupsKept(db).then(setKeep);
    if (bridge.backups) void bridge.backups.list().then(setBackups);
  }, [db, bridge]);

  async function run(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      notify(`The backup could not be made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  if (!bridge.backups) {
    return (
      <Dialog title="Backups" onClose={onClose}>
        <p>In a browser, Marginalia cannot keep files of its own. Download a backup of the whole library — documents, transcriptions, scans and every annotation — and keep it somewhere safe.</p>
        <p className="hint">To restore it, open the downloaded file with “Open pack…”: you will see what it would bring back before anything changes.</p>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const info = await bridge.appInfo();
              const bytes = await libraryPack(db, creator, `${info.name} ${info.version}`);
              const result = await bridge.saveFile('pack', `Marginalia backup ${new Date().toISOString().slice(0, 10)}`, bytes);
              if (result.saved) notify(`Backup saved to ${result.where}.`);
            })
          }
        >
          {busy ? 'Making the backup…' : 'Download a backup'}
        </button>
      </Dialog>
    );
  }

  return (
    <Dialog title="Backups" onClose={onClose}>
      <p>Marginalia backs up the whole library to its data folder every half hour and when you close it, if anything changed.</p>
      <label className="inline-field">
        Keep the last{' '}
        <input
          type="number"
          min={1}
          max={100}
          value={keep ?? ''}
          onChange={(e) => {
            const value = Number(e.target.value);
            setKeep(value);
            if (Number.isInteger(value) && value >= 1 && value <= 100) void setBackupsKept(db, value);
          }}
        />{' '}
        backups
      </label>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const written = await backUpNow(db, bridge, creator);
            if (written) notify(`Backed up as ${written.name}.`);
            setBackups(await bridge.backups!.list());
          })
        }
      >
        {busy ? 'Backing up…' : 'Back up now'}
      </button>
      <table className="merge-table" aria-label="Backups">
        <tbody>
          {(backups ?? []).map((b) => (
            <tr key={b.name}>
              <td>{new Date(b.created).toLocaleString()}</td>
              <td>{formatMegabytes(b.size)}</td>
              <td>
                <button type="button" onClick={() => void bridge.backups!.read(b.name).then((bytes) => onRestore(b.name, bytes))}>
                  Restore…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {backups?.length === 0 && <p className="hint">No backups yet.</p>}
    </Dialog>
  );
}
