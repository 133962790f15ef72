/**
 * Editing a transcription: applying editorial markup, and splitting or merging sheets, as
 * ProseMirror transactions. Each answers a transaction (or null when it does not apply here),
 * carrying a description of the change for the revision history, so the editor only dispatches.
 *
 * All of it is plain ProseMirror, so the same commands run in the app and in Node tests.
 */
import type { Attrs, Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { sheetLabel } from '../importers/sheet-split';
import { EDITORIAL_FEATURES, type EditorialMarkName, type EditorialNodeName } from './editorial';
import { sheetIndexAfterMerge, sheetIndexAfterSplit } from './sheet-edits';
import { transcriptionSchema } from './schema';

/** Transaction metadata: what an editorial command did, in words, and how sheets moved. */
export const EDIT_DESCRIPTION = 'marginalia-edit-description';
export const SHEET_RENUMBERING = 'marginalia-sheet-renumbering';

/** How the sheets' indices change in a transaction: old index to new (scans follow their sheet). */
export type SheetRenumbering = (old: number) => number;

/** The words of a selection, shortened for a description. */
function quoted(doc: ProseMirrorNode, from: number, to: number): string {
  const text = doc.textBetween(from, to, ' ', ' ').replace(/\s+/g, ' ').trim();
  return `“${text.length > 40 ? `${text.slice(0, 39)}…` : text}”`;
}

function featureLabel(id: EditorialMarkName | EditorialNodeName): string {
  return EDITORIAL_FEATURES.find((f) => f.id === id)?.label.toLowerCase() ?? id;
}

/**
 * Marks the selected words with an editorial mark, or takes the mark off when all of them carry
 * it already. A correction is `correct`'s business, since it changes the words.
 */
export function toggleEditorialMark(state: EditorState, name: Exclude<EditorialMarkName, 'corrected'>, attrs: Attrs = {}): Transaction | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const type = transcriptionSchema.marks[name]!;
  const tr = state.tr;
  if (state.doc.rangeHasMark(from, to, type) && everyTextHas(state.doc, from, to, name)) {
    tr.removeMark(from, to, type);
    return tr.setMeta(EDIT_DESCRIPTION, `Removed ${featureLabel(name)} from ${quoted(state.doc, from, to)}`);
  }
  tr.addMark(from, to, type.create(attrs));
  const detail = Object.values(attrs).filter((v) => typeof v === 'string' && v !== '')[0];
  return tr.setMeta(EDIT_DESCRIPTION, `Marked ${quoted(state.doc, from, to)} as ${featureLabel(name)}${detail ? ` (${String(detail)})` : ''}`);
}

function everyTextHas(doc: ProseMirrorNode, from: number, to: number, name: string): boolean {
  let all = true;
  doc.nodesBetween(from, to, (node) => {
    if (node.isText && !node.marks.some((m) => m.type.name === name)) all = false;
  });
  return all;
}

/**
 * Replaces the selected words (what the page says) by their correction, keeping the original
 * reading in the `corrected` mark's `sic`, as TEI's sic/corr pair does. Annotations on the
 * selected words stay on the corrected ones: a replacement of exactly their range keeps them.
 */
export function correct(state: EditorState, correction: string): Transaction | null {
  const { from, to, empty } = state.selection;
  const reading = correction.trim();
  if (empty || reading === '') return null;
  const sic = state.doc.textBetween(from, to, ' ', '');
  if (sic === '' || sic.includes('\n')) return null;
  const kept = state.doc.resolve(from).marksAcross(state.doc.resolve(to)) ?? [];
  const mark = transcriptionSchema.marks.corrected!.create({ sic });
  const tr = state.tr.replaceWith(from, to, transcriptionSchema.text(reading, mark.addToSet(kept)));
  return tr.setMeta(EDIT_DESCRIPTION, `Corrected “${sic}” to “${reading}” (sic kept)`);
}

/**
 * Inserts a gap or an editorial note at the selection. A gap replaces selected words (garbled
 * OCR of an illegible stretch); a note goes after them, leaving them as they are.
 */
export function insertEditorialAtom(state: EditorState, name: EditorialNodeName, attrs: Attrs): Transaction | null {
  const node = transcriptionSchema.nodes[name]!.create(attrs);
  const { from, to } = state.selection;
  if (!state.selection.$from.parent.isTextblock) return null;
  const tr = name === 'gap' ? state.tr.replaceRangeWith(from, to, node) : state.tr.insert(to, node);
  const what = name === 'gap' ? `Marked a gap${from < to ? ` in place of ${quoted(state.doc, from, to)}` : ''}` : 'Added an editorial note';
  return tr.setMeta(EDIT_DESCRIPTION, what);
}

/**
 * Starts a new sheet at the cursor: the rest of the paragraph (or, at a paragraph's start, that
 * paragraph) and everything after it on the sheet move to a new sheet that follows.
 */
export function splitSheetAtCursor(state: EditorState): Transaction | null {
  const { $from } = state.selection;
  if ($from.depth < 2) return null;
  const sheetIndex = $from.index(0);
  const paragraphIndex = $from.index(1);
  const atParagraphStart = $from.parentOffset === 0;
  if (atParagraphStart && paragraphIndex === 0) return null; // already the start of a sheet
  const sheet = { type: transcriptionSchema.nodes.sheet!, attrs: { label: '', numberAsWritten: '' } };
  const tr = state.tr;
  if (atParagraphStart) tr.split($from.before(2), 1, [sheet]);
  else tr.split($from.pos, 2, [sheet, { type: transcriptionSchema.nodes.paragraph! }]); // outermost first
  relabelSheets(tr);
  return tr
    .setMeta(EDIT_DESCRIPTION, `Split sheet ${sheetIndex + 1}`)
    .setMeta(SHEET_RENUMBERING, sheetIndexAfterSplit(sheetIndex) satisfies SheetRenumbering);
}

/** Joins the sheet the cursor is in to the one before it. */
export function mergeSheetWithPreviousAtCursor(state: EditorState): Transaction | null {
  const sheetIndex = state.selection.$from.index(0);
  if (sheetIndex === 0) return null;
  let boundary = 0;
  for (let i = 0; i < sheetIndex; i++) boundary += state.doc.child(i).nodeSize;
  const tr = state.tr.join(boundary);
  relabelSheets(tr);
  return tr
    .setMeta(EDIT_DESCRIPTION, `Merged sheet ${sheetIndex + 1} into sheet ${sheetIndex}`)
    .setMeta(SHEET_RENUMBERING, sheetIndexAfterMerge(sheetIndex) satisfies SheetRenumbering);
}

/** Sheets are named by position ("Sheet 3"); after a split or merge the names follow. */
function relabelSheets(tr: Transaction): void {
  let pos = 0;
  tr.doc.forEach((sheet, _offset, index) => {
    const label = sheetLabel(index);
    if (sheet.attrs.label !== label) tr.setNodeMarkup(pos, undefined, { ...sheet.attrs, label });
    pos += sheet.nodeSize;
  });
}
