import { resolveObjectURL } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { inflateSync, strToU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { annotationCollection, annotationItemsJson, COLLECTION_TAIL, collectionHeadJson, type CollectionOptions } from './annotation-jsonld';
import { DEFLATE_WORKER_SOURCE, DeflaterFailure, inThreadDeflater, startDeflateWorker, type DeflatedEntry } from './deflate-worker';
import { sha256Hex } from './native';
import { readPack, readPackAsync } from './read-pack';
import { annotation, annotationsOfEveryKind, noteDocument, paragraphs, sampleDocument, TEACHER, textTarget } from './test-fixtures';
import type { Annotation } from '../annotation';
import type { PackInput } from './types';
import { STORED_ENTRY_BYTES, writePack, writePackAsync } from './write-pack';
import { crc32, readZipDirectory } from './zip';

const sample = sampleDocument(new Uint8Array(readFileSync('assets/sample/mao-to-filippov-1951-07-20.txt')));
const note = noteDocument();
const annotations = [
  ...annotationsOfEveryKind(sample, note),
  ...Array.from({ length: 120 }, (_, i) =>
    annotation({
      id: `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      documentId: note.record.id,
      kind: i % 2 ? 'commentary' : 'translation',
      target: textTarget(note, 'the'),
      creator: TEACHER,
      body: { doc: paragraphs(`Заметка ${i}: ${'слово за словом, '.repeat(8)}`), language: 'ru' },
    }),
  ),
];
const input: PackInput = { documents: [sample, note], annotations, creator: TEACHER, generator: 'Marginalia test' };
const created = '2026-03-03T09:00:00.000Z';

/**
 * A stand-in for the browser's Worker under Node: loads its script from the blob: URL and runs
 * it on a scope of its own (only what a worker's scope offers that the script uses), passing
 * messages as structured clones with their transfer lists, a moment later, as a worker does.
 */
class FakeWorker {
  static started = 0;
  static ended = 0;
  private readonly errorListeners: Array<(event: { message?: string }) => void> = [];
  protected readonly scope = {
    onmessage: null as ((event: { data: unknown }) => void) | null,
    CompressionStream: globalThis.CompressionStream,
    Response: globalThis.Response,
    TextEncoder: globalThis.TextEncoder,
    crypto: globalThis.crypto,
  };
  private readonly loaded: Promise<void>;

  constructor(url: string) {
    FakeWorker.started++;
    this.loaded = resolveObjectURL(url)!
      .text()
      .then((source) => new Function('self', source)(this.scope));
  }

  postMessage(message: unknown, transfer: Transferable[]): void {
    const copy = structuredClone(message, { transfer });
    void this.loaded.then(() => setTimeout(() => this.scope.onmessage?.({ data: copy })));
  }

  addEventListener(_type: 'error', listener: (event: { message?: string }) => void): void {
    this.errorListeners.push(listener);
  }

  protected error(message: string): void {
    for (const listener of this.errorListeners) listener({ message });
  }

  terminate(): void {
    FakeWorker.ended++;
    this.scope.onmessage = null;
  }
}

/** A Worker whose script never loads (a policy forbids it, say): it reports an error. */
class BrokenWorker extends FakeWorker {
  override postMessage(): void {
    setTimeout(() => this.error('refused'));
  }
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function checkDeflated(entry: DeflatedEntry, bytes: Uint8Array): void {
  const out = inflateSync(entry.data);
  expect(same(out, bytes)).toBe(true);
  expect(entry.size).toBe(bytes.length);
  expect(entry.crc32).toBe(crc32(bytes));
  expect(entry.sha256).toBe(sha256Hex(bytes));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the annotation collection in pieces', () => {
  const options: CollectionOptions = { marginalia: true, id: 'urn:marginalia:pack:1', label: 'Pieces', creator: TEACHER, created, generator: 'test' };

  // The head, the items in parts (each part after the first opening with a comma), the tail: as writePackAsync writes them.
  const inPieces = (parts: ReadonlyArray<readonly Annotation[]>, size?: number): string =>
    [collectionHeadJson(parts.flat(), options), ...parts.flatMap((part, i) => [...annotationItemsJson(part, options, parts.slice(0, i).every((p) => p.length === 0), size)]), COLLECTION_TAIL].join('');

  it('is JSON.stringify of the whole collection, whatever the size of the pieces and the parts', () => {
    const whole = JSON.stringify(annotationCollection(annotations, options));
    for (const size of [1, 7, 500]) expect(inPieces([annotations], size)).toBe(whole);
    const half = Math.floor(annotations.length / 2);
    expect(inPieces([[], annotations.slice(0, half), [], annotations.slice(half)], 3)).toBe(whole);
    expect(inPieces([])).toBe(JSON.stringify(annotationCollection([], options)));
  });
});

describe('the deflating service', { timeout: 60_000 }, () => {
  const json = JSON.stringify(annotationCollection(annotations, { marginalia: true, id: 'x', label: 'x', creator: TEACHER, created, generator: 'x' }));
  const text = strToU8(json);

  it('deflates whole entries and entries in pieces, with their CRC-32, size and SHA-256 (on this thread)', async () => {
    const deflater = inThreadDeflater()!;
    const pieces = deflater.pieces();
    // Text and bytes, as writePackAsync sends them.
    for (let at = 0; at < json.length; at += 10_000) pieces.push(at % 20_000 ? strToU8(json.slice(at, at + 10_000)) : json.slice(at, at + 10_000));
    const { size, entry } = pieces.end();
    const [whole, empty, pieced] = await Promise.all([deflater.deflate(text.slice()), deflater.deflate(new Uint8Array()), entry]);
    expect(await size).toBe(text.length);
    checkDeflated(whole, text);
    checkDeflated(empty, new Uint8Array());
    checkDeflated(pieced, text);
    deflater.close();
  });

  it('puts bytes given at the end before the pieces, stored, in the same deflate stream', async () => {
    const deflater = inThreadDeflater()!;
    // A head made last (as the collection's, which counts and hashes every annotation), short and long (over a stored block's 65,535 bytes).
    for (const head of [strToU8('{"head":"Коллекция",'), strToU8(`{"head":"${'x'.repeat(150_000)}",`)]) {
      const pieces = deflater.pieces();
      for (let at = 0; at < json.length; at += 10_000) pieces.push(strToU8(json.slice(at, at + 10_000)));
      const { size, entry } = pieces.end(head.slice());
      const whole = new Uint8Array([...head, ...text]);
      expect(await size).toBe(whole.length);
      checkDeflated(await entry, whole);
    }
    deflater.close();
  });

  it('runs from its own source alone, as a worker runs it, taking the bytes it is given over', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    expect(DEFLATE_WORKER_SOURCE).toContain('CompressionStream');
    const deflater = startDeflateWorker()!;
    const bytes = text.slice();
    const answer = deflater.deflate(bytes);
    expect(bytes.length).toBe(0); // handed over
    checkDeflated(await answer, text);
    deflater.close();
    await expect(deflater.deflate(text.slice())).rejects.toBeInstanceOf(DeflaterFailure);
  });
});

describe('writePackAsync with a worker', { timeout: 60_000 }, () => {
  it('writes the entries writePack writes, deflated in the worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const before = FakeWorker.started;
    const bytes = await writePackAsync(input, { created });
    expect(FakeWorker.started).toBe(before + 1);
    const js = writePack(input, { created });
    const ours = unzipSync(bytes);
    const theirs = unzipSync(js);
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    for (const name of Object.keys(ours)) expect(same(ours[name]!, theirs[name]!)).toBe(true);
    // Images and small JSON entries stored, the rest deflated.
    for (const entry of readZipDirectory(bytes, 100)) expect(entry.method).toBe(/\.jsonl?d?$/.test(entry.name) && entry.size >= STORED_ENTRY_BYTES ? 8 : 0);
    expect(await readPackAsync(bytes)).toEqual(readPack(js));
    // The same bytes again: the worker's zlib has one level, and every deflated entry goes to it.
    expect(same(await writePackAsync(input, { created }), bytes)).toBe(true);
  });

  it('starts its worker while the library is still being read, and ends it if the reading fails', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const before = FakeWorker.started;
    let give: (input: PackInput) => void = () => undefined;
    const writing = writePackAsync(new Promise<PackInput>((resolve) => (give = resolve)), { created });
    expect(FakeWorker.started).toBe(before + 1);
    give(input);
    expect(same(await writing, await writePackAsync(input, { created }))).toBe(true);
    const ended = FakeWorker.ended;
    await expect(writePackAsync(Promise.reject(new Error('The library could not be read.')), { created })).rejects.toThrow('The library could not be read.');
    expect(FakeWorker.ended).toBe(ended + 1);
  });

  it('writes annotations given in parts, as they are read, as it writes them given whole', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { annotations: all, ...rest } = input;
    const parts = [all.slice(0, 5), [], all.slice(5, 90), all.slice(90)];
    const bytes = await writePackAsync({ ...rest, annotationParts: parts.map((part) => Promise.resolve(part)) }, { created });
    const js = writePack(input, { created });
    const ours = unzipSync(bytes);
    const theirs = unzipSync(js);
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    for (const name of Object.keys(ours)) expect(same(ours[name]!, theirs[name]!)).toBe(true);
    // The collection's head (made last) is stored before the deflated items, in one deflate stream that any inflater reads.
    expect(await readPackAsync(bytes)).toEqual(readPack(js));
    expect(readPack(bytes)).toEqual(readPack(js));
  });

  it('is made on the page when the worker fails', async () => {
    vi.stubGlobal('Worker', BrokenWorker);
    const bytes = await writePackAsync(input, { created });
    expect(await readPackAsync(bytes)).toEqual(readPack(writePack(input, { created })));
  });
});
