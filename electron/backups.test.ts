import { describe, expect, it } from 'vitest';
import { backupCreated, backupName, checkBackupArguments, isBackupName, listBackups, writeBackup, type BackupFolder } from './backups';

function memoryFolder(initial: Record<string, number> = {}): BackupFolder & { files: Map<string, Uint8Array<ArrayBufferLike>> } {
  const files = new Map<string, Uint8Array<ArrayBufferLike>>(Object.entries(initial).map(([name, size]) => [name, new Uint8Array(size)]));
  return {
    files,
    list: async () => [...files].map(([name, bytes]) => ({ name, size: bytes.byteLength })),
    write: async (name, bytes) => void files.set(name, bytes),
    read: async (name) => files.get(name)!,
    remove: async (name) => void files.delete(name),
  };
}

describe('backup files', () => {
  it('are named by when they were made, and a second in the same second gets a counter', () => {
    const at = new Date(Date.UTC(2026, 10, 27, 3, 15, 0));
    expect(backupName(at, new Set())).toBe('marginalia-backup-20261127-031500.mpack');
    expect(backupName(at, new Set(['marginalia-backup-20261127-031500.mpack']))).toBe('marginalia-backup-20261127-031500-2.mpack');
    expect(backupCreated('marginalia-backup-20261127-031500.mpack')).toBe('2026-11-27T03:15:00Z');
  });

  it('are only our own names, never a path', () => {
    expect(isBackupName('marginalia-backup-20261127-031500.mpack')).toBe(true);
    for (const bad of ['../marginalia-backup-20261127-031500.mpack', '/etc/passwd', 'marginalia-backup-2026.mpack', 'notes.mpack', 42]) {
      expect(isBackupName(bad), String(bad)).toBe(false);
    }
  });

  it('keep the newest N, removing older ones and leaving files that are not backups alone', async () => {
    const folder = memoryFolder({
      'marginalia-backup-20260101-000000.mpack': 10,
      'marginalia-backup-20260102-000000.mpack': 10,
      'marginalia-backup-20260103-000000.mpack': 10,
      'my notes.txt': 5,
    });
    const name = await writeBackup(folder, new Uint8Array([1, 2, 3]), 2, new Date(Date.UTC(2026, 0, 4)));
    expect(name).toBe('marginalia-backup-20260104-000000.mpack');
    expect((await listBackups(folder)).map((b) => b.name)).toEqual(['marginalia-backup-20260104-000000.mpack', 'marginalia-backup-20260103-000000.mpack']);
    expect(folder.files.has('my notes.txt')).toBe(true);
  });

  it('refuse a write without pack bytes or with an absurd number to keep', () => {
    expect(checkBackupArguments('c', [new Uint8Array([1]), 10])).toEqual({ bytes: new Uint8Array([1]), keep: 10 });
    for (const args of [[new Uint8Array(), 10], ['bytes', 10], [new Uint8Array([1]), 0], [new Uint8Array([1]), 1.5], [new Uint8Array([1]), 1000], [new Uint8Array([1])]]) {
      expect(() => checkBackupArguments('c', args)).toThrow();
    }
  });
});
