import { describe, expect, it, vi } from 'vitest';
import { checkSaveFileArguments, saveDialogOptions, writeWhole } from './save-file';

describe('checking a save request from the renderer', () => {
  it('accepts a purpose, a name and bytes, and makes the name safe', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(checkSaveFileArguments('c', ['tei', '../Telegram: 1951', bytes])).toEqual({ purpose: 'tei', suggestedName: 'Telegram 1951.xml', bytes });
  });

  it.each([
    [['tei', 'x']],
    [['exe', 'x', new Uint8Array()]],
    [['tei', 42, new Uint8Array()]],
    [['tei', 'x', 'not bytes']],
    [['tei', 'x', [1, 2]]],
  ])('refuses %j', (args) => {
    expect(() => checkSaveFileArguments('c', args)).toThrow();
  });
});

describe('the save dialog', () => {
  it('offers the purpose’s file type in the chosen folder', () => {
    const options = saveDialogOptions('pack', 'Seminar.mpack', '/home/h/Documents');
    expect(options.defaultPath).toBe('/home/h/Documents/Seminar.mpack');
    expect(options.filters).toEqual([{ name: 'Marginalia annotation pack', extensions: ['mpack'] }]);
  });
});

describe('writing a whole file', () => {
  it('writes beside the target, then renames over it', async () => {
    const fs = { writeFile: vi.fn(async () => undefined), rename: vi.fn(async () => undefined), rm: vi.fn(async () => undefined) };
    await writeWhole('/d/a.xml', new Uint8Array([1]), fs);
    expect(fs.writeFile).toHaveBeenCalledWith('/d/a.xml.partial', new Uint8Array([1]));
    expect(fs.rename).toHaveBeenCalledWith('/d/a.xml.partial', '/d/a.xml');
  });

  it('leaves nothing behind when the disk refuses', async () => {
    const fs = {
      writeFile: vi.fn(async () => {
        throw new Error('ENOSPC');
      }),
      rename: vi.fn(async () => undefined),
      rm: vi.fn(async () => undefined),
    };
    await expect(writeWhole('/d/a.xml', new Uint8Array([1]), fs)).rejects.toThrow('ENOSPC');
    expect(fs.rename).not.toHaveBeenCalled();
    expect(fs.rm).toHaveBeenCalledWith('/d/a.xml.partial', { force: true });
  });
});
