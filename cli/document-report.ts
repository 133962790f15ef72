/**
 * How `marginalia doc parse` presents a parsed document: as JSON for programs (every metadata
 * field, always, in a fixed order) or as a short summary for people.
 */
import { emptyMetadata, type DocumentMetadata } from '../shared/document-metadata';
import type { ParsedDocumentFile } from '../shared/importers/import-document';

/** The JSON shape printed by `doc parse --json`. */
export interface DocumentJson {
  file: string;
  format: ParsedDocumentFile['format'];
  encoding: ParsedDocumentFile['encoding'];
  metadata: DocumentMetadata;
  sheets: Array<{ label: string; numberAsWritten: string; paragraphs: string[] }>;
}

const METADATA_FIELDS = Object.keys(emptyMetadata()) as Array<keyof DocumentMetadata>;

/** The document as the JSON object `doc parse --json` prints. */
export function documentJson(file: string, parsed: ParsedDocumentFile): DocumentJson {
  const metadata = Object.fromEntries(METADATA_FIELDS.map((field) => [field, parsed.metadata[field]])) as unknown as DocumentMetadata;
  return {
    file,
    format: parsed.format,
    encoding: parsed.encoding,
    metadata,
    sheets: parsed.sheets.map(({ label, numberAsWritten, paragraphs }) => ({ label, numberAsWritten, paragraphs: [...paragraphs] })),
  };
}

/** Pretty-printed JSON, with a final newline. */
export function formatDocumentJson(file: string, parsed: ParsedDocumentFile): string {
  return `${JSON.stringify(documentJson(file, parsed), null, 2)}\n`;
}

const FORMAT_NAMES: Readonly<Record<ParsedDocumentFile['format'], string>> = {
  'wilson-center': 'Wilson Center page',
  'markdown': 'Markdown',
  'plain-text': 'plain text',
};

/** A few lines for a person: title, date, language, format and encoding, sheets and their sizes. */
export function formatDocumentSummary(file: string, parsed: ParsedDocumentFile): string {
  const m = parsed.metadata;
  const unknown = '(unknown)';
  const date = m.dateAsWritten ? (m.dateIso && m.dateIso !== m.dateAsWritten ? `${m.dateAsWritten} (${m.dateIso})` : m.dateAsWritten) : unknown;
  const language = [
    m.textLanguage ? `${m.textLanguage}${m.languageCode ? ` (${m.languageCode})` : ''}` : unknown,
    m.textKind,
    m.originalLanguage && m.textKind !== 'original' ? `original in ${m.originalLanguage}` : '',
  ].filter((part) => part !== '').join(', ');
  const lines = [
    `File:      ${file}`,
    `Format:    ${FORMAT_NAMES[parsed.format]}, ${parsed.encoding.toUpperCase()}`,
    `Title:     ${m.title}`,
    `Date:      ${date}`,
    `Language:  ${language}`,
    `Sheets:    ${parsed.sheets.length}`,
    ...parsed.sheets.map((sheet) => {
      const written = sheet.numberAsWritten ? ` (numbered "${sheet.numberAsWritten}")` : '';
      const count = sheet.paragraphs.length;
      return `  ${sheet.label}${written}: ${count} paragraph${count === 1 ? '' : 's'}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
