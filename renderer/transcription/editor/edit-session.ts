/**
 * One session of editing a transcription, from "Edit" to "Done": it autosaves the text about a
 * second after the last change, when the editor closes and when the window closes, and keeps
 * the session's revision up to date with what changed, in words.
 *
 * Each save writes the text, the revision and the scans that follow split or merged sheets in
 * one transaction (saveEditSession). The annotation targets the editor carried along are
 * written with the text only when editing is done — `flush()`: Done, leaving the document,
 * closing the window, exporting — or after a longer pause (TARGETS_IDLE_MS), not by the
 * autosave a second after each burst of typing: an edit near the start of a large document
 * moves every target after it, and storing 10,000 of them (a 13 MB bulkPut, then every live
 * query of the annotations) each second made typing stall for seconds (docs/benchmarks.md).
 * Nothing is lost if the app dies before they are stored: the text is saved, and when the
 * document is next opened the targets that no longer hold at their stored positions are found
 * again by their quotes and stored (DocumentView: needsReanchoring → storeReanchoredTargets in
 * reanchor-document.ts), as after a restored revision; only a target whose words were edited
 * away may then become an orphan where the editor would have carried it.
 *
 * A save the library refuses (disk full, database not writable) keeps the text in the editor
 * and the session: the state is 'error', the reason is put in renderer/storage/unsaved-work.ts
 * with "Try again" and "Save a copy to a file" (TEI), and the save is tried again after the
 * next change and, for a storage failure, by itself (5 s, then less and less often).
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Creator } from '../../../shared/annotation';
import type { MarginaliaBridge, SaveFileResult } from '../../../shared/bridge';
import { targetsAfterEdit } from '../../../shared/anchoring/targets-after-edit';
import { EDIT_DESCRIPTION, SHEET_RENUMBERING, type SheetRenumbering } from '../../../shared/transcription/editorial-commands';
import type { MarginaliaDatabase } from '../../db/database';
import { saveEditSession } from '../../db/transcription-store';
import { RetryTimer } from '../../storage/retry-timer';
import { saveTranscriptionCopy, type CarriedTarget } from '../../storage/save-copy';
import { isStorageError, storageErrorMessage } from '../../storage/storage-error';
import { unsavedWork } from '../../storage/unsaved-work';
import { parseTrackingId, trackedAnchors } from './anchor-tracking';

export const EDIT_AUTOSAVE_DELAY_MS = 1000;
/** After this long without a change, the carried targets are stored too (see above). */
export const TARGETS_IDLE_MS = 30_000;

export type EditSaveState = 'saved' | 'pending' | 'saving' | 'error';

export class EditSession {
  private revisionId: string | null = null;
  private latest: EditorState | null = null;
  private saved: EditorState | null = null;
  /** The state whose carried targets were last stored (with its text). */
  private targetsSaved: EditorState | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly descriptions: string[] = [];
  private typed = 0;
  private deleted = 0;
  /** How sheets were renumbered since the last save, for the scans to follow. */
  private renumbering: SheetRenumbering | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(state: EditSaveState) => void>();
  private current: EditSaveState = 'saved';
  private readonly retries = new RetryTimer(() => void this.flush());

  constructor(
    private readonly db: MarginaliaDatabase,
    private readonly documentId: string,
    private readonly creator: Creator,
  ) {}

  /** Notes a transaction the editor applied; the result is saved after a pause. */
  record(tr: Transaction, state: EditorState): void {
    if (!tr.docChanged) return;
    const description = tr.getMeta(EDIT_DESCRIPTION) as string | undefined;
    if (description) this.descriptions.push(description);
    else if (!tr.getMeta('history$')) this.tally(tr);
    const renumber = tr.getMeta(SHEET_RENUMBERING) as SheetRenumbering | undefined;
    if (renumber) {
      const before = this.renumbering;
      this.renumbering = before ? (old) => renumber(before(old)) : renumber;
    }
    this.latest = state;
    // While a failed save is unresolved, what "Save a copy" writes is the text as it is now.
    const problem = unsavedWork.get(this.workKey);
    if (problem) unsavedWork.set({ ...problem, content: state.doc });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(false), EDIT_AUTOSAVE_DELAY_MS);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.flush(), TARGETS_IDLE_MS);
    this.emit('pending');
  }

  /** Characters typed and deleted, counted from what each step replaced. */
  private tally(tr: Transaction): void {
    for (const map of tr.mapping.maps) {
      map.forEach((oldStart, oldEnd, newStart, newEnd) => {
        this.deleted += oldEnd - oldStart;
        this.typed += newEnd - newStart;
      });
    }
  }

  /** What the session changed, for the revision history. */
  summary(): string {
    const parts = [...this.descriptions];
    if (this.typed > 0) parts.push(`typed ${this.typed} character${this.typed === 1 ? '' : 's'}`);
    if (this.deleted > 0) parts.push(`deleted ${this.deleted} character${this.deleted === 1 ? '' : 's'}`);
    if (parts.length === 0) return 'Edited the transcription';
    const text = parts.join('; ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** Saves the latest state now, with the carried targets, if it is not saved yet. */
  flush(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    return this.save(true);
  }

  /** Saves the latest text; with its carried targets too when `withTargets`. */
  private save(withTargets: boolean): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // One save at a time, in order: a later save must not be overtaken by an earlier one.
    this.saving = this.saving.then(() => this.saveLatest(withTargets));
    return this.saving;
  }

  private async saveLatest(withTargets: boolean): Promise<void> {
    const state = this.latest;
    if (!state) return;
    const targetsOwed = withTargets && this.targetsSaved !== state;
    if (state === this.saved && !targetsOwed) return;
    const targets = targetsOwed ? carriedTargets(state) : [];
    const scanSheet = this.renumbering;
    this.renumbering = null;
    this.emit('saving');
    try {
      this.revisionId = await saveEditSession(this.db, {
        documentId: this.documentId,
        creator: this.creator,
        revisionId: this.revisionId,
        summary: this.summary(),
        doc: state.doc,
        targets,
        scanSheet,
      });
      this.saved = state;
      if (targetsOwed) this.targetsSaved = state;
      this.retries.reset();
      unsavedWork.delete(this.workKey);
      this.emit(this.latest === state ? 'saved' : 'pending');
    } catch (error) {
      // The sheets' renumbering is still owed to the scans, before any that came since.
      const later = this.renumbering as SheetRenumbering | null; // may have been set while saving
      this.renumbering = scanSheet && later ? (old) => later(scanSheet(old)) : (scanSheet ?? later);
      console.error('Saving the transcription failed; the text is kept in the editor', error);
      unsavedWork.set({
        key: this.workKey,
        kind: 'transcription',
        message: storageErrorMessage('The transcription', error),
        content: this.latest?.doc ?? state.doc,
        retry: () => this.flush(),
        saveCopy: (bridge) => this.saveCopy(bridge),
      });
      // Space may be freed, the disk come back; any other failure would only fail again.
      if (isStorageError(error)) this.retries.schedule();
      this.emit('error');
    }
  }

  /** The text as the editor has it now, with the annotations on their words, to a TEI file. */
  saveCopy(bridge: MarginaliaBridge): Promise<SaveFileResult> {
    const state = this.latest;
    if (!state) return Promise.resolve({ saved: false, reason: 'Nothing has been typed in this session yet.' });
    return saveTranscriptionCopy(this.db, bridge, { documentId: this.documentId, doc: state.doc, targets: carriedTargets(state) });
  }

  private get workKey(): string {
    return `transcription:${this.documentId}`;
  }

  /** Text not saved yet, or carried targets not stored yet. */
  get hasUnsavedChanges(): boolean {
    return this.latest !== null && (this.latest !== this.saved || this.latest !== this.targetsSaved);
  }

  onStateChange(listener: (state: EditSaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The save state last announced. */
  get state(): EditSaveState {
    return this.current;
  }

  private emit(state: EditSaveState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}

/** Where the editor has carried each annotation's words. */
function carriedTargets(state: EditorState): CarriedTarget[] {
  const { anchors, orphans } = trackedAnchors(state);
  return targetsAfterEdit(state.doc, anchors, orphans).map((t) => ({ ...parseTrackingId(t.id), target: t.target }));
}
