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
  /**
   * The language of the text in the app, named in English: the original language for a
   * transcription, the target language when the source publishes a translation ("English").
   */
  textLanguage: string;
  /** BCP 47 code of the text's language when it can be told ("ru"). */
  languageCode: string;
  /** Whether the text is a transcription of the original or a translation of it ('' = unknown). */
  textKind: '' | 'original' | 'translation';
  /** The source's own record identifier, when it has one. */
  recordId: string;
  /** Author(s), one per line. */
  authors: string;
  /** People and places the source associates with the document, one per line. */
  associatedPeopleAndPlaces: string;
  /** Topics the source associates with the document, one per line. */
  associatedTopics: string;
  /** Rights statement. */
  rights: string;
  /** The kind of document as the source names it ("Telegram", "Memorandum"). */
  documentType: string;
  /** When the source first published the original, as written. */
  originalUploadedDate: string;
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
    textLanguage: '',
    languageCode: '',
    textKind: '',
    recordId: '',
    authors: '',
    associatedPeopleAndPlaces: '',
    associatedTopics: '',
    rights: '',
    documentType: '',
    originalUploadedDate: '',
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
