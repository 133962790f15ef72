/**
 * The synthetic library of the library benchmark, made in the browser with the app's own
 * modules, so that every record is what the app itself would store: transcriptions built by
 * `transcriptionFromSheets`, anchors described over `TextIndex` text by `describeTextRange`,
 * lineages ending with `contentHash`, regions written by `shapeToSelector`, revision 1 by
 * `firstRevision`. Everything is drawn from one seed (shared/seeded-random.ts): ids, words,
 * dates, kinds and places, so two runs make the same library. Only the scan images are drawn
 * by the browser's canvas.
 *
 * - One large document: `spec.sheets` sheets of recombined words of the sample telegram, about
 *   `spec.characters` characters, with `spec.annotations` annotations by six authors: commentary,
 *   translations (a third of them on words another author translated too), cross-references (to
 *   passages and documents of the small documents, and to web pages), and about 5 % regions of
 *   its scans, half of them linked to words. Quotes are one to eight words, anywhere in the text,
 *   so highlights overlap as they do in a seminar's shared document.
 * - `spec.smallDocuments` small documents of one sheet, with 0–2 annotations each.
 * - Optionally the twin: the large document's text and scans again, with one annotation only.
 */
import type { Annotation, AnnotationKind, BodyDocJSON, Creator, CrossReferenceTarget, TextTarget } from '../../shared/annotation';
import { contentHash, hashText } from '../../shared/annotation-version';
import { describeTextRange } from '../../shared/anchoring/selectors';
import { TextIndex } from '../../shared/anchoring/text-index';
import { emptyMetadata, type SheetText } from '../../shared/document-metadata';
import { shapeToSelector } from '../../shared/regions/selectors';
import { seededRandom, type Random } from '../../shared/seeded-random';
import { TRANSCRIPTION_SCHEMA_VERSION, transcriptionFromSheets } from '../../shared/transcription/schema';
import type { DocumentRecord, ScanRecord, SettingRecord, TranscriptionRecord } from '../../renderer/db/records';
import { firstRevision, type RevisionRecord } from '../../renderer/db/revision-store';
import type { LibrarySpec, NamedAnnotation, SeedSummary } from '../support/library-protocol';

export interface LibraryRecords {
  documents: DocumentRecord[];
  transcriptions: TranscriptionRecord[];
  revisions: RevisionRecord[];
  scans: ScanRecord[];
  annotations: Annotation[];
  settings: SettingRecord[];
  summary: Omit<SeedSummary, 'generateMs' | 'writeMs'>;
  /** The large document's plain text and every text target on it (own targets and region links). */
  large: { text: string; targets: TextTarget[] };
}

const SCAN_WIDTH = 600;
const SCAN_HEIGHT = 800;
const BASE_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);

const ENGLISH = (
  'the telegram negotiations armistice line parallel delegation proposal Soviet Chinese Korean American agenda withdrawal ' +
  'troops ceasefire Kaesong Malik Kennan statement June July reading cipher copy archive note draft meeting point question ' +
  'side enemy forces demarcation conference prisoners exchange commission neutral zone frontier text word phrase sense ' +
  'translation literally here means probably refers to earlier cable same as in sheet compare with the Russian original ' +
  'handwritten routing stamp copy number received decoded signed Filippov Mao Zedong Beijing Moscow Pyongyang general staff'
).split(' ');

const AUTHORS: readonly string[] = ['Anna Petrova', 'Boris Sokolov', 'Chen Wei', 'Dana Novak', 'Elena Ruiz', 'Farid Khan'];

const IMPORT_SUMMARY = 'Imported from a plain-text transcription';

/** Everything in the library, as records for the app's tables. */
export async function generateLibrary(spec: LibrarySpec): Promise<LibraryRecords> {
  const random = seededRandom(spec.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const uuid = (): string => seededUuid(random);
  const at = (minutes: number): string => new Date(BASE_TIME + minutes * 60_000).toISOString();
  const words = spec.words.length > 0 ? spec.words : ['слово'];

  const sentence = (count: number, vocabulary: readonly string[]): string => {
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(pick(vocabulary) + (i < count - 1 && random() < 0.08 ? ',' : ''));
    const text = parts.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (length: number, vocabulary: readonly string[]): string => {
    let text = '';
    while (text.length < length) {
      const next = sentence(between(6, 18), vocabulary);
      // Now and then a line break inside the paragraph (a hard_break), as typed documents have.
      text += text === '' ? next : random() < 0.06 ? `\n${next}` : ` ${next}`;
    }
    return text;
  };

  const creators: Creator[] = AUTHORS.map((name) => ({ id: `urn:uuid:${uuid()}`, name }));
  const documents: DocumentRecord[] = [];
  const transcriptions: TranscriptionRecord[] = [];
  const revisions: RevisionRecord[] = [];
  const scans: ScanRecord[] = [];
  const annotations: Annotation[] = [];
  let minute = 0;

  const addDocument = (id: string, title: string, sheets: SheetText[], dateIso: string, summary: string): { text: string } => {
    const doc = transcriptionFromSheets(sheets);
    const created = at(minute++);
    const record: DocumentRecord = {
      ...emptyMetadata(title),
      dateIso,
      dateAsWritten: dateIso,
      archiveReference: 'Synthetic benchmark library',
      summary,
      originalLanguage: 'Russian',
      textLanguage: 'Russian',
      languageCode: 'ru',
      textKind: 'original',
      documentType: 'Telegram',
      id,
      sheetCount: sheets.length,
      isSample: false,
      created,
      modified: created,
    };
    const transcription = { schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc: doc.toJSON() as Record<string, unknown> };
    documents.push(record);
    transcriptions.push({ documentId: id, ...transcription, modified: created });
    revisions.push({ ...firstRevision(id, transcription, IMPORT_SUMMARY, created), id: uuid() });
    return { text: TextIndex.fromDoc(doc).text };
  };

  /** A range of whole words in `text`: one to eight words, within one paragraph. */
  const wordRange = (text: string, spans: readonly Span[]): Span => {
    const first = between(0, spans.length - 1);
    const count = pick([1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8]);
    const last = Math.min(spans.length - 1, first + count - 1);
    const start = spans[first]!.start;
    const end = spans[last]!.end;
    return text.slice(start, end).includes('\n') ? spans[first]! : { start, end };
  };
  const textTarget = (documentId: string, text: string, range: Span): TextTarget => ({
    type: 'text',
    documentId,
    ...describeTextRange(text, range),
  });

  const body = (kind: AnnotationKind, quoteLength: number): BodyDocJSON => {
    if (kind === 'translation') return { type: 'doc', content: [bodyParagraph(random, sentence(Math.max(1, Math.round(quoteLength / 9)) + between(0, 3), ENGLISH))] };
    if (kind === 'crossref' && random() < 0.4) return { type: 'doc', content: [{ type: 'paragraph' }] };
    const paragraphs = kind === 'crossref' ? 1 : between(1, 3);
    return { type: 'doc', content: Array.from({ length: paragraphs }, () => bodyParagraph(random, paragraph(between(80, 320), ENGLISH))) };
  };

  const annotation = (input: Omit<Annotation, 'id' | 'body' | 'created' | 'modified' | 'revision' | 'deleted' | 'lineage'> & { body: BodyDocJSON }): Annotation => {
    const created = at(minute++);
    const revision = random() < 0.7 ? 1 : between(2, 4);
    const result: Annotation = {
      ...input,
      id: uuid(),
      body: { doc: input.body, language: 'en' },
      created,
      modified: revision === 1 ? created : at(minute + between(10, 5000)),
      revision,
      deleted: false,
      lineage: [],
    };
    // Earlier versions are only hashes in a lineage; what they held does not matter here.
    const earlier = Array.from({ length: revision - 1 }, (_, i) => hashText(`${result.id}#${i + 1}`));
    result.lineage = [...earlier, contentHash(result)];
    return result;
  };

  // Small documents first: cross-references of the large one point into them.
  const small: Array<{ id: string; title: string; text: string; spans: Span[] }> = [];
  for (let n = 1; n <= spec.smallDocuments; n++) {
    const id = `bench-small-${String(n).padStart(4, '0')}`;
    const title = `Шифртелеграмма № ${String(20000 + n)}: ${sentence(between(2, 5), words).slice(0, -1)}`;
    const sheets: SheetText[] = [{ label: 'Sheet 1', numberAsWritten: '', paragraphs: [paragraph(between(200, 400), words), paragraph(between(150, 350), words)] }];
    const { text } = addDocument(id, title, sheets, `1951-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`, sentence(12, ENGLISH));
    const spans = wordSpans(text);
    small.push({ id, title, text, spans });
    for (let k = 0; k < n % 3; k++) {
      const kind = pick(['commentary', 'translation', 'commentary'] as const);
      const range = wordRange(text, spans);
      annotations.push(annotation({ documentId: id, kind, target: textTarget(id, text, range), links: [], body: body(kind, range.end - range.start), crossref: null, creator: pick(creators) }));
    }
  }

  // The large document.
  const largeId = 'bench-large-300';
  const largeTitle = `A ${spec.sheets}-sheet file of ciphered telegrams (synthetic, ${spec.annotations.toLocaleString('en-US')} annotations)`;
  const perSheet = spec.characters / spec.sheets;
  const sheets: SheetText[] = [];
  for (let n = 1; n <= spec.sheets; n++) {
    const paragraphs: string[] = [];
    let length = 0;
    while (length < perSheet - 120) {
      const p = paragraph(Math.min(between(250, 600), Math.max(120, perSheet - length)), words);
      paragraphs.push(p);
      length += p.length + 1;
    }
    sheets.push({ label: `Sheet ${n}`, numberAsWritten: n % 7 === 0 ? String(n) : '', paragraphs });
  }
  const { text } = addDocument(largeId, largeTitle, sheets, '1951-07-20', 'Ciphered telegrams of the armistice negotiations, recombined for a benchmark.');
  const spans = wordSpans(text);

  for (let k = 0; k < spec.scans; k++) {
    const sheetIndex = Math.floor((k * spec.sheets) / spec.scans);
    const blob = await scanImage(random, sheetIndex + 1);
    scans.push({
      id: uuid(),
      documentId: largeId,
      sheetIndex,
      blob,
      mime: 'image/png',
      size: blob.size,
      width: SCAN_WIDTH,
      height: SCAN_HEIGHT,
      generated: false,
      caption: '',
      order: k,
      thumbnail: null,
      sourceName: `scan-${String(sheetIndex + 1).padStart(3, '0')}.png`,
      pageNumber: 1,
    });
  }

  const largeAnnotations: Annotation[] = [];
  const translations: TextTarget[] = [];
  for (let i = 0; i < spec.annotations; i++) {
    const creator = pick(creators);
    if (scans.length > 0 && random() < 0.05) {
      const scan = pick(scans);
      const width = between(40, 300);
      const height = between(30, 200);
      const shape = { type: 'rect' as const, x: between(0, SCAN_WIDTH - width), y: between(0, SCAN_HEIGHT - height), width, height };
      const links = random() < 0.5 ? [textTarget(largeId, text, wordRange(text, spans))] : [];
      const kind = random() < 0.7 ? 'commentary' : 'translation';
      largeAnnotations.push(
        annotation({
          documentId: largeId,
          kind,
          target: { type: 'region', documentId: largeId, scanId: scan.id, sheetIndex: scan.sheetIndex, selector: shapeToSelector(shape) },
          links,
          body: body(kind, 40),
          crossref: null,
          creator,
        }),
      );
      continue;
    }
    const roll = random();
    const kind: AnnotationKind = roll < 0.42 ? 'commentary' : roll < 0.79 ? 'translation' : 'crossref';
    let target: TextTarget;
    if (kind === 'translation' && translations.length > 0 && random() < 0.3) {
      // Another author's translation of words already translated: the seminar compares them.
      target = { ...pick(translations) };
    } else {
      target = textTarget(largeId, text, wordRange(text, spans));
      if (kind === 'translation') translations.push(target);
    }
    let crossref: CrossReferenceTarget | null = null;
    if (kind === 'crossref') {
      const to = small.length > 0 ? pick(small) : null;
      const how = random();
      if (to && how < 0.5) crossref = { type: 'passage', target: textTarget(to.id, to.text, wordRange(to.text, to.spans)) };
      else if (to && how < 0.8) crossref = { type: 'document', documentId: to.id };
      else {
        const record = between(110000, 121000);
        crossref = { type: 'external', citation: `Wilson Center Digital Archive, record ${record}`, url: `https://digitalarchive.wilsoncenter.org/document/${record}` };
      }
    }
    largeAnnotations.push(
      annotation({ documentId: largeId, kind, target, links: [], body: body(kind, target.position.end - target.position.start), crossref, creator }),
    );
  }
  annotations.push(...largeAnnotations);

  // The first annotation on words in reading order (as inReadingOrder sorts): its card is near the top.
  const onWords = largeAnnotations.filter((a): a is Annotation & { target: TextTarget } => a.target.type === 'text');
  const firstAnnotation = [...onWords].sort(
    (a, b) => a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end || a.created.localeCompare(b.created),
  )[0]!;
  const named = (a: Annotation & { target: TextTarget }): NamedAnnotation => ({ id: a.id, documentId: a.documentId, exact: a.target.quote.exact });

  let twinId: string | null = null;
  let twinTitle: string | null = null;
  let twinFirst: NamedAnnotation | null = null;
  if (spec.twin) {
    twinId = 'bench-large-300-twin';
    twinTitle = `A ${spec.sheets}-sheet file of ciphered telegrams (synthetic, the same text with one annotation)`;
    addDocument(twinId, twinTitle, sheets, '1951-07-20', 'The same text and scans as the large document, with one annotation.');
    const copy: Annotation & { target: TextTarget } = {
      ...structuredClone(firstAnnotation),
      id: uuid(),
      documentId: twinId,
      target: { ...firstAnnotation.target, documentId: twinId },
    };
    annotations.push(copy);
    twinFirst = named(copy);
    // Its own copies of the large document's scans (the same images): the twin differs from the
    // large document by its annotations alone, so the typing figures measure what the
    // annotations cost, not what showing a scan beside the text costs.
    for (const scan of scans.filter((s) => s.documentId === largeId)) scans.push({ ...scan, id: uuid(), documentId: twinId });
  }

  const regions = largeAnnotations.filter((a) => a.target.type === 'region');
  const byKind: Record<string, number> = {};
  for (const a of largeAnnotations) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  // The second small document has two annotations (the n-th has n mod 3).
  const smallPick = small[Math.min(1, small.length - 1)] ?? null;
  const settings: SettingRecord[] = [{ key: 'sampleInstalled', value: at(0) }];

  return {
    documents,
    transcriptions,
    revisions,
    scans,
    annotations,
    settings,
    summary: {
      largeId,
      largeTitle,
      smallId: smallPick?.id ?? largeId,
      smallTitle: smallPick?.title ?? largeTitle,
      smallHighlightedIds: smallPick ? annotations.filter((a) => a.documentId === smallPick.id).length : 0,
      twinId,
      twinTitle,
      first: named(firstAnnotation),
      twinFirst,
      characters: text.length,
      textAnnotations: onWords.length,
      regionAnnotations: regions.length,
      linkedRegions: regions.filter((a) => a.links.length > 0).length,
      byKind,
      highlightedIds: onWords.length + regions.filter((a) => a.links.length > 0).length,
      documents: documents.length,
      annotationsInLibrary: annotations.length,
      scans: scans.length,
      annotationJsonBytes: new TextEncoder().encode(JSON.stringify(annotations)).length,
    },
    large: { text, targets: [...onWords.map((a) => a.target), ...regions.flatMap((a) => a.links)] },
  };
}

interface Span {
  start: number;
  end: number;
}

/** Where the words of a text are (runs without spaces or punctuation). */
export function wordSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/[^\s.,;:!?«»()"]+/g)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** A UUID (version 4 layout) from the seeded generator, so ids are the same in every run. */
function seededUuid(random: Random): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += Math.floor(random() * 16).toString(16);
  hex = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${'89ab'[Math.floor(random() * 4)]}${hex.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A body paragraph: the text in runs, some bold or italic, now and then a link. */
function bodyParagraph(random: Random, text: string): { type: 'paragraph'; content: unknown[] } {
  const words = text.split(' ');
  const content: unknown[] = [];
  let plain: string[] = [];
  const flush = (): void => {
    if (plain.length > 0) content.push({ type: 'text', text: plain.join(' ') + ' ' });
    plain = [];
  };
  for (let i = 0; i < words.length; i++) {
    const roll = random();
    if (roll < 0.03 && i < words.length - 1) {
      flush();
      content.push({ type: 'text', text: words[i]!, marks: [{ type: roll < 0.015 ? 'strong' : 'em' }] });
      content.push({ type: 'text', text: ' ' });
    } else if (roll < 0.035 && i < words.length - 1) {
      flush();
      content.push({ type: 'text', text: words[i]!, marks: [{ type: 'link', attrs: { href: 'https://digitalarchive.wilsoncenter.org/document/119538' } }] });
      content.push({ type: 'text', text: ' ' });
    } else {
      plain.push(words[i]!);
    }
  }
  if (plain.length > 0) content.push({ type: 'text', text: plain.join(' ') });
  return { type: 'paragraph', content };
}

/** A small scan: paper, lines of ink, the sheet's number. PNG, as the app stores facsimiles. */
async function scanImage(random: Random, sheet: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(SCAN_WIDTH, SCAN_HEIGHT);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#efe6d0';
  g.fillRect(0, 0, SCAN_WIDTH, SCAN_HEIGHT);
  g.fillStyle = '#2a2622';
  g.font = 'bold 22px serif';
  g.fillText(`Лист ${sheet}`, 40, 50);
  for (let y = 90; y < SCAN_HEIGHT - 40; y += 18) {
    let x = 40;
    while (x < SCAN_WIDTH - 60) {
      const w = 12 + random() * 60;
      g.fillRect(x, y, w, 8);
      x += w + 6 + random() * 6;
    }
  }
  return canvas.convertToBlob({ type: 'image/png' });
}
