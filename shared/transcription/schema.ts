/**
 * The ProseMirror schema of a transcription, version 2.
 *
 * A transcription is a sequence of sheets (the physical leaves of the document), each holding
 * paragraphs; line breaks inside a paragraph are `hard_break` nodes. Sheets are top-level nodes
 * so that one passage can run across a sheet break and still be one selection.
 *
 * Version 2 adds the editorial markup of a critical transcription, after the TEI P5 elements
 * named beside each (see shared/transcription/editorial.ts for their names and legend):
 * marks for unclear, supplied, deleted and added text, corrections (the original reading kept as
 * `sic`), abbreviations (with their expansion), another hand, and stamped or printed text; and
 * inline atoms for gaps and editorial notes. Gaps and notes add nothing to the plain text that
 * anchors are measured in (`leafText` is empty), so marking them never moves an annotation.
 *
 * Changes to this schema bump TRANSCRIPTION_SCHEMA_VERSION and are recorded in
 * docs/transcription-schema.md, with an upgrade of stored documents.
 */
import { Schema, type Node as ProseMirrorNode } from 'prosemirror-model';
import type { SheetText } from '../document-metadata';

export const TRANSCRIPTION_SCHEMA_VERSION = 2;

export const transcriptionSchema = new Schema({
  nodes: {
    doc: { content: 'sheet+' },
    sheet: {
      content: 'paragraph+',
      attrs: { label: { default: '' }, numberAsWritten: { default: '' } },
      defining: true,
      isolating: true,
      toDOM: (node) => [
        'section',
        { class: 'sheet', 'data-sheet-label': node.attrs.label as string },
        ['div', { class: 'sheet-heading', contenteditable: 'false' }, sheetHeading(node)],
        ['div', { class: 'sheet-body' }, 0],
      ],
      parseDOM: [
        {
          tag: 'section.sheet',
          contentElement: 'div.sheet-body',
          getAttrs: (dom) => ({ label: (dom as { getAttribute(name: string): string | null }).getAttribute('data-sheet-label') ?? '' }),
        },
      ],
    },
    paragraph: {
      content: 'inline*',
      group: 'block',
      toDOM: () => ['p', 0],
      parseDOM: [{ tag: 'p' }],
    },
    text: { group: 'inline' },
    hard_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      leafText: () => '\n',
      toDOM: () => ['br'],
      parseDOM: [{ tag: 'br' }],
    },
    /** TEI `gap`: text left out because it cannot be read; `extent` as the editor gives it ("3 words"). */
    gap: {
      inline: true,
      group: 'inline',
      atom: true,
      attrs: { reason: { default: 'illegible' }, extent: { default: '' } },
      leafText: () => '',
      toDOM: (node) => [
        'span',
        { class: 'ed-gap', 'data-reason': node.attrs.reason as string, 'data-extent': node.attrs.extent as string, title: gapTitle(node) },
        '[…]',
      ],
      parseDOM: [
        {
          tag: 'span.ed-gap',
          getAttrs: (dom) => ({ reason: attr(dom, 'data-reason') || 'illegible', extent: attr(dom, 'data-extent') }),
        },
      ],
    },
    /** TEI `note` (type editorial): the editor's remark at a point in the text. */
    editorial_note: {
      inline: true,
      group: 'inline',
      atom: true,
      attrs: { text: { default: '' } },
      leafText: () => '',
      toDOM: (node) => ['span', { class: 'ed-note', 'data-text': node.attrs.text as string, title: `Editorial note: ${node.attrs.text as string}` }, '✎'],
      parseDOM: [{ tag: 'span.ed-note', getAttrs: (dom) => ({ text: attr(dom, 'data-text') }) }],
    },
  },
  marks: {
    /** TEI `unclear`: read, but not with certainty. */
    unclear: {
      attrs: { reason: { default: '' } },
      toDOM: (mark) => ['span', { class: 'ed-unclear', 'data-reason': mark.attrs.reason as string, title: titled('Unclear', mark.attrs.reason as string) }, 0],
      parseDOM: [{ tag: 'span.ed-unclear', getAttrs: (dom) => ({ reason: attr(dom, 'data-reason') }) }],
    },
    /** TEI `supplied`: added by the editor, not on the page. */
    supplied: {
      attrs: { reason: { default: '' } },
      toDOM: (mark) => ['span', { class: 'ed-supplied', 'data-reason': mark.attrs.reason as string, title: titled('Supplied by the editor', mark.attrs.reason as string) }, 0],
      parseDOM: [{ tag: 'span.ed-supplied', getAttrs: (dom) => ({ reason: attr(dom, 'data-reason') }) }],
    },
    /** TEI `del`: struck out in the original. */
    deleted: {
      attrs: { rend: { default: '' } },
      toDOM: (mark) => ['span', { class: 'ed-del', 'data-rend': mark.attrs.rend as string, title: titled('Deleted in the original', mark.attrs.rend as string) }, 0],
      parseDOM: [{ tag: 'span.ed-del', getAttrs: (dom) => ({ rend: attr(dom, 'data-rend') }) }],
    },
    /** TEI `add`: written in by the author or a later hand. */
    added: {
      attrs: { place: { default: '' } },
      toDOM: (mark) => ['span', { class: 'ed-add', 'data-place': mark.attrs.place as string, title: titled('Added in the original', mark.attrs.place as string) }, 0],
      parseDOM: [{ tag: 'span.ed-add', getAttrs: (dom) => ({ place: attr(dom, 'data-place') }) }],
    },
    /** TEI `choice` of `sic` and `corr`: the text shows the correction, `sic` keeps what the page has. */
    corrected: {
      attrs: { sic: { default: '' } },
      inclusive: false,
      toDOM: (mark) => ['span', { class: 'ed-corr', 'data-sic': mark.attrs.sic as string, title: `Corrected; the original reads “${mark.attrs.sic as string}”` }, 0],
      parseDOM: [{ tag: 'span.ed-corr', getAttrs: (dom) => ({ sic: attr(dom, 'data-sic') }) }],
    },
    /** TEI `choice` of `abbr` and `expan`: the text keeps the abbreviation as written. */
    abbreviation: {
      attrs: { expansion: { default: '' } },
      inclusive: false,
      toDOM: (mark) => ['span', { class: 'ed-abbr', 'data-expansion': mark.attrs.expansion as string, title: `Abbreviation for “${mark.attrs.expansion as string}”` }, 0],
      parseDOM: [{ tag: 'span.ed-abbr', getAttrs: (dom) => ({ expansion: attr(dom, 'data-expansion') }) }],
    },
    /** Another hand than the main text's: a signature, a routing note in pencil. */
    hand: {
      attrs: { description: { default: '' } },
      toDOM: (mark) => ['span', { class: 'ed-hand', 'data-description': mark.attrs.description as string, title: titled('In another hand', mark.attrs.description as string) }, 0],
      parseDOM: [{ tag: 'span.ed-hand', getAttrs: (dom) => ({ description: attr(dom, 'data-description') }) }],
    },
    /** TEI `stamp`, or text printed on the form rather than typed or written. */
    printed: {
      attrs: { kind: { default: 'stamp' } },
      toDOM: (mark) => ['span', { class: `ed-printed ed-printed-${mark.attrs.kind as string}`, 'data-kind': mark.attrs.kind as string, title: mark.attrs.kind === 'form' ? 'Printed on the form' : 'Stamp' }, 0],
      parseDOM: [{ tag: 'span.ed-printed', getAttrs: (dom) => ({ kind: attr(dom, 'data-kind') === 'form' ? 'form' : 'stamp' }) }],
    },
  },
});

function attr(dom: unknown, name: string): string {
  return (dom as { getAttribute(name: string): string | null }).getAttribute(name) ?? '';
}

function titled(what: string, detail: string): string {
  return detail ? `${what}: ${detail}` : what;
}

function gapTitle(node: ProseMirrorNode): string {
  const extent = node.attrs.extent as string;
  return `Gap (${node.attrs.reason as string})${extent ? `, ${extent}` : ''}`;
}

function sheetHeading(node: ProseMirrorNode): string {
  const label = node.attrs.label as string;
  const written = node.attrs.numberAsWritten as string;
  return written ? `${label} · headed “Лист ${written}”` : label;
}

/** Builds a transcription document from sheets of plain paragraphs ("\n" becomes a line break). */
export function transcriptionFromSheets(sheets: readonly SheetText[]): ProseMirrorNode {
  const { nodes } = transcriptionSchema;
  const sheetNodes = sheets.map((sheet) =>
    nodes.sheet!.create(
      { label: sheet.label, numberAsWritten: sheet.numberAsWritten },
      (sheet.paragraphs.length > 0 ? sheet.paragraphs : ['']).map((paragraph) => {
        const inline: ProseMirrorNode[] = [];
        paragraph.split('\n').forEach((line, i) => {
          if (i > 0) inline.push(nodes.hard_break!.create());
          if (line !== '') inline.push(transcriptionSchema.text(line));
        });
        return nodes.paragraph!.create(null, inline);
      }),
    ),
  );
  return nodes.doc!.create(null, sheetNodes);
}

/** The stored form of a transcription: its schema version and ProseMirror JSON. */
export interface StoredTranscription {
  schemaVersion: number;
  doc: Record<string, unknown>;
}

/**
 * Restores a stored transcription, refusing one written by a newer schema than we know. Version 1
 * documents need no upgrade: version 2 only added marks and inline nodes.
 */
export function transcriptionFromJSON(stored: StoredTranscription): ProseMirrorNode {
  if (stored.schemaVersion > TRANSCRIPTION_SCHEMA_VERSION) {
    throw new Error(
      `This transcription was saved by a newer Marginalia (schema ${stored.schemaVersion}); update the app to open it.`,
    );
  }
  const doc = transcriptionSchema.nodeFromJSON(stored.doc);
  doc.check();
  return doc;
}
