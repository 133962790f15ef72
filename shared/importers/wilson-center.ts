/**
 * Reading a document in the layout of a Wilson Center Digital Archive text page: a date line,
 * the title, then labelled sections ("Citation:", "Summary:", "Credits:", "Original Language:",
 * "Contents:") and finally the transcription.
 *
 * Nothing is lost: a section we do not know stays in the transcription, and text before the
 * first label that is neither date nor title becomes part of the title.
 */
import { emptyMetadata, type DocumentMetadata, type ParsedDocument } from '../document-metadata';
import { languageCodeFor } from './languages';
import { normalizeImportedText } from './normalize-text';
import { parseWrittenDate } from './dates';
import { splitSheets } from './sheet-split';

/** Section labels we understand, and the metadata field each fills. */
const SECTION_FIELDS: Readonly<Record<string, TextField | 'contents'>> = {
  'citation': 'citation',
  'summary': 'summary',
  'credits': 'credits',
  'original language': 'originalLanguage',
  'contents': 'contents',
};

/** Link labels the web page prints above the text; they are navigation, not transcription. */
const PAGE_LINK_LABELS = new Set(['original scan', 'transcript', 'translation']);

const SECTION_LABEL = /^([A-Za-z][A-Za-z ()&]{1,40}):\s*(.*)$/;
const ANGLE_URL = /<(https?:\/\/[^\s>]+)>/;
const BARE_URL = /(https?:\/\/[^\s<>"]+)/;

type TextField = Exclude<keyof DocumentMetadata, 'textKind'>;

interface Section {
  field: TextField | 'contents';
  lines: string[];
}

/** Parses a Wilson Center text page into metadata and sheets. */
export function parseWilsonCenterText(source: string): ParsedDocument {
  const lines = normalizeImportedText(source).split('\n');
  const heading: string[] = [];
  const sections: Section[] = [];

  for (const line of lines) {
    const open = sections[sections.length - 1];
    if (open?.field === 'contents') {
      open.lines.push(line);
      continue;
    }
    const label = SECTION_LABEL.exec(line.trim());
    const field = label ? SECTION_FIELDS[label[1]!.trim().toLowerCase()] : undefined;
    if (label && field) {
      sections.push({ field, lines: label[2] ? [label[2]] : [] });
    } else if (open) {
      open.lines.push(line);
    } else {
      heading.push(line);
    }
  }

  const metadata = emptyMetadata();
  readHeading(heading, metadata);
  let contents = '';
  for (const section of sections) {
    const value = section.lines.join('\n').trim();
    if (section.field === 'contents') contents = value;
    else if (section.field === 'citation') readCitation(value, metadata);
    else metadata[section.field] = collapseParagraphs(value);
  }
  metadata.languageCode = languageCodeFor(metadata.originalLanguage);
  return { metadata, sheets: splitSheets(dropPageLinkLabels(contents)) };
}

/** The first line that reads as a date is the date; the other heading lines form the title. */
function readHeading(lines: readonly string[], metadata: DocumentMetadata): void {
  const titleLines: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const iso = metadata.dateAsWritten === '' ? parseWrittenDate(line) : '';
    if (iso !== '') {
      metadata.dateAsWritten = line;
      metadata.dateIso = iso;
    } else {
      titleLines.push(line);
    }
  }
  if (titleLines.length > 0) metadata.title = titleLines.join(' ');
}

/** The citation section holds the citation text and, on a line of its own, the page's URL. */
function readCitation(value: string, metadata: DocumentMetadata): void {
  const url = ANGLE_URL.exec(value) ?? BARE_URL.exec(value);
  if (url) metadata.sourceUrl = url[1]!;
  metadata.citation = collapseParagraphs(value.replace(ANGLE_URL, '').trim());
}

function collapseParagraphs(value: string): string {
  return value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

function dropPageLinkLabels(contents: string): string {
  const lines = contents.split('\n');
  while (lines.length > 0 && (lines[0]!.trim() === '' || PAGE_LINK_LABELS.has(lines[0]!.trim().toLowerCase()))) {
    lines.shift();
  }
  return lines.join('\n');
}
