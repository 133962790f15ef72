/**
 * Edit mode of the transcription: an editable ProseMirror view with undo, the editorial markup
 * of a critical transcription (each with a toolbar button, a shortcut and a place in the
 * legend), line breaks (Shift+Enter) and sheet splits (Ctrl+Enter) and merges.
 *
 * Annotation highlights stay visible and are mapped through every change, as are the anchors
 * that will be stored (anchor-tracking.ts). The editor owns its document from the moment it
 * opens; each change goes to the edit session, which saves it.
 */
import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Node as ProseMirrorNode, ResolvedPos } from 'prosemirror-model';
import { EditorState, Selection, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { TrackedTarget } from '../../../shared/anchoring/targets-after-edit';
import { EDITORIAL_FEATURES, shortcutLabel, type EditorialFeature } from '../../../shared/transcription/editorial';
import {
  correct,
  insertEditorialAtom,
  mergeSheetWithPreviousAtCursor,
  splitSheetAtCursor,
  toggleEditorialMark,
} from '../../../shared/transcription/editorial-commands';
import { transcriptionSchema } from '../../../shared/transcription/schema';
import { SaveProblem } from '../../storage/SaveProblem';
import { useUnsavedWork } from '../../storage/unsaved-work';
import { useWorkspace } from '../../workspace';
import { highlightPlugin, setHighlights, type Highlight } from '../highlight-plugin';
import { drawnSheets, drawnSheetsWith, lazySheetsPlugin, openingSheets, setDrawnSheets } from '../lazy-sheets';
import { readingPlaceIn, scrollToPlace, type ReadingPlace, type TextViewHandle } from '../reading-place';
import { scrollViewTo } from '../scroll';
import { followPane, sheetWindowInView } from '../sheet-window';
import { sheetIndexAt } from '../sheets';
import { sameWindow, type SheetWindow } from '../visible-sheets';
import { anchorTrackingPlugin } from './anchor-tracking';
import type { EditSaveState, EditSession } from './edit-session';
import { EditorialLegend } from './EditorialLegend';
import { caretAlreadyInView } from '../../ui/caret-scroll';

interface Props {
  doc: ProseMirrorNode;
  lang: string;
  highlights: readonly Highlight[];
  tracked: readonly TrackedTarget[];
  /** The session saving the text: the editor shows its save state (subscribed here, not in the document view). */
  session: EditSession;
  /** Where to open: the place the reader was reading (reading-place.ts); null, the start of the text. */
  start: ReadingPlace | null;
  /** Asked, as editing finishes, where the editor is (for the reading view to open there). */
  ref?: Ref<TextViewHandle>;
  /** A sheet to bring into view (the scan beside was paged): its position in the document at the start. */
  scrollToSheet: { index: number; nonce: number } | null;
  onTransaction: (tr: Transaction, state: EditorState) => void;
  onSheetChange: (index: number) => void;
  /** The sheets' labels, each time a sheet is split off or merged (the document view shows its navigator from them). */
  onSheetLabels?: (labels: string[]) => void;
  onDone: () => void;
}

/** A feature waiting for its attribute (a reason, a correction) before it is applied. */
interface Question {
  feature: EditorialFeature;
  value: string;
}

const SAVE_STATE_LABELS: Record<EditSaveState, string> = {
  saved: 'All changes saved',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  error: 'Could not save — your text is kept here; try again',
};

export function TranscriptionEditor(props: Props) {
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  // The save state is written into its element as it changes, without rendering: a React commit
  // while the editor has the focus costs a walk of its whole DOM (see `toolbar` below).
  const saveStateRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const show = (state: EditSaveState): void => {
      const element = saveStateRef.current;
      if (!element) return;
      element.className = `save-state save-${state}`;
      element.textContent = SAVE_STATE_LABELS[state];
    };
    show(props.session.state);
    return props.session.onStateChange(show);
  }, [props.session]);
  /**
   * What the toolbar shows of the editor's state. The component re-renders only when it changes,
   * not at every transaction: while this editor holds the focus, every React commit walks its
   * whole DOM (React reads the selection as offsets in the focused element before a commit, to
   * restore it after), which in a 600,000-character text cost more than the keystroke itself.
   */
  const [toolbar, setToolbar] = useState({ selectionEmpty: true, inSheet: 0 });
  const shown = useRef({ toolbar, sheet: -1, sheetCount: props.doc.childCount });
  const callbacks = useRef(props);
  callbacks.current = props;
  const { bridge } = useWorkspace();
  // A save the library refused: the edit session put it in the unsaved work, with this editor's text.
  const unsaved = useUnsavedWork();
  const saveProblem = unsaved.find((w) => w.kind === 'transcription' && viewRef.current && w.content === viewRef.current.state.doc);
  const ask = useRef<(feature: EditorialFeature) => void>(() => undefined);
  ask.current = (feature) => {
    const view = viewRef.current;
    if (!view) return;
    if (feature.kind === 'mark' && view.state.selection.empty) return;
    // Taking a mark off needs no question.
    if (feature.kind === 'mark' && feature.id !== 'corrected') {
      const { from, to } = view.state.selection;
      if (view.state.doc.rangeHasMark(from, to, transcriptionSchema.marks[feature.id]!)) {
        apply(feature, '');
        return;
      }
    }
    if (!feature.ask) {
      apply(feature, '');
      return;
    }
    const first = feature.ask.choices?.[0]?.value ?? '';
    setQuestion({ feature, value: first });
  };

  useEffect(() => {
    const featureKeys: Record<string, Command> = {};
    for (const feature of EDITORIAL_FEATURES) {
      featureKeys[feature.shortcut] = () => {
        ask.current(feature);
        return true;
      };
    }
    const hardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
      dispatch?.(state.tr.replaceSelectionWith(transcriptionSchema.nodes.hard_break!.create()).scrollIntoView());
      return true;
    });
    const start = props.start;
    const at = (pos: number) => props.doc.resolve(Math.min(pos, props.doc.content.size));
    const view: EditorView = new EditorView(mountRef.current!, {
      state: EditorState.create({
        doc: props.doc,
        selection: start ? TextSelection.between(at(start.from), at(start.to)) : undefined,
        plugins: [
          history(),
          keymap({
            'Mod-z': undo,
            'Mod-y': redo,
            'Shift-Mod-z': redo,
            'Shift-Enter': hardBreak,
            'Mod-Enter': commandOf(splitSheetAtCursor),
            'Mod-Home': toTextEdge('start', false),
            'Mod-End': toTextEdge('end', false),
            'Shift-Mod-Home': toTextEdge('start', true),
            'Shift-Mod-End': toTextEdge('end', true),
            ...featureKeys,
          }),
          keymap(baseKeymap),
          highlightPlugin(),
          lazySheetsPlugin(openingSheets(props.doc, start?.from ?? null)),
          anchorTrackingPlugin(props.tracked),
        ],
      }),
      attributes: {
        class: 'transcription-text editing',
        lang: props.lang,
        'aria-label': 'Transcription (editing)',
        role: 'textbox',
        'aria-multiline': 'true',
        spellcheck: 'false',
      },
      handleKeyPress: typeAsTransaction,
      handleScrollToSelection: caretAlreadyInView,
      handleDOMEvents: { beforeinput: replaceSelectionAsTransaction, compositionstart: deleteSelectionAcrossSheets },
      dispatchTransaction(tr) {
        const state = view.state.apply(tr);
        view.updateState(state);
        const now = { selectionEmpty: state.selection.empty, inSheet: state.selection.$from.index(0) };
        if (now.selectionEmpty !== shown.current.toolbar.selectionEmpty || now.inSheet !== shown.current.toolbar.inSheet) {
          shown.current.toolbar = now;
          setToolbar(now);
        }
        callbacks.current.onTransaction(tr, state);
        if (tr.selectionSet || tr.docChanged) {
          const sheet = sheetIndexAt(state.doc, state.selection.from);
          if (sheet !== shown.current.sheet) {
            shown.current.sheet = sheet;
            callbacks.current.onSheetChange(sheet);
          }
        }
        if (tr.docChanged && state.doc.childCount !== shown.current.sheetCount) {
          shown.current.sheetCount = state.doc.childCount;
          const labels: string[] = [];
          state.doc.forEach((sheet) => labels.push(sheet.attrs.label as string));
          callbacks.current.onSheetLabels?.(labels);
        }
      },
    });
    view.dispatch(setHighlights(view.state.tr, { highlights: props.highlights, activeId: null, hoverId: null, flash: null }));
    viewRef.current = view;
    // On the words being read, where they were on screen; then the sheets around them are drawn.
    if (start) scrollToPlace(view, start);
    drawSheets(view, sheetWindowInView(view, drawnSheets(view.state)));
    view.focus();
    // In a long text only the sheets near view are drawn, and those holding the selection.
    const stopFollowing = followPane(view, (scroller) => drawSheets(view, sheetWindowInView(view, drawnSheets(view.state), scroller)));
    return () => {
      stopFollowing();
      view.destroy();
      viewRef.current = null;
    };
    // The editor owns its document once open: the props are only where it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useImperativeHandle(props.ref, () => ({
    readingPlace: (selection) => {
      const view = viewRef.current;
      return view ? readingPlaceIn(view, selection ?? view.state.selection) : null;
    },
  }));

  // A request made before the editor opened was for the reading view: the editor opens at `start`.
  const requestAtOpening = useRef(props.scrollToSheet);
  useEffect(() => {
    const view = viewRef.current;
    const request = props.scrollToSheet;
    if (!view || !request || request === requestAtOpening.current || sheetIndexAt(view.state.doc, view.state.selection.from) === request.index) return;
    let pos = 0;
    view.state.doc.forEach((_sheet, offset, i) => {
      if (i === request.index) pos = offset + 2; // inside its first paragraph
    });
    drawSheets(view, drawnSheetsWith(view.state, request.index));
    scrollViewTo(view, pos);
  }, [props.scrollToSheet]);

  function run(command: (state: EditorState) => Transaction | null): void {
    const view = viewRef.current;
    if (!view) return;
    const tr = command(view.state);
    if (tr) view.dispatch(tr.scrollIntoView());
    view.focus();
  }

  function apply(feature: EditorialFeature, answer: string): void {
    setQuestion(null);
    run((state) => {
      if (feature.kind === 'node') return insertEditorialAtom(state, feature.id, { [feature.ask.attribute]: answer });
      if (feature.id === 'corrected') return correct(state, answer);
      return toggleEditorialMark(state, feature.id, feature.ask && answer !== '' ? { [feature.ask.attribute]: answer } : {});
    });
  }

  const { selectionEmpty, inSheet } = toolbar;

  return (
    <div className="transcription-editor">
      <div className="editor-toolbar" role="toolbar" aria-label="Editorial markup">
        {EDITORIAL_FEATURES.map((feature) => (
          <button
            key={feature.id}
            type="button"
            className={`tool ed-tool-${feature.id}`}
            title={`${feature.label} (${shortcutLabel(feature.shortcut)}): ${feature.legend}`}
            disabled={feature.kind === 'mark' && selectionEmpty}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => ask.current(feature)}
          >
            {feature.label}
          </button>
        ))}
        <span className="toolbar-gap" />
        <button type="button" title="Undo (Ctrl+Z)" onMouseDown={(e) => e.preventDefault()} onClick={() => run(asTransaction(undo))}>
          Undo
        </button>
        <button type="button" title="Redo (Ctrl+Shift+Z)" onMouseDown={(e) => e.preventDefault()} onClick={() => run(asTransaction(redo))}>
          Redo
        </button>
        <button
          type="button"
          title="Start a new sheet at the cursor (Ctrl+Enter)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => run(splitSheetAtCursor)}
        >
          Split sheet
        </button>
        <button
          type="button"
          disabled={inSheet === 0}
          title="Join the sheet the cursor is in to the one before it"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => run(mergeSheetWithPreviousAtCursor)}
        >
          Merge with previous sheet
        </button>
        {/* Filled by the effect above, outside React's rendering. */}
        <span ref={saveStateRef} role="status" />
        <button type="button" className="primary" title="Finish editing (Ctrl+E)" onClick={props.onDone}>
          Done
        </button>
        {/* In the toolbar, which stays in view however far the text is scrolled. */}
        {saveProblem && (
          <SaveProblem
            message={saveProblem.message}
            kept="Your text is kept here in the editor, and Marginalia keeps trying to save it."
            onSaveCopy={() => saveProblem.saveCopy(bridge)}
            onRetry={saveProblem.retry}
          />
        )}
      </div>
      {question && (
        <form
          className="editorial-question"
          aria-label={question.feature.label}
          onSubmit={(e) => {
            e.preventDefault();
            if (question.feature.ask?.required && question.value.trim() === '') return;
            apply(question.feature, question.value.trim());
          }}
        >
          <label>
            {question.feature.ask?.prompt}{' '}
            {question.feature.ask?.choices ? (
              <select autoFocus value={question.value} onChange={(e) => setQuestion({ ...question, value: e.target.value })}>
                {question.feature.ask.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                autoFocus
                value={question.value}
                placeholder={question.feature.ask?.placeholder}
                required={question.feature.ask?.required}
                onChange={(e) => setQuestion({ ...question, value: e.target.value })}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    setQuestion(null);
                    viewRef.current?.focus();
                  }
                }}
              />
            )}
          </label>
          <button type="submit">Apply</button>
          <button
            type="button"
            onClick={() => {
              setQuestion(null);
              viewRef.current?.focus();
            }}
          >
            Cancel
          </button>
        </form>
      )}
      <EditorialLegend />
      <div ref={mountRef} className="transcription" />
    </div>
  );
}

/** Draws the sheets of `window` (see lazy-sheets.ts), if they are not those drawn already. */
function drawSheets(view: EditorView, window: SheetWindow | null): void {
  if (window && !sameWindow(window, drawnSheets(view.state))) view.dispatch(setDrawnSheets(view.state.tr, window));
}

/**
 * Ctrl+Home and Ctrl+End (with Shift, selecting) by the document rather than by the browser: in a
 * long text the last sheet is not drawn until the caret is in it (lazy-sheets.ts), and the
 * browser's own move would land in the empty box standing for it.
 */
function toTextEdge(edge: 'start' | 'end', extend: boolean): Command {
  return (state, dispatch) => {
    const to = edge === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc);
    const selection = extend ? TextSelection.create(state.doc, state.selection.anchor, to.head) : to;
    dispatch?.(state.tr.setSelection(selection).scrollIntoView());
    return true;
  };
}

/** A transaction-returning command as a ProseMirror command. */
function commandOf(make: (state: EditorState) => Transaction | null): Command {
  return (state, dispatch) => {
    const tr = make(state);
    if (!tr) return false;
    dispatch?.(tr.scrollIntoView());
    return true;
  };
}

/** A ProseMirror command as a transaction-returning one. */
function asTransaction(command: Command): (state: EditorState) => Transaction | null {
  return (state) => {
    let result: Transaction | null = null;
    command(state, (tr) => (result = tr));
    return result;
  };
}

/**
 * A typed character goes into the document as a transaction instead of through the browser's
 * own editing. When the browser edits a text that a highlight wraps (an inline decoration's
 * span), ProseMirror cannot trust that span any more: it draws it anew and puts the selection
 * back, so each key cost two layouts of the page — the browser's, then ProseMirror's
 * (docs/benchmarks.md). Inserted by a transaction, the text node is updated in place.
 * ProseMirror calls this for keypresses outside a composition and without Ctrl or Cmd, so input
 * methods still type natively.
 */
function typeAsTransaction(view: EditorView, event: KeyboardEvent): boolean {
  const text = String.fromCharCode(event.charCode);
  if (/[\r\n]/.test(text)) return false;
  view.dispatch(view.state.tr.insertText(text).scrollIntoView());
  return true;
}

/**
 * Text typed over a selection that runs across paragraphs (not through a keypress: an input
 * method's text, a dictation) replaces it as a transaction, as ProseMirror's own keypress handler
 * does for such a selection. The browser's own editing joins or splits the elements as it sees
 * fit, and in a long text some sheets in between are empty boxes (lazy-sheets.ts): ProseMirror
 * would then read back a new sheet, or lose the text between.
 */
function replaceSelectionAsTransaction(view: EditorView, event: Event): boolean {
  const input = event as InputEvent;
  if (input.inputType !== 'insertText' || !input.data || view.composing || !selectsAcross(view, (from, to) => !from.sameParent(to))) return false;
  view.dispatch(view.state.tr.insertText(input.data).scrollIntoView());
  input.preventDefault();
  return true;
}

/** For the same reason, a composition started over a selection across sheets first deletes it. */
function deleteSelectionAcrossSheets(view: EditorView): boolean {
  if (selectsAcross(view, (from, to) => from.index(0) !== to.index(0))) view.dispatch(view.state.tr.deleteSelection());
  return false;
}

/**
 * Whether the editor's selection spans what `across` says, and the browser's still selects
 * something: ProseMirror reads a selection the user just changed a moment later
 * (`selectionchange`), and what it holds until then must not be deleted for one the user no
 * longer sees.
 */
function selectsAcross(view: EditorView, across: (from: ResolvedPos, to: ResolvedPos) => boolean): boolean {
  const { $from, $to, empty } = view.state.selection;
  const shown = window.getSelection();
  return !empty && across($from, $to) && shown !== null && !shown.isCollapsed;
}
