/**
 * One open document: its metadata, the scan of the current sheet beside the transcription,
 * and the annotations panel. This component wires the pieces together; each piece lives in
 * its own module.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  ANNOTATION_KIND_LABELS,
  type Annotation,
  type AnnotationKind,
  type CrossReferenceTarget,
  type TextTarget,
} from '../../shared/annotation';
import { describeTextRange, resolveTextQuote, trimTextRange } from '../../shared/anchoring/selectors';
import { TextIndex } from '../../shared/anchoring/text-index';
import { transcriptionFromJSON } from '../../shared/transcription/schema';
import { createAnnotationAction } from '../actions/create-annotation';
import { editMetadataAction } from '../actions/edit-metadata';
import { mergeSheetAction, splitSheetAction } from '../actions/edit-sheets';
import { deleteAnnotationAction } from '../actions/delete-annotation';
import { anchorAnnotations, highlightsFor, inTextOrder } from '../annotations/anchors';
import { AnnotationsPanel, type KindFilter } from '../annotations/AnnotationsPanel';
import { liveAnnotations } from '../db/annotation-store';
import type { DocumentRecord } from '../db/records';
import { SelectionMenu, KIND_SHORTCUT_KEYS } from '../transcription/SelectionMenu';
import { sheetIndexAt, sheetStarts } from '../transcription/sheets';
import { TranscriptionView, type ScrollRequest, type TextSelection } from '../transcription/TranscriptionView';
import { isTypingTarget } from '../ui/keyboard';
import { useWorkspace } from '../workspace';
import { MetadataPanel } from './MetadataPanel';
import { ScanPane } from './ScanPane';
import { SheetNavigator } from './SheetNavigator';
import { SplitPane } from './SplitPane';
import { ScansPanel } from './ScansPanel';
import { scanForSheet } from '../import/assign-sheets';
import { paragraphAt } from '../../shared/transcription/sheet-edits';

/** A request to show certain words of this document, after following a cross-reference. */
export interface PassageFocus {
  target: TextTarget;
  nonce: number;
}

export interface PickState {
  annotationId: string;
  fromDocumentId: string;
}

interface Props {
  document: DocumentRecord;
  documents: readonly DocumentRecord[];
  showMetadata: boolean;
  showAnnotations: boolean;
  onToggleMetadata: () => void;
  onToggleAnnotations: () => void;
  onAddScans: () => void;
  focus: PassageFocus | null;
  openAnnotationId: string | null;
  picking: PickState | null;
  sheetStep: { delta: number; nonce: number } | null;
  onOpenAnnotation: (id: string | null) => void;
  onPickPassage: (annotation: Annotation) => void;
  onPicked: (target: TextTarget) => void;
  onCancelPick: () => void;
  onFollow: (crossref: CrossReferenceTarget) => void;
}

export function DocumentView(props: Props) {
  const { db, creator, undoStack, notify, bridge } = useWorkspace();
  const documentId = props.document.id;

  const transcription = useLiveQuery(() => db.transcriptions.get(documentId), [documentId]);
  const scans = useLiveQuery(() => db.scans.where('documentId').equals(documentId).sortBy('sheetIndex'), [documentId]);
  const annotations = useLiveQuery(() => liveAnnotations(db, documentId), [documentId]);

  const doc = useMemo(() => (transcription ? transcriptionFromJSON(transcription) : null), [transcription]);
  const index = useMemo(() => (doc ? TextIndex.fromDoc(doc) : null), [doc]);
  const anchors = useMemo(
    () => (doc && index && annotations ? anchorAnnotations(doc, index, annotations) : new Map()),
    [doc, index, annotations],
  );
  const ordered = useMemo(() => (annotations ? inTextOrder(annotations, anchors) : []), [annotations, anchors]);
  const highlights = useMemo(() => (annotations ? highlightsFor(annotations, anchors) : []), [annotations, anchors]);
  const sheetLabels = useMemo(() => {
    const labels: string[] = [];
    doc?.forEach((sheet) => labels.push(sheet.attrs.label as string));
    return labels;
  }, [doc]);

  const [currentSheet, setCurrentSheet] = useState(0);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [filter, setFilter] = useState<KindFilter>('all');
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const [flash, setFlash] = useState<{ from: number; to: number } | null>(null);
  const [focusBodyOf, setFocusBodyOf] = useState<string | null>(null);
  const [rightTab, setRightTab] = useState<'annotations' | 'scans'>('annotations');
  /** The last place the user clicked or selected in the transcription: where "Split sheet" splits. */
  const [caret, setCaret] = useState<number | null>(null);

  const scrollTo = useCallback((pos: number) => setScrollRequest({ pos, nonce: Date.now() + Math.random() }), []);

  const goToSheet = useCallback(
    (i: number) => {
      if (!doc) return;
      const target = Math.max(0, Math.min(doc.childCount - 1, i));
      setCurrentSheet(target);
      scrollTo(sheetStarts(doc)[target]!);
    },
    [doc, scrollTo],
  );

  // Menu: next / previous sheet.
  useEffect(() => {
    if (props.sheetStep) goToSheet(currentSheet + props.sheetStep.delta);
    // Only a new step request moves the sheet.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.sheetStep]);

  // Following a cross-reference to a passage of this document.
  useEffect(() => {
    if (!props.focus || !doc || !index) return;
    const found = resolveTextQuote(index.text, props.focus.target.quote, props.focus.target.position);
    if (!found) {
      notify('The passage this cross-reference points to is no longer in the text.');
      return;
    }
    const from = index.posAt(found.start, 1);
    const to = index.posAt(found.end, -1);
    setFlash({ from, to });
    setCurrentSheet(sheetIndexAt(doc, from));
    scrollTo(from);
  }, [props.focus, doc, index, notify, scrollTo]);

  const openAnnotation = useCallback(
    (annotation: Annotation, scroll: boolean) => {
      props.onOpenAnnotation(annotation.id);
      setFocusBodyOf(null);
      setFlash(null);
      const anchor = anchors.get(annotation.id);
      if (anchor && scroll) {
        setCurrentSheet(anchor.sheetIndex);
        scrollTo(anchor.from);
      }
    },
    [anchors, props, scrollTo],
  );

  const targetOfSelection = useCallback((): TextTarget | null => {
    if (!selection || !index) return null;
    const range = trimTextRange(index.text, { start: index.offsetAt(selection.from), end: index.offsetAt(selection.to) });
    if (range.start >= range.end) return null;
    return { documentId, ...describeTextRange(index.text, range) };
  }, [selection, index, documentId]);

  const annotateSelection = useCallback(
    async (kind: AnnotationKind) => {
      const target = targetOfSelection();
      if (!target) return;
      const annotation = await createAnnotationAction(db, undoStack, { documentId, kind, target, creator, language: 'en' });
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      if (filter !== 'all' && filter !== kind) setFilter('all');
      props.onOpenAnnotation(annotation.id);
      setFocusBodyOf(annotation.id);
    },
    [targetOfSelection, db, undoStack, documentId, creator, filter, props],
  );

  const linkSelectionHere = useCallback(() => {
    const target = targetOfSelection();
    if (!target) return;
    window.getSelection()?.removeAllRanges();
    setSelection(null);
    props.onPicked(target);
  }, [targetOfSelection, props]);

  // Single-key shortcuts while words are selected: C, T, R (the transcription is read-only).
  useEffect(() => {
    if (!selection) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (event.key === 'Escape') {
        setSelection(null);
        return;
      }
      if (props.picking) {
        if (event.key === 'Enter') linkSelectionHere();
        return;
      }
      const kind = (Object.keys(KIND_SHORTCUT_KEYS) as AnnotationKind[]).find((k) => KIND_SHORTCUT_KEYS[k] === event.key.toLowerCase());
      if (kind) {
        event.preventDefault();
        void annotateSelection(kind);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, props.picking, annotateSelection, linkSelectionHere]);

  async function deleteAnnotation(annotation: Annotation): Promise<void> {
    await deleteAnnotationAction(db, undoStack, annotation);
    if (props.openAnnotationId === annotation.id) props.onOpenAnnotation(null);
    notify(`${ANNOTATION_KIND_LABELS[annotation.kind]} deleted.`, {
      label: 'Undo',
      run: () => void undoStack.undo(),
    });
  }

  const scan = scans ? scanForSheet(scans, currentSheet) : undefined;
  const caretPlace = doc && caret !== null ? paragraphAt(doc, caret) : null;
  const canSplit = !!caretPlace && caretPlace.paragraphIndex > 0;

  async function splitSheet(): Promise<void> {
    if (!doc || !caretPlace) return;
    if (await splitSheetAction(db, undoStack, documentId, doc, caretPlace)) {
      setCurrentSheet(caretPlace.sheetIndex + 1);
      setCaret(null);
      notify(`Sheet ${caretPlace.sheetIndex + 1} split; the new sheet starts at the chosen paragraph.`, {
        label: 'Undo',
        run: () => void undoStack.undo(),
      });
    }
  }

  async function mergeSheet(): Promise<void> {
    if (!doc) return;
    const sheet = currentSheet;
    if (await mergeSheetAction(db, undoStack, documentId, doc, sheet)) {
      setCurrentSheet(sheet - 1);
      notify(`Sheet ${sheet + 1} merged into sheet ${sheet}.`, { label: 'Undo', run: () => void undoStack.undo() });
    }
  }
  const d = props.document;

  return (
    <main className="document-view" aria-label={d.title}>
      <header className="document-head">
        <div className="document-title">
          <h1>{d.title}</h1>
          <p className="document-date">
            {d.dateAsWritten || d.dateIso}
            {d.originalLanguage && ` · ${d.originalLanguage}`}
            {d.isSample && ' · bundled sample'}
          </p>
        </div>
        <div className="view-toggles" role="group" aria-label="Show">
          <button type="button" aria-pressed={props.showMetadata} title="Show or hide the metadata (Ctrl+Shift+M)" onClick={props.onToggleMetadata}>
            Metadata
          </button>
          <button type="button" aria-pressed={props.showAnnotations} title="Show or hide the side panel (Ctrl+Shift+A)" onClick={props.onToggleAnnotations}>
            Side panel
          </button>
        </div>
        <SheetNavigator labels={sheetLabels} current={currentSheet} onGo={goToSheet} />
      </header>
      {props.showMetadata && (
        <MetadataPanel
          document={d}
          onOpenLink={(url) => void openExternal(url)}
          onSave={(changes) => editMetadataAction(db, undoStack, documentId, changes)}
        />
      )}
      {props.picking && (
        <div className="pick-banner" role="status">
          Select the words this cross-reference points to — in this or another document — then choose “Link
          cross-reference here”.
          <button type="button" onClick={props.onCancelPick}>
            Cancel
          </button>
        </div>
      )}
      <div className={`document-body${props.showAnnotations ? '' : ' no-panel'}`}>
        <SplitPane
          left={<ScanPane scan={scan} sheetLabel={sheetLabels[currentSheet] ?? ''} />}
          right={
            <section className="transcription-pane" aria-label="Transcription pane">
              <div className="sheet-tools" role="toolbar" aria-label="Sheets of the transcription">
                <button
                  type="button"
                  disabled={!canSplit}
                  title="Start a new sheet at the paragraph you last clicked"
                  onClick={() => void splitSheet()}
                >
                  Split sheet here
                </button>
                <button type="button" disabled={currentSheet === 0} onClick={() => void mergeSheet()}>
                  Merge {sheetLabels[currentSheet] ?? 'sheet'} with previous
                </button>
              </div>
              {doc ? (
                <TranscriptionView
                  doc={doc}
                  lang={d.languageCode || 'und'}
                  highlights={highlights}
                  activeId={props.openAnnotationId}
                  flash={flash}
                  scrollRequest={scrollRequest}
                  onSheetChange={setCurrentSheet}
                  onSelectText={(selection) => {
                    setSelection(selection);
                    if (selection) setCaret(selection.from);
                  }}
                  onCaret={setCaret}
                  onHighlightClick={(id) => {
                    const annotation = annotations?.find((a) => a.id === id);
                    if (!annotation) return;
                    if (filter !== 'all' && filter !== annotation.kind) setFilter('all');
                    openAnnotation(annotation, false);
                    requestAnimationFrame(() =>
                      document.querySelector(`.annotation-card[data-annotation-id="${id}"]`)?.scrollIntoView({ block: 'nearest' }),
                    );
                  }}
                />
              ) : (
                <p className="empty-hint">Loading transcription…</p>
              )}
            </section>
          }
        />
        {props.showAnnotations && (
          <div className="side-panel">
            <div className="side-tabs" role="tablist" aria-label="Side panel">
              <button type="button" role="tab" aria-selected={rightTab === 'annotations'} onClick={() => setRightTab('annotations')}>
                Annotations
              </button>
              <button type="button" role="tab" aria-selected={rightTab === 'scans'} onClick={() => setRightTab('scans')}>
                Scans {scans ? <span className="count">{scans.length}</span> : null}
              </button>
            </div>
            {rightTab === 'annotations' ? (
              <AnnotationsPanel
                annotations={ordered}
                anchors={anchors}
                documents={props.documents}
                openId={props.openAnnotationId}
                focusBodyOf={focusBodyOf}
                filter={filter}
                onFilter={setFilter}
                onOpen={(a) => (props.openAnnotationId === a.id ? props.onOpenAnnotation(null) : openAnnotation(a, true))}
                onDelete={(a) => void deleteAnnotation(a)}
                onPickPassage={props.onPickPassage}
                onFollow={props.onFollow}
              />
            ) : (
              <ScansPanel documentId={documentId} sheetLabels={sheetLabels} onAddScans={props.onAddScans} onShowSheet={goToSheet} />
            )}
          </div>
        )}
      </div>
      {selection && (
        <SelectionMenu
          selection={selection}
          picking={!!props.picking}
          onAnnotate={(kind) => void annotateSelection(kind)}
          onLinkHere={linkSelectionHere}
        />
      )}
    </main>
  );

  async function openExternal(url: string): Promise<void> {
    const result = await bridge.openExternal(url);
    if (!result.opened) notify(result.reason);
  }
}
