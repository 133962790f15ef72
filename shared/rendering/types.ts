/**
 * The input model of the English-rendering exporters: a document's English translation as a
 * translator drafted it, segment by segment, in the order of the original's sheets and
 * paragraphs, with footnotes made from commentary.
 *
 * `renderingFromAnnotations` (from-annotations.ts) builds one from a transcription, its
 * annotations and a list of segments; the exporters (markdown.ts, html.ts, docx.ts) only read
 * it, so a caller may also build one by hand. See docs/english-rendering.md.
 */
import type { BodyDocJSON } from '../annotation';
import type { DocumentMetadata } from '../document-metadata';

/**
 * A stretch of the transcription to be translated as a unit (a sentence), as the segmenter
 * gives it. Offsets are over the transcription's plain text (anchoring/text-index.ts), end
 * exclusive; `sheetIndex` is the sheet it starts on.
 */
export interface SourceSegment {
  id: string;
  sheetIndex: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Where a segment stands:
 * - `translated`: `english` holds its translation;
 * - `joined`: a translation shown at an earlier segment covers this one too (one English
 *   sentence for two Russian ones); nothing is shown for it;
 * - `untranslated`: no translation yet; shown as the rendering's `untranslated` mode says.
 */
export type SegmentStatus = 'translated' | 'joined' | 'untranslated';

/** What an untranslated segment becomes: "[untranslated: <source>]", the source text itself, or nothing. */
export type UntranslatedMode = 'placeholder' | 'source' | 'omit';

export interface RenderedSegment {
  /**
   * The segment's id; text that no segment covered gets a made-up one,
   * `uncovered:<start>-<end>` (so nothing of the original is silently left out).
   */
  id: string;
  /** Plain-text offsets of the segment in the transcription. */
  start: number;
  end: number;
  /** The original words, as in the transcription's plain text (trimmed; "\n" for line breaks). */
  source: string;
  /** The English body (annotation body schema), or null when the segment is not translated. */
  english: BodyDocJSON | null;
  status: SegmentStatus;
  /** The translation annotation shown (for `translated` and `joined`), else null. */
  translationId: string | null;
  /** Its author's name, else null. */
  translator: string | null;
}

export interface RenderedParagraph {
  segments: RenderedSegment[];
}

export interface RenderedSheet {
  /** "Sheet 2" (from the sheet's position). */
  label: string;
  /** The number written on the sheet, when its header gives one ("8"), else "". */
  numberAsWritten: string;
  paragraphs: RenderedParagraph[];
}

export interface RenderedFootnote {
  /** The segment after whose English the footnote mark goes (a `RenderedSegment.id`). */
  afterSegmentId: string;
  /** The note's text (annotation body schema). */
  body: BodyDocJSON;
  /** Its author's name ("" when not to be shown). */
  author: string;
  /** The commentary annotation it was made from, when it was. */
  annotationId: string | null;
}

export interface EnglishRendering {
  metadata: DocumentMetadata;
  /** The translators' names for the credit line, in the order to print them. */
  translators: string[];
  /** BCP 47 code of the original's language ("ru"), for marking untranslated source text; "" if unknown. */
  sourceLanguage: string;
  /** How untranslated segments are shown. */
  untranslated: UntranslatedMode;
  sheets: RenderedSheet[];
  /** In reading order: footnote n (1-based) is `footnotes[n - 1]`. */
  footnotes: RenderedFootnote[];
}

/** Options the three exporters share. */
export interface RenderingExportOptions {
  /**
   * How sheets are marked: a centred line "— Sheet 2 —" (default), a heading "Sheet 2", or not
   * at all.
   */
  sheetMarkers?: 'line' | 'heading' | 'none';
  /** Start each sheet after the first on a new page (HTML print CSS and DOCX; Markdown has no pages). Default false. */
  pageBreakBetweenSheets?: boolean;
  /** Append "— Author" to each footnote that has an author. Default true. */
  footnoteAuthors?: boolean;
  /** State how much is translated ("Draft: 3 of 40 passages translated.") when some is not. Default true. */
  progressNote?: boolean;
}
