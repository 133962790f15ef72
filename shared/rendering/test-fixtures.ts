/**
 * Test data for the rendering tests: annotations on words, bodies, and a stand-in sentence
 * segmenter (each paragraph split after ". "). Pure: the caller reads the sample file.
 */
import type { Annotation, AnnotationKind, BodyDocJSON, Creator } from '../annotation';
import { describeTextRange } from '../anchoring/selectors';
import type { SourceSegment } from './types';

export const TRANSLATOR: Creator = { id: 'urn:uuid:5d7c0a10-0000-4000-8000-000000000001', name: 'Anna Petrova' };
export const EDITOR: Creator = { id: 'urn:uuid:5d7c0a10-0000-4000-8000-000000000002', name: 'Ben Okafor' };
export const CREATED = '2026-03-01T09:00:00.000Z';

/** A body of plain paragraphs. */
export function body(...paragraphs: string[]): BodyDocJSON {
  return {
    type: 'doc',
    content: paragraphs.map((text) => (text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** A body of one paragraph of the given inline nodes. */
export function richBody(...inline: unknown[]): BodyDocJSON {
  return { type: 'doc', content: [{ type: 'paragraph', content: inline }] };
}

export function text(value: string, ...marks: Array<'strong' | 'em' | { href: string }>): unknown {
  const m = marks.map((mark) => (typeof mark === 'string' ? { type: mark } : { type: 'link', attrs: { href: mark.href } }));
  return m.length > 0 ? { type: 'text', text: value, marks: m } : { type: 'text', text: value };
}

let counter = 0;

/** An annotation on the words [start, end) of the plain text. */
export function onWords(
  plain: string,
  kind: AnnotationKind,
  start: number,
  end: number,
  doc: BodyDocJSON,
  fields: Partial<Annotation> = {},
): Annotation {
  const { quote, position } = describeTextRange(plain, { start, end });
  counter++;
  return {
    id: `a0000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    documentId: 'doc-1',
    kind,
    target: { type: 'text', documentId: 'doc-1', quote, position },
    links: [],
    body: { doc, language: 'en' },
    crossref: null,
    creator: TRANSLATOR,
    created: CREATED,
    modified: CREATED,
    revision: 1,
    deleted: false,
    lineage: [],
    ...fields,
  };
}

/**
 * Sentences, as a segmenter would give them: each paragraph of the plain text split after
 * ". " (the full stop stays with its sentence, the space goes to neither). `sheetOf` gives the
 * sheet of an offset.
 */
export function sentenceSegments(plain: string, sheetOf: (offset: number) => number): SourceSegment[] {
  const out: SourceSegment[] = [];
  let paragraphStart = 0;
  for (const paragraph of plain.split('\n')) {
    let at = 0;
    while (at < paragraph.length) {
      const stop = paragraph.indexOf('. ', at);
      const end = stop < 0 ? paragraph.length : stop + 1;
      const start = paragraphStart + at;
      out.push({ id: `s${out.length + 1}`, sheetIndex: sheetOf(start), start, end: paragraphStart + end, text: paragraph.slice(at, end) });
      at = stop < 0 ? paragraph.length : stop + 2;
    }
    paragraphStart += paragraph.length + 1;
  }
  return out;
}

/** The text of a WordprocessingML part, run by run, paragraphs on lines of their own. */
export function runText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<[^>]+>/g, (_, t: string | undefined) => t ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
