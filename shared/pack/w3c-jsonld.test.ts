/**
 * The annotations a pack carries, and the plain export for other tools, against the W3C Web
 * Annotation test suite's MUST assertions (../shared/w3c-annotation/schemas, checked as
 * validate.mjs checks them). The files checked are kept in node_modules/.cache/w3c/ (Playwright empties
 * test-results/ when the end-to-end tests start), where the CI
 * step runs validate.mjs itself on them.
 */
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_CONTEXT, exportAnnotationsJsonLd, IIIF_PRESENTATION_CONTEXT, MARGINALIA_CONTEXT } from './annotation-jsonld';
import { annotation, annotationsOfEveryKind, noteDocument, paragraphs, sampleDocument, TEACHER, textTarget } from './test-fixtures';
import { writePack } from './write-pack';

const out = path.resolve('node_modules/.cache/w3c');
const sample = sampleDocument(new Uint8Array(readFileSync('assets/sample/mao-to-filippov-1951-07-20.txt')));
const note = noteDocument();
/** A translation from the translator's workbench: two renderings (a Choice for other tools) and a note. */
const workbenchTranslation = annotation({
  id: 'a0000000-0000-4000-8000-000000000099',
  documentId: sample.record.id,
  kind: 'translation',
  target: textTarget(sample, 'Мероприятия в отношении пленных'),
  creator: TEACHER,
  body: { doc: paragraphs('Arrangements concerning prisoners of war.'), language: 'en' },
  workbench: {
    status: 'reviewed',
    alternatives: [
      { id: 'alt-1', doc: paragraphs('Measures concerning prisoners.') },
      { id: 'alt-2', doc: paragraphs('Arrangements concerning prisoners of war.') },
    ],
    chosen: 'alt-2',
    note: paragraphs('“Мероприятия” here means arrangements agreed between the sides.'),
  },
});
const annotations = [...annotationsOfEveryKind(sample, note), workbenchTranslation];

const SCHEMAS = path.resolve('../shared/w3c-annotation/schemas');
const BASE = 'https://wa-schemas.invalid/';
type Validate = ((doc: unknown) => boolean) & { errors?: unknown };
let suite: { run: (doc: unknown, manifest: string) => string[] } | null = null;

/**
 * The W3C test suite's MUST assertions, compiled once with ajv as validate.mjs compiles them
 * (spawning it per file would cost a second each); CI runs validate.mjs itself on the files.
 */
function w3cSuite(): { run: (doc: unknown, manifest: string) => string[] } {
  if (suite) return suite;
  expect(existsSync(SCHEMAS), `the W3C schemas should be at ${SCHEMAS} (../shared beside the checkout)`).toBe(true);
  const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
  const ajv = new Ajv04({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  for (const f of readdirSync(path.join(SCHEMAS, 'definitions')).filter((f) => f.endsWith('.json'))) {
    const schema = readJson(path.join(SCHEMAS, 'definitions', f));
    schema.id = BASE + (schema.id || f);
    ajv.addSchema(schema);
  }
  const compiled = new Map<string, { validate: Validate; expected: boolean; message: string }>();
  const assertion = (rel: string) => {
    if (!compiled.has(rel)) {
      const schema = readJson(path.join(SCHEMAS, rel));
      schema.id = BASE + rel.replace(/\//g, '__');
      compiled.set(rel, { validate: ajv.compile(schema) as Validate, expected: (schema.expectedResult || 'valid') === 'valid', message: schema.errorMessage || schema.title });
    }
    return compiled.get(rel)!;
  };
  suite = {
    run(doc, manifest) {
      const list: string[] = readJson(path.join(SCHEMAS, manifest)).assertions.map((a: string) => (a.includes('/') ? a : path.join(path.dirname(manifest), a)));
      return list.flatMap((rel) => {
        const { validate, expected, message } = assertion(rel);
        return validate(doc) === expected ? [] : [`${rel}: ${message}`];
      });
    },
  };
  return suite;
}

/** The MUST failures of a collection, its first page and every annotation in it (validate.mjs --items). */
function mustFailures(collection: Record<string, any>): string[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const { run } = w3cSuite();
  const context = collection['@context'];
  return [
    ...run(collection, 'collections/collectionMusts.test'),
    ...run({ '@context': context, ...collection.first }, 'collections/pages/pageMusts.test'),
    ...collection.first.items.flatMap((item: object, i: number) => run({ '@context': context, ...item }, 'annotations/annotationMusts.test').map((f) => `items[${i}] ${f}`)),
  ];
}

function save(name: string, text: string): string {
  mkdirSync(out, { recursive: true });
  const file = path.join(out, name);
  writeFileSync(file, text);
  return file;
}

describe('annotations as W3C Web Annotations', () => {
  it('a pack’s annotations.jsonld, with annotations of every kind, passes every MUST of the W3C test suite', () => {
    const pack = writePack({ documents: [sample, note], annotations, creator: TEACHER, generator: 'Marginalia test' }, { created: '2026-03-03T09:00:00.000Z' });
    const text = strFromU8(unzipSync(pack)['annotations.jsonld']!);
    const collection = JSON.parse(text);
    expect(collection['@context']).toEqual([ANNOTATION_CONTEXT, MARGINALIA_CONTEXT, IIIF_PRESENTATION_CONTEXT]);
    const items: Array<Record<string, any>> = collection.first.items; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(items).toHaveLength(12);
    expect(items.some((i) => Array.isArray(i.body) && i.body.some((b: { type?: string }) => b.type === 'Choice'))).toBe(true);
    expect(new Set(items.map((i) => i.motivation))).toEqual(new Set(['commenting', 'supplementing', 'linking']));
    const selectorTypes = new Set(items.flatMap((i) => [].concat(i.target.selector).map((s: { type: string }) => s.type)));
    expect(selectorTypes).toEqual(new Set(['TextQuoteSelector', 'TextPositionSelector', 'FragmentSelector', 'SvgSelector']));
    expect(items.some((i) => i['marginalia:deleted'] === true)).toBe(true);
    expect(items.some((i) => Array.isArray(i['marginalia:conflicts']))).toBe(true);
    expect(items.filter((i) => Array.isArray(i.body) && i.body.some((b: { purpose?: string }) => b.purpose === 'linking'))).toHaveLength(5);
    for (const item of items) {
      expect(item.created).toMatch(/Z$/);
      expect(item.creator).toEqual({ id: TEACHER.id, type: 'Person', name: TEACHER.name });
    }
    save('pack-annotations-every-kind.jsonld', text);
    expect(mustFailures(collection)).toEqual([]);
  });

  it('the plain export for other tools passes too, without Marginalia’s properties or tombstones', () => {
    const text = exportAnnotationsJsonLd(annotations, { creator: TEACHER, generator: 'Marginalia test', created: '2026-03-03T09:00:00.000Z' });
    const collection = JSON.parse(text);
    expect(collection['@context']).toEqual([ANNOTATION_CONTEXT, IIIF_PRESENTATION_CONTEXT]);
    expect(collection.total).toBe(11);
    expect(text).not.toMatch(/"marginalia:\w+":/);
    save('plain-annotations-every-kind.jsonld', text);
    expect(mustFailures(collection)).toEqual([]);
  });

  it('an empty collection (a pack without annotations) passes, with the W3C context alone', () => {
    const text = exportAnnotationsJsonLd([], { creator: TEACHER, generator: 'Marginalia test', created: '2026-03-03T09:00:00.000Z' });
    expect(JSON.parse(text)['@context']).toEqual([ANNOTATION_CONTEXT]);
    expect(mustFailures(JSON.parse(text))).toEqual([]);
  });

  it('finds the failures the suite is for (a check of the check)', () => {
    const broken = JSON.parse(readFileSync(path.resolve('../shared/w3c-annotation/examples/broken.json'), 'utf8'));
    const collection = { '@context': ANNOTATION_CONTEXT, id: 'urn:x:c', type: 'AnnotationCollection', first: { id: 'urn:x:p', type: 'AnnotationPage', items: [broken] } };
    expect(mustFailures(collection).length).toBeGreaterThanOrEqual(5);
  });
});
