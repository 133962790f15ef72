import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { contentHash } from '../annotation-version';
import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import type { Annotation, BodyDocJSON, Creator, TextTarget } from '../annotation';
import { describeTextRange } from '../anchoring/selectors';
import { TextIndex } from '../anchoring/text-index';
import type { DocumentMetadata } from '../document-metadata';
import { parseWilsonCenterText } from '../importers/wilson-center';
import { shapeToSelector } from '../regions/selectors';
import { transcriptionFromSheets, transcriptionSchema } from '../transcription/schema';
import { exportTei, importTei, type TeiDocumentInput } from './index';

const { nodes, marks } = transcriptionSchema;
const text = (value: string, ...m: Mark[]) => transcriptionSchema.text(value, m);
const br = (...m: Mark[]) => nodes.hard_break!.create(null, null, m);
const gap = (reason: string, extent: string, ...m: Mark[]) => nodes.gap!.create({ reason, extent }, null, m);
const note = (value: string, ...m: Mark[]) => nodes.editorial_note!.create({ text: value }, null, m);
const paragraph = (...content: ProseMirrorNode[]) => nodes.paragraph!.create(null, content);
const sheet = (label: string, numberAsWritten: string, ...paragraphs: ProseMirrorNode[]) => nodes.sheet!.create({ label, numberAsWritten }, paragraphs);

const unclear = (reason = '') => marks.unclear!.create({ reason });
const supplied = (reason = '') => marks.supplied!.create({ reason });
const deleted = (rend = '') => marks.deleted!.create({ rend });
const added = (place = '') => marks.added!.create({ place });
const corrected = (sic: string) => marks.corrected!.create({ sic });
const abbreviation = (expansion: string) => marks.abbreviation!.create({ expansion });
const hand = (description = '') => marks.hand!.create({ description });
const printed = (kind: 'stamp' | 'form') => marks.printed!.create({ kind });

const SPECIALS = `<&>"'`;

/** A transcription using every mark and atom, nested, overlapping and adjacent, in three sheets. */
function fixtureTranscription(): ProseMirrorNode {
  return nodes.doc!.create(null, [
    sheet(
      'Sheet 1',
      '',
      paragraph(
        text('Шифртелеграмма № 22054. '),
        text('неясно', unclear('faded')),
        text(' и '),
        // Overlapping marks: supplied over "ab cd", deleted over "cd ef".
        text('ab ', supplied('omitted')),
        text('cd', supplied('omitted'), deleted('overstrike')),
        text(' ef', deleted('overstrike')),
        br(),
        text('над строкой', added('above')),
        gap('illegible', '2 words'),
        text(' '),
        text('the', corrected(`teh ${SPECIALS}`)),
        text(' '),
        text('т.', abbreviation('товарищ')),
        text(' Филиппову'),
        // Adjacent marks of one type with different attributes.
        text('x', unclear('a')),
        text('y', unclear('b')),
        text('z', unclear()),
      ),
      paragraph(
        text('毛泽东致菲利波夫（斯大林）', hand(`pencil, "routing" note ${SPECIALS}`)),
        text(' '),
        text('СЕКРЕТНО', printed('stamp')),
        text(' '),
        text('Форма № 1', printed('form')),
        note(`Note with ${SPECIALS} and\nnewline`),
        note(''),
        text(` <script>alert("x&y")</script> & 'single' ${SPECIALS}`),
      ),
      paragraph(),
      paragraph(text('  leading,  double\tspaces, a line\u2028separator and trailing  ')),
    ),
    sheet(
      'Sheet 2',
      '8',
      paragraph(
        // A correction across a line break, another hand inside it; marks on atoms.
        text('Продолжение ', hand('signature')),
        text('шифр', hand('signature'), corrected('шыфр')),
        br(corrected('шыфр')),
        text('телеграммы', corrected('шыфр')),
        gap('damage', '', unclear('torn')),
        note('после разрыва', supplied()),
        text(' и '),
        text('неверно', corrected('')),
      ),
      paragraph(text('Вторая страница, 38 параллели.')),
    ),
    sheet(
      'Лист 3 (оборот)',
      '8а',
      paragraph(text('Конец: '), text('т.', abbreviation(''), unclear('blot')), text('Мао', abbreviation('Мао Цзэдун'), hand())),
      paragraph(text('38 параллели — снова.')),
    ),
  ]);
}

const creator: Creator = { id: 'urn:uuid:7d3c1f0e-8a43-4f0e-9a55-0c9b6b2d1e11', name: `Анна ${SPECIALS} Historian` };

function body(...content: unknown[]): BodyDocJSON {
  return { type: 'doc', content };
}

const richBody = body(
  {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Plain, ' },
      { type: 'text', marks: [{ type: 'strong' }], text: 'bold, ' },
      { type: 'text', marks: [{ type: 'strong' }, { type: 'em' }], text: 'both' },
      { type: 'text', marks: [{ type: 'em' }], text: ` italic ${SPECIALS}` },
      { type: 'hard_break' },
      { type: 'text', marks: [{ type: 'link', attrs: { href: 'https://example.org/a?b=1&c="2"' } }], text: 'a link' },
      { type: 'text', marks: [{ type: 'em' }, { type: 'link', attrs: { href: 'mailto:someone@example.org' } }], text: ' mail' },
    ],
  },
  { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Цитата  с двойным пробелом ' }] }] },
  {
    type: 'bullet_list',
    content: [
      { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }] },
      {
        type: 'list_item',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'second' }] },
          { type: 'ordered_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: '一' }] }] }] },
        ],
      },
    ],
  },
  { type: 'paragraph' },
);

function plainBody(value: string): BodyDocJSON {
  return body({ type: 'paragraph', content: [{ type: 'text', text: value }] });
}

/** A text target over the first occurrence (or the n-th) of some words in the transcription. */
function targetOf(index: TextIndex, documentId: string, words: string, occurrence = 0): TextTarget {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = index.text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`“${words}” is not in the fixture text`);
  const { quote, position } = describeTextRange(index.text, { start, end: start + words.length });
  return { type: 'text', documentId, quote, position };
}

/** A text target between two phrases, from the start of the first to the end of the second. */
function spanOf(index: TextIndex, documentId: string, from: string, to: string): TextTarget {
  const start = index.text.indexOf(from);
  const end = index.text.indexOf(to) + to.length;
  const { quote, position } = describeTextRange(index.text, { start, end });
  return { type: 'text', documentId, quote, position };
}

function annotation(partial: Partial<Annotation> & Pick<Annotation, 'id' | 'kind' | 'target'>): Annotation {
  const a: Omit<Annotation, 'lineage'> = {
    documentId: 'doc-1',
    links: [],
    body: { doc: plainBody('Комментарий.'), language: 'en' },
    crossref: null,
    creator,
    created: '2024-03-01T10:00:00.000Z',
    modified: '2024-03-02T11:30:15.250Z',
    revision: 1,
    deleted: false,
    ...partial,
  };
  // A TEI file holds one version of each annotation: its lineage comes back as that version alone.
  return { ...a, lineage: [contentHash(a)] };
}

const fixtureMetadata: DocumentMetadata = {
  title: `Ciphered Telegram from Mao Zedong to Filippov [Stalin] ${SPECIALS}`,
  dateIso: '1951-07-20',
  dateAsWritten: 'July 20, 1951',
  citation: `"Ciphered Telegram", July 20, 1951, Wilson Center Digital Archive ${SPECIALS}`,
  sourceUrl: 'https://digitalarchive.wilsoncenter.org/document/119538?lang=ru&x="1"',
  archiveReference: 'АПРФ, ф. 45, оп. 1, д. 340',
  summary: 'First line of the summary.\n\n  Indented second paragraph,  with double spaces.',
  credits: 'Translated by someone; made possible by the Leon Levy Foundation',
  originalLanguage: 'Russian',
  textLanguage: 'Russian',
  languageCode: 'ru',
  textKind: 'translation',
  recordId: '119538',
  authors: 'Мао Цзэдун\n毛泽东\n Zhou Enlai ',
  associatedPeopleAndPlaces: 'Stalin\n\nBeijing',
  associatedTopics: 'Korean War\nArmistice <negotiations> & "talks"',
  rights: `Copyright ${SPECIALS} Wilson Center`,
  documentType: 'Telegram',
  originalUploadedDate: 'March 3, 2014',
};

function fixture() {
  const doc = fixtureTranscription();
  doc.check();
  const index = TextIndex.fromDoc(doc);
  const documentId = 'doc-1';
  const document: TeiDocumentInput = { ...fixtureMetadata, id: documentId, created: '2024-01-01T00:00:00.000Z', modified: '2024-03-02T11:30:15.250Z' };
  const annotations: Annotation[] = [
    annotation({ id: '0b6f7a52-3c1d-4f7e-8d0a-6a1e5f2b9c01', kind: 'commentary', target: targetOf(index, documentId, 'неясно'), body: { doc: richBody, language: 'en' }, revision: 4 }),
    annotation({
      id: '1c2d3e4f-0000-4000-8000-000000000002',
      kind: 'translation',
      // From the last paragraph of sheet 1 into sheet 2: across a sheet break.
      target: spanOf(index, documentId, 'double\tspaces', 'Продолжение шифр'),
      body: { doc: plainBody('Перевод через разрыв листа.'), language: 'ru' },
    }),
    annotation({
      id: '1c2d3e4f-0000-4000-8000-000000000003',
      kind: 'crossref',
      target: targetOf(index, documentId, '38 параллели'),
      links: [targetOf(index, documentId, '38 параллели', 1), targetOf(index, documentId, 'СЕКРЕТНО')],
      crossref: {
        type: 'passage',
        target: {
          type: 'text',
          documentId: 'other document/ü',
          quote: { type: 'TextQuoteSelector', exact: '38th parallel', prefix: 'along the\n', suffix: ' line' },
          position: { type: 'TextPositionSelector', start: 120, end: 133 },
        },
      },
    }),
    annotation({
      id: '1c2d3e4f-0000-4000-8000-000000000004',
      kind: 'crossref',
      target: targetOf(index, documentId, 'Филиппову'),
      crossref: { type: 'external', citation: `FRUS 1951, vol. VII ${SPECIALS}`, url: 'https://history.state.gov/a?b=1&c=2' },
    }),
    annotation({
      id: '1c2d3e4f-0000-4000-8000-000000000005',
      kind: 'crossref',
      target: targetOf(index, documentId, 'Конец'),
      crossref: { type: 'document', documentId: 'wilson-center-119538' },
    }),
    annotation({
      id: '1c2d3e4f-0000-4000-8000-000000000006',
      kind: 'commentary',
      target: { type: 'region', documentId, scanId: 'scan-1', sheetIndex: 0, selector: shapeToSelector({ type: 'rect', x: 120, y: 80, width: 300, height: 140 }) },
      links: [targetOf(index, documentId, 'СЕКРЕТНО')],
      body: { doc: plainBody('The stamp.'), language: 'en' },
    }),
    annotation({
      id: '1c2d3e4f-0000-4000-8000-000000000007',
      kind: 'commentary',
      target: {
        type: 'region',
        documentId,
        scanId: 'scan 2/ü&<x>',
        sheetIndex: 1,
        selector: shapeToSelector({ type: 'polygon', points: [{ x: 10, y: 10 }, { x: 200, y: 15 }, { x: 180, y: 240 }, { x: 5, y: 200 }] }),
      },
      body: { doc: plainBody('A signature, traced.'), language: '' },
    }),
    annotation({
      id: '1c2d3e4f-0000-4000-8000-000000000008',
      kind: 'commentary',
      // An orphan: its words were corrected away.
      target: {
        type: 'text',
        documentId,
        quote: { type: 'TextQuoteSelector', exact: 'исчезнувшие слова', prefix: 'были\n', suffix: ' здесь' },
        position: { type: 'TextPositionSelector', start: 40, end: 57 },
        orphaned: true,
      },
      links: [
        {
          type: 'text',
          documentId,
          quote: { type: 'TextQuoteSelector', exact: 'тоже нет', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 3, end: 11 },
          orphaned: true,
        },
      ],
    }),
    annotation({ id: 'weird id/with:colon & ü_x_', kind: 'commentary', target: targetOf(index, documentId, 'Форма № 1') }),
    annotation({ id: 'tombstone-1', kind: 'commentary', target: targetOf(index, documentId, 'Конец'), deleted: true }),
  ];
  return { doc, document, annotations, documentId };
}

/** Parses XML strictly: any error or warning fails (but U+FFFD, which xmldom warns about, is a character like others). */
function parseStrictly(xml: string) {
  return new DOMParser({
    onError: (level, message) => {
      if (level === 'warning' && /replacement character/.test(message)) return;
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'application/xml');
}

/** Checks with libxml2's xmllint when it is installed; says so when it is not. */
function xmllintCheck(xml: string): void {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    console.info('xmllint is not installed: skipping the libxml2 well-formedness check (parsed strictly with xmldom only).');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-tei-'));
  try {
    const file = join(dir, 'export.xml');
    writeFileSync(file, xml, 'utf8');
    const result = spawnSync('xmllint', ['--noout', '--nonet', file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('TEI export and import round trip', () => {
  const { doc, document, annotations, documentId } = fixture();
  const xml = exportTei({ document, transcription: doc.toJSON() as Record<string, unknown>, annotations, generator: 'Marginalia 0.1.0' });
  const back = importTei(xml, { fileName: 'fixture.xml' });

  it('gives back the metadata and the document id', () => {
    expect(back.metadata).toEqual(fixtureMetadata);
    expect(back.documentId).toBe(documentId);
  });

  it('gives back the transcription, every mark and atom included', () => {
    expect(back.transcription).toEqual(doc.toJSON());
    // The fixture does use every mark and node of the schema.
    const used = new Set<string>(['doc']);
    doc.descendants((node) => {
      used.add(node.type.name);
      node.marks.forEach((m) => used.add(m.type.name));
      return true;
    });
    expect([...used].sort()).toEqual([...Object.keys(transcriptionSchema.nodes), ...Object.keys(transcriptionSchema.marks)].sort());
  });

  it('gives back the annotations, without the tombstone', () => {
    expect(back.warnings).toEqual([]);
    expect(back.annotations).toEqual(annotations.filter((a) => !a.deleted));
    expect(xml).not.toContain('tombstone');
  });

  it('writes well-formed TEI in the TEI namespace', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">')).toBe(true);
    const parsed = parseStrictly(xml);
    expect(parsed.documentElement?.namespaceURI).toBe('http://www.tei-c.org/ns/1.0');
    // Every ampersand starts one of XML's own references.
    expect(xml.match(/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;|#x[0-9a-fA-F]+;)/g)).toBeNull();
    xmllintCheck(xml);
  });

  it('anchors text targets in the text and points at them', () => {
    expect(xml).toContain(
      '<anchor xml:id="ann-0b6f7a52-3c1d-4f7e-8d0a-6a1e5f2b9c01.target.start"/><unclear reason="faded">неясно</unclear><anchor xml:id="ann-0b6f7a52-3c1d-4f7e-8d0a-6a1e5f2b9c01.target.end"/>',
    );
    expect(xml).toContain('target="#range(ann-0b6f7a52-3c1d-4f7e-8d0a-6a1e5f2b9c01.target.start,ann-0b6f7a52-3c1d-4f7e-8d0a-6a1e5f2b9c01.target.end)"');
    // The orphan has no anchors; it points at the transcription and keeps its quote.
    expect(xml).toMatch(/<note type="target" subtype="orphaned" target="#transcription" xml:space="preserve"><seg type="prefix">были\n<\/seg><quote>исчезнувшие слова<\/quote>/);
    // Regions are zones, a rectangle by its corners and a polygon by its points.
    expect(xml).toContain('ulx="120" uly="80" lrx="420" lry="220"');
    expect(xml).toContain('points="10,10 200,15 180,240 5,200"');
  });

  it('writes the editorial markup as the TEI elements it follows', () => {
    expect(xml).toContain('<unclear reason="faded">неясно</unclear>');
    expect(xml).toContain('<unclear reason="a">x</unclear><unclear reason="b">y</unclear><unclear>z</unclear>');
    expect(xml).toContain('<supplied reason="omitted">ab <del rend="overstrike">cd</del></supplied><del rend="overstrike"> ef</del><lb/>');
    expect(xml).toContain('<add place="above">над строкой</add><gap reason="illegible" extent="2 words"/>');
    expect(xml).toContain('<choice><sic>teh &lt;&amp;&gt;"\'</sic><corr>the</corr></choice>');
    expect(xml).toContain('<choice><abbr>т.</abbr><expan>товарищ</expan></choice>');
    expect(xml).toContain('<seg type="hand" hand="#hand-1">毛泽东致菲利波夫（斯大林）</seg>');
    expect(xml).toContain('<stamp>СЕКРЕТНО</stamp>');
    expect(xml).toContain('<seg type="printed">Форма № 1</seg>');
    expect(xml).toContain('<note type="editorial">Note with &lt;&amp;&gt;"\' and\nnewline</note><note type="editorial"/>');
    expect(xml).toContain('<pb n="8" facs="#sheet-2"/>');
    expect(xml).toContain('<handNote xml:id="hand-1">pencil, "routing" note &lt;&amp;&gt;"\'</handNote>');
  });

  it('is stable: exporting the import again gives the same file', () => {
    const again = exportTei({
      document: { ...back.metadata, id: back.documentId!, created: document.created, modified: document.modified },
      transcription: back.transcription,
      annotations: back.annotations,
      generator: 'Marginalia 0.1.0',
    });
    expect(again).toBe(xml);
  });
});

describe('TEI round trip of the sample document', () => {
  it('gives back the sample telegram with annotations on it', () => {
    const source = readFileSync(new URL('../../../shared/seed/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');
    const parsed = parseWilsonCenterText(source);
    // As renderer/db/sample-library.ts installs it.
    const document: TeiDocumentInput = {
      ...parsed.metadata,
      archiveReference: parsed.metadata.archiveReference || 'CWIHP archive',
      recordId: parsed.metadata.recordId || '119538',
      id: 'wilson-center-119538',
      created: '2024-05-01T08:00:00.000Z',
      modified: '2024-05-01T08:00:00.000Z',
    };
    const doc = transcriptionFromSheets(parsed.sheets);
    const index = TextIndex.fromDoc(doc);
    const annotations = [
      annotation({ id: 'a1', documentId: document.id, kind: 'commentary', target: targetOf(index, document.id, '38 параллели', 2) }),
      annotation({ id: 'a2', documentId: document.id, kind: 'translation', target: targetOf(index, document.id, 'Продолжение шифртелеграммы', 1) }),
    ];
    const xml = exportTei({ document, transcription: doc.toJSON() as Record<string, unknown>, annotations, generator: 'Marginalia test' });
    parseStrictly(xml);
    const back = importTei(xml);
    expect(back.documentId).toBe('wilson-center-119538');
    const { id: _id, created: _created, modified: _modified, ...metadata } = document;
    expect(back.metadata).toEqual(metadata);
    expect(back.transcription).toEqual(doc.toJSON());
    expect(back.annotations).toEqual(annotations);
  });
});

describe('TEI export details', () => {
  const base = { ...fixtureMetadata, id: 'd' };
  const transcription = transcriptionFromSheets([{ label: 'Sheet 1', numberAsWritten: '', paragraphs: ['Some words here.'] }]).toJSON() as Record<string, unknown>;

  it('keeps a date that is not an ISO date in @when-custom, and an empty language code as "und"', () => {
    const document = { ...base, dateIso: 'summer 1951', languageCode: '', textLanguage: 'Russian' };
    const xml = exportTei({ document, transcription, annotations: [], generator: 'g' });
    expect(xml).toContain('<date when-custom="summer 1951">July 20, 1951</date>');
    expect(xml).toContain('<language ident="und">Russian</language>');
    const back = importTei(xml);
    expect(back.metadata.dateIso).toBe('summer 1951');
    expect(back.metadata.languageCode).toBe('');
  });

  it('replaces characters XML cannot hold, without moving text offsets', () => {
    const withControl = transcriptionFromSheets([{ label: 'Sheet 1', numberAsWritten: '', paragraphs: ['bell\u0007 and \uD800 lone'] }]).toJSON() as Record<string, unknown>;
    const xml = exportTei({ document: base, transcription: withControl, annotations: [], generator: 'g' });
    parseStrictly(xml);
    const back = importTei(xml);
    const paragraphText = (back.transcription as { content: Array<{ content: Array<{ content: Array<{ text: string }> }> }> }).content[0]!.content[0]!.content[0]!.text;
    expect(paragraphText).toBe('bell\uFFFD and \uFFFD lone');
  });

  it('re-anchors a target whose stored position is stale at its quote', () => {
    const index = TextIndex.fromDoc(transcriptionSchema.nodeFromJSON(transcription));
    const target = targetOf(index, 'd', 'words');
    const stale: TextTarget = { ...target, position: { type: 'TextPositionSelector', start: 0, end: 5 } };
    const xml = exportTei({ document: base, transcription, annotations: [annotation({ id: 's', documentId: 'd', kind: 'commentary', target: stale })], generator: 'g' });
    expect(importTei(xml).annotations[0]!.target).toEqual({ ...target, documentId: 'd' });
  });

  it('refuses an annotation body that is not a valid body', () => {
    const index = TextIndex.fromDoc(transcriptionSchema.nodeFromJSON(transcription));
    const bad = annotation({ id: 'b', kind: 'commentary', target: targetOf(index, 'd', 'words'), body: { doc: { type: 'doc', content: [{ type: 'image' }] }, language: 'en' } });
    expect(() => exportTei({ document: base, transcription, annotations: [bad], generator: 'g' })).toThrow(/annotation “b”/);
  });
});

describe('TEI round trip of random documents', () => {
  /** A small deterministic pseudo-random generator (so that a failure can be reproduced). */
  function random(seed: number) {
    let state = seed >>> 0;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const int = (n: number) => Math.floor(next() * n);
    const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
    return { next, int, pick };
  }

  const CHUNKS = ['word', ' ', '  ', '\t', 'Слово', '汉字', SPECIALS, ' lead', 'trail ', 'a\nb', '\u2028', '&amp;', ']]>', '--'];
  const VALUES = ['', 'x', `a ${SPECIALS}`, ' spaced ', 'line\nbreak', 'таб\tтаб'];

  function randomMarks(r: ReturnType<typeof random>): Mark[] {
    let set: readonly Mark[] = [];
    const candidates = [
      () => unclear(r.pick(VALUES)),
      () => supplied(r.pick(VALUES)),
      () => deleted(r.pick(VALUES)),
      () => added(r.pick(VALUES)),
      () => corrected(r.pick(VALUES)),
      () => abbreviation(r.pick(VALUES)),
      () => hand(r.pick(VALUES)),
      () => printed(r.pick(['stamp', 'form'] as const)),
    ];
    for (const make of candidates) if (r.next() < 0.2) set = make().addToSet(set);
    return [...set];
  }

  function randomDoc(r: ReturnType<typeof random>): ProseMirrorNode {
    const sheets = Array.from({ length: 1 + r.int(3) }, (_, s) =>
      sheet(
        r.pick([`Sheet ${s + 1}`, '', ` Лист ${s + 1} `]),
        r.pick(VALUES),
        ...Array.from({ length: 1 + r.int(3) }, () =>
          paragraph(
            ...Array.from({ length: r.int(7) }, () => {
              const marks = randomMarks(r);
              const kind = r.next();
              if (kind < 0.12) return br(...marks);
              if (kind < 0.2) return gap(r.pick(['illegible', 'damage', 'a b']), r.pick(VALUES), ...marks);
              if (kind < 0.28) return note(r.pick(VALUES), ...marks);
              return text(r.pick(CHUNKS), ...marks);
            }),
          ),
        ),
      ),
    );
    return nodes.doc!.create(null, sheets);
  }

  it('gives back 200 random transcriptions with random annotations exactly', () => {
    let anchored = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const r = random(seed);
      const doc = randomDoc(r);
      doc.check();
      const index = TextIndex.fromDoc(doc);
      const annotations: Annotation[] = [];
      const length = index.text.length;
      for (let i = 0; length > 0 && i < 3; i++) {
        const start = r.int(length);
        const end = start + 1 + r.int(length - start);
        const { quote, position } = describeTextRange(index.text, { start, end });
        const target: TextTarget = { type: 'text', documentId: 'doc-1', quote, position, ...(r.next() < 0.2 ? { orphaned: true as const } : {}) };
        annotations.push(annotation({ id: `random-${seed}-${i}`, kind: r.pick(['commentary', 'translation', 'crossref'] as const), target }));
      }
      const document: TeiDocumentInput = { ...fixtureMetadata, id: 'doc-1' };
      const xml = exportTei({ document, transcription: doc.toJSON() as Record<string, unknown>, annotations, generator: 'fuzz' });
      parseStrictly(xml);
      const back = importTei(xml);
      anchored += (xml.match(/<anchor /g) ?? []).length / 2;
      expect(back.transcription, `seed ${seed}`).toEqual(doc.toJSON());
      expect(back.annotations, `seed ${seed}`).toEqual(annotations);
    }
    // Most targets are anchored in the text (the rest are orphans or start between empty paragraphs).
    expect(anchored).toBeGreaterThan(300);
    // 200 documents take about a second alone; give a busy two-core machine room.
  }, 60_000);
});
