/**
 * Whether the open document's transcription is being edited, and the session that saves it.
 * Finishing waits for the last save; a failed save keeps the editor open, with the text in it.
 *
 * The session's save state ("Saving…", "All changes saved") is not state of this hook: the
 * editor subscribes to it (TranscriptionEditor), so that each change of it re-renders the
 * editor's toolbar, not the whole document view and its annotations panel.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../../workspace';
import { EditSession } from './edit-session';

export interface Editing {
  session: EditSession | null;
  start: () => void;
  finish: () => Promise<boolean>;
}

export function useTranscriptionEditing(documentId: string): Editing {
  const { db, creator, autosave, notify } = useWorkspace();
  const [session, setSession] = useState<EditSession | null>(null);
  const release = useRef<(() => void) | null>(null);

  const start = useCallback(() => {
    const next = new EditSession(db, documentId, creator);
    const unregister = autosave.addFlusher(() => next.flush());
    release.current = unregister;
    setSession(next);
  }, [db, documentId, creator, autosave]);

  const finish = useCallback(async () => {
    if (!session) return true;
    await session.flush();
    if (session.hasUnsavedChanges) {
      notify('The transcription could not be saved; it stays open so nothing is lost. Try again in a moment.');
      return false;
    }
    release.current?.();
    release.current = null;
    setSession(null);
    return true;
  }, [session, notify]);

  // Leaving the document (or the app) saves what was typed.
  useEffect(
    () => () => {
      if (session) void session.flush().then(() => release.current?.());
    },
    [session],
  );

  return { session, start, finish };
}
