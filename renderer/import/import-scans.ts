/**
 * Importing page images and PDFs as the scans of a document.
 *
 * Pages are decoded one at a time and written to a staging table as they come, so a
 * 300-page PDF never has more than one rendered page in memory and the window stays
 * responsive. Only when every file has been read are the staged pages moved into the library,
 * in one transaction; on an error or a cancel the staged pages are thrown away and the library
 * is exactly as it was.
 */
import { MAX_SCAN_FILE_BYTES } from '../../shared/importers/import-error';
import { sniffScanFormat } from '../../shared/importers/scan-format';
import type { MarginaliaDatabase } from '../db/database';
import { newId } from '../db/ids';
import type { ScanRecord, StagedScanRecord } from '../db/records';
import type { DecodedScan } from '../scans/decoded-scan';
import { decodeImageFile } from '../scans/decode-image';
import { assignSheets } from './assign-sheets';
import { asImportError, ImportCancelled, ImportFailure } from './import-failure';
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
  try {
    await stageAll(db, importId, documentId, sources, options);
    if (options.signal.aborted) throw new ImportCancelled();
    return await commitStaged(db, importId, documentId);
  } finally {
    await db.stagedScans.where('importId').equals(importId).delete();
  }
}

async function stageAll(
  db: MarginaliaDatabase,
  importId: string,
  documentId: string,
  sources: readonly ImportSource[],
  { signal, onProgress }: ScanImportOptions,
): Promise<void> {
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
      problems.push(asImportError(source.name, error));
    }
  }
  if (problems.length > 0) throw new ImportFailure(problems);
}

/** Moves the staged pages into the library in one transaction, giving each its sheet. */
async function commitStaged(db: MarginaliaDatabase, importId: string, documentId: string): Promise<ScanRecord[]> {
  return db.transaction('rw', [db.stagedScans, db.scans, db.documents], async () => {
    const document = await db.documents.get(documentId);
    if (!document) throw new Error('The document was deleted while its scans were being imported.');
    const staged = await db.stagedScans.where('importId').equals(importId).sortBy('order');
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

/** Throws away pages staged by imports that a crash or a closed window interrupted. */
export async function discardInterruptedImports(db: MarginaliaDatabase): Promise<void> {
  await db.stagedScans.clear();
}
