/**
 * Where a cross-reference points: a passage (in this or another document), a whole document,
 * or an external source (a citation with an optional web address).
 */
import { useEffect, useRef, useState } from 'react';
import type { Annotation, CrossReferenceTarget } from '../../shared/annotation';
import { checkExternalUrl } from '../../shared/bridge';
import type { DocumentRecord } from '../db/records';

type TargetType = CrossReferenceTarget['type'];

interface Props {
  annotation: Annotation;
  documents: readonly DocumentRecord[];
  onSave: (crossref: CrossReferenceTarget | null) => void;
  onPickPassage: () => void;
  onFollow: (crossref: CrossReferenceTarget) => void;
}

const EXTERNAL_SAVE_DELAY_MS = 600;

export function CrossReferenceEditor({ annotation, documents, onSave, onPickPassage, onFollow }: Props) {
  const crossref = annotation.crossref;
  const [type, setType] = useState<TargetType>(crossref?.type ?? 'external');
  const [citation, setCitation] = useState(crossref?.type === 'external' ? crossref.citation : '');
  const [url, setUrl] = useState(crossref?.type === 'external' ? crossref.url : '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingExternal = useRef<CrossReferenceTarget | null>(null);

  const urlProblem = url.trim() === '' ? '' : (() => {
    const check = checkExternalUrl(url);
    return check.opened ? '' : check.reason;
  })();

  function saveExternalSoon(nextCitation: string, nextUrl: string): void {
    if (timer.current) clearTimeout(timer.current);
    const urlOk = nextUrl.trim() === '' || checkExternalUrl(nextUrl).opened;
    if (!urlOk) return;
    pendingExternal.current = { type: 'external', citation: nextCitation.trim(), url: nextUrl.trim() };
    timer.current = setTimeout(flushExternal, EXTERNAL_SAVE_DELAY_MS);
  }

  function flushExternal(): void {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const pending = pendingExternal.current;
    pendingExternal.current = null;
    if (pending) onSave(pending);
  }

  // Leaving the card saves what was typed.
  useEffect(() => () => flushExternal(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const targetDocument = (id: string) => documents.find((d) => d.id === id);

  return (
    <fieldset className="crossref-editor">
      <legend>Points to</legend>
      <div className="crossref-types" role="radiogroup" aria-label="Cross-reference points to">
        {(
          [
            ['passage', 'A passage'],
            ['document', 'A document'],
            ['external', 'An external source'],
          ] as const
        ).map(([value, text]) => (
          <label key={value}>
            <input type="radio" name={`crossref-type-${annotation.id}`} checked={type === value} onChange={() => setType(value)} />
            {text}
          </label>
        ))}
      </div>

      {type === 'passage' && (
        <div className="crossref-passage">
          {crossref?.type === 'passage' ? (
            <p className="crossref-summary">
              “{crossref.target.quote.exact}” in <em>{targetDocument(crossref.target.documentId)?.title ?? 'a document no longer in the library'}</em>
            </p>
          ) : (
            <p className="hint">No passage chosen yet.</p>
          )}
          <button type="button" onClick={onPickPassage}>
            {crossref?.type === 'passage' ? 'Choose another passage…' : 'Choose passage…'}
          </button>
          {crossref?.type === 'passage' && (
            <button type="button" onClick={() => onFollow(crossref)}>
              Go to passage
            </button>
          )}
        </div>
      )}

      {type === 'document' && (
        <div className="crossref-document">
          <label>
            Document
            <select
              value={crossref?.type === 'document' ? crossref.documentId : ''}
              onChange={(e) => onSave(e.target.value ? { type: 'document', documentId: e.target.value } : null)}
            >
              <option value="">Choose a document…</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
          {crossref?.type === 'document' && (
            <button type="button" onClick={() => onFollow(crossref)}>
              Open document
            </button>
          )}
        </div>
      )}

      {type === 'external' && (
        <div className="crossref-external">
          <label>
            Citation
            <textarea
              rows={3}
              value={citation}
              placeholder="e.g. Foreign Relations of the United States, 1951, vol. VII, Korea and China, Part 1"
              onChange={(e) => {
                setCitation(e.target.value);
                saveExternalSoon(e.target.value, url);
              }}
              onBlur={flushExternal}
            />
          </label>
          <label>
            Web address (optional)
            <input
              type="url"
              value={url}
              placeholder="https://…"
              aria-invalid={urlProblem !== ''}
              onChange={(e) => {
                setUrl(e.target.value);
                saveExternalSoon(citation, e.target.value);
              }}
              onBlur={flushExternal}
            />
          </label>
          {urlProblem && <p className="field-error" role="alert">{urlProblem}</p>}
          {crossref?.type === 'external' && crossref.url && (
            <button type="button" onClick={() => onFollow(crossref)}>
              Open link in browser
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
