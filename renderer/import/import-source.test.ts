import { describe, expect, it } from 'vitest';
import { MAX_SCAN_FILE_BYTES } from '../../shared/importers/import-error';
import { fromOpenedFile, isDocumentFile, readWithin } from './import-source';

describe('readWithin', () => {
  it('refuses a file over the limit without reading it, naming the file and the limit', async () => {
    let read = false;
    const source = { name: 'archive-scan.pdf', size: MAX_SCAN_FILE_BYTES + 1, read: async () => ((read = true), new Uint8Array()) };
    await expect(readWithin(source, MAX_SCAN_FILE_BYTES)).rejects.toThrow(
      '“archive-scan.pdf” cannot be imported: it is 501 MB, larger than the limit of 500 MB.',
    );
    expect(read).toBe(false);
  });

  it('reads a file within the limit', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await readWithin({ name: 'a.png', size: 3, read: async () => bytes }, 10)).toBe(bytes);
  });

  it('reports a file the host refused to read as over the limit', async () => {
    const source = fromOpenedFile({ name: 'huge.tif', size: 2 ** 30, limit: MAX_SCAN_FILE_BYTES, bytes: null });
    await expect(source.read()).rejects.toThrow('“huge.tif” cannot be imported: it is larger than the limit of 500 MB.');
  });
});

describe('isDocumentFile', () => {
  it('takes text and Markdown files as documents and everything else as scans', () => {
    expect(['a.txt', 'b.MD', 'c.markdown', 'd.text'].map(isDocumentFile)).toEqual([true, true, true, true]);
    expect(['e.pdf', 'f.jpg', 'g.tiff', 'notes'].map(isDocumentFile)).toEqual([false, false, false, false]);
  });
});
