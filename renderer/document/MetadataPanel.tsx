/** The document's catalogue record, as a historian would cite it; editable in place. */
import { useState } from 'react';
import type { DocumentMetadata } from '../../shared/document-metadata';
import type { DocumentRecord } from '../db/records';
import { MetadataForm } from './MetadataForm';

interface Props {
  document: DocumentRecord;
  onOpenLink: (url: string) => void;
  onSave: (changes: Partial<DocumentMetadata>) => Promise<void>;
}

const TEXT_KIND: Record<DocumentMetadata['textKind'], string> = {
  '': '',
  original: 'transcription of the original',
  translation: 'translation',
};

export function MetadataPanel({ document: d, onOpenLink, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <section className="metadata-panel" aria-label="Document metadata">
        <MetadataForm
          document={d}
          onCancel={() => setEditing(false)}
          onSave={(changes) => void onSave(changes).then(() => setEditing(false))}
        />
      </section>
    );
  }
  const language = [d.textLanguage && d.textLanguage !== d.originalLanguage ? `${d.textLanguage}` : '', TEXT_KIND[d.textKind]]
    .filter(Boolean)
    .join(', ');
  const rows: Array<[string, React.ReactNode]> = [
    ['Date', d.dateIso ? `${d.dateAsWritten || d.dateIso} (${d.dateIso})` : d.dateAsWritten],
    ['Citation', d.citation],
    [
      'Source',
      d.sourceUrl && (
        <a
          href={d.sourceUrl}
          onClick={(e) => {
            e.preventDefault();
            onOpenLink(d.sourceUrl);
          }}
        >
          {d.sourceUrl}
        </a>
      ),
    ],
    ['Archive', d.archiveReference],
    ['Record', d.recordId],
    ['Author(s)', d.authors],
    ['Summary', d.summary],
    ['Original language', d.originalLanguage],
    ['Text', language],
    ['Type', d.documentType],
    ['People & places', d.associatedPeopleAndPlaces],
    ['Topics', d.associatedTopics],
    ['Rights', d.rights],
    ['Uploaded', d.originalUploadedDate],
    ['Credits', d.credits],
  ];
  return (
    <section className="metadata-panel" aria-label="Document metadata">
      <button type="button" className="edit-metadata" onClick={() => setEditing(true)}>
        Edit metadata
      </button>
      <dl>
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="metadata-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
