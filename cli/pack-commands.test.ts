import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readPack } from '../shared/pack/read-pack';
import { annotationsOfEveryKind, edited, noteDocument, paragraphs, pngBytes, sampleDocument, STUDENT_A, STUDENT_B, TEACHER } from '../shared/pack/test-fixtures';
import type { PackInput } from '../shared/pack/types';
import { writePack } from '../shared/pack/write-pack';
import type { CliIo } from './command';
import { main } from './main';
import { nodeIo } from './node-io';

// Two runs spawn Node and bundle the tool (a few hundred milliseconds each); the rest run in-process.
vi.setConfig({ testTimeout: 60_000 });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = 'assets/sample/mao-to-filippov-1951-07-20.txt';
const scratch = mkdtempSync(path.join(tmpdir(), 'marginalia-pack-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function marginalia(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['bin/marginalia.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the tool in this process on real files, capturing what it prints. */
async function run(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { ...nodeIo, out: (text) => void out.push(text), err: (text) => void err.push(text) };
  const status = await main(args, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

function scratchPath(name: string): string {
  return path.join(scratch, name);
}

const sample = sampleDocument(new Uint8Array(readFileSync(path.join(root, seed))));
const note = noteDocument();
const course: PackInput = { documents: [sample, note], annotations: annotationsOfEveryKind(sample, note), creator: TEACHER, generator: 'Marginalia test' };

describe('marginalia pack create / validate (as a user runs them)', () => {
  it('makes a course pack from the sample that validates', () => {
    const out = scratchPath('sample.mpack');
    const created = marginalia('pack', 'create', seed, '-o', out, '--creator-name', 'Irina Volkova');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toBe(
      `Wrote ${out}: 1 document, 0 scans\n  Ciphered Telegram from Mao Zedong to Filippov [Stalin] (${seed}): 4 sheets, 0 scans, id wilson-center-119538\n`,
    );
    const validated = marginalia('pack', 'validate', out);
    expect(validated).toMatchObject({ status: 0, stdout: `${out}: valid (1 document, 0 annotations, pack format 1.0)\n`, stderr: '' });
  });
});

describe('marginalia pack create', () => {
  it('attaches scans named <document>-<sheet>[-<part>].<ext>, and lists the files it left out', async () => {
    const dir = scratchPath('scans');
    mkdirSync(dir, { recursive: true });
    const text = scratchPath('mao.txt');
    copyFileSync(path.join(root, seed), text);
    copyFileSync(path.join(root, 'shared/importers/fixtures/english-missing-fields.txt'), scratchPath('mao-1.txt'));
    writeFileSync(path.join(dir, 'mao-1.png'), pngBytes(10, 12, 1));
    writeFileSync(path.join(dir, 'mao-3-2.PNG'), pngBytes(10, 12, 2));
    writeFileSync(path.join(dir, 'mao-3-1.png'), pngBytes(10, 12, 3));
    writeFileSync(path.join(dir, 'mao-1-2.png'), pngBytes(10, 12, 4)); // sheet 2 of "mao-1", not sheet 1 part 2 of "mao"
    writeFileSync(path.join(dir, 'notes.txt'), 'not a scan');
    const out = scratchPath('course.mpack');
    const result = await run('pack', 'create', text, scratchPath('mao-1.txt'), '--scans', dir, '-o', out);
    expect(result.stderr).toBe(`marginalia: left out 1 file in ${dir} that matches no document (name scans <document>-<sheet>.<ext>): notes.txt\n`);
    expect(result.status).toBe(0);
    const pack = readPack(new Uint8Array(readFileSync(out)));
    const [mao, other] = pack.documents;
    expect(mao!.scans.map((s) => [s.sourceName, s.sheetIndex, s.order, s.mime, s.width, s.height])).toEqual([
      ['mao-1.png', 0, 0, 'image/png', 10, 12],
      ['mao-3-1.png', 2, 1, 'image/png', 10, 12],
      ['mao-3-2.PNG', 2, 2, 'image/png', 10, 12],
    ]);
    expect(other!.scans.map((s) => [s.sourceName, s.sheetIndex])).toEqual([['mao-1-2.png', 1]]);
    expect(pack.manifest.creator).toEqual({ id: 'urn:marginalia:command-line', name: 'Marginalia command line' });
    // The same files make the same documents: importing the pack again would change nothing.
    await run('pack', 'create', text, '-o', scratchPath('again.mpack'));
    expect(readPack(new Uint8Array(readFileSync(scratchPath('again.mpack')))).documents[0]!.record.id).toBe(mao!.record.id);
  });

  it('refuses scans for sheets a document does not have, and files that are not images', async () => {
    const dir = scratchPath('bad-scans');
    mkdirSync(dir, { recursive: true });
    const text = scratchPath('telegram.txt');
    copyFileSync(path.join(root, seed), text);
    writeFileSync(path.join(dir, 'telegram-9.png'), pngBytes(4, 4));
    expect(await run('pack', 'create', text, '--scans', dir, '-o', scratchPath('x.mpack'))).toMatchObject({
      status: 1,
      stderr: 'marginalia: the scan telegram-9.png is for sheet 9, but “Ciphered Telegram from Mao Zedong to Filippov [Stalin]” has 4 sheets\n',
    });
    rmSync(path.join(dir, 'telegram-9.png'));
    writeFileSync(path.join(dir, 'telegram-1.jpg'), '<html>not a scan</html>');
    expect(await run('pack', 'create', text, '--scans', dir, '-o', scratchPath('x.mpack'))).toMatchObject({
      status: 1,
      stderr: `marginalia: ${dir}/telegram-1.jpg is not a JPEG, PNG, WebP or TIFF image\n`,
    });
    expect(await run('pack', 'create', scratchPath('missing.txt'), '-o', scratchPath('x.mpack'))).toMatchObject({
      status: 1,
      stderr: `marginalia: cannot read ${scratchPath('missing.txt')}: no such file\n`,
    });
  });
});

describe('marginalia pack info / validate / annotations', () => {
  const file = scratchPath('teacher.mpack');
  writeFileSync(file, writePack(course, { created: '2026-03-01T10:00:00.000Z' }));

  it('prints what a pack holds', async () => {
    const { status, stdout } = await run('pack', 'info', file);
    expect(status).toBe(0);
    expect(stdout).toContain('Format:      marginalia-pack 1.0, made by Marginalia test\n');
    expect(stdout).toContain('Creator:     Irina Volkova <urn:uuid:7e3c1a52-0000-4000-8000-00000000000a>\n');
    expect(stdout).toContain('  Ciphered Telegram from Mao Zedong to Filippov [Stalin] (1951-07-20): 4 sheets, 10 annotations, 2 scans\n');
    expect(stdout).toContain('Annotations: 11: 5 commentary, 2 translation, 3 cross-reference; 1 deleted; 1 with conflicting versions; 2 orphaned\n');
    expect(stdout).toContain('  Irina Volkova: 5 commentary, 2 translation, 3 cross-reference\n');
    expect(stdout).toMatch(/Scans: {7}2, all included \(\d+ (bytes|KB)\)\n/);
    const json = JSON.parse((await run('pack', 'info', file, '--json')).stdout);
    expect(json).toMatchObject({ file, formatVersion: '1.0', annotations: { total: 11, byKind: { commentary: 5, translation: 2, crossref: 3 } }, warnings: [] });
  });

  it('says “valid”, or “invalid” with the reason and exit code 1', async () => {
    const broken = scratchPath('broken.mpack');
    writeFileSync(broken, readFileSync(file).subarray(0, 2000));
    const result = await run('pack', 'validate', file, broken);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`${file}: valid (2 documents, 11 annotations, pack format 1.0)\n`);
    expect(result.stderr).toBe(`${broken}: invalid: the file is damaged or cut off (was it fully copied or downloaded?)\n`);
    expect(await run('pack', 'info', broken)).toMatchObject({ status: 1, stderr: `marginalia: “${broken}” cannot be imported: the file is damaged or cut off (was it fully copied or downloaded?)\n` });
  });

  it('writes the annotations alone as W3C JSON-LD, for other tools or as the pack holds them', async () => {
    const plain = scratchPath('plain.jsonld');
    expect(await run('pack', 'annotations', file, '-o', plain)).toMatchObject({ status: 0, stdout: `Wrote 10 annotations to ${plain}\n` });
    const collection = JSON.parse(readFileSync(plain, 'utf8'));
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.items).toHaveLength(10);
    const full = scratchPath('full.jsonld');
    expect(await run('pack', 'annotations', file, '-o', full, '--marginalia')).toMatchObject({ status: 0, stdout: `Wrote 11 annotations to ${full}\n` });
    expect(JSON.parse(readFileSync(full, 'utf8')).first.items[7]['marginalia:deleted']).toBe(true);
  });

  it('exits 2 on a command line it does not understand', async () => {
    for (const args of [['pack', 'annotations', file], ['pack', 'merge', file, '-o', 'x.mpack'], ['pack', 'info', file, '--yaml'], ['pack', 'create', seed], ['pack', 'validate']]) {
      const result = await run(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`Usage: marginalia pack ${args[1]}`);
    }
    expect((await run('pack')).stderr).toContain('"pack" needs a command: create, info, validate, merge, annotations');
  });
});

describe('marginalia pack merge', () => {
  it('merges students’ packs into the teacher’s, reporting conflicts, and a second merge of the same pack changes nothing', async () => {
    const id = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const student = (creator: typeof STUDENT_A, changes: Record<number, string>): string => {
      const annotations = course.annotations.map((a) => {
        const text = changes[Number(a.id.slice(-2))];
        return text ? edited(a, { body: { doc: paragraphs(text), language: 'en' } }, '2026-03-02T10:00:00.000Z') : a;
      });
      const file = scratchPath(`${creator.name.split(' ')[0]}.mpack`);
      writeFileSync(file, writePack({ ...course, annotations, creator }, { created: '2026-03-03T09:00:00.000Z' }));
      return file;
    };
    const teacher = scratchPath('teacher-base.mpack');
    writeFileSync(teacher, writePack(course, { created: '2026-03-01T10:00:00.000Z' }));
    const anna = student(STUDENT_A, { 1: 'Anna’s reading.', 2: 'Anna’s translation.' });
    const ben = student(STUDENT_B, { 1: 'Ben’s reading.' });
    const out = scratchPath('merged.mpack');

    const result = await run('pack', 'merge', teacher, anna, ben, '-o', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        `Base: ${teacher} (2 documents, 11 annotations)`,
        `Merged ${anna} (the pack from Anna Petrova, 3 March 2026):`,
        '  documents: 2 unchanged',
        '  annotations: 2 updated, 9 unchanged',
        '    by Irina Volkova: 2 updated, 9 unchanged',
        `Merged ${ben} (the pack from Ben Okafor, 3 March 2026):`,
        '  documents: 2 unchanged',
        '  annotations: 1 in conflict, 10 unchanged',
        '    by Irina Volkova: 1 in conflict, 10 unchanged',
        `  conflict: commentary ${id(1)} by Irina Volkova on “Ciphered Telegram from Mao Zedong to Filippov [Stalin]”: edited apart: the library’s version is kept, the pack’s is a conflicting version`,
        `Wrote ${out}: 2 documents, 11 annotations, 2 scans`,
        '',
      ].join('\n'),
    );
    const merged = readPack(new Uint8Array(readFileSync(out)));
    const one = merged.annotations.find((a) => a.id === id(1))!;
    expect(one.body.doc).toEqual(paragraphs('Anna’s reading.'));
    expect(one.conflicts!.map((c) => [c.source, c.annotation.body.doc])).toEqual([['the pack from Ben Okafor, 3 March 2026', paragraphs('Ben’s reading.')]]);
    expect(merged.manifest.creator).toEqual(TEACHER);

    const again = await run('pack', 'merge', out, ben, anna, '-o', scratchPath('again.mpack'));
    expect(again.stdout).toContain(`Merged ${ben} (the pack from Ben Okafor, 3 March 2026):\n  documents: 2 unchanged\n  annotations: 11 unchanged\n`);
    expect(again.stdout).toContain(`Merged ${anna} (the pack from Anna Petrova, 3 March 2026):\n  documents: 2 unchanged\n  annotations: 11 unchanged\n`);
  });
});
