/**
 * Test data for the pack tests (and the CI's W3C check): the bundled telegram as a library
 * document with two small scans, a second document, and annotations of every kind a pack
 * carries — commentary, translation, cross-references of all three kinds, regions (rectangle
 * and polygon) linked to words, an orphan, a tombstone, one with a conflicting version, and
 * text that looks like HTML. Pure: the caller reads the sample file.
 */
import { strFromU8, strToU8, zlibSync } from 'fflate';
import type { Annotation, BodyDocJSON, Creator, TextTarget } from '../annotation';
import { extendLineage } from '../annotation-version';
import { describeTextRange } from '../anchoring/selectors';
import { TextIndex } from '../anchoring/text-index';
import { parseDocumentFile } from '../importers/import-document';
import { shapeToSelector } from '../regions/selectors';
import { TRANSCRIPTION_SCHEMA_VERSION, transcriptionFromJSON, transcriptionFromSheets } from '../transcription/schema';
import { transcriptionHash } from './lineage';
import type { PackDocument, PackScan } from './types';
import { crc32 } from './zip';

export const TEACHER: Creator = { id: 'urn:uuid:7e3c1a52-0000-4000-8000-00000000000a', name: 'Irina Volkova' };
export const STUDENT_A: Creator = { id: 'urn:uuid:7e3c1a52-0000-4000-8000-00000000000b', name: 'Anna Petrova' };
export const STUDENT_B: Creator = { id: 'urn:uuid:7e3c1a52-0000-4000-8000-00000000000c', name: 'Ben Okafor' };

export const SAMPLE_ID = 'wilson-center-119538';
export const NOTE_ID = '0f5b9d2e-3c41-4a7b-9e16-2d8f4c6a1b90';
export const CREATED = '2026-03-01T09:00:00.000Z';

/** A real (tiny, grey) PNG of the given size; `seed` varies its pixels so images differ. */
export function pngBytes(width: number, height: number, seed = 0): Uint8Array {
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (x * 7 + y * 13 + seed * 31) & 0xff;
  const chunk = (type: string, data: Uint8Array): Uint8Array => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A structurally complete JPEG header and trailer of the given size (a thumbnail stand-in). */
export function jpegBytes(width: number, height: number): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0x56, 0xff, 0xd9,
  ]);
}

function scan(documentId: string, id: string, sheetIndex: number, seed: number): PackScan {
  const bytes = pngBytes(12, 16, seed);
  return {
    id,
    documentId,
    sheetIndex,
    order: sheetIndex,
    mime: 'image/png',
    size: bytes.length,
    width: 12,
    height: 16,
    generated: true,
    caption: 'Generated facsimile — drawn from the transcription, not the archival scan',
    sourceName: `sheet-${sheetIndex + 1}.png`,
    pageNumber: 1,
    bytes,
    thumbnail: jpegBytes(6, 8),
  };
}

/** The bundled telegram as a library document, with scans of its first two sheets. */
export function sampleDocument(sampleBytes: Uint8Array): PackDocument {
  const parsed = parseDocumentFile('mao-to-filippov-1951-07-20.txt', sampleBytes);
  const doc = transcriptionFromSheets(parsed.sheets).toJSON() as Record<string, unknown>;
  return {
    record: {
      ...parsed.metadata,
      recordId: '119538',
      archiveReference: 'CWIHP archive',
      id: SAMPLE_ID,
      sheetCount: parsed.sheets.length,
      isSample: true,
      created: CREATED,
      modified: CREATED,
    },
    transcription: { schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc, modified: CREATED },
    lineage: [transcriptionHash(doc)],
    scans: [scan(SAMPLE_ID, '5ca40001-aaaa-4bbb-8ccc-000000000001', 0, 1), scan(SAMPLE_ID, '5ca40002-aaaa-4bbb-8ccc-000000000002', 1, 2)],
  };
}

/** A second, short document: a seminar note the telegram's cross-references point to. */
export function noteDocument(): PackDocument {
  const doc = transcriptionFromSheets([
    { label: 'Sheet 1', numberAsWritten: '', paragraphs: ['Kennan met Malik on 31 May and 5 June 1951.', 'Malik spoke on the radio on 23 June 1951.'] },
  ]).toJSON() as Record<string, unknown>;
  return {
    record: {
      ...emptyRecordMetadata('Seminar note: the Kennan–Malik talks <script>alert("x")</script>'),
      id: NOTE_ID,
      sheetCount: 1,
      isSample: false,
      created: CREATED,
      modified: CREATED,
    },
    transcription: { schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc, modified: CREATED },
    lineage: [transcriptionHash(doc)],
    scans: [],
  };
}

function emptyRecordMetadata(title: string) {
  return {
    title,
    dateIso: '2026-02-27',
    dateAsWritten: '27 February 2026',
    citation: '',
    sourceUrl: '',
    archiveReference: '',
    summary: 'Notes for session 3 <b>bold?</b>',
    credits: '',
    originalLanguage: 'English',
    textLanguage: 'English',
    languageCode: 'en',
    textKind: 'original' as const,
    recordId: '',
    authors: '',
    associatedPeopleAndPlaces: '',
    associatedTopics: '',
    rights: '',
    documentType: 'Note',
    originalUploadedDate: '',
  };
}

/** A text target on the words `exact` (the first occurrence) of a document. */
export function textTarget(document: PackDocument, exact: string): TextTarget {
  const text = TextIndex.fromDoc(transcriptionFromJSON({ schemaVersion: document.transcription.schemaVersion, doc: document.transcription.doc })).text;
  const start = text.indexOf(exact);
  if (start < 0) throw new RangeError(`“${exact}” is not in ${document.record.id}`);
  return { type: 'text', documentId: document.record.id, ...describeTextRange(text, { start, end: start + exact.length }) };
}

export function paragraphs(...texts: string[]): BodyDocJSON {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/** An annotation with its lineage filled in as the app would after one save. */
export function annotation(fields: Partial<Annotation> & Pick<Annotation, 'id' | 'documentId' | 'kind' | 'target' | 'creator'>): Annotation {
  const a: Annotation = {
    links: [],
    body: { doc: paragraphs('A comment.'), language: 'en' },
    crossref: null,
    created: CREATED,
    modified: CREATED,
    revision: 1,
    deleted: false,
    lineage: [],
    ...fields,
  };
  a.lineage = extendLineage(a.lineage, a);
  return a;
}

/** A later version of an annotation, as the app's save makes it. */
export function edited(a: Annotation, change: Partial<Annotation>, modified: string): Annotation {
  const next: Annotation = { ...a, ...change, modified, revision: a.revision + 1 };
  next.lineage = extendLineage(a.lineage, next);
  return next;
}

const id = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Annotations of every kind on the sample, by the teacher (see the module comment). */
export function annotationsOfEveryKind(sample: PackDocument, note: PackDocument): Annotation[] {
  const [scan1, scan2] = sample.scans as [PackScan, PackScan];
  const rich: BodyDocJSON = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'The ' },
          { type: 'text', marks: [{ type: 'strong' }], text: 'buffer zone' },
          { type: 'text', text: ' echoes ' },
          { type: 'text', marks: [{ type: 'link', attrs: { href: 'https://digitalarchive.wilsoncenter.org/' } }], text: 'Malik’s statement' },
          { type: 'text', text: '.' },
        ],
      },
      { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', marks: [{ type: 'em' }], text: 'cf. 38th parallel' }] }] }] },
    ],
  };
  const conflicted = annotation({ id: id(10), documentId: SAMPLE_ID, kind: 'commentary', target: textTarget(sample, 'Товарищу Филиппову'), creator: TEACHER, body: { doc: paragraphs('Addressed to Stalin under his code name.'), language: 'en' } });
  const otherVersion = edited(conflicted, { body: { doc: paragraphs('Filippov = Stalin.'), language: 'en' } }, '2026-03-02T10:00:00.000Z');
  return [
    annotation({ id: id(1), documentId: SAMPLE_ID, kind: 'commentary', target: textTarget(sample, 'буферной зоны'), creator: TEACHER, body: { doc: rich, language: 'en' } }),
    annotation({ id: id(2), documentId: SAMPLE_ID, kind: 'translation', target: textTarget(sample, 'Мероприятия в отношении пленных'), creator: TEACHER, body: { doc: paragraphs('Measures concerning prisoners.'), language: 'en' } }),
    annotation({
      id: id(3),
      documentId: SAMPLE_ID,
      kind: 'crossref',
      target: textTarget(sample, 'буферной зоны'),
      creator: TEACHER,
      body: { doc: paragraphs('Compare the note.'), language: 'en' },
      crossref: { type: 'passage', target: textTarget(note, 'Kennan met Malik') },
    }),
    annotation({ id: id(4), documentId: SAMPLE_ID, kind: 'crossref', target: textTarget(sample, 'Товарищу Филиппову'), creator: TEACHER, crossref: { type: 'document', documentId: NOTE_ID } }),
    annotation({
      id: id(5),
      documentId: SAMPLE_ID,
      kind: 'crossref',
      target: textTarget(sample, 'ШИФРТЕЛЕГРАММА'),
      creator: TEACHER,
      crossref: { type: 'external', citation: 'FRUS 1951, vol. VII, part 1, p. 507', url: 'https://history.state.gov/historicaldocuments/frus1951v07p1' },
    }),
    annotation({
      id: id(6),
      documentId: SAMPLE_ID,
      kind: 'commentary',
      target: { type: 'region', documentId: SAMPLE_ID, scanId: scan1.id, sheetIndex: 0, selector: shapeToSelector({ type: 'rect', x: 1, y: 2, width: 8, height: 3 }) },
      links: [textTarget(sample, 'ШИФРТЕЛЕГРАММА')],
      creator: TEACHER,
      body: { doc: paragraphs('The form’s printed heading.'), language: 'en' },
    }),
    annotation({
      id: id(7),
      documentId: SAMPLE_ID,
      kind: 'translation',
      target: {
        type: 'region',
        documentId: SAMPLE_ID,
        scanId: scan2.id,
        sheetIndex: 1,
        selector: shapeToSelector({ type: 'polygon', points: [{ x: 1, y: 1 }, { x: 10, y: 2 }, { x: 9, y: 14 }, { x: 2, y: 12 }] }),
      },
      links: [{ ...textTarget(sample, 'Лист 2'), orphaned: true }],
      creator: TEACHER,
      body: { doc: paragraphs('Sheet 2'), language: 'en' },
    }),
    edited(annotation({ id: id(8), documentId: SAMPLE_ID, kind: 'commentary', target: textTarget(sample, 'Снятие копий'), creator: TEACHER }), { deleted: true }, '2026-03-01T12:00:00.000Z'),
    annotation({
      id: id(9),
      documentId: SAMPLE_ID,
      kind: 'commentary',
      target: { ...textTarget(sample, 'СЕРИЯ 17'), orphaned: true },
      creator: TEACHER,
      body: { doc: paragraphs('<script>alert("x")</script> & <b>not bold</b>'), language: 'en' },
    }),
    { ...conflicted, conflicts: [{ annotation: otherVersion, source: 'the pack from Anna Petrova, 2 March 2026' }] },
    annotation({ id: id(11), documentId: NOTE_ID, kind: 'commentary', target: textTarget(note, 'radio'), creator: TEACHER, body: { doc: paragraphs('Radio address, UN series.'), language: 'en' } }),
  ];
}

/** Sets a 32-bit field of the central directory entry (and local header) of `name`. */
export function patchSizes(zip: Uint8Array, name: string, fields: { size?: number; flags?: number }): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig !== 0x02014b50 && sig !== 0x04034b50) continue;
    const central = sig === 0x02014b50;
    const nameAt = at + (central ? 46 : 30);
    const nameLength = view.getUint16(at + (central ? 28 : 26), true);
    if (nameLength !== nameBytes.length || strFromU8(out.subarray(nameAt, nameAt + nameLength)) !== name) continue;
    if (fields.size !== undefined) view.setUint32(at + (central ? 24 : 22), fields.size, true);
    if (fields.flags !== undefined) view.setUint16(at + (central ? 8 : 6), fields.flags, true);
  }
  return out;
}
