/**
 * The ProseMirror schema of a transcription, version 1.
 *
 * A transcription is a sequence of sheets (the physical leaves of the document), each holding
 * paragraphs; line breaks inside a paragraph are `hard_break` nodes. Sheets are top-level nodes
 * so that one passage can run across a sheet break and still be one selection.
 *
 * Changes to this schema bump TRANSCRIPTION_SCHEMA_VERSION and are recorded in
 * docs/transcription-schema.md, with an upgrade of stored documents.
 */
import { Schema, type Node as ProseMirrorNode } from 'prosemirror-model';
import type { SheetText } from '../document-metadata';

export const TRANSCRIPTION_SCHEMA_VERSION = 1;

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
      toDOM: () => ['br'],
      parseDOM: [{ tag: 'br' }],
    },
  },
  marks: {},
});

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

/** Restores a stored transcription, refusing one written by a newer schema than we know. */
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
