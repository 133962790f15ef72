/**
 * The annotations of the open document, in the order of the words they are on, filterable by
 * kind.
 *
 * A long list is windowed (@tanstack/react-virtual): only the cards in and near view are in the
 * DOM, each measured once drawn, the others standing in at an estimated height; the open card
 * and the one holding the focus stay mounted wherever they are. 10,000 cards rendered at once
 * were 80,000 elements, and opening a document took 40 s (docs/benchmarks.md). A short list
 * (under WINDOWED_FROM cards) is rendered whole, as it always was.
 */
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { ANNOTATION_KINDS, ANNOTATION_KIND_LABELS, isTextTarget, type Annotation, type AnnotationKind, type CrossReferenceTarget } from '../../shared/annotation';
import type { DocumentRecord } from '../db/records';
import type { Author } from '../seminar/authors';
import { AuthorLayers } from '../seminar/AuthorLayers';
import { translationCounts } from '../seminar/translations';
import { useWindowedList, WindowedRows } from '../ui/windowing';
import type { AnchorMap } from './anchors';
import { AnnotationCard } from './AnnotationCard';

/** Which annotations the panel lists: all, one kind, or the orphans whose words are gone. */
export type KindFilter = AnnotationKind | 'all' | 'orphaned';

/** From this many cards on, only those near view are rendered. */
export const WINDOWED_FROM = 200;

interface Props {
  annotations: readonly Annotation[];
  anchors: AnchorMap;
  documents: readonly DocumentRecord[];
  openId: string | null;
  focusBodyOf: string | null;
  /** A card to bring into view (a highlight was clicked); a new nonce asks again. */
  scrollToId?: { id: string; nonce: number } | null;
  filter: KindFilter;
  onFilter: (filter: KindFilter) => void;
  onOpen: (annotation: Annotation) => void;
  onDelete: (annotation: Annotation) => void;
  onPickPassage: (annotation: Annotation) => void;
  onFollow: (crossref: CrossReferenceTarget) => void;
  onUnlink: (annotation: Annotation, index: number) => void;
  onHover: (annotationId: string | null) => void;
  onReattach: (annotation: Annotation) => void;
  /** Everybody's annotations, to find the translations beside one (hidden layers included). */
  allAnnotations: readonly Annotation[];
  /** False while only the annotations on the document's first pages have been read. */
  complete: boolean;
  authors: readonly Author[];
  hiddenAuthors: ReadonlySet<string>;
  byAuthor: boolean;
  onToggleAuthor: (authorId: string) => void;
  onShowOnlyAuthor: (authorId: string | null) => void;
  onByAuthor: (on: boolean) => void;
  onCompare: (annotation: Annotation) => void;
  onResolveConflict: (annotation: Annotation, versionIndex: number, keep: 'mine' | 'theirs') => void;
}

export function AnnotationsPanel(props: Props) {
  const { annotations, anchors, filter } = props;
  const { orphans, counts } = useMemo(() => {
    const orphans = annotations.filter((a) => anchors.get(a.id) === null);
    const counts = new Map<KindFilter, number>([
      ['all', annotations.length],
      ['orphaned', orphans.length],
    ]);
    for (const a of annotations) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
    return { orphans, counts };
  }, [annotations, anchors]);
  // Before every annotation is read, those shown are the first pages' only: no count, no "none".
  const count = (kind: KindFilter): string => (props.complete ? String(counts.get(kind) ?? 0) : '…');
  const shown = useMemo(
    () => (filter === 'all' ? annotations : filter === 'orphaned' ? orphans : annotations.filter((a) => a.kind === filter)),
    [annotations, orphans, filter],
  );
  // Once per change of the annotations, not once per card and render.
  const translationsBeside = useMemo(() => translationCounts(props.allAnnotations, anchors), [props.allAnnotations, anchors]);
  const colours = useMemo(() => new Map(props.authors.map((a) => [a.id, a.colour])), [props.authors]);

  // The same callbacks for every card and render, so that memoised cards stay as they are.
  const latest = useRef(props);
  latest.current = props;
  const callbacks = useMemo(
    () => ({
      onOpen: (a: Annotation) => latest.current.onOpen(a),
      onDelete: (a: Annotation) => latest.current.onDelete(a),
      onPickPassage: (a: Annotation) => latest.current.onPickPassage(a),
      onFollow: (crossref: CrossReferenceTarget) => latest.current.onFollow(crossref),
      onUnlink: (a: Annotation, i: number) => latest.current.onUnlink(a, i),
      onHover: (id: string | null) => latest.current.onHover(id),
      onReattach: (a: Annotation) => latest.current.onReattach(a),
      onCompare: (a: Annotation) => latest.current.onCompare(a),
      onResolveConflict: (a: Annotation, i: number, keep: 'mine' | 'theirs') => latest.current.onResolveConflict(a, i, keep),
    }),
    [],
  );

  const card = (annotation: Annotation) => (
    <AnnotationCard
      annotation={annotation}
      isOpen={annotation.id === props.openId}
      isOrphan={anchors.get(annotation.id) === null}
      translationsBeside={annotation.kind === 'translation' ? (translationsBeside.get(annotation.id) ?? 0) : 0}
      authorColour={props.byAuthor ? colours.get(annotation.creator.id) : undefined}
      documents={props.documents}
      focusBody={annotation.id === props.focusBodyOf}
      {...callbacks}
    />
  );

  return (
    <aside className="annotations-panel" aria-label="Annotations">
      <header className="panel-head">
        <h2>Annotations</h2>
        <div className="filters" role="group" aria-label="Show annotations of kind">
          {(['all', ...ANNOTATION_KINDS] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className={`filter kind-${kind}`}
              aria-pressed={filter === kind}
              onClick={() => props.onFilter(kind)}
            >
              {kind === 'all' ? 'All' : ANNOTATION_KIND_LABELS[kind]} <span className="count">{count(kind)}</span>
            </button>
          ))}
          {(orphans.length > 0 || filter === 'orphaned') && (
            <button
              type="button"
              className="filter kind-orphaned"
              aria-pressed={filter === 'orphaned'}
              title="Annotations whose words are no longer in the text: re-attach them to new words"
              onClick={() => props.onFilter('orphaned')}
            >
              Orphaned <span className="count">{count('orphaned')}</span>
            </button>
          )}
        </div>
        {props.authors.length > 1 && (
          <AuthorLayers
            authors={props.authors}
            hidden={props.hiddenAuthors}
            byAuthor={props.byAuthor}
            onToggle={props.onToggleAuthor}
            onShowOnly={props.onShowOnlyAuthor}
            onByAuthor={props.onByAuthor}
          />
        )}
      </header>
      {!props.complete && (
        <p className="loading-hint" role="status">
          Reading the annotations…
        </p>
      )}
      {shown.length === 0 ? (
        props.complete && (
          <p className="empty-hint">
            {annotations.length === 0
              ? 'Select words in the transcription, then choose Commentary, Translation or Cross-reference.'
              : filter === 'orphaned'
                ? 'No orphans: every annotation is on its words.'
                : 'No annotations of this kind.'}
          </p>
        )
      ) : shown.length >= WINDOWED_FROM ? (
        <WindowedList shown={shown} openId={props.openId} scrollToId={props.scrollToId ?? null} card={card} />
      ) : (
        <WholeList shown={shown} scrollToId={props.scrollToId ?? null} card={card} />
      )}
    </aside>
  );
}

interface ListProps {
  shown: readonly Annotation[];
  scrollToId: { id: string; nonce: number } | null;
  card: (annotation: Annotation) => ReactNode;
}

/** Every card, for a short list. */
function WholeList({ shown, scrollToId, card }: ListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!scrollToId) return;
    const frame = requestAnimationFrame(() =>
      listRef.current?.querySelector(`.annotation-card[data-annotation-id="${CSS.escape(scrollToId.id)}"]`)?.scrollIntoView({ block: 'nearest' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [scrollToId]);
  return (
    <ol className="annotation-list" ref={listRef}>
      {shown.map((annotation) => (
        <li key={annotation.id}>{card(annotation)}</li>
      ))}
    </ol>
  );
}

/** Rough heights of a card not drawn yet: its head, the quote and preview lines; an open one is taller. */
function estimateHeight(annotation: Annotation, open: boolean): number {
  if (open) return 320;
  const quote = isTextTarget(annotation.target) ? annotation.target.quote.exact.length : 0;
  return 62 + (quote > 40 ? 20 : 0) + 8;
}

/** The cards near view, for a long list; each `li` is placed at its measured (or estimated) offset. */
function WindowedList({ shown, openId, scrollToId, card }: ListProps & { openId: string | null }) {
  const { scrollRef, virtualizer, indexOf, onFocus } = useWindowedList({
    items: shown,
    openId,
    estimateSize: (i) => estimateHeight(shown[i]!, shown[i]!.id === openId),
    overscan: 6,
    paddingStart: 8,
    paddingEnd: 8,
  });

  useEffect(() => {
    if (!scrollToId) return;
    const index = indexOf.get(scrollToId.id);
    if (index !== undefined) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only a new request scrolls.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollToId]);

  return (
    <div className="annotation-list-window" ref={scrollRef} onFocus={onFocus}>
      <ol className="annotation-list windowed" style={{ height: virtualizer.getTotalSize() }}>
        <WindowedRows virtualizer={virtualizer} count={shown.length} render={(i) => card(shown[i]!)} />
      </ol>
    </div>
  );
}
