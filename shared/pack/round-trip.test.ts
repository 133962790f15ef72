import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPack } from './read-pack';
import { annotation, annotationsOfEveryKind, NOTE_ID, noteDocument, SAMPLE_ID, sampleDocument, STUDENT_A, TEACHER, textTarget } from './test-fixtures';
import type { PackInput } from './types';
import { writePack } from './write-pack';

const sample = sampleDocument(new Uint8Array(readFileSync('assets/sample/mao-to-filippov-1951-07-20.txt')));
const note = noteDocument();
const annotations = annotationsOfEveryKind(sample, note);
const input: PackInput = { documents: [sample, note], annotations, creator: TEACHER, generator: 'Marginalia test' };
const created = '2026-03-03T09:00:00.000Z';

describe('writePack → readPack', () => {
  it('gives back every record as it was: documents, transcriptions, lineages, scans with their bytes, annotations with tombstones and conflicts', () => {
    const pack = readPack(writePack(input, { created }));
    expect(pack.warnings).toEqual([]);
    expect(pack.documents).toEqual([sample, note]);
    expect(pack.annotations).toEqual(annotations);
    expect(pack.manifest).toMatchObject({
      format: 'marginalia-pack',
      formatVersion: '1.0',
      generator: 'Marginalia test',
      creator: TEACHER,
      created,
      contents: { documents: 2, annotations: 11, scans: 2, scansIncluded: true, documentIds: [SAMPLE_ID, NOTE_ID] },
    });
    expect(pack.manifest.contents.files.map((f) => f.path)).toEqual([
      'scans/5ca40001-aaaa-4bbb-8ccc-000000000001.png',
      'scans/5ca40001-aaaa-4bbb-8ccc-000000000001.thumbnail.jpg',
      'scans/5ca40002-aaaa-4bbb-8ccc-000000000002.png',
      'scans/5ca40002-aaaa-4bbb-8ccc-000000000002.thumbnail.jpg',
      `documents/${SAMPLE_ID}.json`,
      `documents/${NOTE_ID}.json`,
      'annotations.jsonld',
    ]);
    for (const f of pack.manifest.contents.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes the same bytes for the same input and time', () => {
    expect(writePack(input, { created })).toEqual(writePack(input, { created }));
  });

  it('packs the chosen documents only, with their annotations', () => {
    const pack = readPack(writePack(input, { created, documentIds: [NOTE_ID] }));
    expect(pack.documents).toEqual([note]);
    expect(pack.annotations.map((a) => a.documentId)).toEqual([NOTE_ID]);
    expect(() => writePack(input, { documentIds: ['nowhere'] })).toThrow('There is no document “nowhere” to pack.');
  });

  it('leaves the scan images out when asked, keeping their metadata', () => {
    const pack = readPack(writePack(input, { created, includeScans: false }));
    expect(pack.manifest.contents).toMatchObject({ scans: 2, scansIncluded: false });
    expect(pack.documents[0]!.scans).toEqual(sample.scans.map((s) => ({ ...s, bytes: null, thumbnail: null })));
    expect(pack.manifest.contents.files.some((f) => f.path.startsWith('scans/'))).toBe(false);
  });

  it('filters annotations by author and kind', () => {
    const annas = annotation({ id: 'anna-1', documentId: SAMPLE_ID, kind: 'translation', target: textTarget(sample, 'Кореи'), creator: STUDENT_A });
    const both = { ...input, annotations: [...annotations, annas] };
    expect(readPack(writePack(both, { created, authorIds: [STUDENT_A.id] })).annotations).toEqual([annas]);
    const translations = readPack(writePack(both, { created, kinds: ['translation'] })).annotations;
    expect(translations.map((a) => a.id)).toEqual([annotations[1]!.id, annotations[6]!.id, 'anna-1']);
    expect(readPack(writePack(both, { created, kinds: ['translation'], authorIds: [TEACHER.id] })).annotations).toHaveLength(2);
  });

  it('reports its progress in bytes, ending with all of them', () => {
    const calls: Array<[number, number]> = [];
    writePack(input, { created, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBe(9); // the start, then each of the 8 entries
    expect(calls[0]![0]).toBe(0);
    expect(calls.every(([, total]) => total === calls[0]![1])).toBe(true);
    expect(calls.map(([done]) => done)).toEqual([...calls.map(([done]) => done)].sort((a, b) => a - b));
    expect(calls[calls.length - 1]![0]).toBe(calls[0]![1]);
    const reads: Array<[number, number]> = [];
    readPack(writePack(input, { created }), { onProgress: (done, total) => reads.push([done, total]) });
    expect(reads[reads.length - 1]![0]).toBe(reads[reads.length - 1]![1]);
  });
});
