/**
 * The long-lived services of the running app, handed to components through React context:
 * the database, the host bridge, the current annotator, autosave and undo.
 */
import { createContext, useContext } from 'react';
import type { Creator } from '../shared/annotation';
import type { MarginaliaBridge } from '../shared/bridge';
import type { UndoStack } from './actions/undo-stack';
import type { BodyAutosave } from './annotations/body-autosave';
import type { MarginaliaDatabase } from './db/database';

export interface Workspace {
  db: MarginaliaDatabase;
  bridge: MarginaliaBridge;
  creator: Creator;
  autosave: BodyAutosave;
  undoStack: UndoStack;
  /** Shows a short message at the bottom of the window, with an optional action button. */
  notify: (message: string, action?: { label: string; run: () => void }) => void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside the workspace provider');
  return workspace;
}
