import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../importers/import-error';
import { exportAnnotationsJsonLd } from './annotation-jsonld';
import { anchorForeignAnnotations, htmlToText, readAnnotationsJsonLd } from './foreign-jsonld';
import { annotationsOfEveryKind, noteDocument, sampleDocument, STUDENT_B, TEACHER } from './test-fixtures';

const sample = sampleDocument(new Uint8Array(readFileSync('assets/sample/mao-to-filippov-1951-07-20.txt')));

const recogito = [
  {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://recogito.example/annotation/6c2d',
    type: 'Annotation',
    body: [
      { type: 'TextualBody', value: 'The buffer zone.', purpose: 'commenting', creator: { id: 'https://recogito.example/anna', name: 'anna' } },
      { type: 'TextualBody', value: 'Korea', purpose: 'tagging' },
    ],
    creator: { id: 'https://recogito.example/anna', name: 'Anna P.' },
    created: '2026-02-01T10:00:00+01:00',
    target: { source: 'https://recogito.example/doc/1', selector: [{ type: 'TextQuoteSelector', exact: 'буферной зоны' }, { type: 'TextPositionSelector', start: 5, end: 18 }] },
  },
  {
    id: 'https://recogito.example/annotation/img',
    type: 'Annotation',
    body: [{ type: 'TextualBody', value: 'A stamp' }],
    target: { source: 'https://recogito.example/img/1', selector: { type: 'FragmentSelector', value: 'xywh=pixel:1,1,5,5' } },
  },
];

const hypothesis = {
  total: 2,
  rows: [
    {
      id: 'AbC123xyz',
      created: '2026-02-02T09:00:00.000000+00:00',
      updated: '2026-02-03T09:00:00.000000+00:00',
      user: 'acct:ben@hypothes.is',
      user_info: { display_name: 'Ben Okafor' },
      text: 'Prisoners: **the** key issue.\n\nSecond paragraph.',
      tags: ['POWs'],
      target: [{ source: 'https://example.org/telegram', selector: [{ type: 'TextQuoteSelector', exact: 'Мероприятия в отношении пленных', prefix: '3. ', suffix: '.' }] }],
    },
    { id: 'Gone0001', user: 'acct:ben@hypothes.is', text: 'An orphan', target: [{ source: 'x', selector: [{ type: 'TextQuoteSelector', exact: 'words that are in no telegram at all' }] }] },
  ],
};

describe('readAnnotationsJsonLd', () => {
  it('reads a Recogito-style list of W3C annotations: quote, comment and tags, creator, dates; leaves out image targets', () => {
    const { annotations, warnings } = readAnnotationsJsonLd(JSON.stringify(recogito));
    expect(annotations).toEqual([
      {
        sourceId: 'https://recogito.example/annotation/6c2d',
        kind: 'commentary',
        motivation: '',
        targetSource: 'https://recogito.example/doc/1',
        quote: { type: 'TextQuoteSelector', exact: 'буферной зоны', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 5, end: 18 },
        body: { doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The buffer zone.' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Tags: Korea' }] }] }, language: '' },
        crossref: null,
        creator: { id: 'https://recogito.example/anna', name: 'Anna P.' },
        created: '2026-02-01T09:00:00.000Z',
        modified: '',
      },
    ]);
    expect(warnings).toEqual(['1 annotation was left out: it does not quote words of a text (an image region, a whole page, or no target).']);
  });

  it('reads Hypothesis API rows', () => {
    const { annotations } = readAnnotationsJsonLd(JSON.stringify(hypothesis));
    expect(annotations.map((a) => [a.sourceId, a.creator, a.kind, a.created, a.modified])).toEqual([
      ['https://hypothes.is/a/AbC123xyz', { id: 'acct:ben@hypothes.is', name: 'Ben Okafor' }, 'commentary', '2026-02-02T09:00:00.000Z', '2026-02-03T09:00:00.000Z'],
      ['https://hypothes.is/a/Gone0001', { id: 'acct:ben@hypothes.is', name: 'ben' }, 'commentary', '', ''],
    ]);
    expect(annotations[0]!.body.doc.content).toHaveLength(3);
  });

  it('reads collections, pages and single annotations; motivations map to kinds, unknown ones to commentary', () => {
    const one = (motivation: string, body: unknown) => ({
      type: 'Annotation',
      id: `urn:x:${motivation}`,
      motivation,
      body,
      target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'Кореи' } },
    });
    const items = [
      one('supplementing', { type: 'TextualBody', value: 'of Korea', language: 'en' }),
      one('linking', 'https://history.state.gov/x'),
      one('bookmarking', { type: 'TextualBody', value: '<p>Read <script>alert(1)</script>again &amp; again</p>', format: 'text/html' }),
    ];
    const page = { type: 'AnnotationPage', items };
    const collection = { type: 'AnnotationCollection', first: page };
    for (const json of [collection, page, items]) {
      const { annotations, warnings } = readAnnotationsJsonLd(JSON.stringify(json));
      expect(annotations.map((a) => a.kind)).toEqual(['translation', 'crossref', 'commentary']);
      expect(annotations[0]!.body.language).toBe('en');
      expect(annotations[1]!.crossref).toEqual({ type: 'external', citation: '', url: 'https://history.state.gov/x' });
      expect(annotations[2]!.body.doc).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Read again & again' }] }] });
      expect(warnings).toEqual(['1 annotation had HTML text; only the words were kept.']);
    }
    expect(readAnnotationsJsonLd(JSON.stringify(items[0])).annotations).toHaveLength(1);
  });

  it('refuses what is not annotations, naming the reason', () => {
    const refusal = (text: string, maxAnnotations?: number) => {
      try {
        readAnnotationsJsonLd(text, { fileName: 'export.json', ...(maxAnnotations ? { maxAnnotations } : {}) });
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
        return (error as ImportError).message;
      }
      throw new Error('accepted');
    };
    expect(refusal('{ not json')).toMatch(/^“export.json” cannot be imported: it is not valid JSON/);
    expect(refusal('{"type": "Manifest"}')).toBe('“export.json” cannot be imported: it holds no Web Annotations (no AnnotationCollection, AnnotationPage or Annotation)');
    expect(refusal('{"type": "AnnotationCollection", "first": "https://x/page1"}')).toMatch(/its “first” page is a link/);
    expect(refusal(JSON.stringify(Array(5).fill(recogito[0])), 4)).toBe('“export.json” cannot be imported: it holds 5 annotations, more than the 4 that can be imported at once');
  });

  it('turns HTML into inert text', () => {
    expect(htmlToText('<div onclick="x()">A<br>B</div><style>p{}</style><p>&lt;b&gt; &#x41;&#66;</p>')).toBe('A\nB\n\n<b> AB');
  });
});

describe('anchorForeignAnnotations', () => {
  it('anchors quotes on the chosen document, keeps what cannot be found as orphans, and keeps ids for a second import', () => {
    const { annotations } = readAnnotationsJsonLd(JSON.stringify(hypothesis));
    const result = anchorForeignAnnotations(annotations, { documentId: sample.record.id, transcription: sample.transcription.doc, fallbackCreator: TEACHER, newId: () => 'new-id', now: '2026-03-03T00:00:00.000Z' });
    expect([result.anchored, result.orphaned]).toEqual([1, 1]);
    const [found, orphan] = result.annotations as [(typeof result.annotations)[0], (typeof result.annotations)[0]];
    expect(found).toMatchObject({ id: 'https://hypothes.is/a/AbC123xyz', documentId: sample.record.id, creator: { name: 'Ben Okafor' }, revision: 1, deleted: false });
    expect(found.target).toMatchObject({ type: 'text', quote: { exact: 'Мероприятия в отношении пленных' } });
    expect(found.target.type === 'text' && found.target.orphaned).toBeFalsy();
    expect(found.lineage).toHaveLength(1);
    expect(orphan.target).toMatchObject({ orphaned: true, quote: { exact: 'words that are in no telegram at all' } });
    expect(orphan.modified).toBe('2026-03-03T00:00:00.000Z');
  });

  it('reads Marginalia’s own plain export back onto the same words', () => {
    const note = noteDocument();
    const original = annotationsOfEveryKind(sample, note).filter((a) => a.documentId === sample.record.id && a.target.type === 'text' && !a.target.orphaned && !a.deleted);
    const text = exportAnnotationsJsonLd(original, { creator: STUDENT_B, generator: 'test', created: '2026-03-03T00:00:00.000Z' });
    const { annotations } = readAnnotationsJsonLd(text);
    const anchored = anchorForeignAnnotations(annotations, { documentId: sample.record.id, transcription: sample.transcription.doc, fallbackCreator: STUDENT_B, newId: () => 'x', now: '2026-03-03T00:00:00.000Z' });
    expect(anchored.orphaned).toBe(0);
    expect(anchored.annotations.map((a) => [a.id, a.kind, a.target, a.creator])).toEqual(original.map((a) => [a.id, a.kind, a.target, a.creator]));
  });
});
