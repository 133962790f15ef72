/**
 * The workbench's writes to the library: a segment translation created, its workbench data
 * changed, the segmentation corrected. Each user action declares its undo beside its write.
 */
import type { Annotation, Creator, TextTarget } from '../../shared/annotation';
import { addJoin, addSplit, type SegmentationOverrides } from '../../shared/translation/overrides';
import type { Segment } from '../../shared/translation/segment';
import { SEGMENT_STATUS_LABELS, type SegmentStatus, type SegmentWorkbench } from '../../shared/translation/types';
import type { UndoStack } from '../actions/undo-stack';
import { createAnnotation, saveWorkbench } from '../db/annotation-store';
import type { MarginaliaDatabase } from '../db/database';
import { saveSegmentation } from '../db/segmentation-store';
import { withStatus, workbenchOf } from './workbench-edits';

/** A new translation of a segment's words, in English, with its workbench data. */
export function createSegmentTranslation(
  db: MarginaliaDatabase,
  input: { documentId: string; target: TextTarget; creator: Creator; workbench: SegmentWorkbench },
): Promise<Annotation> {
  return createAnnotation(db, { ...input, kind: 'translation', language: 'en' });
}

/**
 * Applies a change to a translation's workbench data as the library has it, in one transaction
 * (so a status set while a draft is being saved loses neither).
 */
export function updateWorkbench(
  db: MarginaliaDatabase,
  id: string,
  change: (workbench: SegmentWorkbench) => SegmentWorkbench,
): Promise<Annotation | undefined> {
  return db.transaction('rw', db.annotations, async () => {
    const current = await db.annotations.get(id);
    if (!current || current.kind !== 'translation') return undefined;
    return saveWorkbench(db, id, change(workbenchOf(current)));
  });
}

/** Declares the undo of a status change (the change itself goes through the segment writer). */
export function pushStatusUndo(db: MarginaliaDatabase, undoStack: UndoStack, id: string, previous: SegmentStatus, status: SegmentStatus): void {
  undoStack.push({
    label: `Mark segment ${SEGMENT_STATUS_LABELS[status].toLowerCase()}`,
    undo: async () => void (await updateWorkbench(db, id, (wb) => withStatus(wb, previous))),
  });
}

/** Splits a segment at a plain-text offset inside it. Undo: the segmentation before. */
export async function splitSegmentAction(
  db: MarginaliaDatabase,
  undoStack: UndoStack,
  documentId: string,
  text: string,
  segments: readonly Segment[],
  overrides: SegmentationOverrides,
  offset: number,
): Promise<boolean> {
  return saveOverrides(db, undoStack, documentId, overrides, addSplit(overrides, text, segments, offset), 'Split segment');
}

/** Joins a segment with the next one of its paragraph. Undo: the segmentation before. */
export async function joinSegmentsAction(
  db: MarginaliaDatabase,
  undoStack: UndoStack,
  documentId: string,
  text: string,
  segments: readonly Segment[],
  overrides: SegmentationOverrides,
  index: number,
): Promise<boolean> {
  return saveOverrides(db, undoStack, documentId, overrides, addJoin(overrides, text, segments, index), 'Join segments');
}

async function saveOverrides(
  db: MarginaliaDatabase,
  undoStack: UndoStack,
  documentId: string,
  before: SegmentationOverrides,
  after: SegmentationOverrides,
  label: string,
): Promise<boolean> {
  if (after === before) return false;
  await saveSegmentation(db, documentId, after);
  undoStack.push({ label, undo: () => saveSegmentation(db, documentId, before) });
  return true;
}
