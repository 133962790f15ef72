/**
 * Finding annotations' words again after the transcription changed outside the editor, and
 * storing what was found. The text and the annotations are read and written in one transaction,
 * so what is stored was computed from the text as it stands.
 */
import { TextIndex } from '../../shared/anchoring/text-index';
import { transcriptionFromJSON } from '../../shared/transcription/schema';
import { storeMovedTargets } from '../db/annotation-store';
import type { MarginaliaDatabase } from '../db/database';
import { anchorAnnotations, reanchoredTargets } from './anchors';

/** Answers how many targets were stored anew (found elsewhere, or flagged as orphans). */
export async function storeReanchoredTargets(db: MarginaliaDatabase, documentId: string): Promise<number> {
  return db.transaction('rw', [db.transcriptions, db.annotations], async () => {
    const transcription = await db.transcriptions.get(documentId);
    if (!transcription) return 0;
    const annotations = (await db.annotations.where('documentId').equals(documentId).toArray()).filter((a) => !a.deleted);
    const doc = transcriptionFromJSON(transcription);
    const index = TextIndex.fromDoc(doc);
    const moved = reanchoredTargets(doc, index, annotations, anchorAnnotations(doc, index, annotations));
    await storeMovedTargets(db, moved);
    return moved.length;
  });
}
