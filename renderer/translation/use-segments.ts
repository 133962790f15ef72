/**
 * A document's segments as the workbench shows them: the automatic segmentation of its current
 * transcription with the translator's splits and joins laid over it (kept live: a correction of
 * the transcription or of the segmentation shows at once).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { useMemo } from 'react';
import { applyOverrides, NO_OVERRIDES, type SegmentationOverrides } from '../../shared/translation/overrides';
import { segmentTranscription, type Segment } from '../../shared/translation/segment';
import { loadSegmentation } from '../db/segmentation-store';
import { useWorkspace } from '../workspace';

export interface Segmentation {
  /** The transcription's plain text (TextIndex offsets, in which segments and anchors are measured). */
  text: string;
  segments: Segment[];
  overrides: SegmentationOverrides;
  /** False until the stored corrections are read. */
  loaded: boolean;
}

/** `text` is the transcription's plain text (TextIndex.fromDoc(doc).text), which the caller already has. */
export function useSegments(documentId: string, doc: ProseMirrorNode, text: string): Segmentation {
  const { db } = useWorkspace();
  const stored = useLiveQuery(() => loadSegmentation(db, documentId), [db, documentId]);
  const automatic = useMemo(() => segmentTranscription(doc), [doc]);
  const overrides = stored ?? NO_OVERRIDES;
  const segments = useMemo(() => applyOverrides(automatic, overrides, text), [automatic, overrides, text]);
  return { text, segments, overrides, loaded: stored !== undefined };
}
