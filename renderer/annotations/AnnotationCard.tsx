/**
 * One annotation in the panel: its kind, the words it is on, who wrote it, and — when it is
 * the open one — its editable body and, for a cross-reference, where it points.
 *
 * Memoised: the panel hands every card the same callbacks, which take the annotation (or its
 * id), so opening, hovering or saving one card re-renders that card only.
 */
import { memo, useEffect, useState } from 'react';
import { ANNOTATION_KIND_LABELS, isTextTarget, type Annotation, type CrossReferenceTarget } from '../../shared/annotation';
import { bodyPlainText } from '../../shared/annotation-body-schema';
import { BODY_LANGUAGES } from '../../shared/importers/languages';
import { saveBodyLanguage, saveCrossReference } from '../db/annotation-store';
import type { DocumentRecord } from '../db/records';
import { SaveProblem } from '../storage/SaveProblem';
import { saveBodyCopy } from '../storage/save-copy';
import { useUnsavedWork } from '../storage/unsaved-work';
import { useWorkspace } from '../workspace';
import { workKey, type SaveState } from './body-autosave';
import { BodyEditor } from './BodyEditor';
import { BodyView } from './BodyView';
import { CrossReferenceEditor } from './CrossReferenceEditor';

interface Props {
  annotation: Annotation;
  isOpen: boolean;
  isOrphan: boolean;
  /** Starts choosing new words for an orphan. */
  onReattach: (annotation: Annotation) => void;
  /** How many translations (this one included) are on the same words. */
  translationsBeside: number;
  onCompare: (annotation: Annotation) => void;
  onResolveConflict: (annotation: Annotation, versionIndex: number, keep: 'mine' | 'theirs') => void;
  /** The author's layer colour, in the seminar view. */
  authorColour: string | undefined;
  documents: readonly DocumentRecord[];
  focusBody: boolean;
  onOpen: (annotation: Annotation) => void;
  onDelete: (annotation: Annotation) => void;
  onPickPassage: (annotation: Annotation) => void;
  onFollow: (crossref: CrossReferenceTarget) => void;
  /** Removes one of the passages linked to the annotation. */
  onUnlink: (annotation: Annotation, index: number) => void;
  /** The pointer is over the card (its id) or left it (null): its region and linked words light up. */
  onHover: (annotationId: string | null) => void;
}

/** What an annotation is on, in words: the quoted text, or the region and its sheet. */
export function targetLabel(annotation: Annotation): string {
  const target = annotation.target;
  return isTextTarget(target) ? target.quote.exact : `Region on Sheet ${target.sheetIndex + 1}`;
}

const SAVE_STATE_TEXT: Record<SaveState, string> = {
  saved: 'Saved',
  pending: 'Editing…',
  saving: 'Saving…',
  error: 'Not saved — kept as a draft',
};

export const AnnotationCard = memo(function AnnotationCard(props: Props) {
  const { annotation, isOpen } = props;
  const { db, autosave, bridge } = useWorkspace();
  const [saveState, setSaveState] = useState<SaveState>(() => autosave.stateOf(annotation.id));
  /** The body the library refused to save, with the reason; it stays until a save works. */
  const problem = useUnsavedWork().find((w) => w.key === workKey(annotation.id));

  useEffect(
    () => autosave.onStateChange((id, state) => id === annotation.id && setSaveState(state)),
    [autosave, annotation.id],
  );

  const kindLabel = ANNOTATION_KIND_LABELS[annotation.kind];
  const preview = bodyPlainText(annotation.body.doc);
  const languageName = BODY_LANGUAGES.find((l) => l.code === annotation.body.language)?.name ?? annotation.body.language;

  return (
    <article
      className={`annotation-card kind-${annotation.kind}${isOpen ? ' open' : ''}${props.authorColour ? ' by-author' : ''}`}
      style={props.authorColour ? { ['--author' as string]: props.authorColour } : undefined}
      data-annotation-id={annotation.id}
      aria-label={`${kindLabel} on “${targetLabel(annotation)}”`}
      aria-current={isOpen ? 'true' : undefined}
      onMouseEnter={() => props.onHover(annotation.id)}
      onMouseLeave={() => props.onHover(null)}
    >
      <button type="button" className="card-head" onClick={() => props.onOpen(annotation)} aria-expanded={isOpen}>
        <span className={`kind-badge kind-${annotation.kind}`}>{kindLabel}</span>
        {annotation.kind === 'translation' && <span className="lang-badge">{languageName}</span>}
        {isTextTarget(annotation.target) ? (
          <q className="card-quote">{annotation.target.quote.exact}</q>
        ) : (
          <span className="card-quote region-label">▭ {targetLabel(annotation)}</span>
        )}
        {props.isOrphan && <span className="orphan-badge">Words not found in the text</span>}
        {annotation.conflicts?.length ? (
          <span className="conflict-badge">{annotation.conflicts.length + 1} versions to choose from</span>
        ) : null}
        {props.authorColour && <span className="card-author">{annotation.creator.name}</span>}
        {problem && <span className="unsaved-badge">Not saved</span>}
        {!isOpen && preview && <span className="card-preview">{preview}</span>}
        {!isOpen && annotation.crossref && <span className="card-preview crossref-preview">→ {crossrefSummary(annotation.crossref, props.documents)}</span>}
      </button>
      {props.isOrphan && isTextTarget(annotation.target) && (
        <div className="orphan-actions">
          <button type="button" onClick={() => props.onReattach(annotation)} title="Select the words this annotation belongs to now">
            Re-attach to new words…
          </button>
        </div>
      )}
      {isOpen && (
        <div className="card-body">
          {annotation.kind === 'translation' && (
            <label className="inline-field">
              Translation into
              <select
                value={annotation.body.language}
                onChange={(e) => {
                  const language = e.target.value;
                  // Typing still waiting to be saved goes first, so the language change cannot undo it.
                  void autosave.flush(annotation.id).then(() => saveBodyLanguage(db, annotation.id, language));
                }}
              >
                {BODY_LANGUAGES.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <BodyEditor
            // A conflict settled in favour of the other version brings in other words: start again from them.
            key={annotation.conflicts?.length ?? 0}
            // Reopened while its text is still unsaved: the unsaved text, not the stored one.
            initial={autosave.unsavedBody(annotation.id)?.doc ?? annotation.body.doc}
            lang={annotation.body.language}
            label={`${kindLabel} text`}
            autoFocus={props.focusBody}
            onChange={(doc) => autosave.change(annotation.id, { doc, language: annotation.body.language })}
            onBlur={() => void autosave.flush(annotation.id)}
          />
          {problem && (
            <SaveProblem
              message={problem.message}
              kept="What you typed is kept here and in this window’s draft journal, and Marginalia keeps trying to save it."
              onSaveCopy={() => saveBodyCopy(bridge, annotation, autosave.unsavedBody(annotation.id) ?? annotation.body)}
              onRetry={() => autosave.retry(annotation.id)}
            />
          )}
          {annotation.conflicts?.length ? (
            <section className="conflicts" aria-label="Conflicting versions">
              <h3>Edited in two places</h3>
              <p className="hint">This annotation was changed here and, separately, elsewhere. Both are kept until you choose.</p>
              {annotation.conflicts.map((version, i) => (
                <div key={i} className="conflict-version">
                  <p className="card-meta">
                    {version.source} — {version.annotation.creator.name}, {new Date(version.annotation.modified).toLocaleString()}
                    {version.annotation.deleted ? ' (deleted there)' : ''}
                  </p>
                  {!version.annotation.deleted && <BodyView doc={version.annotation.body.doc} lang={version.annotation.body.language} />}
                  <div className="conflict-actions">
                    <button type="button" onClick={() => props.onResolveConflict(annotation, i, 'theirs')}>
                      {version.annotation.deleted ? 'Delete it, as they did' : 'Use this version'}
                    </button>
                    <button type="button" onClick={() => props.onResolveConflict(annotation, i, 'mine')}>
                      Keep the version here
                    </button>
                  </div>
                </div>
              ))}
            </section>
          ) : null}
          {annotation.kind === 'translation' && props.translationsBeside > 1 && (
            <button type="button" className="compare-button" onClick={() => props.onCompare(annotation)}>
              Compare {props.translationsBeside} translations of these words
            </button>
          )}
          {!isTextTarget(annotation.target) && (
            <div className="region-links">
              <h3>Linked words</h3>
              {annotation.links.length === 0 ? (
                <p className="hint">Select the words that transcribe this region, then choose “Link to region”.</p>
              ) : (
                <ul>
                  {annotation.links.map((link, i) => (
                    <li key={i}>
                      <q>{link.quote.exact}</q>
                      <button type="button" aria-label={`Unlink “${link.quote.exact}”`} onClick={() => props.onUnlink(annotation, i)}>
                        Unlink
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {annotation.kind === 'crossref' && (
            <CrossReferenceEditor
              annotation={annotation}
              documents={props.documents}
              onSave={(crossref) => void saveCrossReference(db, annotation.id, crossref)}
              onPickPassage={() => props.onPickPassage(annotation)}
              onFollow={props.onFollow}
            />
          )}
          <footer className="card-foot">
            <span className="card-meta">
              {annotation.creator.name} · {new Date(annotation.modified).toLocaleString()}
            </span>
            <span className="save-state" aria-live="polite">
              {SAVE_STATE_TEXT[saveState]}
            </span>
            <button type="button" className="danger" onClick={() => props.onDelete(annotation)}>
              Delete
            </button>
          </footer>
        </div>
      )}
    </article>
  );
});

function crossrefSummary(crossref: CrossReferenceTarget, documents: readonly DocumentRecord[]): string {
  switch (crossref.type) {
    case 'passage':
      return `“${crossref.target.quote.exact}”`;
    case 'document':
      return documents.find((d) => d.id === crossref.documentId)?.title ?? 'a document';
    case 'external':
      return crossref.citation || crossref.url;
  }
}
