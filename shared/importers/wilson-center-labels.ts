/**
 * The vocabulary of a Wilson Center Digital Archive text page: the labels that head its
 * sections ("Citation:", "Original Language:", the "Document Information" block…), what each
 * section holds, and the link labels printed above the text ("Original Scan", "English
 * Translation", "Transcript - Chinese") that tell whether the text is the original or a
 * translation, and in which language.
 *
 * Pages reach us copied from a browser, saved by hand or OCR'd, so a label is recognised in
 * any letter case, with or without its colon when it stands alone on its line, or with its
 * value after the colon on the same line.
 */
import { isLanguageName } from './languages';

/** The metadata a labelled section fills ('declaredLanguage' is the Document Information block's "Language"). */
export type LabelledField =
  | 'citation'
  | 'summary'
  | 'credits'
  | 'originalLanguage'
  | 'declaredLanguage'
  | 'archiveReference'
  | 'rights'
  | 'originalUploadedDate'
  | 'documentType'
  | 'recordId'
  | 'authors'
  | 'associatedPeopleAndPlaces'
  | 'associatedTopics';

/**
 * How much text a section's value takes, which decides where a field ends and unclassified
 * text begins: a `line` ("Russian"), `prose` (paragraphs), a `list` (one item per line), or a
 * `citation` (its text, then the page's URL on a line of its own).
 */
export type ValueShape = 'line' | 'prose' | 'list' | 'citation';

/** A label we know, and what the section it heads is. */
export type KnownLabel =
  | { kind: 'field'; field: LabelledField; shape: ValueShape; startsTrailingBlock: boolean }
  /** "Contents": everything after it is the document's text. */
  | { kind: 'contents' }
  /** "Document Information": a heading over other labels, with no value of its own. */
  | { kind: 'block-heading'; startsTrailingBlock: true };

function field(field: LabelledField, shape: ValueShape, startsTrailingBlock = false): KnownLabel {
  return { kind: 'field', field, shape, startsTrailingBlock };
}

/**
 * Labels by their normal form (lower case, "&" as "and", "(s)" dropped). Those marked as
 * starting a trailing block are distinctive enough to be recognised after the text too: the
 * site prints "Document Information" and the associated people and topics below the text, and
 * a transcription does not contain these words as a line of their own.
 */
const KNOWN_LABELS: Readonly<Record<string, KnownLabel>> = {
  'citation': field('citation', 'citation'),
  'summary': field('summary', 'prose'),
  'credits': field('credits', 'prose'),
  'original language': field('originalLanguage', 'line'),
  'contents': { kind: 'contents' },
  'content': { kind: 'contents' },
  'document information': { kind: 'block-heading', startsTrailingBlock: true },
  'source': field('archiveReference', 'prose'),
  'original archive': field('archiveReference', 'prose'),
  'rights': field('rights', 'prose'),
  'original uploaded date': field('originalUploadedDate', 'line', true),
  'type': field('documentType', 'line'),
  'document type': field('documentType', 'line'),
  'language': field('declaredLanguage', 'line'),
  'languages': field('declaredLanguage', 'line'),
  'record id': field('recordId', 'line', true),
  'author': field('authors', 'list'),
  'authors': field('authors', 'list'),
  'associated people and places': field('associatedPeopleAndPlaces', 'list', true),
  'associated topics': field('associatedTopics', 'list', true),
};

/** A line read as a label: the label (undefined for a label we do not know) and any value after its colon. */
export interface LabelLine {
  label: KnownLabel | undefined;
  value: string;
}

const LABEL_WITH_COLON = /^([^:：]{1,60}?)\s*[:：]\s*(.*)$/u;
/**
 * A line that heads a section we do not know ("Notes:", "Translator's Note:"): short, starting
 * with a letter, ending with a colon, no sentence punctuation. Its text is kept in the
 * transcription; recognising it only stops the section before it from claiming that text.
 */
const UNKNOWN_LABEL = /^\p{L}[^.,;!?:：]{0,38}[:：]$/u;
const MAX_UNKNOWN_LABEL_WORDS = 4;

function normalLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(s\)/g, '')
    .replace(/&/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The known label a line consists of (with or without colon, value on the same line or not). */
export function readKnownLabel(line: string): LabelLine | undefined {
  const trimmed = line.trim();
  const alone = KNOWN_LABELS[normalLabel(trimmed)];
  if (alone) return { label: alone, value: '' };
  const m = LABEL_WITH_COLON.exec(trimmed);
  const label = m ? KNOWN_LABELS[normalLabel(m[1]!)] : undefined;
  return label ? { label, value: m![2]!.trim() } : undefined;
}

/** A known label, or else a line that looks like the label of a section we do not know. */
export function readAnyLabel(line: string): LabelLine | undefined {
  const known = readKnownLabel(line);
  if (known) return known;
  const trimmed = line.trim();
  if (UNKNOWN_LABEL.test(trimmed) && trimmed.split(/\s+/).length <= MAX_UNKNOWN_LABEL_WORDS) {
    return { label: undefined, value: '' };
  }
  return undefined;
}

/** What a link label above the text says about the text below it. */
export type ContentsSubLabel =
  /** "Original Scan": a link to the images, saying nothing about the text. */
  | { kind: 'scan' }
  | { kind: 'original' | 'translation'; language: string };

const SCAN_LABEL = /^(?:original )?scans?(?: \(pdf\))?$/i;
const TEXT_KINDS = '(transcript|transcription|translation|original text|original)';
const LANGUAGE_WORDS = '(\\p{L}+(?: \\p{L}+)?)';
const SUB_LABEL_PATTERNS: ReadonlyArray<{ pattern: RegExp; kind: number; language: number }> = [
  // "English Translation", "Russian Original", "Transcript"
  { pattern: new RegExp(`^(?:${LANGUAGE_WORDS} )?${TEXT_KINDS}$`, 'iu'), kind: 2, language: 1 },
  // "Transcript - Chinese", "Translation: English", "Translation into English"
  { pattern: new RegExp(`^${TEXT_KINDS} ?(?:[-–—:]|in|into) ?${LANGUAGE_WORDS}$`, 'iu'), kind: 1, language: 2 },
  // "Translation (English)"
  { pattern: new RegExp(`^${TEXT_KINDS} ?\\(${LANGUAGE_WORDS}\\)$`, 'iu'), kind: 1, language: 2 },
];

/** Reads a line printed above the text ("Original Scan", "English Translation", "Transcript - Chinese"). */
export function readContentsSubLabel(line: string): ContentsSubLabel | undefined {
  const trimmed = line.trim().replace(/\s+/g, ' ');
  if (SCAN_LABEL.test(trimmed)) return { kind: 'scan' };
  for (const { pattern, kind, language } of SUB_LABEL_PATTERNS) {
    const m = pattern.exec(trimmed);
    if (!m) continue;
    const languageName = m[language] ?? '';
    if (languageName !== '' && !isLanguageName(languageName)) continue;
    return {
      kind: m[kind]!.toLowerCase().startsWith('translation') ? 'translation' : 'original',
      language: capitalise(languageName),
    };
  }
  return undefined;
}

function capitalise(name: string): string {
  return name.replace(/\p{L}+/gu, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
}
