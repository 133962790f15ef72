import { readFileSync } from 'node:fs';
import { inflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImportError } from '../importers/import-error';
import { hasNativeDeflate, hasNativeInflate } from './native';
import { readPack, readPackAsync } from './read-pack';
import { annotation, annotationsOfEveryKind, noteDocument, paragraphs, sampleDocument, TEACHER, textTarget, patchSizes } from './test-fixtures';
import type { PackInput } from './types';
import { STORED_ENTRY_BYTES, writePack, writePackAsync } from './write-pack';
import { crc32, NATIVE_MIN_BYTES, readZipDirectory, readZipEntryAsync } from './zip';

const sample = sampleDocument(new Uint8Array(readFileSync('assets/sample/mao-to-filippov-1951-07-20.txt')));
const note = noteDocument();
// Enough commentary that annotations.jsonld (over 64 KiB) is deflated natively; the small entries are deflated by fflate.
const annotations = [
  ...annotationsOfEveryKind(sample, note),
  ...Array.from({ length: 150 }, (_, i) =>
    annotation({
      id: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      documentId: note.record.id,
      kind: 'commentary',
      target: textTarget(note, 'the'),
      creator: TEACHER,
      body: { doc: paragraphs(`Комментарий ${i}: ${'слово за словом, '.repeat(10)}`), language: 'ru' },
    }),
  ),
];
const input: PackInput = { documents: [sample, note], annotations, creator: TEACHER, generator: 'Marginalia test' };
const created = '2026-03-03T09:00:00.000Z';

afterEach(() => {
  vi.unstubAllGlobals();
});


/** Byte-for-byte equality (toEqual walks a typed array element by element, slowly). */
function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function sameEntries(a: Record<string, Uint8Array>, b: Record<string, Uint8Array>): boolean {
  return Object.keys(a).join('\n') === Object.keys(b).join('\n') && Object.keys(a).every((name) => same(a[name]!, b[name]!));
}

async function asyncRefusal(bytes: Uint8Array): Promise<string> {
  try {
    await readPackAsync(bytes, { fileName: 'seminar.mpack' });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).reason;
  }
  throw new Error('the pack was accepted');
}

// Generous timeouts: each test writes and reads a few packs, slow on a busy two-core machine.
describe('packs written and read with the platform’s deflate and SHA-256', { timeout: 60_000 }, () => {
  let native: Uint8Array;
  let js: Uint8Array;
  beforeAll(async () => {
    native = await writePackAsync(input, { created });
    js = writePack(input, { created });
  }, 60_000);

  it('are made natively here (Node 20 has CompressionStream, DecompressionStream and crypto.subtle)', () => {
    expect(hasNativeDeflate()).toBe(true);
    expect(hasNativeInflate()).toBe(true);
  });

  it('read back identically with readPack and readPackAsync, and hold the same entries as writePack’s', async () => {
    // The same entries, byte for byte (the manifest with its hashes included); only the deflating differs.
    expect(sameEntries(unzipSync(native), unzipSync(js))).toBe(true);
    const expected = readPack(js);
    expect(readPack(native)).toEqual(expected);
    expect(await readPackAsync(native)).toEqual(expected);
    expect(await readPackAsync(js)).toEqual(expected);
    expect(expected.documents).toEqual([sample, note]);
    expect(expected.annotations).toEqual(annotations);
  });

  it('are plain zips: every deflated entry inflates with fflate too, to the CRC-32 and size the directory gives', async () => {
    const entries = readZipDirectory(native, 100);
    // Both kinds of JSON entry are here: small ones stored, large ones deflated.
    expect(entries.some((e) => e.name.startsWith('documents/') && e.method === 0)).toBe(true);
    expect(entries.filter((e) => e.method === 8).map((e) => e.name)).toContain('annotations.jsonld');
    expect(entries[0]!.name).toBe('manifest.json');
    expect(entries.find((e) => e.name === 'annotations.jsonld')!.size).toBeGreaterThan(NATIVE_MIN_BYTES);
    // Deflated natively (zlib's default level), not as writePack deflates it (fflate).
    const fflate = readZipDirectory(js, 100).find((e) => e.name === 'annotations.jsonld')!;
    expect(entries.find((e) => e.name === 'annotations.jsonld')!.compressedSize).not.toBe(fflate.compressedSize);
    for (const entry of entries) {
      expect(entry.method).toBe(/\.jsonl?d?$/.test(entry.name) && entry.size >= STORED_ENTRY_BYTES ? 8 : 0);
      const data = native.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
      const out = entry.method === 8 ? inflateSync(data) : data;
      expect(out.length).toBe(entry.size);
      expect(crc32(out)).toBe(entry.crc32);
      expect(same(await readZipEntryAsync(native, entry), out)).toBe(true);
    }
  });

  it('writes the same bytes for the same input and time, and reports progress to the end', async () => {
    const calls: Array<[number, number]> = [];
    expect(same(await writePackAsync(input, { created, onProgress: (done, total) => calls.push([done, total]) }), native)).toBe(true);
    expect(calls[0]![0]).toBe(0);
    expect(calls.at(-1)![0]).toBe(calls.at(-1)![1]);
  });

  it('fall back on fflate and @noble/hashes where the host has neither, writing what writePack writes', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    vi.stubGlobal('DecompressionStream', undefined);
    vi.stubGlobal('crypto', {});
    expect(hasNativeDeflate()).toBe(false);
    const bytes = await writePackAsync(input, { created });
    expect(same(bytes, js)).toBe(true);
    expect((await readPackAsync(bytes)).annotations).toEqual(annotations);
  });

  it('keep the zip-bomb bound: inflating stops past the declared size, and damaged data is refused', async () => {
    const good = native;
    const files = unzipSync(good);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { contents: { files: unknown[] } };
    manifest.contents.files.push({ path: 'documents/liar.json', bytes: 500, sha256: '0'.repeat(64) });
    const liar = patchSizes(
      zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(manifest)), 'documents/liar.json': new Uint8Array(512 * 1024) }),
      'documents/liar.json',
      { size: 500 },
    );
    expect(await asyncRefusal(liar)).toBe(
      'its file “documents/liar.json” expands to more than the 500 bytes its zip directory declares; a genuine pack never does this, so it was stopped',
    );

    // An entry whose deflate data is overwritten: refused, not read wrong.
    const entry = readZipDirectory(good, 100).find((e) => e.name === 'annotations.jsonld')!;
    const damaged = good.slice();
    damaged.fill(0xff, entry.dataOffset + 10, entry.dataOffset + entry.compressedSize);
    expect(await asyncRefusal(damaged)).toMatch(
      /^its file “annotations\.jsonld” is damaged: (its compressed data cannot be read|it is shorter than its zip directory declares|its checksum does not match)$/,
    );

    // A directory (and manifest) declaring one byte more than the data inflates to.
    const listed = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { contents: { files: Array<{ path: string; bytes: number }> } };
    listed.contents.files.find((f) => f.path === 'annotations.jsonld')!.bytes = entry.size + 1;
    const short = patchSizes(zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(listed)) }), 'annotations.jsonld', { size: entry.size + 1 });
    expect(await asyncRefusal(short)).toBe('its file “annotations.jsonld” is damaged: it is shorter than its zip directory declares');
  });
});
