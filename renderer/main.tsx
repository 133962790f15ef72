/**
 * Start-up: open the library, install the sample on first run, recover unsaved drafts, then
 * show the workstation. A failure here is shown in the window, not only in the console.
 */
import '@fontsource/pt-sans/400.css';
import '@fontsource/pt-sans/700.css';
import '@fontsource/pt-serif/400.css';
import '@fontsource/pt-serif/400-italic.css';
import '@fontsource/pt-serif/700.css';
import './styles.css';
import { StrictMode, useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Creator } from '../shared/annotation';
import { UndoStack } from './actions/undo-stack';
import { App } from './App';
import { BodyAutosave } from './annotations/body-autosave';
import { openLibrary, startupFailureMessage } from './storage/open-library';
import { loadCreator, renameCreator } from './db/creator';
import { MarginaliaDatabase, requestPersistentStorage } from './db/database';
import { ensureSampleLibrary } from './db/sample-library';
import { discardInterruptedImports } from './import/import-scans';
import { bridge } from './platform/bridge';
import { loadBundledSample } from './sample/load-sample';
import type { ToastMessage } from './ui/Toast';
import { WorkspaceContext, type Workspace } from './workspace';

const root = createRoot(document.getElementById('root')!);

async function start(): Promise<void> {
  const db = new MarginaliaDatabase();
  await openLibrary(db);
  void requestPersistentStorage();
  await discardInterruptedImports(db);
  await ensureSampleLibrary(db, loadBundledSample);
  const info = await bridge.appInfo();
  const creator = await loadCreator(db, info.userName || 'Historian');
  const autosave = new BodyAutosave(db);
  await autosave.recoverDrafts();
  bridge.onBeforeClose(() => autosave.flushAll());
  root.render(
    <StrictMode>
      <Root db={db} initialCreator={creator} autosave={autosave} />
    </StrictMode>,
  );
}

function Root({ db, initialCreator, autosave }: { db: MarginaliaDatabase; initialCreator: Creator; autosave: BodyAutosave }) {
  const [creator, setCreator] = useState(initialCreator);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const undoStack = useMemo(() => new UndoStack(), []);
  const notify = useCallback<Workspace['notify']>(
    (message, action) => setToast({ id: Date.now(), message, ...(action ? { action } : {}) }),
    [],
  );
  const workspace = useMemo<Workspace>(
    () => ({ db, bridge, creator, autosave, undoStack, notify }),
    [db, creator, autosave, undoStack, notify],
  );
  const rename = useCallback(
    (name: string) => {
      if (name.trim() === '' || name.trim() === creator.name) return;
      void renameCreator(db, creator, name).then(setCreator);
    },
    [db, creator],
  );
  return (
    <WorkspaceContext.Provider value={workspace}>
      <App onRename={rename} toast={toast} onDismissToast={() => setToast(null)} />
    </WorkspaceContext.Provider>
  );
}

start().catch((error: unknown) => {
  console.error(error);
  root.render(
    <div className="startup-error" role="alert">
      <h1>Marginalia could not open its library</h1>
      <p>{startupFailureMessage(error)}</p>
      <p>Nothing has been changed. Close the window and start Marginalia again; if this persists, report the message above.</p>
    </div>,
  );
});
