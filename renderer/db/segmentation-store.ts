/** A document's manual corrections to the automatic segmentation (splits and joins). */
import { NO_OVERRIDES, type SegmentationOverrides } from '../../shared/translation/overrides';
import type { MarginaliaDatabase } from './database';
import { nowIso } from './ids';

export async function loadSegmentation(db: MarginaliaDatabase, documentId: string): Promise<SegmentationOverrides> {
  return (await db.segmentations.get(documentId))?.overrides ?? NO_OVERRIDES;
}

export async function saveSegmentation(db: MarginaliaDatabase, documentId: string, overrides: SegmentationOverrides): Promise<void> {
  await db.transaction('rw', db.segmentations, () => db.segmentations.put({ documentId, overrides, modified: nowIso() }));
}
