import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Annotation, Creator } from '../annotation';
import { transcriptionLineage } from './lineage';
import { applyMergePlan, documentsTouchedBy, isEmptyMerge, planMerge, type MergeLibrary, type MergePlan, type MergeRevisionRecord, type MergeWrites } from './merge';
import { mergePacks } from './merge-packs';
import { readPack } from './read-pack';
import {
  annotation,
  annotationsOfEveryKind,
  edited,
  noteDocument,
  paragraphs,
  SAMPLE_ID,
  sampleDocument,
  STUDENT_A,
  STUDENT_B,
  TEACHER,
  textTarget,
} from './test-fixtures';
import type { PackDocument, PackDocumentRecord, PackScan, PackTranscription, ParsedPack } from './types';
import { writePack } from './write-pack';

const sampleBytes = new Uint8Array(readFileSync('assets/sample/mao-to-filippov-1951-07-20.txt'));

/**
 * A library as the app keeps it, in memory: documents, transcriptions, revisions, scans and
 * annotations, written only through `applyMergePlan`'s writes — what the app's one Dexie
 * transaction does.
 */
class Library {
  documents = new Map<string, PackDocumentRecord>();
  transcriptions = new Map<string, PackTranscription>();
  revisions: MergeRevisionRecord[] = [];
  scans = new Map<string, PackScan>();
  annotations = new Map<string, Annotation>();
  private ids = 0;

  constructor(readonly owner: Creator) {}

  /** What planMerge needs for a pack: the touched documents, the annotations and scans it names. */
  mergeInput(pack: ParsedPack): MergeLibrary {
    const touched = documentsTouchedBy(pack, [...this.documents.values()]);
    const packScanIds = new Set(pack.documents.flatMap((d) => d.scans.map((s) => s.id)));
    return {
      documents: touched.map((id) => ({
        record: this.documents.get(id)!,
        transcription: this.transcriptions.get(id)!,
        lineage: this.lineage(id),
        lastRevisionNumber: Math.max(0, ...this.revisionsOf(id).map((r) => r.number)),
      })),
      annotations: pack.annotations.flatMap((a) => (this.annotations.has(a.id) ? [this.annotations.get(a.id)!] : [])),
      scans: [...this.scans.values()].filter((s) => touched.includes(s.documentId) || packScanIds.has(s.id)),
    };
  }

  private revisionsOf(id: string): MergeRevisionRecord[] {
    return this.revisions.filter((r) => r.documentId === id).sort((a, b) => a.number - b.number);
  }

  lineage(id: string): string[] {
    return transcriptionLineage(this.revisionsOf(id).map((r) => r.transcription.doc), this.transcriptions.get(id)!.doc);
  }

  plan(bytes: Uint8Array): MergePlan {
    const pack = readPack(bytes);
    return planMerge(this.mergeInput(pack), pack);
  }

  apply(plan: MergePlan): MergeWrites {
    const writes = applyMergePlan(plan, { newId: () => `rev-${this.owner.name}-${++this.ids}`, now: `2026-03-0${4 + (this.ids % 5)}T12:00:00.000Z` });
    for (const d of writes.documents) this.documents.set(d.id, d);
    for (const t of writes.transcriptions) this.transcriptions.set(t.documentId, { schemaVersion: t.schemaVersion, doc: t.doc, modified: t.modified });
    this.revisions.push(...writes.revisions);
    for (const s of writes.scans) this.scans.set(s.id, s);
    for (const { id, sheetIndex } of writes.scanSheetIndexes) this.scans.get(id)!.sheetIndex = sheetIndex;
    for (const a of writes.annotations) this.annotations.set(a.id, a);
    return writes;
  }

  import(bytes: Uint8Array): { plan: MergePlan; writes: MergeWrites } {
    const plan = this.plan(bytes);
    return { plan, writes: this.apply(plan) };
  }

  /** The library as a pack, as the app exports it. */
  exportPack(created: string): Uint8Array {
    const documents: PackDocument[] = [...this.documents.values()].map((record) => ({
      record,
      transcription: this.transcriptions.get(record.id)!,
      lineage: this.lineage(record.id),
      scans: [...this.scans.values()].filter((s) => s.documentId === record.id),
    }));
    return writePack({ documents, annotations: [...this.annotations.values()], creator: this.owner, generator: 'Marginalia test' }, { created });
  }

  /** A person's edit of the transcription: a new revision and the new text. */
  editTranscription(id: string, from: string, to: string, at: string): void {
    const current = this.transcriptions.get(id)!;
    const doc = JSON.parse(JSON.stringify(current.doc).replace(from, to)) as Record<string, unknown>;
    expect(doc).not.toEqual(current.doc);
    this.transcriptions.set(id, { ...current, doc, modified: at });
    const number = Math.max(...this.revisionsOf(id).map((r) => r.number)) + 1;
    this.revisions.push({ id: `rev-edit-${number}`, documentId: id, number, creator: this.owner, created: at, modified: at, summary: 'edit', transcription: { schemaVersion: 2, doc }, restoredFrom: null });
  }

  edit(id: string, change: Partial<Annotation>, at: string): void {
    this.annotations.set(id, edited(this.annotations.get(id)!, change, at));
  }
}

function statuses(plan: MergePlan): Record<string, string> {
  return Object.fromEntries(plan.annotations.filter((a) => a.id.startsWith('a0000000-')).map((a) => [a.id.slice(-2), a.status]));
}

const ID = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The teacher's library: the telegram and a note, with the teacher's annotations of every kind. */
function teacherLibrary(): { teacher: Library; coursePack: Uint8Array } {
  const teacher = new Library(TEACHER);
  const sample = sampleDocument(sampleBytes);
  const note = noteDocument();
  const course = writePack(
    { documents: [sample, note], annotations: annotationsOfEveryKind(sample, note), creator: TEACHER, generator: 'Marginalia test' },
    { created: '2026-03-01T10:00:00.000Z' },
  );
  teacher.import(course);
  return { teacher, coursePack: course };
}

describe('merging packs: a seminar', () => {
  it('brings a course pack into an empty library, every item new, and a second import changes nothing', () => {
    const { coursePack } = teacherLibrary();
    const student = new Library(STUDENT_A);
    const { plan, writes } = student.import(coursePack);
    expect(plan.documents.map((d) => d.status)).toEqual(['new', 'new']);
    expect(plan.annotations.every((a) => a.status === 'new')).toBe(true);
    expect(writes.documents).toHaveLength(2);
    expect(writes.revisions.map((r) => [r.documentId, r.number])).toEqual([[SAMPLE_ID, 1], [noteDocument().record.id, 1]]);
    expect(writes.scans.map((s) => s.bytes!.length)).toEqual([276, 276]);
    expect(writes.annotations).toHaveLength(11);
    expect(plan.byAuthor).toEqual([{ creator: TEACHER, new: 11, updated: 0, unchanged: 0, conflict: 0, skipped: 0 }]);

    const again = student.import(coursePack);
    expect(again.plan.documents.map((d) => d.status)).toEqual(['unchanged', 'unchanged']);
    expect(again.plan.annotations.every((a) => a.status === 'unchanged')).toBe(true);
    expect(isEmptyMerge(again.writes)).toBe(true);
  });

  it('merges two students’ packs made from the course pack into the teacher’s library', () => {
    const { teacher, coursePack } = teacherLibrary();
    const anna = new Library(STUDENT_A);
    const ben = new Library(STUDENT_B);
    anna.import(coursePack);
    ben.import(coursePack);

    // Anna: edits 1 and 2, deletes 4, corrects the transcription, adds an annotation.
    anna.edit(ID(1), { body: { doc: paragraphs('Anna: the buffer zone is the first point.'), language: 'en' } }, '2026-03-02T10:00:00.000Z');
    anna.edit(ID(2), { body: { doc: paragraphs('Measures regarding prisoners of war.'), language: 'en' } }, '2026-03-02T10:05:00.000Z');
    anna.edit(ID(4), { deleted: true }, '2026-03-02T10:10:00.000Z');
    anna.editTranscription(SAMPLE_ID, 'СОВЕТОК', 'СОВЕТСКОЙ', '2026-03-02T10:20:00.000Z');
    const sample = sampleDocument(sampleBytes);
    const annaNew = annotation({ id: 'anna-0001', documentId: SAMPLE_ID, kind: 'commentary', target: textTarget(sample, 'Кореи'), creator: STUDENT_A, created: '2026-03-02T10:30:00.000Z', modified: '2026-03-02T10:30:00.000Z' });
    anna.annotations.set(annaNew.id, annaNew);

    // Ben: edits 1 differently, edits 4 (Anna deleted it), leaves 2, corrects the transcription elsewhere, adds one.
    ben.edit(ID(1), { body: { doc: paragraphs('Ben: a demilitarised zone.'), language: 'en' } }, '2026-03-02T11:00:00.000Z');
    ben.edit(ID(4), { body: { doc: paragraphs('Ben: the note is a seminar handout.'), language: 'en' } }, '2026-03-02T11:05:00.000Z');
    ben.editTranscription(SAMPLE_ID, 'ВОЗВРАТУ', 'ВОЗВРАТУ ', '2026-03-02T11:20:00.000Z');
    const benNew = annotation({ id: 'ben-0001', documentId: SAMPLE_ID, kind: 'translation', target: textTarget(sample, 'Кореи'), creator: STUDENT_B, created: '2026-03-02T11:30:00.000Z', modified: '2026-03-02T11:30:00.000Z' });
    ben.annotations.set(benNew.id, benNew);

    const annaPack = anna.exportPack('2026-03-03T08:00:00.000Z');
    const benPack = ben.exportPack('2026-03-03T09:00:00.000Z');

    // Anna's pack: her edits fast-forward the teacher's untouched versions.
    const first = teacher.import(annaPack);
    expect(first.plan.source).toBe('the pack from Anna Petrova, 3 March 2026');
    expect(first.plan.documents.map((d) => [d.status, d.transcription])).toEqual([['updated', 'fast-forward'], ['unchanged', 'same']]);
    expect(statuses(first.plan)).toMatchObject({ '01': 'updated', '02': 'updated', '04': 'updated', '03': 'unchanged', '10': 'unchanged' });
    expect(first.plan.annotations.find((a) => a.id === 'anna-0001')).toMatchObject({ status: 'new', creator: STUDENT_A });
    expect(teacher.annotations.get(ID(4))!.deleted).toBe(true);
    expect(teacher.annotations.get(ID(1))!.creator).toEqual(TEACHER); // edited by Anna, still the teacher's annotation
    expect(first.writes.revisions).toHaveLength(1);
    expect(first.writes.revisions[0]).toMatchObject({ documentId: SAMPLE_ID, number: 2, creator: STUDENT_A, summary: 'Transcription from the pack from Anna Petrova, 3 March 2026' });
    expect(JSON.stringify(teacher.transcriptions.get(SAMPLE_ID)!.doc)).toContain('СОВЕТСКОЙ');

    // Ben's pack: 1 edited apart (conflict), 2 untouched (the teacher's is later), 4 edited after
    // Anna's deletion (the edit is kept, the deletion becomes the conflicting version), the
    // transcription changed apart (conflict, kept as a revision), his new annotation added.
    const second = teacher.import(benPack);
    expect(second.plan.documents.map((d) => [d.status, d.transcription])).toEqual([['conflict', 'diverged'], ['unchanged', 'same']]);
    const s = statuses(second.plan);
    expect([s['01'], s['02'], s['04'], s['03']]).toEqual(['conflict', 'unchanged', 'conflict', 'unchanged']);
    expect(second.plan.annotations.find((a) => a.id === 'ben-0001')).toMatchObject({ status: 'new', creator: STUDENT_B });
    expect(second.plan.annotations.find((a) => a.id === 'anna-0001')).toBeUndefined();

    const one = teacher.annotations.get(ID(1))!;
    expect(one.body.doc).toEqual(paragraphs('Anna: the buffer zone is the first point.'));
    expect(one.conflicts!.map((c) => [c.source, c.annotation.body.doc])).toEqual([['the pack from Ben Okafor, 3 March 2026', paragraphs('Ben: a demilitarised zone.')]]);
    const four = teacher.annotations.get(ID(4))!;
    expect(four.deleted).toBe(false);
    expect(four.body.doc).toEqual(paragraphs('Ben: the note is a seminar handout.'));
    expect(four.conflicts!.map((c) => [c.source.startsWith('this library, before merging the pack from Ben Okafor'), c.annotation.deleted])).toEqual([[true, true]]);
    expect(JSON.stringify(teacher.transcriptions.get(SAMPLE_ID)!.doc)).toContain('СОВЕТСКОЙ');
    expect(second.writes.revisions).toEqual([
      expect.objectContaining({ number: 3, creator: STUDENT_B, summary: expect.stringContaining('changed apart from this one: kept as a revision, not applied') }),
    ]);
    expect(second.writes.transcriptions).toEqual([]);

    // Counts by author for the preview.
    const byAuthor = Object.fromEntries(second.plan.byAuthor.map((a) => [a.creator.name, a]));
    expect(byAuthor['Irina Volkova']).toMatchObject({ conflict: 2, new: 0 });
    expect(byAuthor['Ben Okafor']).toMatchObject({ new: 1 });
    expect(byAuthor['Anna Petrova']).toBeUndefined();

    // Importing either pack again is a no-op, and records no conflict twice.
    for (const pack of [benPack, annaPack, coursePack]) {
      const again = teacher.import(pack);
      expect(again.plan.annotations.filter((a) => a.status !== 'unchanged')).toEqual([]);
      expect(again.plan.documents.map((d) => d.status)).toEqual(['unchanged', 'unchanged']);
      expect(isEmptyMerge(again.writes)).toBe(true);
    }
    expect(teacher.annotations.get(ID(1))!.conflicts).toHaveLength(1);

    // The teacher's merged pack goes back to Anna: her annotation 1 is the current one there, so
    // she gains Ben's version as a conflict; annotation 4 is Ben's edit, made apart from her
    // deletion, which becomes the conflicting version there too.
    const merged = teacher.exportPack('2026-03-05T09:00:00.000Z');
    const back = anna.import(merged);
    expect(statuses(back.plan)).toMatchObject({ '01': 'updated', '04': 'conflict', '02': 'unchanged' });
    expect(anna.annotations.get(ID(1))!.conflicts).toHaveLength(1);
    expect(anna.annotations.get(ID(4))!.deleted).toBe(false);
    expect(back.plan.documents[0]).toMatchObject({ transcription: 'same' });
    expect(isEmptyMerge(anna.import(merged).writes)).toBe(true);
  });

  it('maps a document it knows by its source record onto the local id, with its annotations and scans', () => {
    const { coursePack } = teacherLibrary();
    const pack = readPack(coursePack);
    // A library where the telegram was imported separately: another id, other scan ids, the same images.
    const sample = sampleDocument(sampleBytes);
    const local = new Library(STUDENT_A);
    local.documents.set('local-telegram', { ...sample.record, id: 'local-telegram', recordId: '', modified: '2026-03-05T00:00:00.000Z' });
    local.transcriptions.set('local-telegram', sample.transcription);
    local.revisions.push({ id: 'r1', documentId: 'local-telegram', number: 1, creator: STUDENT_A, created: '', modified: '', summary: '', transcription: { schemaVersion: 2, doc: sample.transcription.doc }, restoredFrom: null });
    for (const s of sample.scans) local.scans.set(`local-${s.id}`, { ...s, id: `local-${s.id}`, documentId: 'local-telegram' });

    const plan = planMerge(local.mergeInput(pack), pack);
    expect(plan.documents[0]).toMatchObject({ packId: SAMPLE_ID, localId: 'local-telegram', matchedBy: 'source', status: 'unchanged', transcription: 'same', metadata: 'local-kept', scans: { new: 0, unchanged: 2, notIncluded: 0 } });
    local.apply(plan);
    expect(local.documents.has(SAMPLE_ID)).toBe(false);
    const region = local.annotations.get(ID(6))!;
    expect(region.documentId).toBe('local-telegram');
    expect(region.target).toMatchObject({ type: 'region', documentId: 'local-telegram', scanId: 'local-5ca40001-aaaa-4bbb-8ccc-000000000001' });
    expect(region.links[0]!.documentId).toBe('local-telegram');
    expect(local.annotations.get(ID(4))!.crossref).toEqual({ type: 'document', documentId: noteDocument().record.id });

    // The same pack again changes nothing, though the ids it carries are still the pack's.
    const again = planMerge(local.mergeInput(pack), pack);
    expect(again.annotations.every((a) => a.status === 'unchanged')).toBe(true);
    expect(isEmptyMerge(applyMergePlan(again, { newId: () => 'x', now: '2026-03-06T00:00:00.000Z' }))).toBe(true);
  });

  it('merges packs into one pack with the CLI’s rules (first pack the base)', () => {
    const { teacher, coursePack } = teacherLibrary();
    const anna = new Library(STUDENT_A);
    anna.import(coursePack);
    anna.edit(ID(2), { body: { doc: paragraphs('Measures regarding prisoners of war.'), language: 'en' } }, '2026-03-02T10:05:00.000Z');
    const annaPack = readPack(anna.exportPack('2026-03-03T08:00:00.000Z'));
    const { input, plans } = mergePacks([readPack(teacher.exportPack('2026-03-03T07:00:00.000Z')), annaPack], {
      generator: 'test',
      now: '2026-03-04T00:00:00.000Z',
      newId: () => 'x',
    });
    expect(statuses(plans[0]!)['02']).toBe('updated');
    expect(input.annotations.find((a) => a.id === ID(2))!.body.doc).toEqual(paragraphs('Measures regarding prisoners of war.'));
    expect(input.creator).toEqual(TEACHER);
    const round = readPack(writePack(input));
    expect(round.annotations).toHaveLength(11);
    expect(round.documents.flatMap((d) => d.scans).every((s) => s.bytes)).toBe(true);
  });
});
