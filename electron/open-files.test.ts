import { describe, expect, it } from 'vitest';
import { MAX_TEXT_FILE_BYTES } from '../shared/importers/import-error';
import { openDialogOptions, readChosenFiles, type FileReader } from './open-files';

function fakeFs(files: Record<string, number>): FileReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    stat: async (file) => ({ size: files[file] ?? 0, isFile: () => file in files }),
    readFile: async (file) => {
      reads.push(file);
      return new Uint8Array(files[file] ?? 0);
    },
  };
}

describe('readChosenFiles', () => {
  it('reads chosen files and reports the base name, size and limit', async () => {
    const fs = fakeFs({ '/home/h/telegram.txt': 12 });
    const [file] = await readChosenFiles(['/home/h/telegram.txt'], 'documents', fs);
    expect(file).toEqual({ name: 'telegram.txt', size: 12, limit: MAX_TEXT_FILE_BYTES, bytes: new Uint8Array(12) });
  });

  it('does not read a file over the limit, but still names it', async () => {
    const fs = fakeFs({ '/big.txt': MAX_TEXT_FILE_BYTES + 1 });
    const [file] = await readChosenFiles(['/big.txt'], 'documents', fs);
    expect(file?.bytes).toBeNull();
    expect(file?.name).toBe('big.txt');
    expect(fs.reads).toEqual([]);
  });

  it('skips what is not a file', async () => {
    expect(await readChosenFiles(['/a-folder'], 'scans', fakeFs({}))).toEqual([]);
  });
});

describe('openDialogOptions', () => {
  it('offers text files for documents and images and PDFs for scans', () => {
    expect(openDialogOptions('documents').filters?.[0]?.extensions).toEqual(['txt', 'text', 'md', 'markdown', 'xml']);
    expect(openDialogOptions('scans').filters?.[0]?.extensions).toContain('pdf');
    expect(openDialogOptions('scans').properties).toContain('multiSelections');
  });
});
