/**
 * Reading a document in the layout of a Wilson Center Digital Archive text page: a date line
 * and the title, labelled sections ("Citation:", "Summary:", "Credits:", "Original Language:",
 * "Author(s)", a "Document Information" block…), "Contents:", and then the transcription or
 * translation, sometimes followed by more labelled sections.
 *
 * Nothing is ever lost. Each field takes only the text its kind of value has room for (one line
 * for a language, the text and the URL line for a citation…); whatever no field claims — an
 * unknown "Notes:" section, a stray paragraph after a one-line field, the whole body of a page
 * without a "Contents:" label — stays in the transcription, in its place in reading order.
 *
 * Where the text begins:
 * - with a "Contents:" label, after it. Every label before it is read, and a paragraph field
 *   (summary, source, lists) takes all the text up to the next label;
 * - without one, at the first paragraph no field claims. Fields are then read strictly (a
 *   summary is one paragraph), and labels after that point are the document's own words ("Summary:"
 *   in a memorandum), except those that only the site's trailing block uses ("Document
 *   Information", "Associated Topics"…), which start that block again after the text.
 */
import { emptyMetadata, type DocumentMetadata, type ParsedDocument } from '../document-metadata';
import { parseWrittenDate } from './dates';
import { languageCodeFor } from './languages';
import { normalizeImportedText } from './normalize-text';
import { splitParagraphs, splitSheets } from './sheet-split';
import { dominantScript, languageFromScript, readsAsEnglish, scriptOfLanguage } from './text-script';
import {
  readAnyLabel,
  readContentsSubLabel,
  readKnownLabel,
  type ContentsSubLabel,
  type LabelLine,
  type LabelledField,
  type ValueShape,
} from './wilson-center-labels';

/** A one-line value longer than this is not a value ("Russian") but text that follows an empty field. */
const MAX_LINE_VALUE = 120;
/** After the text, a list goes on while its paragraphs look like items: lines no longer than this. */
const MAX_LIST_ITEM = 150;
/** The title is the first paragraph of the heading, unless it is this long (then it is text). */
const MAX_TITLE = 400;
/** How many leading paragraphs of the heading may hold the date and title. */
const HEADING_PARAGRAPHS = 2;

const ANGLE_URL = /<(https?:\/\/[^\s>]+)>/;
const BARE_URL = /(https?:\/\/[^\s<>"]+[^\s<>".,;:)])/;
const URL_ALONE = /^<?https?:\/\/\S+?>?$/;

/**
 * How strictly a section claims the text that follows its label: `bounded` when another label
 * follows and everything between is the section's; `before-text` when unclaimed text will start
 * the document's text; `after-text` for the last section of a block after the text.
 */
type ClaimMode = 'bounded' | 'before-text' | 'after-text';

/** Field values in the order they were found; a field labelled twice keeps both values. */
type FieldValues = Map<LabelledField, string[]>;

/**
 * Parses a Wilson Center text page into metadata and sheets. `fallbackTitle` is the title when
 * the page has none (an importer passes one made from the file name).
 */
export function parseWilsonCenterText(source: string, fallbackTitle = 'Untitled document'): ParsedDocument {
  const lines = normalizeImportedText(source).split('\n');
  const values: FieldValues = new Map();
  const metadata = emptyMetadata(fallbackTitle);
  const front: string[] = [];
  const back: string[] = [];

  const contentsAt = lines.findIndex((line) => readKnownLabel(line)?.label?.kind === 'contents');
  const preludeEnd = contentsAt >= 0 ? contentsAt : lines.length;
  const firstLabel = lines.slice(0, preludeEnd).findIndex((line) => readKnownLabel(line) !== undefined);
  const headingEnd = firstLabel >= 0 ? firstLabel : preludeEnd;
  front.push(...readHeading(lines.slice(0, headingEnd), metadata));

  let textLines: string[];
  if (contentsAt >= 0) {
    readSections(lines, headingEnd, preludeEnd, values, () => 'bounded', front);
    textLines = [readKnownLabel(lines[contentsAt]!)!.value, ...lines.slice(contentsAt + 1)];
  } else {
    textLines = readSectionsUntilText(lines, headingEnd, values);
  }

  const trailingAt = textLines.findIndex(startsTrailingBlock);
  if (trailingAt >= 0) {
    const trailing = textLines.slice(trailingAt);
    readSections(trailing, 0, trailing.length, values, (end) => (end < trailing.length ? 'bounded' : 'after-text'), back);
    textLines = textLines.slice(0, trailingAt);
  }

  const { subLabel, rest } = takeSubLabels(textLines);
  const body = rest.join('\n').trim();
  fillFields(values, metadata);
  identifyText(subLabel, readValue(values, 'declaredLanguage'), body, metadata);

  const transcription = [...front, body, ...back].filter((part) => part.trim() !== '').join('\n\n');
  return { metadata, sheets: splitSheets(transcription) };
}

/** Whether the text has at least two of the page's labels, each as a label (on a line of its own or before a colon). */
export function looksLikeWilsonCenterPage(text: string): boolean {
  // Spellings of one label ("Author", "Authors") count once.
  const found = new Set<string>();
  for (const line of text.split(/\r\n?|\n/)) {
    const label = readKnownLabel(line)?.label;
    if (label) found.add(label.kind === 'field' ? label.field : label.kind);
    if (found.size >= 2) return true;
  }
  return false;
}

/**
 * The date is the first line of the heading's first paragraphs that reads as a date; the title
 * is the first paragraph with other lines, joined into one line. Everything else in the heading
 * is returned as unclassified paragraphs.
 */
function readHeading(lines: readonly string[], metadata: DocumentMetadata): string[] {
  const paragraphs = splitParagraphs(lines.join('\n'));
  const leftover: string[] = [];
  let titleFound = false;
  paragraphs.forEach((paragraph, index) => {
    if (index >= HEADING_PARAGRAPHS) {
      leftover.push(paragraph);
      return;
    }
    const rest: string[] = [];
    for (const raw of paragraph.split('\n')) {
      const line = raw.trim();
      const iso = metadata.dateAsWritten === '' ? parseWrittenDate(line) : '';
      if (iso !== '') {
        metadata.dateAsWritten = line;
        metadata.dateIso = iso;
      } else if (line !== '') {
        rest.push(line);
      }
    }
    const title = rest.join(' ');
    if (title === '') return;
    if (!titleFound && title.length <= MAX_TITLE) {
      metadata.title = title;
      titleFound = true;
    } else {
      leftover.push(rest.join('\n'));
    }
  });
  return leftover;
}

/**
 * Reads the labelled sections of lines[start, end): each runs from its label to the next label
 * line. `modeFor(sectionEnd)` says how strictly the section claims its text; what it leaves goes
 * to `unclaimed`.
 */
function readSections(
  lines: readonly string[],
  start: number,
  end: number,
  values: FieldValues,
  modeFor: (sectionEnd: number) => ClaimMode,
  unclaimed: string[],
): void {
  for (let at = start; at < end; ) {
    const next = nextLabelAt(lines, at + 1, end);
    unclaimed.push(...readSection(lines, at, next, values, modeFor(next)));
    at = next;
  }
}

/**
 * Without a "Contents:" label: reads sections strictly until one leaves text unclaimed, and
 * returns the lines from there on, which are the document's text.
 */
function readSectionsUntilText(lines: readonly string[], start: number, values: FieldValues): string[] {
  for (let at = start; at < lines.length; ) {
    const next = nextLabelAt(lines, at + 1, lines.length);
    const leftover = readSection(lines, at, next, values, 'before-text');
    if (leftover.length > 0) return [leftover.join('\n\n'), '', ...lines.slice(next)];
    at = next;
  }
  return [];
}

/** The index of the next label line in [from, end), or end. */
function nextLabelAt(lines: readonly string[], from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const label = readAnyLabel(lines[i]!);
    // A section we do not know only counts as one where it starts a paragraph.
    if (label && (label.label !== undefined || (lines[i - 1] ?? '').trim() === '')) return i;
  }
  return end;
}

/** Reads the section whose label is at lines[at], up to `end`; returns the paragraphs it leaves unclaimed. */
function readSection(lines: readonly string[], at: number, end: number, values: FieldValues, mode: ClaimMode): string[] {
  const heading: LabelLine | undefined = readAnyLabel(lines[at]!);
  const following = lines.slice(at + 1, end);
  if (!heading?.label) return splitParagraphs([lines[at]!, ...following].join('\n'));
  const paragraphs = splitParagraphs([heading.value, ...following].join('\n'));
  const label = heading.label;
  if (label.kind !== 'field') return paragraphs;
  const { claimed, leftover } = claim(label.shape, paragraphs, mode);
  if (claimed.length > 0) {
    const list = values.get(label.field) ?? [];
    list.push(...claimed);
    values.set(label.field, list);
  }
  return leftover;
}

/** Splits a section's paragraphs into those its value takes and those left over. */
function claim(shape: ValueShape, paragraphs: string[], mode: ClaimMode): { claimed: string[]; leftover: string[] } {
  if (paragraphs.length === 0) return { claimed: [], leftover: [] };
  const take = (n: number): { claimed: string[]; leftover: string[] } => ({
    claimed: paragraphs.slice(0, n),
    leftover: paragraphs.slice(n),
  });
  switch (shape) {
    case 'line': {
      const [first, ...more] = paragraphs[0]!.split('\n');
      if (first!.trim().length > MAX_LINE_VALUE) return { claimed: [], leftover: paragraphs };
      const restOfParagraph = more.join('\n').trim();
      return {
        claimed: [first!.trim()],
        leftover: [...(restOfParagraph ? [restOfParagraph] : []), ...paragraphs.slice(1)],
      };
    }
    case 'citation': {
      if (URL_ALONE.test(paragraphs[0]!.trim())) return take(1);
      const urlFollows = !/https?:\/\//.test(paragraphs[0]!) && URL_ALONE.test(paragraphs[1]?.trim() ?? '');
      return take(urlFollows ? 2 : 1);
    }
    case 'prose':
      return take(mode === 'bounded' ? paragraphs.length : 1);
    case 'list': {
      if (mode === 'bounded') return take(paragraphs.length);
      if (mode === 'before-text') return take(1);
      let n = 1;
      while (n < paragraphs.length && paragraphs[n]!.split('\n').every((l) => l.trim().length <= MAX_LIST_ITEM)) n++;
      return take(n);
    }
  }
}

/** A line in the text that starts the site's trailing block (only its distinctive labels count). */
function startsTrailingBlock(line: string): boolean {
  const label = readKnownLabel(line)?.label;
  return label !== undefined && label.kind !== 'contents' && label.startsTrailingBlock;
}

/**
 * Takes the link labels printed above the text ("Original Scan", "English Translation"); the
 * first that names the text's kind is returned. Later such lines, inside the text, stay.
 */
function takeSubLabels(lines: readonly string[]): { subLabel: ContentsSubLabel | undefined; rest: string[] } {
  let subLabel: ContentsSubLabel | undefined;
  let at = 0;
  for (; at < lines.length; at++) {
    const line = lines[at]!.trim();
    if (line === '') continue;
    const read = readContentsSubLabel(line);
    if (!read) break;
    if (read.kind !== 'scan') {
      if (subLabel) break; // a second text's label ("Translation - English" after a transcript) is text
      subLabel = read;
    }
  }
  return { subLabel, rest: lines.slice(at) };
}

/** A one-line field's value; a field labelled twice keeps both values, one per line. */
function readValue(values: FieldValues, field: LabelledField): string {
  return (values.get(field) ?? []).join('\n');
}

/** Copies the labelled values into the metadata, each in the form its field holds. */
function fillFields(values: FieldValues, metadata: DocumentMetadata): void {
  const prose = (field: LabelledField): string =>
    (values.get(field) ?? []).map((p) => p.trim()).filter((p) => p !== '').join('\n\n');
  const list = (field: LabelledField): string =>
    (values.get(field) ?? []).flatMap((p) => p.split('\n')).map((l) => l.trim()).filter((l) => l !== '').join('\n');

  readCitation(values.get('citation') ?? [], metadata);
  metadata.summary = prose('summary');
  metadata.credits = prose('credits');
  metadata.archiveReference = prose('archiveReference');
  metadata.rights = prose('rights');
  metadata.originalLanguage = originalLanguages(values);
  metadata.originalUploadedDate = readValue(values, 'originalUploadedDate');
  metadata.documentType = readValue(values, 'documentType');
  metadata.recordId = readValue(values, 'recordId');
  metadata.authors = list('authors');
  metadata.associatedPeopleAndPlaces = list('associatedPeopleAndPlaces');
  metadata.associatedTopics = list('associatedTopics');
}

/**
 * The original's language: "Original Language", and the Document Information block's
 * "Language" where it says something else (the site uses it for the original's language; a
 * different value is kept beside it rather than dropped).
 */
function originalLanguages(values: FieldValues): string {
  const stated = values.get('originalLanguage') ?? [];
  const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
  const declared = (values.get('declaredLanguage') ?? []).filter((d) => !stated.some((s) => same(s, d)));
  return [...stated, ...declared].join('\n');
}

/** The citation is its text; a URL on a line of its own (or in <…>) is the page's address. */
function readCitation(paragraphs: readonly string[], metadata: DocumentMetadata): void {
  const text: string[] = [];
  for (const paragraph of paragraphs) {
    const lines: string[] = [];
    for (const raw of paragraph.split('\n')) {
      const line = raw.trim();
      // The first URL alone on its line is the page's address; any further one stays in the text.
      if (URL_ALONE.test(line) && metadata.sourceUrl === '') {
        metadata.sourceUrl = line.replace(/^<|>$/g, '');
        continue;
      }
      const angle = ANGLE_URL.exec(line);
      if (angle && metadata.sourceUrl === '') {
        metadata.sourceUrl = angle[1]!;
        lines.push(line.replace(ANGLE_URL, '').trim());
      } else {
        lines.push(line);
      }
    }
    text.push(lines.filter((l) => l !== '').join('\n'));
  }
  metadata.citation = text.filter((p) => p !== '').join('\n\n');
  if (metadata.sourceUrl === '') metadata.sourceUrl = BARE_URL.exec(metadata.citation)?.[1] ?? '';
}

/**
 * Decides whether the text is the original or a translation, and its language: from the link
 * label above it when there is one; else by comparing the text with the original's language
 * (English prose under a Chinese original is a translation; Cyrillic text under a Russian
 * original is the original); else from the declared language or the text's script.
 */
function identifyText(
  subLabel: ContentsSubLabel | undefined,
  declaredLanguage: string,
  body: string,
  metadata: DocumentMetadata,
): void {
  const original = metadata.originalLanguage;
  const guess = (): string => languageFromScript(body)?.name ?? (readsAsEnglish(body) ? 'English' : '');
  let kind: DocumentMetadata['textKind'] = '';
  let language = '';

  if (subLabel?.kind === 'translation') {
    kind = 'translation';
    language = subLabel.language || guess();
  } else if (subLabel?.kind === 'original') {
    kind = 'original';
    language = subLabel.language || original || guess();
  } else if (original !== '' && languageCodeFor(original) !== 'en' && readsAsEnglish(body)) {
    kind = 'translation';
    language = 'English';
  } else if (original !== '' && scriptOfLanguage(original) !== '' && dominantScript(body) !== '') {
    const same = scriptOfLanguage(original) === dominantScript(body);
    kind = same ? 'original' : 'translation';
    language = same ? original : guess();
  } else {
    language = declaredLanguage || guess();
  }

  metadata.textKind = kind;
  metadata.textLanguage = language;
  metadata.languageCode = languageCodeFor(language);
  // A transcript labelled "Transcript - Chinese" says what the original's language is.
  if (kind === 'original' && metadata.originalLanguage === '') metadata.originalLanguage = language;
}
