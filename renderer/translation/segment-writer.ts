/**
 * Saving what the translator writes in the workbench, without a Save button and without losing
 * a keystroke:
 *  - every change of a draft goes at once to a journal in localStorage (synchronous, so a
 *    reload or a crash keeps it) and to the library after a short pause, when the translator
 *    leaves the segment, and when the window closes (`flushAll`);
 *  - the first text typed in a segment without a translation creates one: a translation
 *    annotation on the segment's words, in English, a draft;
 *  - all writes of one segment (draft, status, renderings, note) run one after the other, so a
 *    status set while the draft is still being saved applies to the saved translation.
 * Drafts left in the journal are written on the next start of the workbench (`recover`); they
 * carry the translation's id or the words to create it on, not the segment's id, which may have
 * changed.
 */
import type { BodyDocJSON, Creator, TextTarget } from '../../shared/annotation';
import { bodyPlainText, emptyBodyDoc } from '../../shared/annotation-body-schema';
import type { SegmentWorkbench } from '../../shared/translation/types';
import type { MarginaliaDatabase } from '../db/database';
import { createSegmentTranslation, updateWorkbench } from './workbench-actions';
import { newWorkbench, withChosenDoc } from './workbench-edits';

/** How long after the last keystroke a draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 400;

const JOURNAL_PREFIX = 'marginalia:segment-draft:';

/** Where a segment's writes go: its translation, or the words to create one on. */
export interface SegmentPlace {
  documentId: string;
  segmentId: string;
  target: TextTarget;
  /** The segment's translation as the screen knows it, or null. */
  annotationId: string | null;
}

interface JournalEntry extends SegmentPlace {
  doc: BodyDocJSON;
  at: string;
}

interface Pending {
  place: SegmentPlace;
  doc: BodyDocJSON;
  timer: ReturnType<typeof setTimeout> | null;
}

export class SegmentWriter {
  private readonly pending = new Map<string, Pending>();
  /** Translations this writer created, by segment id (the screen learns of them a moment later). */
  private readonly created = new Map<string, string>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: MarginaliaDatabase,
    private readonly creator: () => Creator,
    private readonly onError: (error: unknown) => void,
    private readonly delay = DRAFT_SAVE_DELAY_MS,
  ) {}

  /** The translation of a segment: the one the screen knows, or the one just created. */
  annotationIdOf(segmentId: string, known: string | null): string | null {
    return known ?? this.created.get(segmentId) ?? null;
  }

  /** A draft typed but not yet saved, if any. */
  pendingDoc(segmentId: string): BodyDocJSON | undefined {
    return this.pending.get(segmentId)?.doc;
  }

  /** Records a change of a segment's draft (the chosen rendering). */
  change(place: SegmentPlace, doc: BodyDocJSON): void {
    const previous = this.pending.get(place.segmentId);
    if (previous?.timer) clearTimeout(previous.timer);
    const timer = setTimeout(() => void this.flush(place.segmentId), this.delay);
    this.pending.set(place.segmentId, { place, doc, timer });
    writeJournal({ ...place, annotationId: this.annotationIdOf(place.segmentId, place.annotationId), doc, at: new Date().toISOString() });
  }

  /** Saves a segment's pending draft now; answers its translation's id (null when it has none). */
  flush(segmentId: string): Promise<string | null> {
    return this.enqueue(segmentId, () => this.writePending(segmentId));
  }

  /** Saves every pending draft (before the window closes, or the workbench is left). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((id) => this.flush(id)));
  }

  /**
   * Changes a segment's workbench data after its pending draft is saved. Without a translation,
   * one is created when `create` allows (a note on an untranslated segment), else nothing is done.
   * Answers the translation's id.
   */
  update(place: SegmentPlace, change: (workbench: SegmentWorkbench) => SegmentWorkbench, create = false): Promise<string | null> {
    return this.enqueue(place.segmentId, async () => {
      const id = (await this.writePending(place.segmentId)) ?? this.annotationIdOf(place.segmentId, place.annotationId);
      if (id) {
        await updateWorkbench(this.db, id, change);
        return id;
      }
      if (!create) return null;
      return this.create(place, change(newWorkbench(emptyBodyDoc(), 'untranslated')));
    });
  }

  /** Writes the drafts a reload or crash left in the journal for a document; answers how many. */
  async recover(documentId: string): Promise<number> {
    let recovered = 0;
    for (const entry of journalEntries(documentId)) {
      try {
        if (entry.annotationId) {
          await updateWorkbench(this.db, entry.annotationId, (wb) => withChosenDoc(wb, entry.doc));
        } else if (bodyPlainText(entry.doc) !== '') {
          await createSegmentTranslation(this.db, { documentId, target: entry.target, creator: this.creator(), workbench: newWorkbench(entry.doc) });
        }
        clearJournal(entry, entry.doc);
        recovered++;
      } catch (error) {
        this.onError(error);
      }
    }
    return recovered;
  }

  /** Stops the timers (the pending drafts stay in the journal until flushed or recovered). */
  dispose(): void {
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
  }

  private async writePending(segmentId: string): Promise<string | null> {
    const entry = this.pending.get(segmentId);
    const known = entry ? this.annotationIdOf(segmentId, entry.place.annotationId) : this.created.get(segmentId) ?? null;
    if (!entry) return known;
    if (entry.timer) clearTimeout(entry.timer);
    this.pending.delete(segmentId);
    const { place, doc } = entry;
    try {
      let id = known;
      if (id) await updateWorkbench(this.db, id, (wb) => withChosenDoc(wb, doc));
      else if (bodyPlainText(doc) !== '') id = await this.create(place, newWorkbench(doc));
      clearJournal(place, doc);
      return id;
    } catch (error) {
      // Kept (in memory and in the journal) to be tried again with the next change or flush.
      if (!this.pending.has(segmentId)) this.pending.set(segmentId, { place, doc, timer: null });
      this.onError(error);
      return known;
    }
  }

  private async create(place: SegmentPlace, workbench: SegmentWorkbench): Promise<string> {
    const annotation = await createSegmentTranslation(this.db, {
      documentId: place.documentId,
      target: place.target,
      creator: this.creator(),
      workbench,
    });
    this.created.set(place.segmentId, annotation.id);
    return annotation.id;
  }

  private enqueue<T>(segmentId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(segmentId) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.queues.set(segmentId, next.catch(() => undefined));
    return next;
  }
}

function journalKey(place: Pick<SegmentPlace, 'documentId' | 'segmentId'>): string {
  return `${JOURNAL_PREFIX}${place.documentId}:${place.segmentId}`;
}

function writeJournal(entry: JournalEntry): void {
  try {
    localStorage.setItem(journalKey(entry), JSON.stringify(entry));
  } catch {
    // Storage full or unavailable: the save after the pause still runs.
  }
}

function clearJournal(place: Pick<SegmentPlace, 'documentId' | 'segmentId'>, ifDoc: BodyDocJSON): void {
  try {
    const key = journalKey(place);
    const current = localStorage.getItem(key);
    // A newer keystroke may have landed while the save was in flight; keep that one.
    if (current && JSON.stringify((JSON.parse(current) as JournalEntry).doc) !== JSON.stringify(ifDoc)) return;
    localStorage.removeItem(key);
  } catch {
    // Unavailable storage, or a damaged entry left for a person to read.
  }
}

function journalEntries(documentId: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  try {
    const prefix = `${JOURNAL_PREFIX}${documentId}:`;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(prefix)) continue;
      try {
        const entry = JSON.parse(localStorage.getItem(key) ?? '') as JournalEntry;
        if (entry?.doc?.type === 'doc' && entry.target?.type === 'text') entries.push(entry);
      } catch {
        // A damaged entry: left alone.
      }
    }
  } catch {
    // Storage disabled for this page.
  }
  return entries;
}
