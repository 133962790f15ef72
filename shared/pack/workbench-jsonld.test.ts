/**
 * Workbench translations in packs: their status, renderings and note survive the trip, other
 * tools see the renderings as a Choice and the note as a comment, and damaged workbench data
 * from a pack is refused by name.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../annotation';
import { contentHash } from '../annotation-version';
import type { SegmentWorkbench } from '../translation/types';
import { annotationFromJsonLd, annotationToJsonLd } from './annotation-jsonld';
import { DEFAULT_PACK_LIMITS } from './format';
import { annotation, noteDocument, paragraphs, TEACHER, textTarget } from './test-fixtures';

const note = noteDocument();
const workbench: SegmentWorkbench = {
  status: 'reviewed',
  alternatives: [
    { id: 'alt-1', doc: paragraphs('The enemy is seeking a ceasefire.') },
    { id: 'alt-2', doc: paragraphs('The adversary seeks a cessation of hostilities.') },
  ],
  chosen: 'alt-2',
  note: paragraphs('“Противник” is rendered “adversary” throughout.'),
};

function translation(extra: Partial<Annotation> = {}): Annotation {
  const a = annotation({
    id: '4a1b2c3d-0000-4000-8000-000000000001',
    documentId: note.record.id,
    kind: 'translation',
    target: textTarget(note, 'Kennan met Malik'),
    creator: TEACHER,
    body: { doc: workbench.alternatives[1]!.doc, language: 'en' },
    ...extra,
  });
  return { ...a, workbench, lineage: [contentHash({ ...a, workbench })] };
}

const read = (json: unknown): Annotation => annotationFromJsonLd(JSON.parse(JSON.stringify(json)), 'annotation 1', DEFAULT_PACK_LIMITS, { warnings: [] });

describe('workbench translations in packs', () => {
  it('keep their status, every rendering, the chosen one and the note', () => {
    const original = translation();
    const back = read(annotationToJsonLd(original, { marginalia: true }));
    expect(back.workbench).toEqual(workbench);
    expect(back.lineage).toEqual(original.lineage);
  });

  it('show other tools the renderings as a Choice, chosen first, and the note as a comment', () => {
    const json = annotationToJsonLd(translation(), { marginalia: false });
    const bodies = json.body as Array<Record<string, unknown>>;
    const choice = bodies.find((b) => b.type === 'Choice') as { items: Array<{ value: string }> };
    expect(choice.items.map((i) => i.value)).toEqual(['The adversary seeks a cessation of hostilities.', 'The enemy is seeking a ceasefire.']);
    expect(bodies.find((b) => b.purpose === 'commenting')?.value).toBe('“Противник” is rendered “adversary” throughout.');
    expect(json['marginalia:workbench']).toBeUndefined();
  });

  it('refuse damaged workbench data, naming the annotation and what is wrong', () => {
    const json = annotationToJsonLd(translation(), { marginalia: true }) as Record<string, unknown>;
    const damaged = { ...json, 'marginalia:workbench': { ...workbench, chosen: 'alt-9' } };
    expect(() => read(damaged)).toThrow(/workbench data of annotation .* is damaged: the chosen rendering "alt-9" is not among the renderings/);
    const badStatus = { ...json, 'marginalia:workbench': { ...workbench, status: 'finished' } };
    expect(() => read(badStatus)).toThrow(/the status "finished" is not one of untranslated, draft, reviewed, final/);
  });

  it('refuse workbench data on an annotation that is not a translation', () => {
    const json = annotationToJsonLd(translation(), { marginalia: true }) as Record<string, unknown>;
    expect(() => read({ ...json, motivation: 'commenting' })).toThrow(/is not a translation but carries translation workbench data/);
  });

  it('count in the version hash, so a status change is an edit, while annotations without it keep their hashes', () => {
    const plain = annotation({ id: 'x', documentId: note.record.id, kind: 'translation', target: textTarget(note, 'Kennan met Malik'), creator: TEACHER });
    const withWorkbench = { ...plain, workbench };
    expect(contentHash(withWorkbench)).not.toBe(contentHash(plain));
    expect(contentHash({ ...withWorkbench, workbench: { ...workbench, status: 'final' } })).not.toBe(contentHash(withWorkbench));
    // The hash of an annotation without workbench data is what it was before the field existed.
    expect(contentHash(plain)).toBe(contentHash({ ...plain, workbench: undefined }));
  });
});
