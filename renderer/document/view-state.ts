/**
 * How a document was last looked at — its layout and the scan viewer's rotation, mirroring and
 * adjustments — kept per document, so a historian finds each document as they left it.
 */
import { DEFAULT_VIEWER_STATE, parseViewerState, type ViewerState } from '../viewer/viewer-state';
import type { MarginaliaDatabase } from '../db/database';
import { isLayout, type Layout } from './SplitPane';

export interface DocumentViewState {
  layout: Layout;
  viewer: ViewerState;
}

export const DEFAULT_VIEW_STATE: DocumentViewState = { layout: 'side-by-side', viewer: DEFAULT_VIEWER_STATE };

function key(documentId: string): string {
  return `view:${documentId}`;
}

/** The stored view of a document; anything missing or malformed falls back to the defaults. */
export async function loadViewState(db: MarginaliaDatabase, documentId: string): Promise<DocumentViewState> {
  const stored = (await db.settings.get(key(documentId)))?.value as Partial<Record<keyof DocumentViewState, unknown>> | undefined;
  return {
    layout: isLayout(stored?.layout) ? stored.layout : DEFAULT_VIEW_STATE.layout,
    viewer: parseViewerState(stored?.viewer),
  };
}

export async function saveViewState(db: MarginaliaDatabase, documentId: string, state: DocumentViewState): Promise<void> {
  await db.settings.put({ key: key(documentId), value: state });
}
