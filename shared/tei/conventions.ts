/**
 * The names a Marginalia TEI file uses for its own categories (declared in the header's
 * `classDecl`), and the editorial conventions it states in `editorialDecl`. See docs/tei.md.
 */
import { ANNOTATION_KIND_LABELS, ANNOTATION_KINDS, type AnnotationKind } from '../annotation';
import { EDITORIAL_FEATURES } from '../transcription/editorial';
import { openTag, closeTag, textElement } from './xml';

export const TAXONOMY = {
  annotationKinds: 'marginalia-annotation-kinds',
  textKinds: 'marginalia-text-kinds',
  topics: 'marginalia-topics',
  peopleAndPlaces: 'marginalia-people-and-places',
  documentTypes: 'marginalia-document-types',
} as const;

/** The category an annotation's `@ana` points at for its kind. */
export function annotationKindCategory(kind: AnnotationKind): string {
  return `marginalia-kind-${kind}`;
}

export function textKindCategory(kind: 'original' | 'translation'): string {
  return `marginalia-text-kind-${kind}`;
}

/** The Web Annotation motivation TEI's closed list has for each kind (translation has none there). */
export const MOTIVATION_OF_KIND: Readonly<Record<AnnotationKind, string | undefined>> = {
  commentary: 'commenting',
  translation: undefined,
  crossref: 'linking',
};

/** The `<classDecl>` declaring Marginalia's taxonomies. */
export function classDeclXml(indent: string): string {
  const i1 = indent + '  ';
  const i2 = i1 + '  ';
  const category = (id: string, description: string) =>
    `${i2}${openTag('category', [['xml:id', id]])}${textElement('catDesc', [], description)}${closeTag('category')}\n`;
  const taxonomy = (id: string, description: string, categories = '') =>
    `${i1}${openTag('taxonomy', [['xml:id', id]])}\n${i2}${textElement('desc', [], description)}\n${categories}${i1}${closeTag('taxonomy')}\n`;
  return (
    `${indent}<classDecl>\n` +
    taxonomy(
      TAXONOMY.annotationKinds,
      'Kinds of Marginalia annotation, pointed at by each annotation’s @ana.',
      ANNOTATION_KINDS.map((kind) => category(annotationKindCategory(kind), ANNOTATION_KIND_LABELS[kind])).join(''),
    ) +
    taxonomy(
      TAXONOMY.textKinds,
      'Whether the text is a transcription of the original or a translation of it.',
      category(textKindCategory('original'), 'Transcription of the original') + category(textKindCategory('translation'), 'Translation of the original'),
    ) +
    taxonomy(TAXONOMY.topics, 'Topics the source associates with the document.') +
    taxonomy(TAXONOMY.peopleAndPlaces, 'People and places the source associates with the document.') +
    taxonomy(TAXONOMY.documentTypes, 'The kind of document, as the source names it.') +
    `${indent}</classDecl>\n`
  );
}

/** The `<editorialDecl>` stating how the transcription is encoded. */
export function editorialDeclXml(indent: string): string {
  const p = (text: string) => `${indent}  ${textElement('p', [], text)}\n`;
  const features = EDITORIAL_FEATURES.map((feature) => p(`${feature.label} (${feature.tei}): ${feature.legend}`)).join('');
  return (
    `${indent}<editorialDecl>\n` +
    p('Transcribed in Marginalia. Each sheet (physical leaf) begins with pb: its @n is the sheet number as written on the page, when there is one; its @facs points to the sheet’s surface in facsimile, whose label is the sheet’s name in Marginalia.') +
    p('Paragraphs are p, line breaks within them lb. White space inside p is significant (xml:space="preserve").') +
    p('Editorial markup, after the TEI elements named:') +
    features +
    p('In a choice, corr and abbr hold the text as read; sic keeps what the page has, expan the expansion. A seg type="hand" points with @hand to the handNote in profileDesc/handNotes describing that hand.') +
    p('Gaps and editorial notes stand at a point and add nothing to the text that annotations are measured in.') +
    p('Annotations are in standOff/listAnnotation. Words they refer to are marked by pairs of anchor elements, pointed at as #range(start,end).') +
    `${indent}</editorialDecl>\n`
  );
}
