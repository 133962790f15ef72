/**
 * What the three exporters lay out alike: the header's fields, the credit and progress lines,
 * sheet markers, the flow of segments into paragraphs, and footnotes with their numbers.
 */
import type { DocumentMetadata } from '../document-metadata';
import { isAllowedLinkHref } from '../annotation-body-schema';
import {
  appendToLastParagraph,
  bodyBlocks,
  cleanText,
  hasContent,
  plainText,
  trimInlines,
  type Block,
  type Inline,
} from './blocks';
import type { EnglishRendering, RenderedParagraph, RenderedSheet, RenderingExportOptions } from './types';

/** Options with their defaults filled in. */
export type ResolvedOptions = Required<RenderingExportOptions>;

export function resolveOptions(options: RenderingExportOptions = {}): ResolvedOptions {
  return {
    sheetMarkers: options.sheetMarkers ?? 'line',
    pageBreakBetweenSheets: options.pageBreakBetweenSheets ?? false,
    footnoteAuthors: options.footnoteAuthors ?? true,
    progressNote: options.progressNote ?? true,
  };
}

/** One line of the header: "Date: July 20, 1951". `url` is a link to show after the text (already checked). */
export interface HeaderField {
  label: string;
  text: string;
  url: string | null;
}

/** The header's fields that have a value, in order. */
export function headerFields(metadata: DocumentMetadata): HeaderField[] {
  const fields: HeaderField[] = [];
  const add = (label: string, text: string, url: string | null = null) => {
    const value = cleanText(text).replace(/\s*\n\s*/g, '; ').trim();
    if (value !== '' || url) fields.push({ label, text: value, url });
  };
  add('Date', metadata.dateAsWritten || metadata.dateIso);
  add('Original language', metadata.originalLanguage);
  add(metadata.authors.includes('\n') ? 'Authors' : 'Author', metadata.authors);
  add('Document type', metadata.documentType);
  const url = cleanText(metadata.sourceUrl).trim();
  const link = url !== '' && isAllowedLinkHref(url) ? url : null;
  if (metadata.citation.trim() !== '') {
    add('Citation', metadata.citation, link);
    if (!link) add('Source', url);
  } else {
    add('Source', link ? '' : url, link);
  }
  add('Archive reference', metadata.archiveReference);
  add('Source credits', metadata.credits);
  add('Rights', metadata.rights);
  return fields;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

/** "Translated by Anna Petrova and John Smith.", or null without translators. */
export function creditLine(r: EnglishRendering): string | null {
  const names = r.translators.map((n) => cleanText(n).trim()).filter((n) => n !== '');
  return names.length === 0 ? null : `Translated by ${joinNames(names)}.`;
}

/** Counts of segments: all of them, and those whose English is shown (translated or joined to a translation). */
export function progress(r: EnglishRendering): { total: number; done: number } {
  let total = 0;
  let done = 0;
  for (const sheet of r.sheets) {
    for (const paragraph of sheet.paragraphs) {
      for (const segment of paragraph.segments) {
        total++;
        if (segment.status !== 'untranslated') done++;
      }
    }
  }
  return { total, done };
}

/** "Draft: 3 of 40 passages translated; …", or null when everything is translated. */
export function progressLine(r: EnglishRendering): string | null {
  const { total, done } = progress(r);
  if (done === total) return null;
  const language = cleanText(r.metadata.originalLanguage).trim();
  const rest =
    r.untranslated === 'placeholder'
      ? 'the others are marked “[untranslated: …]”'
      : r.untranslated === 'source'
        ? `the others are left in ${language === '' ? 'the original' : language}`
        : 'the others are left out';
  return `Draft: ${done} of ${total} passage${total === 1 ? '' : 's'} translated; ${rest}.`;
}

/** "Sheet 3", with the number written on it when that differs: "Sheet 3 (numbered “8”)". */
export function sheetMarkerText(sheet: RenderedSheet): string {
  const label = cleanText(sheet.label).trim() || 'Sheet';
  const written = cleanText(sheet.numberAsWritten).trim();
  const own = /(\d+)\s*$/.exec(label)?.[1];
  return written === '' || written === own ? label : `${label} (numbered “${written}”)`;
}

/**
 * The footnote numbers that follow each segment, by segment id. A footnote whose segment is not
 * in the rendering follows the last segment, so that no note loses its mark.
 */
export function footnoteNumbers(r: EnglishRendering): Map<string, number[]> {
  const ids = new Set<string>();
  let lastId: string | null = null;
  for (const sheet of r.sheets) {
    for (const paragraph of sheet.paragraphs) {
      for (const segment of paragraph.segments) {
        ids.add(segment.id);
        lastId = segment.id;
      }
    }
  }
  const out = new Map<string, number[]>();
  r.footnotes.forEach((note, i) => {
    const id = ids.has(note.afterSegmentId) ? note.afterSegmentId : lastId;
    if (id === null) return;
    const list = out.get(id) ?? [];
    list.push(i + 1);
    out.set(id, list);
  });
  return out;
}

/**
 * A paragraph of segments as blocks. Segments follow one another in one paragraph, a space
 * apart; a translation of several paragraphs (or with a list or quote) breaks the flow there, and
 * the segments after it go on from its last paragraph. Footnote marks follow their segment's
 * English (or where it would be, for a segment shown as nothing).
 */
export function paragraphBlocks(paragraph: RenderedParagraph, r: EnglishRendering, notes: ReadonlyMap<string, readonly number[]>): Block[] {
  const out: Block[] = [];
  // The paragraph being filled, if any (an object, so that the closures below share it).
  const flow: { open: Inline[] | null } = { open: null };
  const flush = () => {
    if (flow.open && flow.open.length > 0) out.push({ kind: 'paragraph', inlines: flow.open });
    flow.open = null;
  };
  const append = (inlines: readonly Inline[]) => {
    const trimmed = trimInlines(inlines);
    if (trimmed.length === 0) return;
    flow.open ??= [];
    if (flow.open.length > 0) flow.open.push(plainText(' '));
    flow.open.push(...trimmed);
  };

  for (const segment of paragraph.segments) {
    let blocks: Block[] = [];
    if (segment.status === 'translated' && segment.english) {
      blocks = bodyBlocks(segment.english);
      if (!hasContent(blocks)) blocks = [];
    } else if (segment.status === 'untranslated' && r.untranslated !== 'omit') {
      const source = cleanText(segment.source).trim();
      if (source !== '') blocks = [{ kind: 'paragraph', inlines: [{ kind: 'untranslated', source, mode: r.untranslated }] }];
    }
    blocks.forEach((block, i) => {
      const last = i === blocks.length - 1;
      if (i === 0 && block.kind === 'paragraph') append(block.inlines);
      else if (last && block.kind === 'paragraph') {
        flush();
        append(block.inlines);
      } else {
        flush();
        out.push(block);
      }
    });
    for (const number of notes.get(segment.id) ?? []) {
      const ref: Inline = { kind: 'noteRef', number };
      if (flow.open) flow.open.push(ref);
      else if (!appendToLastParagraph(out, ref)) flow.open = [ref];
    }
  }
  flush();
  return out;
}

/** A footnote as blocks, with "— Author" at the end of its last paragraph when asked. */
export function footnoteBlocks(r: EnglishRendering, index: number, options: ResolvedOptions): Block[] {
  const note = r.footnotes[index];
  if (!note) return [];
  const blocks = bodyBlocks(note.body).map((block) => (block.kind === 'paragraph' ? { ...block, inlines: trimInlines(block.inlines) } : block));
  const author = cleanText(note.author).trim();
  if (options.footnoteAuthors && author !== '') {
    const signature = plainText(`— ${author}`);
    const last = blocks[blocks.length - 1];
    if (last?.kind === 'paragraph') last.inlines.push(plainText(last.inlines.length > 0 ? ' ' : ''), signature);
    else blocks.push({ kind: 'paragraph', inlines: [signature] });
  }
  return blocks.filter((b) => b.kind !== 'paragraph' || b.inlines.some((i) => i.kind !== 'text' || i.text !== ''));
}
