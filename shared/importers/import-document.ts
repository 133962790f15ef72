/**
 * Importing one text file as a document: decode its bytes, tell its format from its name and
 * content, parse it. The one entry point both the app and the command line use, so that a file
 * imports the same way in each.
 */
import type { ParsedDocument } from '../document-metadata';
import { decodeTextFile, type TextFileEncoding } from './decode-text';
import { ImportError } from './import-error';
import { parsePlainTextDocument, titleFromFileName } from './plain-text';
import { looksLikeWilsonCenterPage, parseWilsonCenterText } from './wilson-center';

/** The formats a text file may be imported as. */
export type DocumentFileFormat = 'wilson-center' | 'markdown' | 'plain-text';

/** A parsed document file, with the format and encoding it was read in. */
export type ParsedDocumentFile = ParsedDocument & { format: DocumentFileFormat; encoding: TextFileEncoding };

const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown']);
/** "" is a file without an extension, which on archives' exports is usually text. */
const TEXT_EXTENSIONS = new Set(['txt', 'text', '']);

/**
 * Reads a file as a document: `.md`/`.markdown` as Markdown; `.txt`, `.text` or no extension as
 * a Wilson Center page when it has that layout's labels, else as plain text. Throws ImportError
 * naming the file and the reason for any other extension, for bytes that are not text we can
 * read, and for a file with no document text in it.
 */
export function parseDocumentFile(fileName: string, bytes: Uint8Array): ParsedDocumentFile {
  const extension = extensionOf(fileName);
  const isMarkdown = MARKDOWN_EXTENSIONS.has(extension);
  if (!isMarkdown && !TEXT_EXTENSIONS.has(extension)) {
    throw new ImportError(fileName, 'only .txt and .md text files can be imported as documents');
  }
  const { text, encoding } = decodeTextFile(fileName, bytes);
  let format: DocumentFileFormat;
  let parsed: ParsedDocument;
  if (isMarkdown) {
    format = 'markdown';
    parsed = parsePlainTextDocument(fileName, text, 'markdown');
  } else if (looksLikeWilsonCenterPage(text)) {
    format = 'wilson-center';
    parsed = parseWilsonCenterText(text, titleFromFileName(fileName));
  } else {
    format = 'plain-text';
    parsed = parsePlainTextDocument(fileName, text, 'plain-text');
  }
  if (parsed.sheets.length === 0) {
    throw new ImportError(
      fileName,
      format === 'wilson-center'
        ? 'the page has metadata but no transcription or translation text'
        : 'it has a title but no text',
    );
  }
  return { ...parsed, format, encoding };
}

/** The extension of the file's name, lower case, without the dot ("" when it has none). */
function extensionOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const m = /(?<=.)\.([^.]*)$/.exec(base);
  return m ? m[1]!.toLowerCase() : '';
}
