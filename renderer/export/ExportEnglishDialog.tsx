/**
 * Export English Translation: the document's English rendering as Word, Markdown or HTML (a
 * file saved through the bridge), as PDF in the desktop app, or printed by the browser. The
 * options: commentary as footnotes, what untranslated passages become, and whose translations
 * are used when several people translated.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { UntranslatedMode } from '../../shared/rendering/types';
import { liveAnnotations } from '../db/annotation-store';
import { Dialog } from '../ui/Dialog';
import { useWorkspace } from '../workspace';
import {
  buildEnglishRendering,
  ENGLISH_FORMAT_LABELS,
  printInBrowser,
  saveEnglishRendering,
  translatorsOf,
  type EnglishFormat,
  type EnglishExportOptions,
} from './export-english';
import '../glossary/glossary.css';

const UNTRANSLATED_LABELS: Readonly<Record<UntranslatedMode, string>> = {
  placeholder: 'marked “[untranslated: …]” with the original words',
  source: 'the original words, unmarked',
  omit: 'left out',
};

interface Status {
  kind: 'working' | 'done' | 'error';
  message: string;
}

export function ExportEnglishDialog({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const { db, bridge, notify, autosave } = useWorkspace();
  const document = useLiveQuery(() => db.documents.get(documentId), [db, documentId]);
  const annotations = useLiveQuery(() => liveAnnotations(db, documentId), [db, documentId]);
  const translators = useMemo(() => translatorsOf(annotations ?? []), [annotations]);
  const commentaries = useMemo(() => (annotations ?? []).filter((a) => a.kind === 'commentary').length, [annotations]);
  const formats: EnglishFormat[] = bridge.printToPdf ? ['docx', 'markdown', 'html', 'pdf'] : ['docx', 'markdown', 'html'];

  const [format, setFormat] = useState<EnglishFormat>('docx');
  const [footnotes, setFootnotes] = useState(true);
  const [untranslated, setUntranslated] = useState<UntranslatedMode>('placeholder');
  /** Creators left out; everybody is in by default (and people who start translating later too). */
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<Status | null>(null);

  const options = (): EnglishExportOptions => ({
    commentaryFootnotes: footnotes,
    untranslated,
    translatorIds: excluded.size === 0 ? null : new Set(translators.map((t) => t.id).filter((id) => !excluded.has(id))),
  });
  const noneChosen = translators.length > 0 && translators.every((t) => excluded.has(t.id));

  async function run(work: () => Promise<void>, failure: string): Promise<void> {
    setStatus({ kind: 'working', message: 'Building the English text…' });
    try {
      // What is being typed in an annotation is saved first, so the file has it.
      await Promise.all((await liveAnnotations(db, documentId)).map((a) => autosave.flush(a.id)));
      await work();
    } catch (error) {
      setStatus({ kind: 'error', message: `${failure}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  function exportFile(): void {
    void run(async () => {
      const rendering = await buildEnglishRendering(db, documentId, options());
      setStatus({ kind: 'working', message: format === 'pdf' ? 'Printing to PDF…' : `Writing the ${ENGLISH_FORMAT_LABELS[format]} file…` });
      const result = await saveEnglishRendering(bridge, rendering, format);
      if (result.saved) {
        const message = `English translation exported as ${ENGLISH_FORMAT_LABELS[format]} to ${result.where}.`;
        setStatus({ kind: 'done', message });
        notify(message);
      } else setStatus(result.reason ? { kind: 'error', message: result.reason } : null);
    }, 'The English translation could not be exported');
  }

  function print(): void {
    void run(async () => {
      const rendering = await buildEnglishRendering(db, documentId, options());
      await printInBrowser(rendering);
      setStatus({ kind: 'done', message: 'Sent to the browser’s print dialog (choose “Save as PDF” there for a PDF file).' });
    }, 'The English translation could not be printed');
  }

  const working = status?.kind === 'working';
  return (
    <Dialog title="Export English translation" onClose={onClose}>
      <div className="export-english">
        <p className="hint">
          {document ? `“${document.title}”` : 'The document'}: a header with its metadata and citation, the English text sheet by sheet,
          and the translator credit.
        </p>
        <fieldset>
          <legend>Format</legend>
          {formats.map((f) => (
            <label key={f} className="inline">
              <input type="radio" name="english-format" value={f} checked={format === f} onChange={() => setFormat(f)} /> {ENGLISH_FORMAT_LABELS[f]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Options</legend>
          <label>
            <input type="checkbox" checked={footnotes} onChange={(e) => setFootnotes(e.target.checked)} /> Commentary as footnotes
            <span className="hint"> ({commentaries === 1 ? '1 commentary' : `${commentaries} commentaries`})</span>
          </label>
          <label>
            Untranslated passages:{' '}
            <select aria-label="Untranslated passages" value={untranslated} onChange={(e) => setUntranslated(e.target.value as UntranslatedMode)}>
              {(Object.keys(UNTRANSLATED_LABELS) as UntranslatedMode[]).map((mode) => (
                <option key={mode} value={mode}>
                  {UNTRANSLATED_LABELS[mode]}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>Translations by</legend>
          {translators.length === 0 && <p className="hint">Nobody has translated any of this document yet: every passage will be untranslated.</p>}
          {translators.length === 1 && (
            <p>
              {translators[0]!.name} <span className="hint">({translators[0]!.translations} translations)</span>
            </p>
          )}
          {translators.length > 1 &&
            translators.map((t) => (
              <label key={t.id}>
                <input
                  type="checkbox"
                  checked={!excluded.has(t.id)}
                  onChange={(e) =>
                    setExcluded((before) => {
                      const next = new Set(before);
                      if (e.target.checked) next.delete(t.id);
                      else next.add(t.id);
                      return next;
                    })
                  }
                />{' '}
                {t.name} <span className="hint">({t.translations === 1 ? '1 translation' : `${t.translations} translations`})</span>
              </label>
            ))}
          {translators.length > 1 && (
            <p className="hint">Where two translate the same passage, one marked final or reviewed is used, else the latest. All who are used are credited.</p>
          )}
        </fieldset>
        {status && (
          <p className={`export-english-status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
            {status.message}
          </p>
        )}
        <div className="export-english-actions">
          <button type="button" className="primary" disabled={working || noneChosen || !document} onClick={exportFile}>
            {format === 'pdf' ? 'Print to PDF…' : 'Export…'}
          </button>
          {!bridge.printToPdf && (
            <button type="button" disabled={working || noneChosen || !document} onClick={print} title="Print with the browser, which can also save a PDF">
              Print…
            </button>
          )}
          {noneChosen && <span className="hint">Choose at least one translator.</span>}
        </div>
      </div>
    </Dialog>
  );
}
