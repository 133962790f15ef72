/**
 * The translator's workbench records: the library's glossary and each document's corrections
 * to the automatic segmentation. (Segment translations themselves are annotations.)
 */
import type { GlossaryEntry } from '../../shared/glossary/types';
import type { SegmentationOverrides } from '../../shared/translation/overrides';

/** One entry of the library's glossary (one glossary per library). */
export interface GlossaryEntryRecord extends GlossaryEntry {
  /** Order in the glossary as the translator sees it. */
  order: number;
  /** ISO 8601 UTC. */
  modified: string;
}

/** A document's manual splits and joins of segments, kept apart from the automatic rules. */
export interface SegmentationRecord {
  documentId: string;
  overrides: SegmentationOverrides;
  modified: string;
}
