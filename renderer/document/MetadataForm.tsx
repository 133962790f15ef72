/**
 * Editing a document's catalogue record. Every field of the metadata can be changed; the ISO
 * date is checked, and is offered from the date as written when that can be read.
 */
import { useState } from 'react';
import type { DocumentMetadata } from '../../shared/document-metadata';
import { parseWrittenDate } from '../../shared/importers/dates';
import { languageCodeFor } from '../../shared/importers/languages';
import type { DocumentRecord } from '../db/records';

interface Field {
  key: Exclude<keyof DocumentMetadata, 'textKind'>;
  label: string;
  multiline?: boolean;
  hint?: string;
}

const FIELDS: readonly Field[] = [
  { key: 'title', label: 'Title' },
  { key: 'dateAsWritten', label: 'Date as written' },
  { key: 'dateIso', label: 'Date (ISO)', hint: 'YYYY-MM-DD, YYYY-MM or YYYY' },
  { key: 'citation', label: 'Citation', multiline: true },
  { key: 'sourceUrl', label: 'Source URL' },
  { key: 'archiveReference', label: 'Archive / source', multiline: true },
  { key: 'recordId', label: 'Record ID' },
  { key: 'summary', label: 'Summary', multiline: true },
  { key: 'authors', label: 'Author(s)', multiline: true, hint: 'one per line' },
  { key: 'associatedPeopleAndPlaces', label: 'Associated people & places', multiline: true, hint: 'one per line' },
  { key: 'associatedTopics', label: 'Associated topics', multiline: true, hint: 'one per line' },
  { key: 'originalLanguage', label: 'Original language' },
  { key: 'textLanguage', label: 'Language of the text' },
  { key: 'languageCode', label: 'Language code', hint: 'BCP 47, e.g. ru, zh, en' },
  { key: 'documentType', label: 'Type' },
  { key: 'rights', label: 'Rights', multiline: true },
  { key: 'originalUploadedDate', label: 'Original uploaded date' },
  { key: 'credits', label: 'Credits', multiline: true },
];

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Why an ISO date is not acceptable, or '' when it is (empty is acceptable). */
export function isoDateProblem(value: string): string {
  if (value === '') return '';
  if (!ISO_DATE.test(value)) return 'Write the date as YYYY-MM-DD, YYYY-MM or YYYY.';
  if (value.length === 10 && parseWrittenDate(value) === '') return 'There is no such day.';
  return '';
}

interface Props {
  document: DocumentRecord;
  onSave: (changes: Partial<DocumentMetadata>) => void;
  onCancel: () => void;
}

export function MetadataForm({ document, onSave, onCancel }: Props) {
  const [values, setValues] = useState<DocumentMetadata>(() => ({ ...document }));
  const [isoTouched, setIsoTouched] = useState(false);
  const dateProblem = isoDateProblem(values.dateIso.trim());
  const titleProblem = values.title.trim() === '' ? 'A document needs a title.' : '';

  function set(key: Field['key'], value: string): void {
    setValues((v) => {
      const next = { ...v, [key]: value };
      // Offer the ISO date read from the written one, until the user writes it themselves.
      if (key === 'dateAsWritten' && !isoTouched) next.dateIso = parseWrittenDate(value) || v.dateIso;
      if (key === 'dateIso') setIsoTouched(true);
      if (key === 'textLanguage' && languageCodeFor(value)) next.languageCode = languageCodeFor(value);
      return next;
    });
  }

  function submit(): void {
    if (dateProblem || titleProblem) return;
    const changes: Partial<DocumentMetadata> = {};
    for (const { key } of FIELDS) {
      const value = values[key].trim();
      if (value !== document[key]) changes[key] = value;
    }
    if (values.textKind !== document.textKind) changes.textKind = values.textKind;
    onSave(changes);
  }

  return (
    <form
      className="metadata-form"
      aria-label="Edit document metadata"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
      }}
    >
      <div className="metadata-fields">
        {FIELDS.map((field) => {
          const problem = field.key === 'dateIso' ? dateProblem : field.key === 'title' ? titleProblem : '';
          const common = {
            id: `meta-${field.key}`,
            value: values[field.key],
            'aria-invalid': problem !== '',
            onChange: (e: { target: { value: string } }) => set(field.key, e.target.value),
          };
          return (
            <div key={field.key} className="metadata-field">
              <label htmlFor={`meta-${field.key}`}>
                {field.label}
                {field.hint && <span className="hint"> ({field.hint})</span>}
              </label>
              {field.multiline ? <textarea rows={2} {...common} /> : <input {...common} />}
              {problem && (
                <p className="field-error" role="alert">
                  {problem}
                </p>
              )}
            </div>
          );
        })}
        <div className="metadata-field">
          <label htmlFor="meta-textKind">The text is</label>
          <select
            id="meta-textKind"
            value={values.textKind}
            onChange={(e) => setValues((v) => ({ ...v, textKind: e.target.value as DocumentMetadata['textKind'] }))}
          >
            <option value="">not stated</option>
            <option value="original">a transcription of the original</option>
            <option value="translation">a translation</option>
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!!dateProblem || !!titleProblem}>
          Save metadata
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
