/** Splitting a sheet at a paragraph, or merging a sheet into the previous one. Undo: the old layout. */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import {
  mergeSheetWithPrevious,
  sheetIndexAfterMerge,
  sheetIndexAfterSplit,
  splitSheetAt,
} from '../../shared/transcription/sheet-edits';
import type { Creator } from '../../shared/annotation';
import type { MarginaliaDatabase } from '../db/database';
import { restoreSheetLayout, saveSheetLayout } from '../db/transcription-store';
import type { UndoStack } from './undo-stack';

export async function splitSheetAction(
  db: MarginaliaDatabase,
  undoStack: UndoStack,
  documentId: string,
  doc: ProseMirrorNode,
  at: { sheetIndex: number; paragraphIndex: number },
  creator: Creator,
): Promise<boolean> {
  const next = splitSheetAt(doc, at.sheetIndex, at.paragraphIndex);
  if (!next) return false;
  const label = `Split sheet ${at.sheetIndex + 1}`;
  const before = await saveSheetLayout(db, documentId, next, sheetIndexAfterSplit(at.sheetIndex), { creator, summary: label });
  undoStack.push({ label, undo: () => restoreSheetLayout(db, documentId, before, { creator, summary: `Undid: ${label}` }) });
  return true;
}

export async function mergeSheetAction(
  db: MarginaliaDatabase,
  undoStack: UndoStack,
  documentId: string,
  doc: ProseMirrorNode,
  sheetIndex: number,
  creator: Creator,
): Promise<boolean> {
  const next = mergeSheetWithPrevious(doc, sheetIndex);
  if (!next) return false;
  const label = `Merged sheet ${sheetIndex + 1} into sheet ${sheetIndex}`;
  const before = await saveSheetLayout(db, documentId, next, sheetIndexAfterMerge(sheetIndex), { creator, summary: label });
  undoStack.push({ label, undo: () => restoreSheetLayout(db, documentId, before, { creator, summary: `Undid: ${label}` }) });
  return true;
}
