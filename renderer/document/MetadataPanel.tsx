/** The document's catalogue record, as a historian would cite it. */
import type { DocumentRecord } from '../db/records';

interface Props {
  document: DocumentRecord;
  onOpenLink: (url: string) => void;
}

export function MetadataPanel({ document: d, onOpenLink }: Props) {
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
    ['Summary', d.summary],
    ['Original language', d.originalLanguage],
    ['Credits', d.credits],
  ];
  return (
    <section className="metadata-panel" aria-label="Document metadata">
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
