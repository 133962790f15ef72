/** Splitting a sheet at a paragraph, or merging a sheet into the previous one. Undo: the old layout. */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import {
  mergeSheetWithPrevious,
  sheetIndexAfterMerge,
  sheetIndexAfterSplit,
  splitSheetAt,
} from '../../shared/transcription/sheet-edits';
import type { MarginaliaDatabase } from '../db/database';
import { restoreSheetLayout, saveSheetLayout } from '../db/transcription-store';
import type { UndoStack } from './undo-stack';

export async function splitSheetAction(
  db: MarginaliaDatabase,
  undoStack: UndoStack,
  documentId: string,
  doc: ProseMirrorNode,
  at: { sheetIndex: number; paragraphIndex: number },
): Promise<boolean> {
  const next = splitSheetAt(doc, at.sheetIndex, at.paragraphIndex);
  if (!next) return false;
  const before = await saveSheetLayout(db, documentId, next, sheetIndexAfterSplit(at.sheetIndex));
  undoStack.push({ label: `Split sheet ${at.sheetIndex + 1}`, undo: () => restoreSheetLayout(db, documentId, before) });
  return true;
}

export async function mergeSheetAction(
  db: MarginaliaDatabase,
  undoStack: UndoStack,
  documentId: string,
  doc: ProseMirrorNode,
  sheetIndex: number,
): Promise<boolean> {
  const next = mergeSheetWithPrevious(doc, sheetIndex);
  if (!next) return false;
  const before = await saveSheetLayout(db, documentId, next, sheetIndexAfterMerge(sheetIndex));
  undoStack.push({ label: `Merge sheet ${sheetIndex + 1} into sheet ${sheetIndex}`, undo: () => restoreSheetLayout(db, documentId, before) });
  return true;
}
