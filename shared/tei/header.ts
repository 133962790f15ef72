/**
 * The `teiHeader` of an exported document from its metadata, and the metadata back from a
 * header (Marginalia's own or a hand-written one).
 *
 * Every field of DocumentMetadata has one place (see docs/tei.md); fields that hold one entry
 * per line (authors, topics, people and places) become one element per line, so they come back
 * line for line. Values keep their exact white space through `xml:space="preserve"` where it
 * matters; in hand-written headers white space is normalised as XML readers usually do.
 */
import type { Element } from '@xmldom/xmldom';
import { emptyMetadata, type DocumentMetadata } from '../document-metadata';
import { classDeclXml, editorialDeclXml, TAXONOMY, textKindCategory } from './conventions';
import { attribute, childElements, closeTag, descendants, emptyTag, firstChild, openTag, path, textElement, textValue } from './xml';

/** The document as the exporter is given it: metadata, id and (optionally) its timestamps. */
export interface TeiDocumentInput extends DocumentMetadata {
  id: string;
  created?: string;
  modified?: string;
}

/** The identifier type of the `idno` holding Marginalia's document id. */
export const MARGINALIA_IDNO_TYPE = 'marginalia';

/** A language code standing for "not known", used where TEI requires one. */
const UNKNOWN_LANGUAGE = 'und';

/** Whether a value is a date or date-time in the W3C (XML Schema) form TEI's @when takes. */
export function isW3cDate(value: string): boolean {
  return /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/.test(value);
}

/** @when for a valid date, else @when-custom, so that any value comes back as it was. */
export function dateAttributes(value: string): Array<[string, string | undefined]> {
  if (value === '') return [];
  return isW3cDate(value) ? [['when', value]] : [['when-custom', value]];
}

export function dateFromAttributes(element: Element | null): string {
  if (!element) return '';
  return attribute(element, 'when') ?? attribute(element, 'when-custom') ?? '';
}

/** One element per line of a one-entry-per-line field ("" has none). */
function lines(indent: string, name: string, value: string): string {
  if (value === '') return '';
  return value
    .split('\n')
    .map((line) => `${indent}${textElement(name, [], line)}\n`)
    .join('');
}

/** The version number in a generator string ("Marginalia 0.1.0" → "0.1.0"), as TEI's @version wants one. */
function versionOf(generator: string): string {
  return /\d+(?:\.\d+){0,2}/.exec(generator)?.[0] ?? '0';
}

/** The teiHeader, indented by two spaces. `handDescriptions[i]` is the description of `#hand-{i+1}`. */
export function teiHeaderXml(document: TeiDocumentInput, generator: string, handDescriptions: readonly string[]): string {
  const m = document;
  const i2 = '    ';
  const i3 = '      ';
  const i4 = '        ';
  let out = '  <teiHeader>\n    <fileDesc>\n';

  out += `${i3}<titleStmt>\n${i4}${textElement('title', [], m.title)}\n${lines(i4, 'author', m.authors)}${i3}</titleStmt>\n`;

  out += `${i3}<publicationStmt>\n`;
  out += `${i4}${textElement('authority', [], generator)}\n`;
  out += `${i4}${textElement('idno', [['type', MARGINALIA_IDNO_TYPE]], m.id)}\n`;
  if (m.rights !== '') out += `${i4}<availability>${textElement('licence', [], m.rights)}</availability>\n`;
  out += `${i3}</publicationStmt>\n`;

  if (m.credits !== '') out += `${i3}<notesStmt>\n${i4}${textElement('note', [['type', 'credits']], m.credits)}\n${i3}</notesStmt>\n`;

  const i5 = i4 + '  ';
  let bibl = '';
  if (m.citation !== '') bibl += `${i5}${textElement('note', [['type', 'citation']], m.citation)}\n`;
  if (m.dateIso !== '' || m.dateAsWritten !== '') bibl += `${i5}${textElement('date', dateAttributes(m.dateIso), m.dateAsWritten)}\n`;
  if (m.originalUploadedDate !== '') bibl += `${i5}${textElement('date', [['type', 'uploaded']], m.originalUploadedDate)}\n`;
  if (m.recordId !== '') bibl += `${i5}${textElement('idno', [['type', 'record']], m.recordId)}\n`;
  if (m.archiveReference !== '') bibl += `${i5}${textElement('idno', [['type', 'archive']], m.archiveReference)}\n`;
  if (m.sourceUrl !== '') bibl += `${i5}${textElement('ref', [['target', m.sourceUrl]], m.sourceUrl)}\n`;
  if (m.originalLanguage !== '') bibl += `${i5}${textElement('textLang', [], m.originalLanguage)}\n`;
  out += `${i3}<sourceDesc>\n${i4}${bibl === '' ? '<bibl/>' : `<bibl>\n${bibl}${i4}</bibl>`}\n${i3}</sourceDesc>\n`;
  out += `${i2}</fileDesc>\n`;

  out += `${i2}<encodingDesc>\n`;
  out += `${i3}<appInfo>\n${i4}${openTag('application', [['ident', 'Marginalia'], ['version', versionOf(generator)]])}${textElement('label', [], generator)}${closeTag('application')}\n${i3}</appInfo>\n`;
  out += editorialDeclXml(i3);
  out += classDeclXml(i3);
  out += `${i2}</encodingDesc>\n`;

  let profile = '';
  if (m.summary !== '') profile += `${i3}<abstract>${textElement('p', [], m.summary)}</abstract>\n`;
  if (m.languageCode !== '' || m.textLanguage !== '') {
    profile += `${i3}<langUsage>${textElement('language', [['ident', m.languageCode || UNKNOWN_LANGUAGE]], m.textLanguage)}</langUsage>\n`;
  }
  if (m.textKind !== '' || m.documentType !== '' || m.associatedTopics !== '' || m.associatedPeopleAndPlaces !== '') {
    profile += `${i3}<textClass>\n`;
    if (m.textKind !== '') profile += `${i4}${emptyTag('catRef', [['scheme', `#${TAXONOMY.textKinds}`], ['target', `#${textKindCategory(m.textKind)}`]])}\n`;
    if (m.documentType !== '') profile += `${i4}${textElement('classCode', [['scheme', `#${TAXONOMY.documentTypes}`]], m.documentType)}\n`;
    if (m.associatedTopics !== '') {
      profile += `${i4}${openTag('keywords', [['scheme', `#${TAXONOMY.topics}`]])}\n${lines(i4 + '  ', 'term', m.associatedTopics)}${i4}</keywords>\n`;
    }
    if (m.associatedPeopleAndPlaces !== '') {
      profile += `${i4}${openTag('keywords', [['scheme', `#${TAXONOMY.peopleAndPlaces}`]])}\n${lines(i4 + '  ', 'term', m.associatedPeopleAndPlaces)}${i4}</keywords>\n`;
    }
    profile += `${i3}</textClass>\n`;
  }
  if (handDescriptions.length > 0) {
    profile += `${i3}<handNotes>\n`;
    handDescriptions.forEach((description, i) => {
      profile += `${i4}${textElement('handNote', [['xml:id', handXmlId(i)]], description)}\n`;
    });
    profile += `${i3}</handNotes>\n`;
  }
  if (profile !== '') out += `${i2}<profileDesc>\n${profile}${i2}</profileDesc>\n`;

  if (document.created || document.modified) {
    out += `${i2}<revisionDesc>\n`;
    if (document.created) out += `${i3}${emptyTag('change', [['status', 'created'], ...dateAttributes(document.created)])}\n`;
    if (document.modified) out += `${i3}${emptyTag('change', [['status', 'modified'], ...dateAttributes(document.modified)])}\n`;
    out += `${i2}</revisionDesc>\n`;
  }
  out += '  </teiHeader>\n';
  return out;
}

/** The xml:id of the i-th hand (0-based) in profileDesc/handNotes. */
export function handXmlId(index: number): string {
  return `hand-${index + 1}`;
}

/** What a header says: the metadata, Marginalia's document id, and the hands' descriptions by xml:id. */
export interface HeaderContent {
  metadata: DocumentMetadata;
  documentId: string | null;
  hands: Map<string, string>;
}

/** Reads a header; every part is optional (a missing field is empty). */
export function readTeiHeader(header: Element | null): HeaderContent {
  const metadata = emptyMetadata();
  const hands = new Map<string, string>();
  if (!header) return { metadata, documentId: null, hands };

  const fileDesc = firstChild(header, 'fileDesc');
  const titleStmt = firstChild(fileDesc, 'titleStmt');
  const titles = titleStmt ? childElements(titleStmt, 'title') : [];
  const title = titles.find((t) => attribute(t, 'type') === 'main') ?? titles[0];
  if (title) metadata.title = textValue(title);
  metadata.authors = joinLines(titleStmt ? childElements(titleStmt, 'author') : []);

  const publicationStmt = firstChild(fileDesc, 'publicationStmt');
  let documentId: string | null = null;
  if (publicationStmt) {
    const idno = childElements(publicationStmt, 'idno').find((e) => attribute(e, 'type') === MARGINALIA_IDNO_TYPE);
    if (idno) documentId = textValue(idno);
    const availability = firstChild(publicationStmt, 'availability');
    if (availability) metadata.rights = joinParagraphs([...childElements(availability, 'licence'), ...childElements(availability, 'p')]);
  }

  const notesStmt = firstChild(fileDesc, 'notesStmt');
  if (notesStmt) metadata.credits = textValue(childElements(notesStmt, 'note').find((n) => attribute(n, 'type') === 'credits') ?? null);

  readSource(firstChild(fileDesc, 'sourceDesc'), metadata);

  const profileDesc = firstChild(header, 'profileDesc');
  if (profileDesc) {
    const abstract = firstChild(profileDesc, 'abstract');
    if (abstract) metadata.summary = joinParagraphs(childElements(abstract, 'p'));
    const language = path(profileDesc, 'langUsage', 'language');
    if (language) {
      const ident = attribute(language, 'ident') ?? '';
      metadata.languageCode = ident === UNKNOWN_LANGUAGE ? '' : ident;
      metadata.textLanguage = textValue(language);
    }
    readTextClass(firstChild(profileDesc, 'textClass'), metadata);
    if (metadata.associatedPeopleAndPlaces === '') metadata.associatedPeopleAndPlaces = peopleAndPlacesListed(profileDesc);
    for (const note of descendants(profileDesc, 'handNote')) {
      const id = attribute(note, 'xml:id');
      if (id) hands.set(id, textValue(note));
    }
  }
  return { metadata, documentId, hands };
}

function readSource(sourceDesc: Element | null, metadata: DocumentMetadata): void {
  if (!sourceDesc) return;
  const bibl = firstChild(sourceDesc, 'bibl');
  if (!bibl) {
    // A hand-written source description in prose.
    metadata.citation = joinParagraphs(childElements(sourceDesc, 'p'));
    return;
  }
  const children = childElements(bibl);
  const typed = (name: string, type: string | null) => children.find((e) => e.localName === name && attribute(e, 'type') === type) ?? null;
  const citation = typed('note', 'citation');
  if (citation) metadata.citation = textValue(citation);
  else if (hasOwnText(bibl)) metadata.citation = textValue(bibl); // a citation written as the bibl itself
  const date = children.find((e) => e.localName === 'date' && attribute(e, 'type') !== 'uploaded') ?? null;
  metadata.dateIso = dateFromAttributes(date);
  metadata.dateAsWritten = textValue(date);
  metadata.originalUploadedDate = textValue(typed('date', 'uploaded'));
  metadata.recordId = textValue(typed('idno', 'record') ?? typed('idno', null));
  metadata.archiveReference = textValue(typed('idno', 'archive'));
  const ref = children.find((e) => e.localName === 'ref' || e.localName === 'ptr') ?? null;
  if (ref) metadata.sourceUrl = attribute(ref, 'target') ?? textValue(ref);
  metadata.originalLanguage = textValue(children.find((e) => e.localName === 'textLang') ?? null);
}

function readTextClass(textClass: Element | null, metadata: DocumentMetadata): void {
  if (!textClass) return;
  for (const catRef of childElements(textClass, 'catRef')) {
    const target = attribute(catRef, 'target') ?? '';
    if (target === `#${textKindCategory('original')}`) metadata.textKind = 'original';
    else if (target === `#${textKindCategory('translation')}`) metadata.textKind = 'translation';
  }
  const documentType = childElements(textClass, 'classCode').find((c) => attribute(c, 'scheme') === `#${TAXONOMY.documentTypes}`);
  if (documentType) metadata.documentType = textValue(documentType);
  const topics: Element[] = [];
  for (const keywords of childElements(textClass, 'keywords')) {
    const terms = childElements(keywords, 'term');
    if (attribute(keywords, 'scheme') === `#${TAXONOMY.peopleAndPlaces}`) metadata.associatedPeopleAndPlaces = joinLines(terms);
    else topics.push(...terms); // ours, and any other keywords a hand-written header has
  }
  metadata.associatedTopics = joinLines(topics);
}

/** People and places a hand-written header lists (particDesc/settingDesc), one per line. */
function peopleAndPlacesListed(profileDesc: Element): string {
  const names: string[] = [];
  for (const person of descendants(profileDesc, 'person')) {
    const name = firstChild(person, 'persName');
    if (name) names.push(textValue(name));
  }
  for (const place of descendants(profileDesc, 'place')) {
    const name = firstChild(place, 'placeName');
    if (name) names.push(textValue(name));
  }
  return names.filter((n) => n !== '').join('\n');
}

function joinLines(elements: Element[]): string {
  return elements.map(textValue).join('\n');
}

function joinParagraphs(elements: Element[]): string {
  return elements.map(textValue).join('\n\n');
}

/** Whether an element has text of its own (not only inside child elements), other than white space. */
function hasOwnText(element: Element): boolean {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if ((child.nodeType === 3 || child.nodeType === 4) && /[^ \t\r\n]/.test((child as unknown as { data: string }).data)) return true;
  }
  return false;
}
