import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { emptyMetadata } from '../shared/document-metadata';
import { MAX_TEXT_FILE_BYTES } from '../shared/importers/import-error';
import type { CliIo } from './command';
import { main } from './main';

// Every run spawns Node and bundles the tool (a few hundred milliseconds); a loaded machine needs room.
vi.setConfig({ testTimeout: 60_000 });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = 'assets/sample/mao-to-filippov-1951-07-20.txt';
const scratch = mkdtempSync(path.join(tmpdir(), 'marginalia-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `node bin/marginalia.mjs ARGS` from the project folder, as a user would. */
function marginalia(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['bin/marginalia.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scratchFile(name: string, bytes: Uint8Array | string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, bytes);
  return file;
}

describe('marginalia doc parse --json', () => {
  it('prints the bundled telegram as JSON: every metadata field, four sheets', () => {
    const { status, stdout, stderr } = marginalia('doc', 'parse', seed, '--json');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['file', 'format', 'encoding', 'metadata', 'sheets']);
    expect(json).toMatchObject({ file: seed, format: 'wilson-center', encoding: 'utf-8' });
    expect(Object.keys(json.metadata)).toEqual(Object.keys(emptyMetadata()));
    expect(json.metadata.dateIso).toBe('1951-07-20');
    expect(json.metadata.languageCode).toBe('ru');
    expect(json.sheets).toHaveLength(4);
    for (const sheet of json.sheets) expect(Object.keys(sheet)).toEqual(['label', 'numberAsWritten', 'paragraphs']);
    expect(json.sheets.map((s: { numberAsWritten: string }) => s.numberAsWritten)).toEqual(['', '2', '8', '1']);
    expect(stdout).toMatch(/^\{\n {2}"file"/); // pretty-printed
  });

  it.each([
    ['chinese-original-english-translation.txt', { textKind: 'translation', languageCode: 'en', originalLanguage: 'Chinese' }, 2],
    ['korean-document-information.txt', { textKind: 'original', languageCode: 'ko', recordId: '900002' }, 2],
    ['english-missing-fields.txt', { summary: '', credits: '', languageCode: 'en' }, 2],
    ['russian-unknown-section.txt', { languageCode: 'ru', dateIso: '1952-03-10' }, 4],
  ])('parses the fixture %s', (name, metadata, sheets) => {
    const { status, stdout } = marginalia('doc', 'parse', `shared/importers/fixtures/${name}`, '--json');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.format).toBe('wilson-center');
    expect(json.metadata).toMatchObject(metadata);
    expect(json.sheets).toHaveLength(sheets);
  });

  it('reads a Windows-1251 plain-text file and says so', () => {
    // "Лист 1" / "Текст." / "Лист 2" / "Ещё." in Windows-1251.
    const bytes = new Uint8Array([
      0xcb, 0xe8, 0xf1, 0xf2, 0x20, 0x31, 0x0d, 0x0a, 0x0d, 0x0a, 0xd2, 0xe5, 0xea, 0xf1, 0xf2, 0x2e, 0x0d, 0x0a, 0x0d, 0x0a,
      0xcb, 0xe8, 0xf1, 0xf2, 0x20, 0x32, 0x0d, 0x0a, 0x0d, 0x0a, 0xc5, 0xf9, 0xb8, 0x2e,
    ]);
    const { status, stdout } = marginalia('doc', 'parse', scratchFile('cp1251.txt', bytes), '--json');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ format: 'plain-text', encoding: 'windows-1251', metadata: { title: 'cp1251', languageCode: 'ru' } });
    expect(json.sheets.map((s: { paragraphs: string[] }) => s.paragraphs)).toEqual([['Лист 1', 'Текст.'], ['Лист 2', 'Ещё.']]);
  });
});

describe('marginalia doc parse', () => {
  it('prints a summary for people without --json', () => {
    const { status, stdout } = marginalia('doc', 'parse', seed);
    expect(status).toBe(0);
    expect(stdout).toContain('Title:     Ciphered Telegram from Mao Zedong to Filippov [Stalin]');
    expect(stdout).toContain('Date:      July 20, 1951 (1951-07-20)');
    expect(stdout).toContain('Format:    Wilson Center page, UTF-8');
    expect(stdout).toContain('Sheets:    4');
    expect(stdout).toMatch(/Sheet 3 \(numbered "8"\): \d+ paragraphs/);
  });

  it('exits 1 naming a file it cannot read', () => {
    const missing = path.join(scratch, 'missing.txt');
    const { status, stdout, stderr } = marginalia('doc', 'parse', missing, '--json');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`marginalia: cannot read ${missing}: no such file\n`);
    expect(marginalia('doc', 'parse', scratch).stderr).toBe(`marginalia: cannot read ${scratch}: it is a directory\n`);
  });

  it('exits 1 on an empty file, naming it and the reason', () => {
    const empty = scratchFile('empty.txt', '');
    const { status, stdout, stderr } = marginalia('doc', 'parse', empty, '--json');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`marginalia: “${empty}” cannot be imported: the file is empty\n`);
  });

  it('exits 1 on binary files named .txt, naming them and the reason', () => {
    const png = scratchFile('scan.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
    expect(marginalia('doc', 'parse', png)).toMatchObject({
      status: 1,
      stderr: `marginalia: “${png}” cannot be imported: it is not a text file (it looks like a PNG image)\n`,
    });
    const binary = scratchFile('data.txt', new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)));
    expect(marginalia('doc', 'parse', binary)).toMatchObject({
      status: 1,
      stderr: `marginalia: “${binary}” cannot be imported: it is not a text file (it looks like binary data)\n`,
    });
  });

  it('exits 1 on a file of another kind', () => {
    const html = scratchFile('page.html', '<p>Text</p>');
    expect(marginalia('doc', 'parse', html).stderr).toBe(
      `marginalia: “${html}” cannot be imported: only .txt and .md text files can be imported as documents\n`,
    );
  });

  it('refuses a file over the size limit from its size, before reading it', async () => {
    const io = recordingIo(async (_path, checkSize) => {
      checkSize(MAX_TEXT_FILE_BYTES + 1);
      throw new Error('read a file it should have refused');
    });
    expect(await main(['doc', 'parse', 'huge.txt'], io)).toBe(1);
    expect(io.errText()).toBe('marginalia: “huge.txt” cannot be imported: it is larger than the 20 MB limit for text files\n');
  });
});

describe('marginalia usage', () => {
  it.each([[['frobnicate']], [['doc']], [['doc', 'frob', 'x.txt']], [[]]])('exits 2 with the usage on stderr for %j', (args) => {
    const { status, stdout, stderr } = marginalia(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: marginalia COMMAND');
    expect(stderr).toContain('marginalia doc parse FILE [--json]');
  });

  it('exits 2 on a wrong command line for doc parse', () => {
    for (const args of [['doc', 'parse'], ['doc', 'parse', 'a.txt', 'b.txt'], ['doc', 'parse', '--yaml', 'a.txt']]) {
      const { status, stderr } = marginalia(...args);
      expect(status).toBe(2);
      expect(stderr).toContain('Usage: marginalia doc parse FILE [--json]');
    }
  });

  it('prints help on stdout and exits 0 when asked for it', () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const { status, stdout } = marginalia(...args);
      expect(status).toBe(0);
      expect(stdout).toContain('marginalia doc parse FILE [--json]');
    }
    expect(marginalia('help', 'doc', 'parse').stdout).toMatch(/^Usage: marginalia doc parse FILE \[--json\]/);
  });
});

function recordingIo(readFile: CliIo['readFile']): CliIo & { errText(): string } {
  const err: string[] = [];
  return {
    out: () => {},
    err: (text) => void err.push(text),
    readFile,
    writeFile: async () => {},
    listDirectory: async () => [],
    errText: () => err.join(''),
  };
}
