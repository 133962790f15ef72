/**
 * The descriptive metadata of an archival document, as a historian cites it.
 *
 * Every field is optional text except the title: archives publish very uneven records, and a
 * field we could not find stays empty rather than invented.
 */
export interface DocumentMetadata {
  title: string;
  /** The date as an ISO 8601 calendar date (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known). */
  dateIso: string;
  /** The date exactly as the source writes it, e.g. "July 20, 1951". */
  dateAsWritten: string;
  citation: string;
  sourceUrl: string;
  /** Fonds, file or record reference in the holding archive. */
  archiveReference: string;
  summary: string;
  credits: string;
  /** The language of the original document, in English, as the source names it ("Russian"). */
  originalLanguage: string;
  /** BCP 47 code of the transcription's language when it can be told ("ru"). */
  languageCode: string;
  /** The source's own record identifier, when it has one. */
  recordId: string;
}

export function emptyMetadata(title = 'Untitled document'): DocumentMetadata {
  return {
    title,
    dateIso: '',
    dateAsWritten: '',
    citation: '',
    sourceUrl: '',
    archiveReference: '',
    summary: '',
    credits: '',
    originalLanguage: '',
    languageCode: '',
    recordId: '',
  };
}

/** One sheet (physical leaf) of a transcription: its label and its paragraphs of text. */
export interface SheetText {
  /** How the UI names the sheet: "Sheet 3". Derived from its position, never from OCR'd numbers. */
  label: string;
  /** The sheet number as written on the page, when a header gives one (may be garbled: "8"). */
  numberAsWritten: string;
  /** Paragraphs in reading order; a paragraph may contain "\n" for line breaks within it. */
  paragraphs: string[];
}

/** A document as an importer produces it: metadata and its transcription split into sheets. */
export interface ParsedDocument {
  metadata: DocumentMetadata;
  sheets: SheetText[];
}
