/**
 * File › Export Annotation Pack: which documents, whose annotations and of which kinds, with or
 * without scans — as a pack for another Marginalia, or the annotations alone as W3C JSON-LD for
 * other tools. A progress bar while a large pack is written.
 */
import { useState } from 'react';
import { ANNOTATION_KINDS, ANNOTATION_KIND_LABELS, type AnnotationKind } from '../../shared/annotation';
import type { DocumentRecord } from '../db/records';
import type { Author } from '../seminar/authors';
import { Dialog } from '../ui/Dialog';

export interface ExportChoice {
  documentIds: string[];
  includeScans: boolean;
  /** Whose annotations; null for everybody's. */
  authorIds: string[] | null;
  /** Which kinds; null for all. */
  kinds: AnnotationKind[] | null;
  format: 'pack' | 'jsonld';
}

interface Props {
  documents: readonly DocumentRecord[];
  /** The document open now: chosen at first. */
  openId: string | null;
  authors: readonly Author[];
  progress: { done: number; total: number } | null;
  onExport: (choice: ExportChoice) => void;
  onClose: () => void;
}

export function ExportPackDialog(props: Props) {
  const [documentIds, setDocumentIds] = useState<ReadonlySet<string>>(
    new Set(props.openId ? [props.openId] : props.documents.map((d) => d.id)),
  );
  const [authorIds, setAuthorIds] = useState<ReadonlySet<string>>(new Set(props.authors.map((a) => a.id)));
  const [kinds, setKinds] = useState<ReadonlySet<AnnotationKind>>(new Set(ANNOTATION_KINDS));
  const [includeScans, setIncludeScans] = useState(false);
  const [format, setFormat] = useState<'pack' | 'jsonld'>('pack');
  const toggle = <T,>(set: ReadonlySet<T>, value: T): Set<T> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  const busy = props.progress !== null;

  return (
    <Dialog title="Export annotation pack" onClose={props.onClose}>
      <form
        className="export-form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onExport({
            documentIds: props.documents.filter((d) => documentIds.has(d.id)).map((d) => d.id),
            includeScans: format === 'pack' && includeScans,
            authorIds: authorIds.size === props.authors.length ? null : [...authorIds],
            kinds: kinds.size === ANNOTATION_KINDS.length ? null : [...kinds],
            format,
          });
        }}
      >
        <fieldset>
          <legend>Documents</legend>
          <div className="choice-actions">
            <button type="button" className="link-button" onClick={() => setDocumentIds(new Set(props.documents.map((d) => d.id)))}>
              Whole library
            </button>
            <button type="button" className="link-button" onClick={() => setDocumentIds(new Set())}>
              None
            </button>
          </div>
          {props.documents.map((d) => (
            <label key={d.id} className="choice">
              <input type="checkbox" checked={documentIds.has(d.id)} onChange={() => setDocumentIds(toggle(documentIds, d.id))} /> {d.title}
            </label>
          ))}
        </fieldset>
        {props.authors.length > 0 && (
          <fieldset>
            <legend>Annotations by</legend>
            {props.authors.map((a) => (
              <label key={a.id} className="choice">
                <input type="checkbox" checked={authorIds.has(a.id)} onChange={() => setAuthorIds(toggle(authorIds, a.id))} /> {a.name}{' '}
                <span className="count">{a.count}</span>
              </label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>Kinds</legend>
          {ANNOTATION_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="checkbox" checked={kinds.has(k)} onChange={() => setKinds(toggle(kinds, k))} /> {ANNOTATION_KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Format</legend>
          <label className="choice">
            <input type="radio" name="format" checked={format === 'pack'} onChange={() => setFormat('pack')} /> Annotation pack (.mpack): documents,
            transcriptions and annotations, for another Marginalia
          </label>
          <label className="choice indented">
            <input type="checkbox" disabled={format !== 'pack'} checked={includeScans} onChange={(e) => setIncludeScans(e.target.checked)} /> Include the
            scans (a larger file)
          </label>
          <label className="choice">
            <input type="radio" name="format" checked={format === 'jsonld'} onChange={() => setFormat('jsonld')} /> Annotations only, as W3C Web
            Annotations (JSON-LD), for other tools
          </label>
        </fieldset>
        {props.progress && (
          <progress
            aria-label="Writing the pack"
            max={Math.max(1, props.progress.total)}
            value={props.progress.done}
          />
        )}
        <button type="submit" className="primary" disabled={busy || documentIds.size === 0}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </form>
    </Dialog>
  );
}
