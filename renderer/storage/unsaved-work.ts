/**
 * Work that is typed but not in the library because a save failed: each item says what could
 * not be saved and why, and offers to try again and to save a copy to a file. The body autosave
 * and the transcription edit session put items here and take them away once a save works; the
 * screens that show the work (an annotation card, the transcription editor) read them.
 */
import { useSyncExternalStore } from 'react';
import type { MarginaliaBridge, SaveFileResult } from '../../shared/bridge';

export interface UnsavedWork {
  /** `body:<annotation id>` or `transcription:<document id>`. */
  key: string;
  kind: 'body' | 'transcription';
  /** Why it could not be saved, in words (see storage-error.ts). */
  message: string;
  /** What the work is, for matching it to what is on screen: the unsaved body or ProseMirror document. */
  content: unknown;
  retry: () => Promise<void>;
  saveCopy: (bridge: MarginaliaBridge) => Promise<SaveFileResult>;
}

const items = new Map<string, UnsavedWork>();
const listeners = new Set<() => void>();
let snapshot: readonly UnsavedWork[] = [];

function changed(): void {
  snapshot = [...items.values()];
  for (const listener of listeners) listener();
}

export const unsavedWork = {
  set(item: UnsavedWork): void {
    items.set(item.key, item);
    changed();
  },
  delete(key: string): void {
    if (items.delete(key)) changed();
  },
  get(key: string): UnsavedWork | undefined {
    return items.get(key);
  },
  list(): readonly UnsavedWork[] {
    return snapshot;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** All unsaved work, as React state. */
export function useUnsavedWork(): readonly UnsavedWork[] {
  return useSyncExternalStore(unsavedWork.subscribe, unsavedWork.list, unsavedWork.list);
}
