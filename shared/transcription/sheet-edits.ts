/**
 * Splitting and merging sheets of a transcription by hand, when automatic sheet detection got
 * a page boundary wrong.
 *
 * Both edits only move paragraphs between sheets. The plain text that annotation anchors are
 * measured in is the same before and after (blocks are separated alike whether or not a sheet
 * boundary lies between them), so no annotation moves.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { sheetLabel } from '../importers/sheet-split';
import { transcriptionSchema } from './schema';

/** The paragraphs of a sheet as nodes. */
function paragraphsOf(sheet: ProseMirrorNode): ProseMirrorNode[] {
  const paragraphs: ProseMirrorNode[] = [];
  sheet.forEach((p) => paragraphs.push(p));
  return paragraphs;
}

/** Rebuilds the document from groups of paragraphs, labelling sheets by position. */
function fromGroups(groups: Array<{ paragraphs: ProseMirrorNode[]; numberAsWritten: string }>): ProseMirrorNode {
  const { nodes } = transcriptionSchema;
  return nodes.doc!.create(
    null,
    groups.map((g, i) => nodes.sheet!.create({ label: sheetLabel(i), numberAsWritten: g.numberAsWritten }, g.paragraphs)),
  );
}

function groupsOf(doc: ProseMirrorNode): Array<{ paragraphs: ProseMirrorNode[]; numberAsWritten: string }> {
  const groups: Array<{ paragraphs: ProseMirrorNode[]; numberAsWritten: string }> = [];
  doc.forEach((sheet) => groups.push({ paragraphs: paragraphsOf(sheet), numberAsWritten: sheet.attrs.numberAsWritten as string }));
  return groups;
}

/** Where a document position lies: which sheet, and which paragraph within it. */
export function paragraphAt(doc: ProseMirrorNode, pos: number): { sheetIndex: number; paragraphIndex: number } {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  return { sheetIndex: $pos.index(0), paragraphIndex: $pos.depth >= 1 ? $pos.index(1) : 0 };
}

/**
 * Starts a new sheet at a paragraph: it and the paragraphs after it on its sheet move to a new
 * sheet that follows. Null when the paragraph already starts its sheet.
 */
export function splitSheetAt(doc: ProseMirrorNode, sheetIndex: number, paragraphIndex: number): ProseMirrorNode | null {
  const groups = groupsOf(doc);
  const group = groups[sheetIndex];
  if (!group || paragraphIndex <= 0 || paragraphIndex >= group.paragraphs.length) return null;
  const moved = group.paragraphs.splice(paragraphIndex);
  groups.splice(sheetIndex + 1, 0, { paragraphs: moved, numberAsWritten: '' });
  return fromGroups(groups);
}

/** Joins a sheet to the one before it. Null for the first sheet. */
export function mergeSheetWithPrevious(doc: ProseMirrorNode, sheetIndex: number): ProseMirrorNode | null {
  if (sheetIndex <= 0 || sheetIndex >= doc.childCount) return null;
  const groups = groupsOf(doc);
  const [merged] = groups.splice(sheetIndex, 1);
  groups[sheetIndex - 1]!.paragraphs.push(...merged!.paragraphs);
  return fromGroups(groups);
}

/**
 * Where the scans of each sheet go after a split or merge: a function from the old sheet index
 * to the new one.
 */
export function sheetIndexAfterSplit(splitSheet: number): (old: number) => number {
  return (old) => (old > splitSheet ? old + 1 : old);
}

export function sheetIndexAfterMerge(mergedSheet: number): (old: number) => number {
  return (old) => (old >= mergedSheet ? old - 1 : old);
}
