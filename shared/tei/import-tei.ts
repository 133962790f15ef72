/**
 * Reading a TEI P5 file as a Marginalia document: metadata, transcription and annotations.
 *
 * Reads Marginalia's own exports exactly (see docs/tei.md) and reasonable hand-written TEI: a
 * body of paragraphs with line and page breaks and the editorial elements of the transcription
 * schema; other elements keep their text. The file is untrusted input (parse-xml.ts); nothing
 * of it is ever treated as markup for the page — the transcription and bodies come out as
 * ProseMirror JSON checked against their schemas.
 */
import type { Annotation } from '../annotation';
import { contentHash } from '../annotation-version';
import { TextIndex } from '../anchoring/text-index';
import type { DocumentMetadata } from '../document-metadata';
import { ImportError } from '../importers/import-error';
import { sheetLabel } from '../importers/sheet-split';
import { readAnnotations, readFacsimile } from './annotations';
import { readTeiHeader } from './header';
import { parseUntrustedXml } from './parse-xml';
import { readTranscription } from './transcription';
import { childElements, descendants, firstChild, TEI_NAMESPACE } from './xml';

export interface TeiImportResult {
  metadata: DocumentMetadata;
  /** Marginalia's id of the document, when the file is a Marginalia export (idno type="marginalia"). */
  documentId: string | null;
  /** ProseMirror JSON of the transcription (schema version 2), checked against the schema. */
  transcription: Record<string, unknown>;
  /** The annotations, with `documentId` set to `documentId` ("" when the file has none). */
  annotations: Annotation[];
  /** What was read but could not be kept (an annotation whose words are not in the text). */
  warnings: string[];
}

export interface TeiImportOptions {
  /** The file's name, for error messages. */
  fileName?: string;
}

/** Reads a TEI document; throws ImportError for anything that is not a TEI document it can read. */
export function importTei(xml: string, options: TeiImportOptions = {}): TeiImportResult {
  const fileName = options.fileName ?? 'TEI file';
  const fail = (reason: string): never => {
    throw new ImportError(fileName, reason);
  };
  const document = parseUntrustedXml(fileName, xml);
  const root = document.documentElement!;
  if (root.localName === 'teiCorpus') fail('it is a TEI corpus of several documents; import each TEI document in it on its own.');
  if (root.localName !== 'TEI') fail(`its root element is <${root.nodeName}>, so it is not a TEI document (whose root is <TEI>).`);
  if (root.namespaceURI !== null && root.namespaceURI !== undefined && root.namespaceURI !== TEI_NAMESPACE) {
    fail(`its <TEI> element is in the namespace “${root.namespaceURI}” rather than TEI’s (${TEI_NAMESPACE}).`);
  }

  const header = readTeiHeader(firstChild(root, 'teiHeader'));
  const text = firstChild(root, 'text');
  if (!text) fail('it has no <text> element, so there is no transcription in it.');
  const body = firstChild(text, 'body') ?? descendants(text!, 'body')[0] ?? null;
  if (!body) fail('its <text> has no <body>, so there is no transcription in it.');

  const facsimile = readFacsimile(firstChild(root, 'facsimile'));
  const { doc, positions } = readTranscription(body!, {
    labelFor: (facs, index) => {
      const id = facs?.trim().match(/^#(\S+)$/)?.[1];
      return (id !== undefined ? facsimile.labels.get(id) : undefined) ?? sheetLabel(index);
    },
    hands: header.hands,
    fail,
  });

  const warnings: string[] = [];
  const annotations = readAnnotations(childElements(root, 'standOff'), {
    documentId: header.documentId,
    index: TextIndex.fromDoc(doc),
    positions,
    zones: facsimile.zones,
    warn: (message) => warnings.push(message),
  });

  return {
    metadata: header.metadata,
    documentId: header.documentId,
    transcription: doc.toJSON() as Record<string, unknown>,
    annotations: annotations.map((a) => ({ ...a, lineage: [contentHash(a)] })),
    warnings,
  };
}
