/**
 * Importing page images and PDFs as the scans of a document.
 *
 * Pages are decoded one at a time and written to a staging table as they come, so a
 * 300-page PDF never has more than one rendered page in memory and the window stays
 * responsive. Only when every file has been read are the staged pages moved into the library,
 * in one transaction; on an error or a cancel the staged pages are thrown away and the library
 * is exactly as it was.
 *
 * A crash (the window killed, the power cut) at any point leaves either the library as it was,
 * with some staged pages, or the whole import; staged pages are never shown. At the next start
 * `discardInterruptedImports` deletes the staged pages of every import that is not running.
 * Whether one is running is told by a Web Lock the import holds, so a second window starting
 * does not delete the pages of an import in progress in the first (a dead window holds no lock).
 * When the library refuses to store a page (the disk is full), the import stops with a message
 * saying so, and nothing is added.
 */
import { MAX_SCAN_FILE_BYTES } from '../../shared/importers/import-error';
import { sniffScanFormat } from '../../shared/importers/scan-format';
import type { MarginaliaDatabase } from '../db/database';
import { newId } from '../db/ids';
import type { ScanRecord, StagedScanRecord } from '../db/records';
import type { DecodedScan } from '../scans/decoded-scan';
import { decodeImageFile } from '../scans/decode-image';
import { assignSheets } from './assign-sheets';
import { asImportError, ImportCancelled, ImportFailure, storageRefusal } from './import-failure';
import { readWithin, type ImportSource } from './import-source';

export interface ScanImportProgress {
  fileName: string;
  fileIndex: number;
  fileCount: number;
  /** The page being read within the file, and how many it has (1 for an image). */
  page: number;
  pageCount: number;
  /** Pages read so far, over all files. */
  pagesDone: number;
}

export interface ScanImportOptions {
  signal: AbortSignal;
  onProgress: (progress: ScanImportProgress) => void;
}

/** Imports the files as scans of the document; answers the scans added, in order. */
export async function importScans(
  db: MarginaliaDatabase,
  documentId: string,
  sources: readonly ImportSource[],
  options: ScanImportOptions,
): Promise<ScanRecord[]> {
  const importId = newId();
  return whileRunning(importId, async () => {
    try {
      const pageCount = await stageAll(db, importId, documentId, sources, options);
      if (options.signal.aborted) throw new ImportCancelled();
      return await commitStaged(db, importId, documentId, pageCount);
    } catch (error) {
      throw storageRefusal(sources.map((s) => s.name), error) ?? error;
    } finally {
      // If even this fails (the library is unwritable), the next start deletes them.
      await db.stagedScans
        .where('importId')
        .equals(importId)
        .delete()
        .catch((error: unknown) => console.warn('Staged pages are left for the next start to delete', error));
    }
  });
}

const LOCK_PREFIX = 'marginalia:scan-import:';

/** Runs an import holding its Web Lock, where the browser has them. */
function whileRunning<T>(importId: string, run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request(LOCK_PREFIX + importId, run) : run();
}

async function stageAll(
  db: MarginaliaDatabase,
  importId: string,
  documentId: string,
  sources: readonly ImportSource[],
  { signal, onProgress }: ScanImportOptions,
): Promise<number> {
  const problems = [];
  let pagesDone = 0;
  let order = 0;
  const stage = async (sourceName: string, pageNumber: number, decoded: DecodedScan): Promise<void> => {
    const record: StagedScanRecord = {
      id: newId(),
      importId,
      documentId,
      sheetIndex: 0, // decided when the import is committed
      blob: decoded.blob,
      mime: decoded.mime,
      size: decoded.blob.size,
      width: decoded.width,
      height: decoded.height,
      generated: false,
      caption: '',
      order: order++,
      thumbnail: decoded.thumbnail,
      sourceName,
      pageNumber,
    };
    await db.stagedScans.add(record);
    pagesDone++;
  };

  for (const [fileIndex, source] of sources.entries()) {
    if (signal.aborted) throw new ImportCancelled();
    const report = (page: number, pageCount: number): void =>
      onProgress({ fileName: source.name, fileIndex, fileCount: sources.length, page, pageCount, pagesDone });
    try {
      report(0, 1);
      const bytes = await readWithin(source, MAX_SCAN_FILE_BYTES);
      if (sniffScanFormat(bytes) === 'pdf') {
        // pdf.js is large: it is loaded the first time a PDF is imported, not at start-up.
        const { openPdf } = await import('../scans/pdf-pages');
        const pdf = await openPdf(source.name, bytes, signal);
        try {
          for (let page = 1; page <= pdf.pageCount; page++) {
            if (signal.aborted) throw new ImportCancelled();
            report(page, pdf.pageCount);
            await stage(source.name, page, await pdf.renderPage(page, signal));
          }
        } finally {
          await pdf.close();
        }
      } else {
        report(1, 1);
        await stage(source.name, 1, await decodeImageFile(source.name, bytes));
      }
    } catch (error) {
      if (error instanceof ImportCancelled || signal.aborted) throw new ImportCancelled();
      // The library refusing a page is no fault of the file, and the next file would meet it too.
      const refused = storageRefusal([source.name], error);
      if (refused) throw refused;
      problems.push(asImportError(source.name, error));
    }
  }
  if (problems.length > 0) throw new ImportFailure(problems);
  return pagesDone;
}

/** Moves the staged pages into the library in one transaction, giving each its sheet. */
async function commitStaged(db: MarginaliaDatabase, importId: string, documentId: string, pageCount: number): Promise<ScanRecord[]> {
  return db.transaction('rw', [db.stagedScans, db.scans, db.documents], async () => {
    const document = await db.documents.get(documentId);
    if (!document) throw new Error('The document was deleted while its scans were being imported.');
    const staged = await db.stagedScans.where('importId').equals(importId).sortBy('order');
    // Pages missing from the staging table (deleted by a start-up that could not tell this import was running): add none rather than some.
    if (staged.length !== pageCount) throw new Error(`only ${staged.length} of the ${pageCount} pages read were still waiting to be added. Import the files again.`);
    const existing = await db.scans.where('documentId').equals(documentId).toArray();
    const sheets = assignSheets(existing, staged.length, document.sheetCount);
    const firstOrder = existing.reduce((max, s) => Math.max(max, s.order + 1), 0);
    const scans: ScanRecord[] = staged.map(({ importId: _importId, ...scan }, i) => ({
      ...scan,
      sheetIndex: sheets[i]!,
      order: firstOrder + i,
    }));
    await db.scans.bulkAdd(scans);
    await db.stagedScans.where('importId').equals(importId).delete();
    return scans;
  });
}

/**
 * Throws away pages staged by imports that a crash or a closed window interrupted: those of
 * every import whose lock nobody holds (all of them where the browser has no Web Locks). Staged
 * pages are never shown, so one that cannot be deleted now only waits for the next start.
 */
export async function discardInterruptedImports(db: MarginaliaDatabase): Promise<void> {
  try {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) {
      await db.stagedScans.clear();
      return;
    }
    const held = (await locks.query()).held ?? [];
    const running = new Set(held.flatMap((lock) => (lock.name?.startsWith(LOCK_PREFIX) ? [lock.name.slice(LOCK_PREFIX.length)] : [])));
    const importIds = (await db.stagedScans.orderBy('importId').uniqueKeys()) as string[];
    const interrupted = importIds.filter((id) => !running.has(id));
    if (interrupted.length > 0) await db.stagedScans.where('importId').anyOf(interrupted).delete();
  } catch (error) {
    console.warn('Pages staged by an interrupted import could not be deleted; the next start tries again', error);
  }
}
