/**
 * The baseline of opening a document (served at /bench/bare.html, the app's origin, with the
 * app's own stylesheet): the same transcription read from the app's IndexedDB through the app's
 * MarginaliaDatabase, restored with transcriptionFromJSON and shown in a bare, non-editable
 * ProseMirror view — no highlights, no annotations panel, no scan, no React — in a pane of the
 * size and place the app's transcription pane has. A click on a word is answered the way the
 * reading view answers it (`posAtCoords`), so "interactive" means the same on both sides.
 *
 * `window.benchBare.place(rect)` sizes the pane; `window.benchBare.next = id` chooses what the
 * "Open" button opens next; the benchmark clicks that button.
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { transcriptionFromJSON } from '../../shared/transcription/schema';
import { MarginaliaDatabase } from '../../renderer/db/database';
import type { BenchBareApi } from '../support/library-protocol';


const pane = document.getElementById('pane')!;
const mount = document.getElementById('mount')!;
const button = document.getElementById('open')!;
const db = new MarginaliaDatabase();
let view: EditorView | null = null;

const api: BenchBareApi = {
  ready: db.open().then(() => undefined),
  next: '',
  lastHit: null,
  place: (rect) => {
    Object.assign(pane.style, { left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
  },
};
(window as unknown as { benchBare: BenchBareApi }).benchBare = api;

button.addEventListener('click', () => {
  void open(api.next);
});

async function open(documentId: string): Promise<void> {
  const stored = await db.transcriptions.get(documentId);
  if (!stored) throw new Error(`No transcription for ${documentId}`);
  view?.destroy();
  pane.scrollTop = 0;
  const current = new EditorView(mount, {
    state: EditorState.create({ doc: transcriptionFromJSON(stored) }),
    editable: () => false,
    attributes: { class: 'transcription-text', lang: 'ru', 'aria-label': 'Transcription', role: 'document' },
  });
  current.dom.addEventListener('mouseup', (event) => {
    api.lastHit = current.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null;
  });
  view = current;
}
