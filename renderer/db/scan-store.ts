/**
 * Rearranging a document's scans by hand: which sheet a scan shows, the order of pages, and
 * removing a scan. Each change is one transaction.
 */
import type { MarginaliaDatabase } from './database';
import type { ScanRecord } from './records';

/** A document's scans in page order. */
export function scansInOrder(db: MarginaliaDatabase, documentId: string): Promise<ScanRecord[]> {
  return db.scans.where('documentId').equals(documentId).sortBy('order');
}

export async function reassignScan(db: MarginaliaDatabase, scanId: string, sheetIndex: number): Promise<void> {
  await db.transaction('rw', db.scans, () => db.scans.update(scanId, { sheetIndex }));
}

/** Moves a scan one place earlier (-1) or later (+1) among the document's pages. */
export async function moveScan(db: MarginaliaDatabase, scanId: string, delta: -1 | 1): Promise<void> {
  await db.transaction('rw', db.scans, async () => {
    const scan = await db.scans.get(scanId);
    if (!scan) return;
    const all = await scansInOrder(db, scan.documentId);
    const at = all.findIndex((s) => s.id === scanId);
    const other = all[at + delta];
    if (!other) return;
    await db.scans.update(scan.id, { order: other.order });
    await db.scans.update(other.id, { order: scan.order });
  });
}

/** Removes a scan; answers the record, so the removal can be undone by putting it back. */
export async function removeScan(db: MarginaliaDatabase, scanId: string): Promise<ScanRecord | undefined> {
  return db.transaction('rw', db.scans, async () => {
    const scan = await db.scans.get(scanId);
    if (scan) await db.scans.delete(scanId);
    return scan;
  });
}

export async function restoreScan(db: MarginaliaDatabase, scan: ScanRecord): Promise<void> {
  await db.transaction('rw', db.scans, () => db.scans.put(scan));
}
