/**
 * A corpus of broken and malicious packs, generated here from a good one, each refused (or
 * tidied) with its own message.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../importers/import-error';
import { readPack, type ReadPackOptions } from './read-pack';
import { annotationsOfEveryKind, jpegBytes, NOTE_ID, noteDocument, sampleDocument, TEACHER, patchSizes } from './test-fixtures';
import type { ParsedPack } from './types';
import { writePack } from './write-pack';
import { readZipDirectory } from './zip';

const sample = sampleDocument(new Uint8Array(readFileSync('assets/sample/mao-to-filippov-1951-07-20.txt')));
const note = noteDocument();
const annotations = annotationsOfEveryKind(sample, note);
const good = writePack({ documents: [sample, note], annotations, creator: TEACHER, generator: 'Marginalia test' }, { created: '2026-03-03T09:00:00.000Z' });
const SAMPLE_ENTRY = 'documents/wilson-center-119538.json';
const SCAN_ENTRY = 'scans/5ca40001-aaaa-4bbb-8ccc-000000000001.png';
const NOTE_ENTRY = `documents/${NOTE_ID}.json`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The good pack's files, as text where they are JSON. */
function files(): Record<string, Uint8Array> {
  return unzipSync(good);
}

function json(name: string, from = files()): Json {
  return JSON.parse(strFromU8(from[name]!)) as Json;
}

/** A pack of these files, with a manifest listing them all with their true sizes and hashes (unless `manifest` is given as it should stay). */
function pack(entries: Record<string, Uint8Array | Json | string>, options: { keepManifest?: boolean } = {}): Uint8Array {
  const bytes: Record<string, Uint8Array> = {};
  for (const [name, value] of Object.entries(entries)) {
    bytes[name] = value instanceof Uint8Array ? value : strToU8(typeof value === 'string' ? value : JSON.stringify(value));
  }
  if (!options.keepManifest && bytes['manifest.json']) {
    const manifest = JSON.parse(strFromU8(bytes['manifest.json'])) as Json;
    manifest.contents.files = Object.entries(bytes)
      .filter(([name]) => name !== 'manifest.json')
      .map(([path, data]) => ({ path, bytes: data.length, sha256: bytesToHex(sha256(data)) }));
    bytes['manifest.json'] = strToU8(JSON.stringify(manifest));
  }
  return zipSync(bytes as Zippable);
}

/** The good pack with one JSON entry changed. */
function withJson(name: string, change: (value: Json) => void): Uint8Array {
  const all: Record<string, Uint8Array | Json> = files();
  const value = json(name);
  change(value);
  all[name] = value;
  return pack(all);
}

function refusal(bytes: Uint8Array, options: ReadPackOptions = {}): string {
  try {
    readPack(bytes, { fileName: 'seminar.mpack', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message.startsWith('“seminar.mpack” cannot be imported: ')).toBe(true);
    return (error as ImportError).reason;
  }
  throw new Error('the pack was accepted');
}

function read(bytes: Uint8Array): ParsedPack {
  return readPack(bytes, { fileName: 'seminar.mpack' });
}


describe('readPack refuses broken packs', () => {
  it('that are not zips, or are cut off', () => {
    expect(refusal(new Uint8Array(0))).toBe('the file is empty');
    expect(refusal(strToU8('Just some notes, renamed .mpack'))).toMatch(/^it is not a pack: a pack is a zip archive/);
    expect(refusal(good.subarray(0, Math.floor(good.length / 2)))).toBe('the file is damaged or cut off (was it fully copied or downloaded?)');
    expect(refusal(good.subarray(0, good.length - 30))).toMatch(/damaged or cut off|not a pack/);
  });

  it('with a damaged entry (its checksum does not match)', () => {
    const bytes = good.slice();
    // Flip a byte inside the stored scan image: its CRC-32 no longer matches.
    const at = findBytes(bytes, new Uint8Array([0x49, 0x44, 0x41, 0x54])); // "IDAT"
    bytes[at + 8]! ^= 0xff;
    expect(refusal(bytes)).toBe(`its file “${SCAN_ENTRY}” is damaged: its checksum does not match`);
  });

  it('with a stored JSON entry altered: its checksum, or else its hash in the manifest, does not match', () => {
    // Small JSON entries are stored (not deflated) since 2026: their bytes lie in the zip as they are.
    const entry = readZipDirectory(good, 100).find((e) => e.name === NOTE_ENTRY)!;
    expect(entry.method).toBe(0);
    const bytes = good.slice();
    const title = findBytes(bytes.subarray(entry.dataOffset, entry.dataOffset + entry.size), strToU8('Kennan met')) + entry.dataOffset;
    bytes[title] = 'k'.charCodeAt(0);
    expect(refusal(bytes)).toBe(`its file “${NOTE_ENTRY}” is damaged: its checksum does not match`);
    // Rezipped, every entry stored, the CRC-32s right but the manifest's hashes those of the true files.
    const all = files();
    const altered = strToU8(strFromU8(all[NOTE_ENTRY]!).replace('Kennan met', 'kennan met'));
    expect(refusal(zipSync({ ...all, [NOTE_ENTRY]: altered } as Zippable, { level: 0 }))).toBe(
      `its file “${NOTE_ENTRY}” does not match the checksum in its manifest, so the pack is damaged or was altered`,
    );
    // Unaltered, all stored (annotations.jsonld too): read as the pack it is.
    expect(read(zipSync(all as Zippable, { level: 0 }))).toEqual(read(good));
  });

  it('without a manifest, or with a manifest of something else', () => {
    const { 'manifest.json': _manifest, ...rest } = files();
    expect(refusal(pack(rest))).toBe('it is not a Marginalia pack: it has no manifest.json');
    expect(refusal(withJson('manifest.json', (m) => (m.format = 'zotero-export')))).toBe(
      'it is not a Marginalia pack: its manifest names the format “zotero-export” instead of “marginalia-pack”',
    );
    expect(refusal(pack({ ...files(), 'manifest.json': '{"format": "marginalia-pack", ' }, { keepManifest: true }))).toMatch(/^its file “manifest.json” is not valid JSON \(/);
  });

  it('from a newer major version, with a message to update', () => {
    expect(refusal(withJson('manifest.json', (m) => (m.formatVersion = '2.0')))).toBe(
      'it was made by a newer version of Marginalia, in pack format 2.0, which this version (reading format 1.x) cannot read safely. Update Marginalia to import it.',
    );
    expect(refusal(withJson('manifest.json', (m) => (m.formatVersion = 'one')))).toBe(
      'the field “formatVersion” of the manifest (manifest.json) should be a version such as “1.0”, but it is text',
    );
  });

  it('reads a newer minor version, ignoring its unknown fields and files, and says so', () => {
    const all: Record<string, Uint8Array | Json> = files();
    const manifest = json('manifest.json');
    manifest.formatVersion = '1.4';
    manifest.contents.glossaries = 2;
    all['manifest.json'] = manifest;
    const doc = json(SAMPLE_ENTRY);
    doc.document.futureField = { nested: true };
    doc.glossary = [{ term: 'ВКП(б)' }];
    all[SAMPLE_ENTRY] = doc;
    all['glossaries/terms.json'] = { terms: [] };
    const collection = json('annotations.jsonld');
    collection.first.items.push({ ...collection.first.items[0], id: 'urn:uuid:00000000-0000-4000-8000-0000000000ff', motivation: 'tagging', 'marginalia:tags': ['Korea'] });
    collection.total = 12;
    collection.first.items[1]['marginalia:confidence'] = 0.9;
    all['annotations.jsonld'] = collection;
    const parsed = read(pack(all));
    expect(parsed.warnings).toEqual([
      'This pack was made by a newer version of Marginalia (pack format 1.4; this version reads 1.0). Everything this version knows was read; anything newer in it was left out. Update Marginalia to import it completely.',
      'The file “glossaries/terms.json” in the pack is not one Marginalia knows; it was ignored.',
      '1 annotation is of a kind this version of Marginalia does not know; it was left out.',
    ]);
    expect(parsed.documents[0]!.record).toEqual(sample.record);
    expect(parsed.annotations).toEqual(annotations);
  });

  it('reads an older pack whose documents lack fields added since, leaving them empty', () => {
    const parsed = read(withJson(SAMPLE_ENTRY, (d) => {
      delete d.document.originalUploadedDate;
      delete d.document.rights;
      delete d.document.isSample;
    }));
    expect(parsed.documents[0]!.record).toEqual({ ...sample.record, originalUploadedDate: '', rights: '', isSample: false });
  });

  it('with paths that leave the pack’s folders', () => {
    const cases: Array<[string, string]> = [
      ['../evil.json', 'it holds a file named “../evil.json”, which climbs out of the pack’s folders with “..”'],
      ['documents/../../etc/cron.d/x', 'it holds a file named “documents/../../etc/cron.d/x”, which climbs out of the pack’s folders with “..”'],
      ['/etc/passwd', 'it holds a file with the absolute path “/etc/passwd”, which points outside the pack'],
      ['C:/Windows/win.ini', 'it holds a file with the absolute path “C:/Windows/win.ini”, which points outside the pack'],
      ['documents\\..\\x.json', 'it holds a file named “documents\\..\\x.json” with a backslash in its name, which a pack made by Marginalia never has (it could point outside the pack’s folders)'],
    ];
    for (const [name, reason] of cases) expect(refusal(pack({ ...files(), [name]: 'x' }))).toBe(reason);
  });

  it('that are zip bombs: by ratio, by declared size, by total size, lying about sizes, with absurd entry counts', () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    expect(refusal(pack({ ...files(), 'documents/bomb.json': zeros }))).toMatch(
      /^its file “documents\/bomb.json” would expand from \d+ KB to 4\.0 MB, far more than real packs compress; it looks built to exhaust the computer’s memory \(a “zip bomb”\)$/,
    );
    // A directory that declares 3 GB for one document: refused before anything is inflated.
    expect(refusal(patchSizes(good, SAMPLE_ENTRY, { size: 3 * 1024 ** 3 }))).toBe(
      `its file “${SAMPLE_ENTRY}” would be 3.0 GB when unpacked, larger than the limit of 64.0 MB`,
    );
    // One that declares 500 bytes but inflates to 512 KB: inflating stops past 500.
    const manifest = json('manifest.json');
    manifest.contents.files.push({ path: 'documents/liar.json', bytes: 500, sha256: '0'.repeat(64) });
    const liar = patchSizes(pack({ ...files(), 'manifest.json': manifest, 'documents/liar.json': new Uint8Array(512 * 1024) }, { keepManifest: true }), 'documents/liar.json', { size: 500 });
    expect(refusal(liar)).toBe(
      'its file “documents/liar.json” expands to more than the 500 bytes its zip directory declares; a genuine pack never does this, so it was stopped',
    );
    expect(refusal(good, { limits: { maxTotalBytes: 20_000 } })).toBe('its files would take more than 20 KB when unpacked, larger than the limit for a pack');
    expect(refusal(good, { limits: { maxPackBytes: 10_000 } })).toMatch(/^it is \d+ KB, larger than the limit of 10 KB for a pack$/);
    // An end-of-directory record that claims 65,000 entries.
    const many = good.slice();
    const eocd = many.length - 22;
    new DataView(many.buffer).setUint16(eocd + 8, 65_000, true);
    new DataView(many.buffer).setUint16(eocd + 10, 65_000, true);
    expect(refusal(many)).toBe('it holds 65000 files, more than the 20000 a pack may have');
  });

  it('with encrypted entries', () => {
    expect(refusal(patchSizes(good, SAMPLE_ENTRY, { flags: 1 }))).toBe(`its file “${SAMPLE_ENTRY}” is encrypted; packs are never encrypted`);
  });

  it('altered after it was made: checksums, sizes, unlisted and missing files', () => {
    const all = files();
    const doc = json(SAMPLE_ENTRY);
    doc.document.title = 'Forged';
    expect(refusal(pack({ ...all, [SAMPLE_ENTRY]: doc }, { keepManifest: true }))).toBe(
      `its file “${SAMPLE_ENTRY}” is not the size its manifest gives, so the pack is damaged or was altered`,
    );
    doc.document.title = 'Ciphered Telegram from Mao Zedong to Filippov [Stalin]'.replace('Mao', 'MAO');
    const sameLength = strToU8(strFromU8(all[SAMPLE_ENTRY]!).replace('Mao Zedong', 'MAO Zedong'));
    expect(refusal(pack({ ...all, [SAMPLE_ENTRY]: sameLength }, { keepManifest: true }))).toBe(
      `its file “${SAMPLE_ENTRY}” does not match the checksum in its manifest, so the pack is damaged or was altered`,
    );
    expect(refusal(pack({ ...all, 'documents/extra.json': '{}' }, { keepManifest: true }))).toBe(
      'its file “documents/extra.json” is not listed in its manifest, so the pack was altered after it was made',
    );
    const { [SCAN_ENTRY]: _scan, ...withoutScan } = all;
    expect(refusal(pack(withoutScan, { keepManifest: true }))).toBe(`it is incomplete: its manifest lists the file “${SCAN_ENTRY}”, which is not in it`);
    const { 'annotations.jsonld': _annotations, ...withoutAnnotations } = all;
    expect(refusal(pack(withoutAnnotations))).toBe('it is incomplete: it has no annotations.jsonld');
  });

  it('with entries that are not valid JSON or not UTF-8', () => {
    expect(refusal(pack({ ...files(), [SAMPLE_ENTRY]: '{"document": ' }))).toMatch(new RegExp(`^its file “${SAMPLE_ENTRY}” is not valid JSON \\(`));
    expect(refusal(pack({ ...files(), 'annotations.jsonld': new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }))).toBe('its file “annotations.jsonld” is not UTF-8 text');
  });

  it('with fields of the wrong type, naming the field and the record', () => {
    expect(refusal(withJson(SAMPLE_ENTRY, (d) => (d.document.title = 1951)))).toBe(
      `the field “title” of the document in ${SAMPLE_ENTRY} should be text, but it is the number 1951`,
    );
    expect(refusal(withJson(SAMPLE_ENTRY, (d) => (d.document.summary = ['a'])))).toBe(
      `the field “summary” of the document “Ciphered Telegram from Mao Zedong to Filippov [Stalin]” (${SAMPLE_ENTRY}) should be text, but it is a list`,
    );
    expect(refusal(withJson(SAMPLE_ENTRY, (d) => (d.scans[0].sheetIndex = 1e12)))).toBe(
      `the field “sheetIndex” of the scan “5ca40001-aaaa-4bbb-8ccc-000000000001” of the document “Ciphered Telegram from Mao Zedong to Filippov [Stalin]” (${SAMPLE_ENTRY}) should be a whole number from 0 to 3, but it is the number 1000000000000`,
    );
    expect(refusal(withJson('annotations.jsonld', (c) => (c.first.items[1]['marginalia:revision'] = '3')))).toBe(
      'the field “marginalia:revision” of annotation “a0000000-0000-4000-8000-000000000002” (annotation 2 of annotations.jsonld) should be a whole number from 0 to 1000000000, but it is text',
    );
    expect(refusal(withJson('annotations.jsonld', (c) => (c.first.items[0].created = '01/03/2025')))).toBe(
      'the field “created” of annotation “a0000000-0000-4000-8000-000000000001” (annotation 1 of annotations.jsonld) should be a date and time such as “2026-03-03T09:00:00Z”, but it is text',
    );
    expect(refusal(withJson('annotations.jsonld', (c) => (c.first.items[0].motivation = 'bookmarking')))).toBe(
      'annotation “a0000000-0000-4000-8000-000000000001” (annotation 1 of annotations.jsonld) has the motivation “bookmarking”, which Marginalia annotations do not use (commenting, supplementing or linking)',
    );
    expect(refusal(withJson('annotations.jsonld', (c) => (c.first.items[5].target.selector = { type: 'FragmentSelector', value: 'xywh=-5,0,1e9,2' })))).toMatch(
      /^the target of annotation “a0000000-0000-4000-8000-000000000006” \(annotation 6 of annotations.jsonld\) has a region that is not a readable FragmentSelector/,
    );
    expect(refusal(withJson('annotations.jsonld', (c) => (c.first.items[0].target.selector[1].end = -1)))).toMatch(/“end” of the TextPositionSelector of the target of annotation/);
  });

  it('with bodies and transcriptions that do not fit their ProseMirror schemas, or come from a newer schema', () => {
    expect(refusal(withJson('annotations.jsonld', (c) => (textBody(c.first.items[0])['marginalia:doc'] = { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] })))).toBe(
      'the text of annotation “a0000000-0000-4000-8000-000000000001” (annotation 1 of annotations.jsonld) does not fit Marginalia’s body format (Unknown node type: script)',
    );
    // 10,000 block quotes inside each other: built as text, since JSON.stringify would overflow.
    const deep = '{"type":"blockquote","content":['.repeat(10_000) + '{"type":"paragraph"}' + ']}'.repeat(10_000);
    const collection = json('annotations.jsonld');
    textBody(collection.first.items[0])['marginalia:doc'] = 'DEEP';
    const text = JSON.stringify(collection).replace('"DEEP"', `{"type":"doc","content":[${deep}]}`);
    expect(refusal(pack({ ...files(), 'annotations.jsonld': text }))).toBe(
      'the text of annotation “a0000000-0000-4000-8000-000000000001” (annotation 1 of annotations.jsonld) is nested more than 64 levels deep (quotes in lists in quotes…), which no real text is',
    );
    expect(refusal(withJson(SAMPLE_ENTRY, (d) => (d.transcription.doc = { type: 'doc', content: [{ type: 'paragraph' }] })))).toMatch(
      /^the transcription of the document “Ciphered Telegram from Mao Zedong to Filippov \[Stalin\]” \(documents\/wilson-center-119538.json\) does not fit Marginalia’s transcription format \(/,
    );
    expect(refusal(withJson(SAMPLE_ENTRY, (d) => (d.transcription.schemaVersion = 3)))).toBe(
      'the transcription of the document “Ciphered Telegram from Mao Zedong to Filippov [Stalin]” (documents/wilson-center-119538.json) was saved by a newer Marginalia (transcription schema 3; this version reads up to 2). Update Marginalia to import this pack.',
    );
  });

  it('with duplicate ids of documents, annotations and scans', () => {
    const all: Record<string, Uint8Array | Json> = files();
    const copy = json(SAMPLE_ENTRY);
    copy.scans = [];
    expect(refusal(pack({ ...all, 'documents/copy.json': copy }))).toBe(
      `two of its documents have the id “wilson-center-119538” (${SAMPLE_ENTRY} and documents/copy.json)`,
    );
    expect(refusal(withJson('annotations.jsonld', (c) => c.first.items.push(c.first.items[0])))).toBe(
      'two of its annotations have the id “a0000000-0000-4000-8000-000000000001”',
    );
    expect(refusal(withJson('documents/0f5b9d2e-3c41-4a7b-9e16-2d8f4c6a1b90.json', (d) => (d.scans = [{ ...json(SAMPLE_ENTRY).scans[0], sheetIndex: 0 }])))).toBe(
      `two of its scans have the id “5ca40001-aaaa-4bbb-8ccc-000000000001” (in ${SAMPLE_ENTRY} and documents/0f5b9d2e-3c41-4a7b-9e16-2d8f4c6a1b90.json)`,
    );
  });

  it('with files that claim to be images but are not, or are cut off', () => {
    expect(refusal(pack({ ...files(), [SCAN_ENTRY]: 'MZ\x90\x00 this is a Windows program' }))).toBe(
      `the scan “5ca40001-aaaa-4bbb-8ccc-000000000001” (${SCAN_ENTRY}) claims to be an image, but its bytes are not a JPEG, PNG, WebP or TIFF image`,
    );
    expect(refusal(pack({ ...files(), [SCAN_ENTRY]: '%PDF-1.7\n%…' }))).toMatch(/\(they are a PDF\)$/);
    expect(refusal(pack({ ...files(), [SCAN_ENTRY]: files()[SCAN_ENTRY]!.subarray(0, 100) }))).toBe(
      `the scan “5ca40001-aaaa-4bbb-8ccc-000000000001” (${SCAN_ENTRY}) cannot be used: the file is cut off: the PNG image stops before its end (was it fully copied or downloaded?)`,
    );
    expect(refusal(pack({ ...files(), 'scans/5ca40001-aaaa-4bbb-8ccc-000000000001.thumbnail.jpg': '<svg onload="alert(1)"/>' }))).toMatch(
      /^the thumbnail of scan “5ca40001-aaaa-4bbb-8ccc-000000000001” .* claims to be an image/,
    );
    expect(refusal(pack({ ...files(), [SCAN_ENTRY]: jpegBytes(20_000, 20_000) }))).toBe(
      `the scan “5ca40001-aaaa-4bbb-8ccc-000000000001” (${SCAN_ENTRY}) is 20000 × 20000 pixels, more than the 100 megapixels an image may have`,
    );
    // A real image of another type than its metadata says is used as what it is.
    const parsed = read(pack({ ...files(), [SCAN_ENTRY]: jpegBytes(12, 16) }));
    expect(parsed.documents[0]!.scans[0]).toMatchObject({ mime: 'image/jpeg', size: 30 });
    expect(parsed.warnings).toEqual(['The scan “5ca40001-aaaa-4bbb-8ccc-000000000001” said it is image/png but is a JPEG image; it is treated as one.']);
  });

  it('with absurd counts', () => {
    expect(refusal(good, { limits: { maxAnnotations: 5 } })).toBe('the field “items” of the first page of annotations.jsonld has 11 entries, more than the 5 allowed');
    expect(refusal(good, { limits: { maxDocuments: 1 } })).toBe('the field “documentIds” of the contents in the manifest has 2 entries, more than the 1 allowed');
    expect(refusal(withJson('annotations.jsonld', (c) => (c.first.items[0]['marginalia:lineage'] = Array(20_000).fill('0123456789abcdef'))))).toMatch(
      /^the field “marginalia:lineage” of annotation .* has 20000 entries, more than the 10000 allowed$/,
    );
  });

  it('with an annotation on a document that is not in the pack', () => {
    expect(refusal(withJson('annotations.jsonld', (c) => (c.first.items[10]['marginalia:documentId'] = 'elsewhere')))).toBe(
      'the target of annotation “a0000000-0000-4000-8000-000000000011” (annotation 11 of annotations.jsonld) is in the document “0f5b9d2e-3c41-4a7b-9e16-2d8f4c6a1b90”, not in its own document “elsewhere”',
    );
  });
});

describe('readPack keeps markup inert', () => {
  it('reads <script> in bodies, quotes and metadata as the characters they are', () => {
    const parsed = read(good);
    const note = parsed.documents.find((d) => d.record.id === noteDocument().record.id)!;
    expect(note.record.title).toBe('Seminar note: the Kennan–Malik talks <script>alert("x")</script>');
    expect(note.record.summary).toBe('Notes for session 3 <b>bold?</b>');
    const script = parsed.annotations.find((a) => a.id.endsWith('09'))!;
    expect(script.body.doc).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '<script>alert("x")</script> & <b>not bold</b>' }] }] });
    const jsonld = json('annotations.jsonld');
    expect(jsonld.first.items[8].body.value).toBe('<script>alert("x")</script> & <b>not bold</b>');
    expect(jsonld.first.items[8].body.format).toBe('text/plain');
  });

  it('removes links that are not web or e-mail addresses, keeping their text', () => {
    const parsed = read(withJson('annotations.jsonld', (c) => {
      textBody(c.first.items[0])['marginalia:doc'].content[0].content[3].marks[0].attrs.href = 'javascript:alert(document.cookie)';
    }));
    const body = parsed.annotations[0]!.body.doc as Json;
    expect(body.content[0].content[3]).toEqual({ type: 'text', text: 'Malik’s statement' });
    expect(parsed.warnings).toEqual([
      '1 link in the text of annotation “a0000000-0000-4000-8000-000000000001” (annotation 1 of annotations.jsonld) was removed: only web (http, https) and e-mail addresses are kept.',
    ]);
    // The changed body is a new version: its lineage says so.
    expect(parsed.annotations[0]!.lineage).toHaveLength(2);
  });

  it('rewrites an SVG region from its numbers when it carries more than the shape', () => {
    const parsed = read(withJson('annotations.jsonld', (c) => {
      c.first.items[6].target.selector.value = '<svg xmlns="http://www.w3.org/2000/svg"><polygon class="x" style="fill:red" points="1,1 10,2 9,14 2,12"/></svg>';
    }));
    expect(parsed.annotations[6]!.target).toMatchObject({ selector: { type: 'SvgSelector', value: '<svg xmlns="http://www.w3.org/2000/svg"><polygon points="1,1 10,2 9,14 2,12"/></svg>' } });
    expect(refusal(withJson('annotations.jsonld', (c) => {
      c.first.items[6].target.selector.value = '<svg xmlns="http://www.w3.org/2000/svg"><polygon points="1,1 10,2 9,14" onload="alert(1)"/></svg>';
    }))).toMatch(/has a region that is not a readable FragmentSelector/);
  });
});

/** The TextualBody of an annotation's JSON-LD (its body, or the first of its bodies). */
function textBody(item: Json): Json {
  return Array.isArray(item.body) ? item.body[0] : item.body;
}

function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  throw new Error('not found');
}
