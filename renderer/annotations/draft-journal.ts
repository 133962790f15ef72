/**
 * A synchronous journal of unsaved annotation bodies.
 *
 * IndexedDB writes are asynchronous, and a page being reloaded or a window being closed does
 * not wait for them. So every keystroke also writes the body to localStorage, which is
 * synchronous; the journal entry is removed once IndexedDB has the same body, and on start-up
 * any entry still there is written to the database. Reload or crash loses nothing.
 *
 * When IndexedDB refuses a save (see body-autosave.ts) the entry simply stays, so the text
 * survives a reload even then. A browser that refuses localStorage itself (storage disabled, or
 * full) makes the journal a no-op rather than an error: the in-memory copy and the save remain.
 */
import type { AnnotationBody } from '../../shared/annotation';

const PREFIX = 'marginalia:draft:';

export interface Draft {
  annotationId: string;
  body: AnnotationBody;
  /** ISO time of the keystroke that produced it. */
  at: string;
}

export function writeDraft(annotationId: string, body: AnnotationBody): void {
  const draft: Draft = { annotationId, body, at: new Date().toISOString() };
  try {
    localStorage.setItem(PREFIX + annotationId, JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the debounced IndexedDB save still runs.
  }
}

export function clearDraft(annotationId: string, ifBody?: AnnotationBody): void {
  const key = PREFIX + annotationId;
  try {
    if (ifBody) {
      const current = localStorage.getItem(key);
      // A newer keystroke may have landed while the save was in flight; keep that one.
      if (current && JSON.stringify((JSON.parse(current) as Draft).body) !== JSON.stringify(ifBody)) return;
    }
    localStorage.removeItem(key);
  } catch {
    // Unavailable storage (or a damaged entry, left for a person to read): nothing to clear.
  }
}

export function pendingDrafts(): Draft[] {
  const drafts: Draft[] = [];
  let storage: Storage;
  try {
    storage = localStorage;
  } catch {
    return drafts; // storage disabled for this page
  }
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      const draft = JSON.parse(storage.getItem(key) ?? '') as Draft;
      if (draft && typeof draft.annotationId === 'string' && draft.body?.doc?.type === 'doc') drafts.push(draft);
    } catch {
      // A damaged entry is left in place rather than deleted: it may still be readable by hand.
    }
  }
  return drafts;
}
