/**
 * Writing XML text safely, and reading an already parsed XML tree (xmldom's, which works alike
 * under Node and in the browser).
 *
 * Writing: every string that reaches the output goes through `escapeText` or `escapeAttribute`.
 * Besides the five XML specials they turn into character references what a parser would
 * otherwise change on reading: carriage returns (XML turns CR LF into LF), tabs and newlines in
 * attribute values (turned into spaces), and NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (which
 * XML 1.1 parsers, xmldom among them, turn into newlines). Characters XML 1.0 cannot carry at all
 * — C0 controls other than tab, newline and carriage return, U+FFFE/U+FFFF and unpaired
 * surrogates — become U+FFFD, one UTF-16 unit for one, so text offsets do not move.
 *
 * Reading: small helpers over xmldom's nodes that only look at elements in the TEI namespace
 * (or in none, for hand-written files that leave it out).
 */
import type { Element, Node as XmlNode } from '@xmldom/xmldom';

export const TEI_NAMESPACE = 'http://www.tei-c.org/ns/1.0';

/** Characters that XML 1.0 cannot represent, not even as character references. */
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes character data (element content). */
export function escapeText(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '\uFFFD').replace(/[&<>\r\u0085\u2028\u2029]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** Escapes an attribute value for writing between double quotes. */
export function escapeAttribute(value: string): string {
  return value.replace(NOT_XML_CHARACTER, '\uFFFD').replace(/[&<>"'\t\n\r\u0085\u2028\u2029]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
  '\u0085': '&#x85;',
  '\u2028': '&#x2028;',
  '\u2029': '&#x2029;',
};

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/** Attributes to write, in order; `undefined` leaves an attribute out. */
export type Attributes = ReadonlyArray<readonly [name: string, value: string | undefined]>;

function attributeText(attributes: Attributes): string {
  let out = '';
  for (const [name, value] of attributes) if (value !== undefined) out += ` ${name}="${escapeAttribute(value)}"`;
  return out;
}

export function openTag(name: string, attributes: Attributes = []): string {
  return `<${name}${attributeText(attributes)}>`;
}

export function closeTag(name: string): string {
  return `</${name}>`;
}

export function emptyTag(name: string, attributes: Attributes = []): string {
  return `<${name}${attributeText(attributes)}/>`;
}

/**
 * An element holding one text value exactly: `xml:space="preserve"` is added when the value has
 * white space a reader would otherwise collapse (line breaks, tabs, runs of spaces, spaces at
 * either end).
 */
export function textElement(name: string, attributes: Attributes, value: string): string {
  const all: Attributes = needsPreserve(value) ? [...attributes, ['xml:space', 'preserve']] : attributes;
  return value === '' ? emptyTag(name, all) : `${openTag(name, all)}${escapeText(value)}${closeTag(name)}`;
}

/** Whether normalising the value's white space (as a reader does without xml:space) would change it. */
export function needsPreserve(value: string): boolean {
  return value !== collapseWhiteSpace(value).trim();
}

/** XML white space (space, tab, CR, LF) runs as single spaces. */
export function collapseWhiteSpace(value: string): string {
  return value.replace(/[ \t\r\n]+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Reading

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

export function isElement(node: XmlNode): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** Whether an element is a TEI element: in the TEI namespace, or in none. */
export function isTeiElement(node: XmlNode): node is Element {
  return isElement(node) && (node.namespaceURI === TEI_NAMESPACE || node.namespaceURI === null || node.namespaceURI === undefined);
}

/** The element's TEI name, or null for an element in another namespace (and for non-elements). */
export function teiName(node: XmlNode): string | null {
  return isTeiElement(node) ? node.localName : null;
}

/** The child nodes of a node, as an array. */
export function childNodes(node: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

/** The TEI child elements of a node, optionally only those of one name. */
export function childElements(node: XmlNode, name?: string): Element[] {
  return childNodes(node).filter((n): n is Element => isTeiElement(n) && (name === undefined || n.localName === name));
}

/** The first TEI child element of that name, or null. */
export function firstChild(node: XmlNode | null, name: string): Element | null {
  if (!node) return null;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (isTeiElement(child) && child.localName === name) return child;
  }
  return null;
}

/** Follows a path of child names from a node: `path(header, 'fileDesc', 'titleStmt')`. */
export function path(node: XmlNode | null, ...names: string[]): Element | null {
  let at: XmlNode | null = node;
  for (const name of names) at = firstChild(at, name);
  return at as Element | null;
}

/** Every TEI element of that name below a node, in document order. */
export function descendants(node: XmlNode, name: string): Element[] {
  const out: Element[] = [];
  const visit = (n: XmlNode) => {
    for (let child = n.firstChild; child; child = child.nextSibling) {
      if (!isElement(child)) continue;
      if (isTeiElement(child) && child.localName === name) out.push(child);
      visit(child);
    }
  };
  visit(node);
  return out;
}

/** An attribute's value, or null when the element does not have it. */
export function attribute(element: Element, name: string): string | null {
  return element.hasAttribute(name) ? element.getAttribute(name) : null;
}

/** How deeply elements may nest before a file is refused (hostile files nest thousands deep). */
export const MAX_NESTING_DEPTH = 200;

/** White-space handling at an element: its own xml:space, else what its parent had. */
export function spaceOf(element: Element, inherited: boolean): boolean {
  const value = element.getAttribute('xml:space');
  return value === 'preserve' ? true : value === 'default' ? false : inherited;
}

/** Whether white space is significant at an element: the nearest xml:space in scope says "preserve". */
export function preservesSpace(element: Element): boolean {
  for (let at: XmlNode | null = element; at && isElement(at); at = at.parentNode) {
    const value = at.getAttribute('xml:space');
    if (value === 'preserve') return true;
    if (value === 'default') return false;
  }
  return false;
}

/** The text of an element and its descendants, exactly as written (CDATA included, comments not). */
export function rawText(node: XmlNode): string {
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) out += (child as unknown as { data: string }).data;
    else if (isElement(child)) out += rawText(child);
  }
  return out;
}

/**
 * The text of an element as a value: exact where xml:space="preserve" is in scope, else with
 * white space collapsed and trimmed, as hand-written, indented XML needs.
 */
export function textValue(element: Element | null): string {
  if (!element) return '';
  const text = rawText(element);
  return preservesSpace(element) ? text : collapseWhiteSpace(text).trim();
}
