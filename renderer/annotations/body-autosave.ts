/**
 * Saving annotation bodies without a Save button: each change goes to the draft journal at
 * once and to IndexedDB about a second after the last keystroke, on blur, and when the window
 * closes. `flushAll` is what the host calls before closing.
 */
import type { AnnotationBody } from '../../shared/annotation';
import { saveAnnotationBody } from '../db/annotation-store';
import type { MarginaliaDatabase } from '../db/database';
import { clearDraft, pendingDrafts, writeDraft } from './draft-journal';

export const AUTOSAVE_DELAY_MS = 800;

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

interface Pending {
  body: AnnotationBody;
  timer: ReturnType<typeof setTimeout>;
}

export class BodyAutosave {
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<(annotationId: string, state: SaveState) => void>();

  constructor(private readonly db: MarginaliaDatabase) {}

  /** Records a change; it is saved after the delay unless another change comes first. */
  change(annotationId: string, body: AnnotationBody): void {
    writeDraft(annotationId, body);
    const previous = this.pending.get(annotationId);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => void this.flush(annotationId), AUTOSAVE_DELAY_MS);
    this.pending.set(annotationId, { body, timer });
    this.emit(annotationId, 'pending');
  }

  /** Saves one annotation's pending change now. */
  async flush(annotationId: string): Promise<void> {
    const entry = this.pending.get(annotationId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(annotationId);
    this.emit(annotationId, 'saving');
    try {
      await saveAnnotationBody(this.db, annotationId, entry.body);
      clearDraft(annotationId, entry.body);
      if (!this.pending.has(annotationId)) this.emit(annotationId, 'saved');
    } catch (error) {
      console.error('Saving an annotation failed; the draft is kept', error);
      this.emit(annotationId, 'error');
    }
  }

  /** Other unsaved work to save with the bodies before the window closes (an open transcription editor). */
  private readonly others = new Set<() => Promise<void>>();

  addFlusher(flush: () => Promise<void>): () => void {
    this.others.add(flush);
    return () => this.others.delete(flush);
  }

  async flushAll(): Promise<void> {
    await Promise.all([...[...this.pending.keys()].map((id) => this.flush(id)), ...[...this.others].map((flush) => flush())]);
  }

  /** Writes bodies left in the journal by a reload or crash into the database. */
  async recoverDrafts(): Promise<number> {
    let recovered = 0;
    for (const draft of pendingDrafts()) {
      const saved = await saveAnnotationBody(this.db, draft.annotationId, draft.body);
      clearDraft(draft.annotationId, draft.body);
      if (saved) recovered++;
    }
    return recovered;
  }

  onStateChange(listener: (annotationId: string, state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(annotationId: string, state: SaveState): void {
    for (const listener of this.listeners) listener(annotationId, state);
  }
}
