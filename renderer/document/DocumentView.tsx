/**
 * One open document: its metadata, the scan of the current sheet beside the transcription,
 * and the annotations panel. This component wires the pieces together; each piece lives in
 * its own module.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ANNOTATION_KIND_LABELS,
  isTextTarget,
  type Annotation,
  type AnnotationKind,
  type CrossReferenceTarget,
  type RegionTarget,
  type TextTarget,
} from '../../shared/annotation';
import { describeTextRange, resolveTextQuote, trimTextRange } from '../../shared/anchoring/selectors';
import { TextIndex } from '../../shared/anchoring/text-index';
import { transcriptionFromJSON } from '../../shared/transcription/schema';
import { createAnnotationAction } from '../actions/create-annotation';
import { editMetadataAction } from '../actions/edit-metadata';
import { mergeSheetAction, splitSheetAction } from '../actions/edit-sheets';
import { deleteAnnotationAction } from '../actions/delete-annotation';
import { anchorTextTarget, highlightsFor, inReadingOrder, linkHighlightsFor, needsReanchoring } from '../annotations/anchors';
import { storeReanchoredTargets } from '../annotations/reanchor-document';
import { useAnchors, useStableAnnotations, useStableHighlights } from '../annotations/stable';
import { useDocumentAnnotations } from '../annotations/use-document-annotations';
import { AnnotationsPanel, type KindFilter } from '../annotations/AnnotationsPanel';
import { reattachAnnotation, resolveConflict, saveLinks, saveRegionSelector } from '../db/annotation-store';
import { restoreRevision, type RevisionRecord } from '../db/revision-store';
import type { TrackedTarget } from '../../shared/anchoring/targets-after-edit';
import { trackingId } from '../transcription/editor/anchor-tracking';
import { TranscriptionEditor } from '../transcription/editor/TranscriptionEditor';
import { useTranscriptionEditing } from '../transcription/editor/use-editing';
import { RevisionsPanel } from './RevisionsPanel';
import { authorColours, authorsOf } from '../seminar/authors';
import { CompareTranslations } from '../seminar/CompareTranslations';
import { translationsAlongside } from '../seminar/translations';
import { exportDocumentAsTei } from '../export/export-document-tei';
import { ExportEnglishButton } from '../export/ExportEnglishButton';
import type { ScanRecord, TranscriptionRecord } from '../db/records';
import { shapeToSelector } from '../../shared/regions/selectors';
import type { Point, RegionShape } from '../../shared/regions/region-shape';
import type { DocumentRecord } from '../db/records';
import { SelectionMenu, KIND_SHORTCUT_KEYS } from '../transcription/SelectionMenu';
import { sheetIndexAt, sheetStarts } from '../transcription/sheets';
import type { ReadingPlace, TextViewHandle } from '../transcription/reading-place';
import { TranscriptionView, type ScrollRequest, type TextSelection } from '../transcription/TranscriptionView';
import { isTypingTarget } from '../ui/keyboard';
import { useWorkspace } from '../workspace';
import { MetadataPanel } from './MetadataPanel';
import { SheetNavigator } from './SheetNavigator';
import { LAYOUT_LABELS, LAYOUTS, SplitPane, type Layout } from './SplitPane';
import { DEFAULT_VIEW_STATE, loadViewState, saveViewState, type DocumentViewState } from './view-state';
import { ScansPanel } from './ScansPanel';
import { ScanSide } from './ScanSide';
import { RegionKindMenu } from './RegionKindMenu';
import { paragraphAt } from '../../shared/transcription/sheet-edits';
import { TranslationWorkbench } from '../translation/TranslationWorkbench';

/** A request to show certain words of this document, after following a cross-reference. */
export interface PassageFocus {
  target: TextTarget;
  nonce: number;
}

/** A menu command for the open document, with a nonce so that asking twice acts twice. */
export interface DocumentCommandRequest {
  command: 'toggleEditing' | 'exportTei' | 'toggleTranslation' | 'exportEnglish';
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
  layoutRequest: { layout: Layout; nonce: number } | null;
  documentCommand: DocumentCommandRequest | null;
  onOpenAnnotation: (id: string | null) => void;
  onPickPassage: (annotation: Annotation) => void;
  onPicked: (target: TextTarget) => void;
  onCancelPick: () => void;
  onFollow: (crossref: CrossReferenceTarget) => void;
}

export function DocumentView(props: Props) {
  const { db, creator, undoStack, notify, bridge } = useWorkspace();
  const documentId = props.document.id;

  const editing = useTranscriptionEditing(documentId);
  // While the transcription is edited the editor owns the text: the stored one is not read back
  // at each autosave (600,000 characters parsed again, and the whole view rendered anew, each
  // second); it is read once editing is done. The query then observes nothing, and holds what
  // it had.
  const heldTranscription = useRef<TranscriptionRecord | undefined>(undefined);
  const transcription = useLiveQuery(
    (): Promise<TranscriptionRecord | undefined> =>
      editing.session ? Promise.resolve(heldTranscription.current) : db.transcriptions.get(documentId),
    [documentId, editing.session],
  );
  heldTranscription.current = transcription;
  /** The sheets' labels while editing, as the editor splits and merges them. */
  const [editedLabels, setEditedLabels] = useState<string[] | null>(null);
  const scans = useLiveQuery(() => db.scans.where('documentId').equals(documentId).sortBy('sheetIndex'), [documentId]);
  // Those on the first pages first, then all (use-document-annotations.ts); the same object for
  // each annotation that did not change, so that saving one does not redo all (stable.ts).
  const loaded = useDocumentAnnotations(db, documentId);
  const annotations = useStableAnnotations(loaded.annotations);
  const allAnnotationsRead = loaded.complete;

  const doc = useMemo(() => (transcription ? transcriptionFromJSON(transcription) : null), [transcription]);
  const index = useMemo(() => (doc ? TextIndex.fromDoc(doc) : null), [doc]);
  /** The words each annotation is on when editing begins, for the editor to carry along. */
  const [editStart, setEditStart] = useState<{ doc: NonNullable<typeof doc>; index: TextIndex; tracked: TrackedTarget[]; place: ReadingPlace | null } | null>(null);
  /** The view showing the transcription, reading or editing: asked where the reader is as one gives way to the other. */
  const textView = useRef<TextViewHandle>(null);
  /** Where the reading view opens after editing: where the editor was. */
  const [readingStart, setReadingStart] = useState<ReadingPlace | null>(null);
  // While the transcription is edited, the annotations stay anchored in the text as it was when
  // editing began: the editor carries them itself, and stores their targets when editing is done
  // (edit-session.ts). Anchoring them anew in each autosaved text, against targets not yet
  // stored, would look for every moved one by its quote, each second.
  const anchorDoc = editStart?.doc ?? doc;
  const anchorIndex = editStart?.index ?? index;
  const anchors = useAnchors(anchorDoc, anchorIndex, annotations);
  // The seminar view: a layer per author, each shown or hidden, optionally in its own colour.
  const authors = useMemo(() => authorsOf(annotations ?? []), [annotations]);
  const [hiddenAuthors, setHiddenAuthors] = useState<ReadonlySet<string>>(new Set());
  const [byAuthor, setByAuthor] = useState(false);
  const visible = useMemo(() => (annotations ?? []).filter((a) => !hiddenAuthors.has(a.creator.id)), [annotations, hiddenAuthors]);
  const ordered = useMemo(
    () => (anchorDoc && anchorIndex && annotations ? inReadingOrder(anchorDoc, anchorIndex, visible, anchors) : []),
    [anchorDoc, anchorIndex, annotations, visible, anchors],
  );
  const highlights = useStableHighlights(useMemo(
    () =>
      anchorDoc && anchorIndex
        ? [...highlightsFor(visible, anchors, byAuthor ? authorColours(authors) : undefined), ...linkHighlightsFor(anchorDoc, anchorIndex, visible)]
        : [],
    [anchorDoc, anchorIndex, visible, anchors, byAuthor, authors],
  ));
  const [comparing, setComparing] = useState<Annotation | null>(null);
  const storedLabels = useMemo(() => {
    const labels: string[] = [];
    doc?.forEach((sheet) => labels.push(sheet.attrs.label as string));
    return labels;
  }, [doc]);
  const sheetLabels = (editing.session && editedLabels) || storedLabels;

  const [currentSheet, setCurrentSheet] = useState(0);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [filter, setFilter] = useState<KindFilter>('all');
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const [flash, setFlash] = useState<{ from: number; to: number } | null>(null);
  const [focusBodyOf, setFocusBodyOf] = useState<string | null>(null);
  /** A card for the annotations panel to bring into view (its list is windowed: not every card is in the DOM). */
  const [cardScroll, setCardScroll] = useState<{ id: string; nonce: number } | null>(null);
  const [rightTab, setRightTab] = useState<'annotations' | 'scans' | 'history'>('annotations');
  /** An earlier revision shown in place of the current text, read-only. */
  const [viewedRevision, setViewedRevision] = useState<RevisionRecord | null>(null);
  /** An orphaned annotation waiting for the user to select its new words. */
  const [reattaching, setReattaching] = useState<Annotation | null>(null);
  const [sheetScroll, setSheetScroll] = useState<{ index: number; nonce: number } | null>(null);
  /** The last place the user clicked or selected in the transcription: where "Split sheet" splits. */
  const [caret, setCaret] = useState<number | null>(null);
  /** An annotation the pointer is over, on the scan, in the panel or on its linked words. */
  const [hoverId, setHoverId] = useState<string | null>(null);
  /** A region just drawn, waiting for the user to say what kind of annotation it is. */
  const [pendingRegion, setPendingRegion] = useState<{ scan: ScanRecord; shape: RegionShape; at: Point } | null>(null);

  async function annotateRegion(kind: AnnotationKind): Promise<void> {
    if (!pendingRegion) return;
    const { scan: drawnOn, shape } = pendingRegion;
    setPendingRegion(null);
    const target: RegionTarget = {
      type: 'region',
      documentId,
      scanId: drawnOn.id,
      sheetIndex: drawnOn.sheetIndex,
      selector: shapeToSelector(shape),
    };
    const annotation = await createAnnotationAction(db, undoStack, { documentId, kind, target, creator, language: 'en' });
    setRightTab('annotations');
    if (filter !== 'all' && filter !== kind) setFilter('all');
    props.onOpenAnnotation(annotation.id);
    setFocusBodyOf(annotation.id);
  }

  async function reshapeRegion(id: string, shape: RegionShape, before: RegionShape): Promise<void> {
    await saveRegionSelector(db, id, shapeToSelector(shape));
    undoStack.push({ label: 'Move region', undo: async () => void (await saveRegionSelector(db, id, shapeToSelector(before))) });
  }

  const scrollTo = useCallback((pos: number) => setScrollRequest({ pos, nonce: Date.now() + Math.random() }), []);

  const goToSheet = useCallback(
    (i: number) => {
      if (!doc) return;
      const target = Math.max(0, Math.min(doc.childCount - 1, i));
      setCurrentSheet(target);
      scrollTo(sheetStarts(doc)[target]!);
      setSheetScroll({ index: target, nonce: Date.now() + Math.random() });
    },
    [doc, scrollTo],
  );

  // Annotations whose stored selectors no longer describe the text (it changed outside the
  // editor: a restored revision, an imported pack) are found again once and stored, or flagged
  // as orphans. Not while editing: the editor carries anchors itself and saves them.
  const { session } = editing;
  useEffect(() => {
    if (session || !allAnnotationsRead || !annotations || !needsReanchoring(annotations, anchors)) return;
    void storeReanchoredTargets(db, documentId).catch((error: unknown) => console.error('Re-anchoring failed', error));
  }, [db, documentId, annotations, allAnnotationsRead, anchors, session]);

  function startEditing(): void {
    // Editing carries every annotation along with its words: all of them must have been read.
    if (!doc || !index || !annotations || !allAnnotationsRead || editing.session) return;
    setViewedRevision(null);
    setSelection(null);
    setReattaching(null);
    const tracked: TrackedTarget[] = [];
    for (const annotation of annotations) {
      const anchor = anchors.get(annotation.id);
      if (anchor && isTextTarget(annotation.target)) {
        tracked.push({ id: trackingId(annotation.id, 'target'), from: anchor.from, to: anchor.to, stored: annotation.target });
      }
      annotation.links.forEach((link, i) => {
        const linked = anchorTextTarget(doc, index, link);
        if (linked) tracked.push({ id: trackingId(annotation.id, i), from: linked.from, to: linked.to, stored: link });
      });
    }
    // The editor opens on what is being read, where it is on screen, with the words last selected
    // or clicked there if they are in view.
    const lastPlace = selection ?? (caret === null ? null : { from: caret, to: caret });
    setEditStart({ doc, index, tracked, place: textView.current?.readingPlace(lastPlace) ?? null });
    setEditedLabels(null);
    editing.start();
  }

  async function finishEditing(): Promise<void> {
    // The reading view opens where the editor is (it may open while the last save is written).
    setReadingStart(textView.current?.readingPlace() ?? null);
    if (await editing.finish()) setEditStart(null);
  }

  // Menu: Edit Transcription (Ctrl+E) toggles editing. Asked for while the annotations are
  // still being read (the first second of a large document), editing begins once they are.
  const [editWanted, setEditWanted] = useState(false);
  useEffect(() => {
    if (props.documentCommand?.command !== 'toggleEditing') return;
    if (editing.session) void finishEditing();
    else if (allAnnotationsRead) startEditing();
    else setEditWanted((wanted) => !wanted);
    // Only a new request acts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.documentCommand]);
  useEffect(() => {
    if (!editWanted || !allAnnotationsRead) return;
    setEditWanted(false);
    startEditing();
    // Once, when the annotations are in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editWanted, allAnnotationsRead]);

  /** File › Export as TEI: what is being typed is saved first, so the file has it. */
  async function exportTei(): Promise<void> {
    try {
      await editing.session?.flush();
      const result = await exportDocumentAsTei(db, bridge, documentId);
      if (result.saved) notify(`Exported as TEI to ${result.where}.`);
      else if (result.reason) notify(result.reason);
    } catch (error) {
      notify(`The document could not be exported as TEI: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  useEffect(() => {
    if (props.documentCommand?.command === 'exportTei') void exportTei();
    // Only a new request acts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.documentCommand]);

  // The translator's workbench in place of the transcription (Translate, Ctrl+Shift+E).
  const [translating, setTranslating] = useState(false);
  useEffect(() => {
    if (props.documentCommand?.command === 'toggleTranslation') setTranslating((on) => !on);
  }, [props.documentCommand]);

  async function restore(revision: RevisionRecord): Promise<void> {
    if (editing.session) return;
    const restored = await restoreRevision(db, revision, creator);
    setViewedRevision(null);
    notify(`Revision ${revision.number} restored, as revision ${restored.number}. Annotations are looked for again by their words.`);
  }

  // Menu: next / previous sheet.
  useEffect(() => {
    if (props.sheetStep) goToSheet(currentSheet + props.sheetStep.delta);
    // Only a new step request moves the sheet.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.sheetStep]);

  // The document's remembered layout and viewer settings.
  const [viewState, setViewState] = useState<DocumentViewState | null>(null);
  useEffect(() => {
    let live = true;
    void loadViewState(db, documentId).then((state) => live && setViewState(state));
    return () => {
      live = false;
    };
  }, [db, documentId]);
  const updateViewState = useCallback(
    (change: Partial<DocumentViewState>) => {
      setViewState((current) => {
        const next = { ...(current ?? DEFAULT_VIEW_STATE), ...change };
        void saveViewState(db, documentId, next);
        return next;
      });
    },
    [db, documentId],
  );
  useEffect(() => {
    if (props.layoutRequest) updateViewState({ layout: props.layoutRequest.layout });
    // Only a new request changes the layout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.layoutRequest]);
  const layout = viewState?.layout ?? DEFAULT_VIEW_STATE.layout;

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
      if (!scroll) return;
      const anchor = anchors.get(annotation.id);
      if (anchor) {
        setCurrentSheet(anchor.sheetIndex);
        scrollTo(anchor.from);
      } else if (!isTextTarget(annotation.target)) {
        // A region: show the sheet of the scan it was drawn on (the scan may since have moved).
        const regionScan = scans?.find((s) => s.id === (annotation.target as RegionTarget).scanId);
        goToSheet(regionScan?.sheetIndex ?? annotation.target.sheetIndex);
      }
    },
    [anchors, props, scrollTo, scans, goToSheet],
  );

  const targetOfSelection = useCallback((): TextTarget | null => {
    if (!selection || !index) return null;
    const range = trimTextRange(index.text, { start: index.offsetAt(selection.from), end: index.offsetAt(selection.to) });
    if (range.start >= range.end) return null;
    return { type: 'text', documentId, ...describeTextRange(index.text, range) };
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

  const openRegion = annotations?.find((a) => a.id === props.openAnnotationId && !isTextTarget(a.target));

  /** Links the selected words to the open region annotation: the words that transcribe it. */
  const linkSelectionToRegion = useCallback(async () => {
    const target = targetOfSelection();
    if (!target || !openRegion) return;
    await saveLinks(db, openRegion.id, [...openRegion.links, target]);
    window.getSelection()?.removeAllRanges();
    setSelection(null);
  }, [targetOfSelection, openRegion, db]);

  const linkSelectionHere = useCallback(() => {
    const target = targetOfSelection();
    if (!target) return;
    window.getSelection()?.removeAllRanges();
    setSelection(null);
    props.onPicked(target);
  }, [targetOfSelection, props]);

  /** Puts the orphan being re-attached on the selected words (undoable). */
  const reattachToSelection = useCallback(async () => {
    const target = targetOfSelection();
    if (!target || !reattaching) return;
    const before = reattaching.target;
    const id = reattaching.id;
    window.getSelection()?.removeAllRanges();
    setSelection(null);
    setReattaching(null);
    await reattachAnnotation(db, id, target);
    if (before.type === 'text') {
      undoStack.push({ label: 'Re-attach annotation', undo: async () => void (await reattachAnnotation(db, id, before)) });
    }
    setFilter('all');
    props.onOpenAnnotation(id);
    notify(`Annotation re-attached to “${target.quote.exact}”.`, { label: 'Undo', run: () => void undoStack.undo() });
  }, [targetOfSelection, reattaching, db, undoStack, props, notify]);

  const placing = props.picking
    ? { label: 'Link cross-reference here', onPlace: linkSelectionHere }
    : reattaching
      ? { label: 'Attach here', onPlace: () => void reattachToSelection() }
      : null;

  // Single-key shortcuts while words are selected: C, T, R (the transcription is read-only).
  useEffect(() => {
    if (!selection) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (event.key === 'Escape') {
        setSelection(null);
        return;
      }
      if (placing) {
        if (event.key === 'Enter') placing.onPlace();
        return;
      }
      if (event.key.toLowerCase() === 'l' && openRegion) {
        event.preventDefault();
        void linkSelectionToRegion();
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
  }, [selection, placing, annotateSelection, openRegion, linkSelectionToRegion]);

  async function deleteAnnotation(annotation: Annotation): Promise<void> {
    await deleteAnnotationAction(db, undoStack, annotation);
    if (props.openAnnotationId === annotation.id) props.onOpenAnnotation(null);
    notify(`${ANNOTATION_KIND_LABELS[annotation.kind]} deleted.`, {
      label: 'Undo',
      run: () => void undoStack.undo(),
    });
  }

  const caretPlace = doc && caret !== null ? paragraphAt(doc, caret) : null;
  const canSplit = !!caretPlace && caretPlace.paragraphIndex > 0;

  async function splitSheet(): Promise<void> {
    if (!doc || !caretPlace) return;
    if (await splitSheetAction(db, undoStack, documentId, doc, caretPlace, creator)) {
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
    if (await mergeSheetAction(db, undoStack, documentId, doc, sheet, creator)) {
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
        <div className="layout-picker" role="group" aria-label="Layout">
          {LAYOUTS.map((l, i) => (
            <button
              key={l}
              type="button"
              aria-pressed={layout === l}
              title={`${LAYOUT_LABELS[l]} (Ctrl+Alt+${i + 1})`}
              onClick={() => updateViewState({ layout: l })}
            >
              {LAYOUT_LABELS[l]}
            </button>
          ))}
        </div>
        <div className="view-toggles" role="group" aria-label="Show">
          <button type="button" aria-pressed={props.showMetadata} title="Show or hide the metadata (Ctrl+Shift+M)" onClick={props.onToggleMetadata}>
            Metadata
          </button>
          <button type="button" aria-pressed={props.showAnnotations} title="Show or hide the side panel (Ctrl+Shift+A)" onClick={props.onToggleAnnotations}>
            Side panel
          </button>
          <button type="button" aria-pressed={translating} title="Translate segment by segment beside the source (Ctrl+Shift+E)" onClick={() => setTranslating((on) => !on)}>
            Translate
          </button>
          <button type="button" title="Save this document, its transcription and annotations as a TEI P5 XML file" onClick={() => void exportTei()}>
            Export TEI
          </button>
          <ExportEnglishButton documentId={documentId} command={props.documentCommand} />
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
      {reattaching && isTextTarget(reattaching.target) && (
        <div className="pick-banner" role="status">
          Select the words “{reattaching.target.quote.exact}” belongs to now, then choose “Attach here”.
          <button type="button" onClick={() => setReattaching(null)}>
            Cancel
          </button>
        </div>
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
          layout={layout}
          first={
            <ScanSide
              scans={scans ?? []}
              sheetLabels={sheetLabels}
              currentSheet={currentSheet}
              annotations={annotations ?? []}
              viewerState={viewState?.viewer ?? DEFAULT_VIEW_STATE.viewer}
              activeId={props.openAnnotationId}
              hoverId={hoverId}
              pending={pendingRegion && { scanId: pendingRegion.scan.id, shape: pendingRegion.shape }}
              onViewerState={(viewer) => updateViewState({ viewer })}
              onGoToSheet={goToSheet}
              onRegionDrawn={(drawnOn, shape, at) => setPendingRegion({ scan: drawnOn, shape, at })}
              onRegionReshaped={(id, shape, before) => void reshapeRegion(id, shape, before)}
              onSelectRegion={(id) => {
                const annotation = annotations?.find((a) => a.id === id);
                if (annotation) openAnnotation(annotation, false);
                setRightTab('annotations');
              }}
              onHoverRegion={setHoverId}
            />
          }
          second={
            <section className="transcription-pane" aria-label="Transcription pane">
              {editing.session && editStart?.doc ? (
                <TranscriptionEditor
                  key={documentId}
                  doc={editStart.doc}
                  lang={d.languageCode || 'und'}
                  highlights={highlights}
                  tracked={editStart.tracked}
                  start={editStart.place}
                  ref={textView}
                  session={editing.session}
                  scrollToSheet={sheetScroll}
                  onTransaction={(tr, state) => editing.session?.record(tr, state)}
                  onSheetChange={setCurrentSheet}
                  onSheetLabels={setEditedLabels}
                  onDone={() => void finishEditing()}
                />
              ) : viewedRevision ? (
                <>
                  <div className="revision-banner" role="status">
                    Revision {viewedRevision.number} of the transcription, {new Date(viewedRevision.modified).toLocaleString()} by{' '}
                    {viewedRevision.creator.name} — read only.
                    <button type="button" className="primary" onClick={() => void restore(viewedRevision)}>
                      Restore this revision
                    </button>
                    <button type="button" onClick={() => setViewedRevision(null)}>
                      Back to the current text
                    </button>
                  </div>
                  <TranscriptionView
                    doc={transcriptionFromJSON(viewedRevision.transcription)}
                    lang={d.languageCode || 'und'}
                    highlights={[]}
                    activeId={null}
                    hoverId={null}
                    onHoverLink={() => undefined}
                    flash={null}
                    scrollRequest={null}
                    onSheetChange={() => undefined}
                    onSelectText={() => undefined}
                    onCaret={() => undefined}
                    onHighlightClick={() => undefined}
                  />
                </>
              ) : translating && doc && index && !allAnnotationsRead ? (
                // The workbench finds each segment's translation among all the annotations.
                <p className="empty-hint" role="status">
                  Reading the document’s translations…
                </p>
              ) : translating && doc && index ? (
                <TranslationWorkbench
                  key={documentId}
                  documentId={documentId}
                  doc={doc}
                  text={index.text}
                  sheetLabels={sheetLabels}
                  annotations={annotations ?? []}
                  sourceLang={d.languageCode || 'und'}
                  currentSheet={currentSheet}
                  onSheetChange={setCurrentSheet}
                />
              ) : (
                <>
              <div className="sheet-tools" role="toolbar" aria-label="Sheets of the transcription">
                <button type="button" disabled={!doc || !allAnnotationsRead} title="Correct the transcription, with editorial markup (Ctrl+E)" onClick={startEditing}>
                  Edit transcription
                </button>
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
                  hoverId={hoverId}
                  onHoverLink={setHoverId}
                  flash={flash}
                  scrollRequest={scrollRequest}
                  start={readingStart}
                  ref={textView}
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
                    setCardScroll({ id, nonce: Date.now() + Math.random() });
                  }}
                />
              ) : (
                <p className="empty-hint">Loading transcription…</p>
              )}
                </>
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
              <button type="button" role="tab" aria-selected={rightTab === 'history'} onClick={() => setRightTab('history')}>
                History
              </button>
            </div>
            {rightTab === 'annotations' ? (
              <AnnotationsPanel
                annotations={ordered}
                anchors={anchors}
                documents={props.documents}
                openId={props.openAnnotationId}
                focusBodyOf={focusBodyOf}
                scrollToId={cardScroll}
                filter={filter}
                onFilter={setFilter}
                onOpen={(a) => (props.openAnnotationId === a.id ? props.onOpenAnnotation(null) : openAnnotation(a, true))}
                onDelete={(a) => void deleteAnnotation(a)}
                onPickPassage={props.onPickPassage}
                onFollow={props.onFollow}
                onUnlink={(a, i) => void saveLinks(db, a.id, a.links.filter((_, j) => j !== i))}
                onHover={setHoverId}
                allAnnotations={annotations ?? []}
                complete={allAnnotationsRead}
                authors={authors}
                hiddenAuthors={hiddenAuthors}
                byAuthor={byAuthor}
                onToggleAuthor={(id) =>
                  setHiddenAuthors((hidden) => {
                    const next = new Set(hidden);
                    if (next.has(id)) next.delete(id);
                    else next.add(id);
                    return next;
                  })
                }
                onShowOnlyAuthor={(id) => setHiddenAuthors(new Set(id === null ? [] : authors.filter((a) => a.id !== id).map((a) => a.id)))}
                onByAuthor={setByAuthor}
                onCompare={setComparing}
                onResolveConflict={(a, i, keep) => void resolveConflict(db, a.id, i, keep)}
                onReattach={(a) => {
                  if (editing.session) {
                    notify('Finish editing the transcription first, then choose the new words.');
                    return;
                  }
                  setReattaching(a);
                }}
              />
            ) : rightTab === 'scans' ? (
              <ScansPanel documentId={documentId} sheetLabels={sheetLabels} onAddScans={props.onAddScans} onShowSheet={goToSheet} />
            ) : (
              <RevisionsPanel
                documentId={documentId}
                viewedNumber={viewedRevision?.number ?? null}
                editing={!!editing.session}
                onView={(revision) => setViewedRevision(revision)}
                onRestore={(revision) => void restore(revision)}
              />
            )}
          </div>
        )}
      </div>
      {comparing && isTextTarget(comparing.target) && (
        <CompareTranslations
          passage={comparing.target.quote.exact}
          translations={translationsAlongside(comparing, annotations ?? [], anchors)}
          colours={authorColours(authors)}
          onClose={() => setComparing(null)}
        />
      )}
      {pendingRegion && (
        <RegionKindMenu at={pendingRegion.at} onChoose={(kind) => void annotateRegion(kind)} onCancel={() => setPendingRegion(null)} />
      )}
      {selection && !editing.session && (
        <SelectionMenu
          selection={selection}
          placing={placing}
          canLinkToRegion={!!openRegion}
          onLinkToRegion={() => void linkSelectionToRegion()}
          onAnnotate={(kind) => void annotateSelection(kind)}
        />
      )}
    </main>
  );

  async function openExternal(url: string): Promise<void> {
    const result = await bridge.openExternal(url);
    if (!result.opened) notify(result.reason);
  }
}
