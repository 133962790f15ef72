/**
 * Parsing an XML file that may come from anyone, with xmldom (the same code in Node and in the
 * browser).
 *
 * The file is untrusted, so: a document type declaration is refused outright (no DTD, no
 * entities — no "billion laughs", no external entity reaching for files or the network; TEI
 * needs none); every parser error or warning refuses the file, with the line it was found on;
 * nesting deeper than MAX_NESTING_DEPTH is refused before anything walks the tree recursively.
 * Line endings are normalised as XML 1.0 says (CR LF and CR become LF) and no further, so that
 * text comes back as it was written.
 */
import { DOMParser, type Document, type Node as XmlNode } from '@xmldom/xmldom';
import { ImportError, MAX_TEXT_FILE_BYTES, formatMegabytes } from '../importers/import-error';
import { isElement, MAX_NESTING_DEPTH } from './xml';

interface ParseFailure {
  message: string;
  line: number | null;
}

/** The parsed document, or an ImportError in words a historian understands. */
export function parseUntrustedXml(fileName: string, xml: string): Document {
  if (xml.length > MAX_TEXT_FILE_BYTES) {
    throw new ImportError(fileName, `it is larger than the limit of ${formatMegabytes(MAX_TEXT_FILE_BYTES)}.`);
  }
  const source = xml.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(source) || /<!ENTITY/i.test(source)) {
    throw new ImportError(
      fileName,
      'it contains a document type declaration (<!DOCTYPE …>). TEI files need none, and declarations can define entities that make a file unsafe to open, so they are refused; remove the <!DOCTYPE …> line and import it again.',
    );
  }
  if (source.trim() === '') throw new ImportError(fileName, 'it is empty.');

  // Set by the error handler, which TypeScript cannot see run.
  let failure = null as ParseFailure | null;
  const parser = new DOMParser({
    locator: true,
    normalizeLineEndings: (text: string) => text.replace(/\r\n?/g, '\n'),
    onError: (level, message, context: unknown) => {
      // U+FFFD in the text is a character like any other.
      if (level === 'warning' && /replacement character/i.test(message)) return;
      const locator = (context as { locator?: { lineNumber?: number } } | null)?.locator;
      failure ??= { message, line: typeof locator?.lineNumber === 'number' ? locator.lineNumber : null };
      throw new Error(message);
    },
  });
  let document: Document;
  try {
    document = parser.parseFromString(source, 'application/xml');
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number } }).locator;
    const line = failure?.line ?? (typeof locator?.lineNumber === 'number' && locator.lineNumber > 0 ? locator.lineNumber : null);
    const detail = failure?.message ?? (error as Error).message;
    throw new ImportError(fileName, `it is not well-formed XML${line ? ` (line ${line}: ${detail})` : ` (${detail})`}. The file may be incomplete or damaged.`);
  }
  if (document.doctype) throw new ImportError(fileName, 'it contains a document type declaration (<!DOCTYPE …>), which is refused.');
  if (!document.documentElement) throw new ImportError(fileName, 'it has no root element: it is not an XML document.');
  if (depthOf(document) > MAX_NESTING_DEPTH) {
    throw new ImportError(fileName, `its elements are nested more than ${MAX_NESTING_DEPTH} levels deep, which no TEI document needs.`);
  }
  return document;
}

/** The deepest nesting of elements, found without recursion. */
function depthOf(root: XmlNode): number {
  let deepest = 0;
  const stack: Array<[XmlNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (depth > MAX_NESTING_DEPTH) break;
    for (let child = node.firstChild; child; child = child.nextSibling) if (isElement(child)) stack.push([child, depth + 1]);
  }
  return deepest;
}
