/**
 * Glossaries as TBX files (ISO 30042 TermBase eXchange), the format terminology tools share.
 *
 * Written as TBX v3 in the TBX-Basic dialect (DCA style): one <conceptEntry> per entry, holding
 * the entry's notes as a <note>, a <langSec xml:lang="ru"> and a <langSec xml:lang="en"> (the
 * glossary's languages), each term in a <termSec>:
 *  - the source term, with administrativeStatus "preferredTerm-admn-sts", and a
 *    "Marginalia stem rule: …" <note> when its stem rule is not the automatic one;
 *  - each listed form, with termType "variant";
 *  - the preferred rendering with "preferredTerm-admn-sts", admitted renderings with
 *    "admittedTerm-admn-sts", forbidden ones with "deprecatedTerm-admn-sts".
 * The file names the dialect's RELAX NG and Schematron schemas in <?xml-model?> instructions, as
 * TBX v3 files do, and keeps to them: TBX-Basic allows no xml:space on terms and notes, so a
 * note keeps its inner line breaks but not white space at its ends; a TBX body needs at least
 * one entry, so an empty glossary is not written.
 *
 * Read: TBX v3 (<tbx>, <conceptEntry>/<langSec>/<termSec>) and TBX 2008 (<martif>,
 * <termEntry>/<langSet>/<tig> or <ntig>), in any namespace. In the source language the first term
 * not marked as a variant is the source term, the others are forms; in the target language the
 * first preferred term is the preferred rendering (the first term not deprecated when none is
 * marked preferred), other terms are admitted, deprecated, superseded and obsolete ones
 * forbidden. Notes anywhere in an entry and definitions (<descrip type="definition">) become
 * its notes; other languages are left out. The file is untrusted: a DOCTYPE is refused, XML
 * errors are reported with their line (shared/tei/parse-xml.ts), and an entry without a source
 * term, with an unknown status or with another problem is refused by its number and id.
 */
import type { Element, Node as XmlNode } from '@xmldom/xmldom';
import { decodeTextFile } from '../importers/decode-text';
import { ImportError } from '../importers/import-error';
import { parseUntrustedXml } from '../tei/parse-xml';
import { closeTag, escapeText, isElement, openTag, rawText, textValue, type Attributes } from '../tei/xml';
import { MAX_GLOSSARY_ENTRIES, type GlossaryImportOptions } from './csv';
import { glossaryEntryProblems, newEntryId, parseStemRule, type Glossary, type GlossaryEntry } from './types';

export const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
/** How a non-automatic stem rule is written in a source term's note. */
const STEM_NOTE = 'Marginalia stem rule:';

/** The TBX-Basic dialect's schemas, named the way TBX v3 files declare their dialect. */
const XML_MODELS = [
  '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
  '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>',
];

const STATUS = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
} as const;

export interface GlossaryTbxOptions {
  /** The file's title (its header's <title>). */
  title?: string;
}

/** A glossary as a TBX-Basic (TBX v3) file (see the module comment). */
export function glossaryToTbx(glossary: Glossary, options: GlossaryTbxOptions = {}): string {
  const out: string[] = [];
  const line = (depth: number, text: string): void => {
    out.push(`${'  '.repeat(depth)}${text}`);
  };
  // TBX-Basic allows no xml:space on terms and notes, so values are written as they are (see the module comment).
  const element = (name: string, value: string, attributes: Attributes = []): string => `${openTag(name, attributes)}${escapeText(value)}${closeTag(name)}`;
  const termSec = (depth: number, term: string, notes: Array<[type: string, value: string]>, note?: string): void => {
    line(depth, openTag('termSec'));
    line(depth + 1, element('term', term));
    for (const [type, value] of notes) line(depth + 1, element('termNote', value, [['type', type]]));
    if (note !== undefined) line(depth + 1, element('note', note));
    line(depth, closeTag('termSec'));
  };

  if (glossary.entries.length === 0) throw new Error('A TBX file holds at least one entry, and this glossary has none.');
  out.push('<?xml version="1.0" encoding="UTF-8"?>', ...XML_MODELS);
  line(0, openTag('tbx', [['type', 'TBX-Basic'], ['style', 'dca'], ['xml:lang', glossary.targetLanguage], ['xmlns', TBX_NAMESPACE]]));
  line(1, openTag('tbxHeader'));
  line(2, openTag('fileDesc'));
  if (options.title) line(3, `${openTag('titleStmt')}${element('title', options.title)}${closeTag('titleStmt')}`);
  line(3, `${openTag('sourceDesc')}${element('p', 'Exported from Marginalia.')}${closeTag('sourceDesc')}`);
  line(2, closeTag('fileDesc'));
  line(1, closeTag('tbxHeader'));
  line(1, openTag('text'));
  line(2, openTag('body'));
  for (const entry of glossary.entries) {
    line(3, openTag('conceptEntry', [['id', entry.id]]));
    if (entry.notes.trim() !== '') line(4, element('note', entry.notes.trim()));
    line(4, openTag('langSec', [['xml:lang', glossary.sourceLanguage]]));
    const stemNote = entry.stem.trim() === '' ? undefined : `${STEM_NOTE} ${entry.stem.trim()}`;
    termSec(5, entry.source, [['administrativeStatus', STATUS.preferred]], stemNote);
    for (const form of entry.forms) termSec(5, form, [['termType', 'variant']]);
    line(4, closeTag('langSec'));
    if (entry.preferred !== '' || entry.admitted.length > 0 || entry.forbidden.length > 0) {
      line(4, openTag('langSec', [['xml:lang', glossary.targetLanguage]]));
      if (entry.preferred !== '') termSec(5, entry.preferred, [['administrativeStatus', STATUS.preferred]]);
      for (const r of entry.admitted) termSec(5, r, [['administrativeStatus', STATUS.admitted]]);
      for (const r of entry.forbidden) termSec(5, r, [['administrativeStatus', STATUS.deprecated]]);
      line(4, closeTag('langSec'));
    }
    line(3, closeTag('conceptEntry'));
  }
  line(2, closeTag('body'));
  line(1, closeTag('text'));
  line(0, closeTag('tbx'));
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading

function children(node: XmlNode, names: readonly string[]): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (isElement(c) && names.includes(c.localName ?? '')) out.push(c);
  return out;
}

function descendants(node: XmlNode, names: readonly string[], out: Element[] = []): Element[] {
  // Iterative, so a deep file cannot exhaust the stack (parse-xml.ts limits nesting anyway).
  const stack: XmlNode[] = [];
  for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (names.includes(n.localName ?? '')) out.push(n);
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

function languageOf(element: Element): string {
  const lang = element.getAttribute('xml:lang') || element.getAttributeNS(XML_NAMESPACE, 'lang') || '';
  return primaryLanguage(lang);
}

const primaryLanguage = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

type Status = 'preferred' | 'admitted' | 'forbidden' | null;

interface ReadTerm {
  text: string;
  status: Status;
  variant: boolean;
}

const STATUS_VALUES: Readonly<Record<string, Exclude<Status, null>>> = {
  preferredterm: 'preferred',
  admittedterm: 'admitted',
  deprecatedterm: 'forbidden',
  supersededterm: 'forbidden',
  obsoleteterm: 'forbidden',
  notrecommendedterm: 'forbidden',
  standardizedterm: 'preferred',
  legalterm: 'admitted',
  regulatedterm: 'admitted',
};

/** Reads a glossary from a TBX file's text or bytes; throws ImportError naming the file, and the entry where one is at fault. */
export function glossaryFromTbx(fileName: string, input: string | Uint8Array, options: GlossaryImportOptions = {}): Glossary {
  const xml = typeof input === 'string' ? input : decodeTextFile(fileName, input).text;
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new ImportError(
      fileName,
      'it contains a document type declaration (<!DOCTYPE …>). TBX files need none, and declarations can define entities that make a file unsafe to open, so they are refused; remove the <!DOCTYPE …> line and import it again.',
    );
  }
  const document = parseUntrustedXml(fileName, xml);
  const root = document.documentElement!;
  if (root.localName !== 'tbx' && root.localName !== 'martif') {
    throw new ImportError(fileName, `it is not a TBX file: its root element is <${root.tagName}>, where TBX has <tbx> (TBX v3) or <martif> (TBX 2008).`);
  }
  const sourceLanguage = options.sourceLanguage ?? 'ru';
  const targetLanguage = options.targetLanguage ?? 'en';
  const entryElements = descendants(root, ['conceptEntry', 'termEntry']);
  if (entryElements.length > MAX_GLOSSARY_ENTRIES) {
    throw new ImportError(fileName, `it has ${entryElements.length} entries, more than the limit of ${MAX_GLOSSARY_ENTRIES}.`);
  }
  const taken = new Set(entryElements.map((e) => e.getAttribute('id') ?? '').filter((id) => id !== ''));
  const seen = new Set<string>();
  const entries = entryElements.map((element, i) => {
    const givenId = element.getAttribute('id') ?? '';
    const label = `entry ${i + 1}${givenId ? ` (id “${givenId}”)` : ''}`;
    const fail = (reason: string): never => {
      throw new ImportError(fileName, `${label} cannot be read: ${reason}.`);
    };
    const source: ReadTerm[] = [];
    const target: ReadTerm[] = [];
    for (const langSec of children(element, ['langSec', 'langSet'])) {
      const lang = languageOf(langSec);
      const into = lang === primaryLanguage(sourceLanguage) ? source : lang === primaryLanguage(targetLanguage) ? target : null;
      if (!into) continue;
      for (const termSec of children(langSec, ['termSec', 'tig', 'ntig'])) into.push(readTerm(termSec, fail));
    }
    const main = source.find((t) => !t.variant) ?? source[0];
    if (!main) fail(`it has no term in the source language (a <langSec xml:lang="${sourceLanguage}"> with a <term>)`);

    let stem = '';
    const notes: string[] = [];
    for (const n of descendants(element, ['note', 'descrip'])) {
      const value = noteText(n);
      if (n.localName === 'descrip') {
        if (n.getAttribute('type') === 'definition' && value !== '') notes.push(`Definition: ${value}`);
      } else if (value.startsWith(STEM_NOTE)) {
        stem = value.slice(STEM_NOTE.length).trim();
      } else if (value !== '') {
        notes.push(value);
      }
    }

    const preferred = target.find((t) => t.status === 'preferred') ?? target.find((t) => t.status !== 'forbidden');
    const entry: GlossaryEntry = {
      id: givenId || newEntryId(main!.text, taken),
      source: main!.text,
      forms: source.filter((t) => t !== main).map((t) => t.text),
      stem,
      preferred: preferred?.text ?? '',
      admitted: target.filter((t) => t !== preferred && t.status !== 'forbidden').map((t) => t.text),
      forbidden: target.filter((t) => t.status === 'forbidden').map((t) => t.text),
      notes: notes.join('\n'),
    };
    try {
      parseStemRule(entry.stem);
    } catch (error) {
      fail((error as Error).message);
    }
    const problems = glossaryEntryProblems(entry);
    if (problems.length > 0) fail(problems.join('; '));
    if (seen.has(entry.id)) fail(`its id is the id of an earlier entry`);
    seen.add(entry.id);
    return entry;
  });
  return { sourceLanguage, targetLanguage, entries };
}

function readTerm(termSec: Element, fail: (reason: string) => never): ReadTerm {
  const termElement = descendants(termSec, ['term'])[0];
  const text = termElement ? textValue(termElement).normalize('NFC') : '';
  if (text === '') fail('one of its terms is empty (a <termSec> needs a <term> with text)');
  let status: Status = null;
  let variant = false;
  for (const note of descendants(termSec, ['termNote'])) {
    const type = note.getAttribute('type') ?? '';
    const value = textValue(note);
    if (type === 'administrativeStatus' || type === 'normativeAuthorization') {
      const known = STATUS_VALUES[value.replace(/-admn-sts$/, '').toLowerCase()];
      if (!known) fail(`the status of “${text}”, “${value}”, is not one TBX defines (such as ${STATUS.preferred}, ${STATUS.admitted}, ${STATUS.deprecated})`);
      status = known!;
    } else if (type === 'termType' && value === 'variant') {
      variant = true;
    }
  }
  return { text, status, variant };
}

/**
 * A note's text: exact under xml:space="preserve", else with its line breaks but without the
 * white space at its ends (TBX-Basic allows no xml:space on notes, so ours are written bare).
 */
function noteText(note: Element): string {
  return note.getAttribute('xml:space') === 'preserve' ? rawText(note) : rawText(note).trim();
}
