/**
 * The translator's workbench: the transcription as segments, each source segment beside its
 * English draft, with statuses, progress, renderings, notes, glossary terms and the glossary
 * check (docs/translation.md). It takes the place of the transcription in the document view;
 * the scan beside it follows the current segment's sheet.
 *
 * Translations are ordinary translation annotations on the segments' words (with workbench
 * data), so they show in the annotations panel, travel in packs and follow the words through
 * corrections of the transcription.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, BodyDocJSON } from '../../shared/annotation';
import { bodyPlainText, emptyBodyDoc } from '../../shared/annotation-body-schema';
import { checkConsistency } from '../../shared/glossary/consistency';
import { translationProgress } from '../../shared/translation/progress';
import type { Segment } from '../../shared/translation/segment';
import { SEGMENT_STATUS_LABELS, type SegmentStatus } from '../../shared/translation/types';
import { loadGlossary } from '../db/glossary-store';
import { useWorkspace } from '../workspace';
import { ConsistencyList } from './ConsistencyList';
import { DraftEditor } from './DraftEditor';
import { indexAfter, statusAfter, flowCommandOf, type FlowCommand } from './keyboard-flow';
import { ProgressBar } from './ProgressBar';
import { SegmentRow } from './SegmentRow';
import { SegmentTools } from './SegmentTools';
import { SegmentWriter, type SegmentPlace } from './segment-writer';
import { sourcePieces } from './term-marks';
import { useSegments } from './use-segments';
import { joinSegmentsAction, pushStatusUndo, splitSegmentAction } from './workbench-actions';
import {
  chosenDoc,
  noteText,
  segmentTarget,
  withAlternativeAdded,
  withChosen,
  withNoteText,
  withoutAlternative,
  withStatus,
  workbenchOf,
} from './workbench-edits';

interface Props {
  documentId: string;
  doc: ProseMirrorNode;
  /** The transcription's plain text (the document view's TextIndex text), in which segments are measured. */
  text: string;
  /** The sheets' labels, as the document view shows them. */
  sheetLabels: readonly string[];
  /** The document's live annotations (translations among them). */
  annotations: readonly Annotation[];
  /** BCP 47 language of the transcription ("ru"). */
  sourceLang: string;
  currentSheet: number;
  onSheetChange: (sheetIndex: number) => void;
}

/** Which segment is current: by id, and by where it starts should a split or join renumber it. */
interface Current {
  id: string;
  start: number;
}

export function TranslationWorkbench({ documentId, doc, text: plainText, sheetLabels, annotations, sourceLang, currentSheet, onSheetChange }: Props) {
  const { db, creator, autosave, undoStack, notify } = useWorkspace();
  const { text, segments, overrides } = useSegments(documentId, doc, plainText);
  const glossary = useLiveQuery(() => loadGlossary(db), [db]);
  const progress = useMemo(() => translationProgress(segments, annotations), [segments, annotations]);
  const issues = useMemo(() => (glossary ? checkConsistency(segments, annotations, glossary) : []), [segments, annotations, glossary]);
  const pieces = useMemo(() => segments.map((s) => sourcePieces(s.text, glossary)), [segments, glossary]);
  const numbers = useMemo(() => new Map(segments.map((s, i) => [s.id, i + 1])), [segments]);
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);

  // Writing: drafts saved after a pause, on leaving a segment and when the window closes.
  const creatorRef = useRef(creator);
  creatorRef.current = creator;
  const notifyRef = useRef(notify);
  notifyRef.current = notify;
  const writer = useMemo(
    () =>
      new SegmentWriter(db, () => creatorRef.current, (error) => {
        console.error('Saving a segment translation failed', error);
        notifyRef.current(`A translation could not be saved (it is kept and will be tried again): ${error instanceof Error ? error.message : String(error)}`);
      }),
    [db],
  );
  useEffect(() => {
    void writer.recover(documentId);
    const unregister = autosave.addFlusher(() => writer.flushAll());
    return () => {
      unregister();
      void writer.flushAll().finally(() => writer.dispose());
    };
  }, [writer, autosave, documentId]);

  // The current segment: at first the first one not yet translated.
  const [current, setCurrent] = useState<Current | null>(null);
  const [focusEditor, setFocusEditor] = useState(true);
  /** Where the translator last clicked in a source segment: where "Split here" splits. */
  const [caretAt, setCaretAt] = useState<{ segmentId: string; offset: number } | null>(null);
  const currentIndex = useMemo(() => {
    if (segments.length === 0) return -1;
    if (!current) {
      const first = progress.segments.findIndex((s) => s.status === 'untranslated');
      return first < 0 ? 0 : first;
    }
    const byIdIndex = segments.findIndex((s) => s.id === current.id);
    if (byIdIndex >= 0) return byIdIndex;
    const containing = segments.findIndex((s) => s.end > current.start);
    return containing < 0 ? segments.length - 1 : containing;
  }, [segments, current, progress]);
  const currentSegment: Segment | undefined = segments[currentIndex];

  // The scan follows the current segment's sheet.
  const sheetRef = useRef(currentSheet);
  sheetRef.current = currentSheet;
  const currentSegmentSheet = currentSegment?.sheetIndex;
  useEffect(() => {
    if (currentSegmentSheet !== undefined && currentSegmentSheet !== sheetRef.current) onSheetChange(currentSegmentSheet);
  }, [currentSegmentSheet, onSheetChange]);

  // The current row stays in view.
  const listRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!currentSegment) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(currentSegment.id)}"]`);
    if (!row) return;
    // Not under the sticky progress header.
    row.style.scrollMarginTop = `${(headRef.current?.offsetHeight ?? 0) + 8}px`;
    row.scrollIntoView({ block: 'nearest' });
  }, [currentSegment]);

  const placeOf = useCallback(
    (segment: Segment, index: number): SegmentPlace => ({
      documentId,
      segmentId: segment.id,
      target: segmentTarget(documentId, text, segment),
      annotationId: writer.annotationIdOf(segment.id, progress.segments[index]?.translationId ?? null),
    }),
    [documentId, text, writer, progress],
  );

  const goTo = useCallback(
    (index: number, focus: boolean) => {
      const segment = segments[index];
      if (!segment) return;
      if (currentSegment && currentSegment.id !== segment.id) void writer.flush(currentSegment.id);
      setCurrent({ id: segment.id, start: segment.start });
      setFocusEditor(focus);
    },
    [segments, currentSegment, writer],
  );

  const activate = useCallback(
    (segmentId: string, focus: boolean) => {
      const index = segments.findIndex((s) => s.id === segmentId);
      if (index >= 0) goTo(index, focus);
    },
    [segments, goTo],
  );

  /** Sets the current segment's status (undoable), saving its draft first. */
  const setStatus = useCallback(
    (status: SegmentStatus) => {
      if (!currentSegment) return;
      const previous = progress.segments[currentIndex]?.status ?? 'untranslated';
      if (status === previous) return;
      void writer.update(placeOf(currentSegment, currentIndex), (wb) => withStatus(wb, status)).then((id) => {
        if (id) pushStatusUndo(db, undoStack, id, previous, status);
      });
    },
    [currentSegment, currentIndex, progress, writer, placeOf, db, undoStack],
  );

  const currentAnnotationId = currentSegment ? writer.annotationIdOf(currentSegment.id, progress.segments[currentIndex]?.translationId ?? null) : null;
  const currentAnnotation = currentAnnotationId ? byId.get(currentAnnotationId) : undefined;
  const currentWorkbench = currentAnnotation ? workbenchOf(currentAnnotation) : null;
  const currentDoc: BodyDocJSON = (currentSegment && writer.pendingDoc(currentSegment.id)) ?? (currentWorkbench ? chosenDoc(currentWorkbench) : emptyBodyDoc());
  const [draftHasText, setDraftHasText] = useState(false);
  useEffect(() => setDraftHasText(bodyPlainText(currentDoc) !== ''), [currentSegment?.id, currentWorkbench?.chosen, currentAnnotationId]); // eslint-disable-line react-hooks/exhaustive-deps

  /** A flow key: the status the flow gives (undoable), then the next or previous segment. */
  const flow = useCallback(
    (command: FlowCommand, draft: BodyDocJSON) => {
      if (!currentSegment) return;
      const previous = progress.segments[currentIndex]?.status ?? 'untranslated';
      const status = statusAfter(command, previous, bodyPlainText(draft) !== '');
      if (status !== previous) setStatus(status);
      else void writer.flush(currentSegment.id);
      goTo(indexAfter(command, currentIndex, segments.length), true);
    },
    [currentSegment, currentIndex, progress, setStatus, writer, goTo, segments.length],
  );

  const onDraftChange = useCallback(
    (draft: BodyDocJSON) => {
      if (!currentSegment) return;
      // The first untranslated segment stays current once written in (it is no longer untranslated).
      if (!current) setCurrent({ id: currentSegment.id, start: currentSegment.start });
      writer.change(placeOf(currentSegment, currentIndex), draft);
      setDraftHasText(bodyPlainText(draft) !== '');
    },
    [current, currentSegment, currentIndex, writer, placeOf],
  );

  // The flow keys also work when the focus is on a row's buttons rather than in the editor.
  function onKeyDown(event: React.KeyboardEvent): void {
    if (event.defaultPrevented) return;
    const command = flowCommandOf(event);
    if (!command || !currentSegment) return;
    event.preventDefault();
    flow(command, currentDoc);
  }

  const onCaret = useCallback((segmentId: string, offset: number) => setCaretAt({ segmentId, offset }), []);
  const caret = caretAt && caretAt.segmentId === currentSegment?.id ? caretAt.offset : null;

  async function split(): Promise<void> {
    if (!currentSegment || caret === null) return;
    await writer.flush(currentSegment.id);
    await splitSegmentAction(db, undoStack, documentId, text, segments, overrides, currentSegment.start + caret);
    setCaretAt(null);
    notify('Segment split.', { label: 'Undo', run: () => void undoStack.undo() });
  }

  async function join(): Promise<void> {
    if (!currentSegment) return;
    const following = segments[currentIndex + 1];
    await writer.flush(currentSegment.id);
    if (following) await writer.flush(following.id);
    try {
      await joinSegmentsAction(db, undoStack, documentId, text, segments, overrides, currentIndex);
      notify('Segments joined.', { label: 'Undo', run: () => void undoStack.undo() });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error));
    }
  }

  const next = segments[currentIndex + 1];
  const canJoin = !!currentSegment && !!next && next.sheetIndex === currentSegment.sheetIndex && next.paragraphIndex === currentSegment.paragraphIndex;
  const canSplit = !!currentSegment && caret !== null && caret > 0 && caret < currentSegment.text.length && currentSegment.text.slice(0, caret).trim() !== '' && currentSegment.text.slice(caret).trim() !== '';

  const editor =
    currentSegment && (
      <DraftEditor
        key={`${currentSegment.id}:${currentWorkbench?.chosen ?? 'alt-1'}`}
        initial={currentDoc}
        label={`English translation of segment ${currentIndex + 1}`}
        autoFocus={focusEditor}
        onChange={onDraftChange}
        onFlow={flow}
        onBlur={() => void writer.flush(currentSegment.id)}
      />
    );

  const tools = currentSegment && (
    <SegmentTools
      key={`${currentSegment.id}:${currentAnnotationId ?? ''}`}
      status={progress.segments[currentIndex]?.status ?? 'untranslated'}
      workbench={currentWorkbench}
      hasText={draftHasText}
      canSplit={canSplit}
      canJoin={canJoin}
      onStatus={setStatus}
      onAddAlternative={() => void writer.update(placeOf(currentSegment, currentIndex), withAlternativeAdded).then(() => setFocusEditor(true))}
      onChoose={(id) => void writer.update(placeOf(currentSegment, currentIndex), (wb) => withChosen(wb, id))}
      onRemoveAlternative={(id) => void writer.update(placeOf(currentSegment, currentIndex), (wb) => withoutAlternative(wb, id))}
      noteText={noteText(currentWorkbench?.note ?? null)}
      onNote={(note) => void writer.update(placeOf(currentSegment, currentIndex), (wb) => withNoteText(wb, note), note.trim() !== '')}
      onSplit={() => void split()}
      onJoin={() => void join()}
    />
  );

  return (
    <section className="translation-workbench" aria-label="Translation workbench" onKeyDown={onKeyDown}>
      <header className="tw-head" ref={headRef}>
        <ProgressBar progress={progress} />
        <ConsistencyList issues={issues} glossary={glossary} numbers={numbers} onGo={(id) => activate(id, true)} />
        <p className="tw-keys">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> draft and next · <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Enter</kbd> reviewed and next ·{' '}
          <kbd>Alt</kbd>+<kbd>↓</kbd>/<kbd>↑</kbd> next/previous
        </p>
      </header>
      <div className="tw-list" ref={listRef}>
        {segments.map((segment, i) => {
          const info = progress.segments[i];
          const annotation = info?.translationId ? byId.get(info.translationId) : undefined;
          const workbench = annotation ? workbenchOf(annotation) : null;
          const previous = segments[i - 1];
          const newSheet = !previous || previous.sheetIndex !== segment.sheetIndex;
          const newParagraph = !newSheet && previous!.paragraphIndex !== segment.paragraphIndex;
          return (
            <Fragment key={segment.id}>
              {newSheet && (
                <h3 className="tw-sheet-heading" data-sheet-index={segment.sheetIndex}>
                  {sheetLabels[segment.sheetIndex] || `Sheet ${segment.sheetIndex + 1}`}
                </h3>
              )}
              <SegmentRow
                segmentId={segment.id}
                number={i + 1}
                status={info?.status ?? 'untranslated'}
                draftText={workbench ? bodyPlainText(chosenDoc(workbench)) : ''}
                hasNote={!!workbench?.note}
                alternatives={workbench?.alternatives.length ?? 0}
                pieces={pieces[i]!}
                sourceLang={sourceLang}
                current={i === currentIndex}
                startsParagraph={newParagraph}
                editor={i === currentIndex ? editor : undefined}
                tools={i === currentIndex ? tools : undefined}
                onCaret={onCaret}
                onActivate={activate}
              />
            </Fragment>
          );
        })}
      </div>
      <p className="tw-visually-hidden" aria-live="polite">
        {currentSegment ? `Segment ${currentIndex + 1} of ${segments.length}, ${SEGMENT_STATUS_LABELS[progress.segments[currentIndex]?.status ?? 'untranslated'].toLowerCase()}` : ''}
      </p>
    </section>
  );
}
