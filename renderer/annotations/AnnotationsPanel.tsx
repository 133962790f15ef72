/**
 * The annotations of the open document, in the order of the words they are on, filterable by
 * kind.
 */
import { ANNOTATION_KINDS, ANNOTATION_KIND_LABELS, type Annotation, type AnnotationKind, type CrossReferenceTarget } from '../../shared/annotation';
import type { DocumentRecord } from '../db/records';
import type { Author } from '../seminar/authors';
import { AuthorLayers } from '../seminar/AuthorLayers';
import { translationsAlongside } from '../seminar/translations';
import type { AnchorMap } from './anchors';
import { AnnotationCard } from './AnnotationCard';

/** Which annotations the panel lists: all, one kind, or the orphans whose words are gone. */
export type KindFilter = AnnotationKind | 'all' | 'orphaned';

interface Props {
  annotations: readonly Annotation[];
  anchors: AnchorMap;
  documents: readonly DocumentRecord[];
  openId: string | null;
  focusBodyOf: string | null;
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
  const isOrphan = (a: Annotation): boolean => props.anchors.get(a.id) === null;
  const orphans = props.annotations.filter(isOrphan);
  const counts = new Map<KindFilter, number>([
    ['all', props.annotations.length],
    ['orphaned', orphans.length],
  ]);
  for (const a of props.annotations) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  const shown =
    props.filter === 'all' ? props.annotations : props.filter === 'orphaned' ? orphans : props.annotations.filter((a) => a.kind === props.filter);

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
              aria-pressed={props.filter === kind}
              onClick={() => props.onFilter(kind)}
            >
              {kind === 'all' ? 'All' : ANNOTATION_KIND_LABELS[kind]} <span className="count">{counts.get(kind) ?? 0}</span>
            </button>
          ))}
          {(orphans.length > 0 || props.filter === 'orphaned') && (
            <button
              type="button"
              className="filter kind-orphaned"
              aria-pressed={props.filter === 'orphaned'}
              title="Annotations whose words are no longer in the text: re-attach them to new words"
              onClick={() => props.onFilter('orphaned')}
            >
              Orphaned <span className="count">{orphans.length}</span>
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
      {shown.length === 0 ? (
        <p className="empty-hint">
          {props.annotations.length === 0
            ? 'Select words in the transcription, then choose Commentary, Translation or Cross-reference.'
            : props.filter === 'orphaned'
              ? 'No orphans: every annotation is on its words.'
              : 'No annotations of this kind.'}
        </p>
      ) : (
        <ol className="annotation-list">
          {shown.map((annotation) => (
            <li key={annotation.id}>
              <AnnotationCard
                annotation={annotation}
                isOpen={annotation.id === props.openId}
                isOrphan={isOrphan(annotation)}
                onReattach={() => props.onReattach(annotation)}
                translationsBeside={annotation.kind === 'translation' ? translationsAlongside(annotation, props.allAnnotations, props.anchors).length : 0}
                onCompare={() => props.onCompare(annotation)}
                onResolveConflict={(i, keep) => props.onResolveConflict(annotation, i, keep)}
                authorColour={props.byAuthor ? props.authors.find((a) => a.id === annotation.creator.id)?.colour : undefined}
                documents={props.documents}
                focusBody={annotation.id === props.focusBodyOf}
                onOpen={() => props.onOpen(annotation)}
                onDelete={() => props.onDelete(annotation)}
                onPickPassage={() => props.onPickPassage(annotation)}
                onFollow={props.onFollow}
                onUnlink={(i) => props.onUnlink(annotation, i)}
                onHover={(hovering) => props.onHover(hovering ? annotation.id : null)}
              />
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
