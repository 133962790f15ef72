/**
 * File › Export as TEI: the open document, its transcription with editorial markup and its
 * annotations as one TEI P5 file, saved where the user chooses (a download in a browser).
 */
import type { MarginaliaBridge, SaveFileResult } from '../../shared/bridge';
import { exportTei } from '../../shared/tei';
import type { MarginaliaDatabase } from '../db/database';

export async function exportDocumentAsTei(db: MarginaliaDatabase, bridge: MarginaliaBridge, documentId: string): Promise<SaveFileResult> {
  const [document, transcription, annotations, info] = await Promise.all([
    db.documents.get(documentId),
    db.transcriptions.get(documentId),
    db.annotations.where('documentId').equals(documentId).toArray(),
    bridge.appInfo(),
  ]);
  if (!document || !transcription) return { saved: false, reason: 'The document is no longer in the library.' };
  const xml = exportTei({
    document,
    transcription: transcription.doc,
    annotations,
    generator: `${info.name} ${info.version}`,
  });
  return bridge.saveFile('tei', document.title, new TextEncoder().encode(xml));
}
