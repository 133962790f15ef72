/**
 * One document as a TEI P5 XML file: its metadata as the teiHeader, its sheets as surfaces of a
 * facsimile, its transcription as the text body, its annotations as standOff annotations.
 * docs/tei.md describes the encoding element by element; import-tei.ts reads it back.
 */
import type { Annotation } from '../annotation';
import { TextIndex } from '../anchoring/text-index';
import { transcriptionSchema } from '../transcription/schema';
import { facsimileXml, placeAnnotations, standOffXml } from './annotations';
import { teiHeaderXml, type TeiDocumentInput } from './header';
import { TRANSCRIPTION_XML_ID } from './ids';
import { handDescriptions, transcriptionBodyXml } from './transcription';
import { openTag, TEI_NAMESPACE } from './xml';

export type { TeiDocumentInput } from './header';

export interface TeiExportInput {
  /** The document record: its id and metadata, and optionally its created/modified timestamps. */
  document: TeiDocumentInput;
  /** The transcription as ProseMirror JSON (transcription schema version 2). */
  transcription: Record<string, unknown>;
  /** The document's annotations; tombstones (`deleted`) are left out. */
  annotations: readonly Annotation[];
  /** What wrote the file, e.g. "Marginalia 0.1.0". */
  generator: string;
}

/**
 * The TEI document as a string (UTF-8 when written out, as its declaration says). Throws for
 * input the app never stores — a transcription that fails its schema, an annotation body that
 * fails its own — since a file silently missing part of the work is worse than no file.
 */
export function exportTei(input: TeiExportInput): string {
  const doc = transcriptionSchema.nodeFromJSON(input.transcription);
  doc.check();
  const index = TextIndex.fromDoc(doc);
  const live = input.annotations.filter((a) => !a.deleted);
  const placed = placeAnnotations(doc, index, live);
  const hands = handDescriptions(doc);
  const language = input.document.languageCode || undefined;

  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `${openTag('TEI', [['xmlns', TEI_NAMESPACE]])}\n` +
    teiHeaderXml(input.document, input.generator, hands) +
    facsimileXml(doc, placed.zones) +
    `  ${openTag('text', [['xml:id', TRANSCRIPTION_XML_ID], ['xml:lang', language]])}\n` +
    transcriptionBodyXml(doc, placed.anchors, hands) +
    '  </text>\n' +
    standOffXml(placed) +
    '</TEI>\n'
  );
}
