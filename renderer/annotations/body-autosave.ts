/**
 * Saving annotation bodies without a Save button: each change goes to the draft journal at
 * once and to IndexedDB about a second after the last keystroke, on blur, and when the window
 * closes. `flushAll` is what the host calls before closing.
 *
 * When the library refuses the write (the disk is full, the database cannot be written), the
 * body stays in memory and in the journal, the annotation's state is 'error' with the reason in
 * words (`problemOf`), and the save is tried again whenever the user asks (`retry`) or types
 * on and, for a storage failure, by itself (5 s, then less and less often). Until then the text
 * can be saved to a file (renderer/storage/save-copy.ts); nothing typed is dropped.
 */
import type { AnnotationBody } from '../../shared/annotation';
import { saveAnnotationBody } from '../db/annotation-store';
import type { MarginaliaDatabase } from '../db/database';
import { RetryTimer } from '../storage/retry-timer';
import { saveBodyCopy } from '../storage/save-copy';
import { isStorageError, storageErrorMessage } from '../storage/storage-error';
import { unsavedWork } from '../storage/unsaved-work';
import { clearDraft, pendingDrafts, writeDraft } from './draft-journal';

export const AUTOSAVE_DELAY_MS = 800;

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

interface Pending {
  body: AnnotationBody;
  timer: ReturnType<typeof setTimeout>;
}

interface Failed {
  body: AnnotationBody;
  message: string;
}

export class BodyAutosave {
  private readonly pending = new Map<string, Pending>();
  /** Bodies whose last save failed, kept until one works. */
  private readonly failed = new Map<string, Failed>();
  private readonly states = new Map<string, SaveState>();
  private readonly listeners = new Set<(annotationId: string, state: SaveState) => void>();
  private readonly retries = new RetryTimer(() => void this.retryAll());

  constructor(private readonly db: MarginaliaDatabase) {}

  /** Records a change; it is saved after the delay unless another change comes first. */
  change(annotationId: string, body: AnnotationBody): void {
    writeDraft(annotationId, body);
    const previous = this.pending.get(annotationId);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => void this.flush(annotationId), AUTOSAVE_DELAY_MS);
    this.pending.set(annotationId, { body, timer });
    // A failed body is kept (and still shown as not saved) until the newer one is saved.
    if (!this.failed.has(annotationId)) this.emit(annotationId, 'pending');
  }

  /** Saves one annotation's pending change (or the body whose save failed) now. */
  async flush(annotationId: string): Promise<void> {
    const entry = this.pending.get(annotationId);
    const body = entry?.body ?? this.failed.get(annotationId)?.body;
    if (!body) return;
    if (entry) clearTimeout(entry.timer);
    this.pending.delete(annotationId);
    this.emit(annotationId, 'saving');
    try {
      await saveAnnotationBody(this.db, annotationId, body);
      clearDraft(annotationId, body);
      this.saved(annotationId, body);
    } catch (error) {
      this.fail(annotationId, body, error);
    }
  }

  /** Tries again to save a body whose save failed (the user's "Try again"). */
  retry(annotationId: string): Promise<void> {
    return this.flush(annotationId);
  }

  /** The body typed but not yet in the library (pending or failed), if any. */
  unsavedBody(annotationId: string): AnnotationBody | undefined {
    return this.pending.get(annotationId)?.body ?? this.failed.get(annotationId)?.body;
  }

  /** Why the last save of this annotation failed, in words; undefined when it did not. */
  problemOf(annotationId: string): string | undefined {
    return this.failed.get(annotationId)?.message;
  }

  stateOf(annotationId: string): SaveState {
    return this.states.get(annotationId) ?? 'saved';
  }

  /** Other unsaved work to save with the bodies before the window closes (an open transcription editor). */
  private readonly others = new Set<() => Promise<void>>();

  addFlusher(flush: () => Promise<void>): () => void {
    this.others.add(flush);
    return () => this.others.delete(flush);
  }

  async flushAll(): Promise<void> {
    const ids = new Set([...this.pending.keys(), ...this.failed.keys()]);
    await Promise.all([...[...ids].map((id) => this.flush(id)), ...[...this.others].map((flush) => flush())]);
  }

  /**
   * Writes bodies left in the journal by a reload or crash into the database. A body the
   * library refuses stays in the journal and is kept here as failed, to be tried again; it does
   * not stop the start.
   */
  async recoverDrafts(): Promise<number> {
    let recovered = 0;
    for (const draft of pendingDrafts()) {
      try {
        const saved = await saveAnnotationBody(this.db, draft.annotationId, draft.body);
        clearDraft(draft.annotationId, draft.body);
        if (saved) recovered++;
      } catch (error) {
        this.fail(draft.annotationId, draft.body, error);
      }
    }
    return recovered;
  }

  onStateChange(listener: (annotationId: string, state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private saved(annotationId: string, body: AnnotationBody): void {
    const failed = this.failed.get(annotationId);
    // A failed body is settled by saving it, or anything typed after it (nothing newer waiting).
    if (failed && (failed.body === body || !this.pending.has(annotationId))) {
      this.failed.delete(annotationId);
      unsavedWork.delete(workKey(annotationId));
    }
    if (this.failed.size === 0) this.retries.reset();
    if (this.pending.has(annotationId)) this.emit(annotationId, 'pending');
    else this.emit(annotationId, 'saved');
  }

  private fail(annotationId: string, body: AnnotationBody, error: unknown): void {
    const newer = this.pending.get(annotationId)?.body;
    const kept = newer ?? body;
    const message = storageErrorMessage('The annotation', error);
    console.error('Saving an annotation failed; the draft is kept', error);
    this.failed.set(annotationId, { body: kept, message });
    unsavedWork.set({
      key: workKey(annotationId),
      kind: 'body',
      message,
      content: kept,
      retry: () => this.retry(annotationId),
      saveCopy: async (bridge) => {
        const annotation = await this.db.annotations.get(annotationId);
        if (!annotation) return { saved: false, reason: 'The annotation is no longer in the library; open it and save a copy from its card.' };
        return saveBodyCopy(bridge, annotation, this.unsavedBody(annotationId) ?? kept);
      },
    });
    // Space may be freed, the disk come back; any other failure would only fail again.
    if (isStorageError(error)) this.retries.schedule();
    this.emit(annotationId, 'error');
  }

  private async retryAll(): Promise<void> {
    // Bodies being typed are saved by their own timer; the rest are tried here.
    await Promise.all([...this.failed.keys()].filter((id) => !this.pending.has(id)).map((id) => this.flush(id)));
  }

  private emit(annotationId: string, state: SaveState): void {
    if (state === 'saved') this.states.delete(annotationId);
    else this.states.set(annotationId, state);
    for (const listener of this.listeners) listener(annotationId, state);
  }
}

/** The key of an annotation's unsaved body in renderer/storage/unsaved-work.ts. */
export function workKey(annotationId: string): string {
  return `body:${annotationId}`;
}
