/**
 * Importing a plain-text or Markdown file as a document: the text becomes the transcription
 * (split into sheets at its page markers), the title comes from the first Markdown heading or
 * else the file name, and the rest of the metadata is left for the historian to fill in —
 * except the text's language, when its script makes it obvious.
 *
 * Markdown is not rendered: a transcription is the words of the document, and Markdown's marks
 * ("*", "_") are kept as written, like any other characters of the text.
 */
import { emptyMetadata, type ParsedDocument } from '../document-metadata';
import { normalizeImportedText } from './normalize-text';
import { splitSheets } from './sheet-split';
import { languageFromScript } from './text-script';

/** Which plain format a file is in. */
export type PlainTextFormat = 'markdown' | 'plain-text';

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const CODE_FENCE = /^ {0,3}(?:```|~~~)/;

/** Parses a text file's contents (already decoded) as a document. */
export function parsePlainTextDocument(fileName: string, text: string, format: PlainTextFormat): ParsedDocument {
  const normalized = normalizeImportedText(text);
  const heading = format === 'markdown' ? findMarkdownTitle(normalized) : undefined;
  const body = heading ? [...heading.linesBefore, ...heading.linesAfter].join('\n') : normalized;
  const metadata = emptyMetadata(heading?.title || titleFromFileName(fileName));
  const language = languageFromScript(body);
  if (language) {
    metadata.textLanguage = language.name;
    metadata.languageCode = language.code;
  }
  return { metadata, sheets: splitSheets(body) };
}

/**
 * A readable title from a file name: no folder, no extension, underscores as spaces, and in a
 * name without spaces (a "slug") hyphens as spaces too, except between digits so that dates
 * stay dates: "kim-to-stalin_1950-06-25.txt" → "kim to stalin 1950-06-25". A name that already
 * has spaces keeps its hyphens ("Kim Il-sung letter.txt" → "Kim Il-sung letter").
 */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const stem = base.replace(/(?<=.)\.[^.]*$/, '');
  const spaced = stem.replace(/_+/g, ' ');
  const readable = /\s/.test(stem) ? spaced : spaced.replace(/(?<!\d)-+|-+(?!\d)/g, ' ');
  return readable.replace(/\s+/g, ' ').trim() || 'Untitled document';
}

interface MarkdownTitle {
  title: string;
  linesBefore: string[];
  linesAfter: string[];
}

/**
 * The first heading of a Markdown text (ATX "# Title" or setext "Title" over "==="/"---"),
 * outside code blocks, and the lines around it. The heading's lines are the title, so they
 * leave the body.
 */
function findMarkdownTitle(text: string): MarkdownTitle | undefined {
  const lines = text.split('\n');
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (CODE_FENCE.test(line)) inFence = !inFence;
    if (inFence) continue;
    const atx = ATX_HEADING.exec(line);
    if (atx && atx[1]!.trim() !== '') {
      return { title: atx[1]!.trim(), linesBefore: lines.slice(0, i), linesAfter: lines.slice(i + 1) };
    }
    // Setext: one line of text, starting a paragraph, underlined. ("---" under nothing is a rule.)
    const next = lines[i + 1];
    const startsParagraph = i === 0 || lines[i - 1]!.trim() === '';
    if (next !== undefined && SETEXT_UNDERLINE.test(next) && line.trim() !== '' && startsParagraph && !CODE_FENCE.test(line)) {
      return { title: line.trim(), linesBefore: lines.slice(0, i), linesAfter: lines.slice(i + 2) };
    }
  }
  return undefined;
}
