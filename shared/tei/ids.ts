/**
 * The identifiers and pointers a TEI export uses, and reading them back.
 *
 * An `xml:id` must be an XML name (no colon, not starting with a digit), while Marginalia's ids
 * are UUIDs or whatever a pack brought. An annotation's `xml:id` is therefore `ann-` followed by
 * its id with every character other than ASCII letters, digits, "." and "-" written as `_hex_`
 * (its code point in hexadecimal): reversible, so the id comes back exactly, and a UUID reads
 * as itself (`ann-3f2a…`). Ids of things Marginalia does not store itself (documents, scans)
 * are kept in URNs instead: `urn:marginalia:document:…`, `urn:marginalia:scan:…`.
 */

/** The xml:id of the transcription (`<text>`), pointed at by targets whose words are gone. */
export const TRANSCRIPTION_XML_ID = 'transcription';

const ANNOTATION_PREFIX = 'ann-';
const DOCUMENT_URN = 'urn:marginalia:document:';
const SCAN_URN = 'urn:marginalia:scan:';

/** An id written as the tail of an XML name (see the module comment). */
export function nameToken(id: string): string {
  let out = '';
  for (const ch of id) out += /^[A-Za-z0-9.-]$/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`;
  return out;
}

/** The id a `nameToken` wrote, or null if the token is not one. */
export function fromNameToken(token: string): string | null {
  if (!/^(?:[A-Za-z0-9.-]|_[0-9a-f]{1,6}_)*$/.test(token)) return null;
  let failed = false;
  const id = token.replace(/_([0-9a-f]{1,6})_/g, (_, hex: string) => {
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) {
      failed = true;
      return '';
    }
    return String.fromCodePoint(code);
  });
  return failed ? null : id;
}

/** The xml:id of an annotation. */
export function annotationXmlId(annotationId: string): string {
  return ANNOTATION_PREFIX + nameToken(annotationId);
}

/** The annotation id an xml:id stands for: decoded when it is one of ours, else the xml:id itself. */
export function annotationIdFromXmlId(xmlId: string): string {
  if (xmlId.startsWith(ANNOTATION_PREFIX)) {
    const id = fromNameToken(xmlId.slice(ANNOTATION_PREFIX.length));
    if (id !== null && id !== '') return id;
  }
  return xmlId;
}

export function documentUrn(documentId: string): string {
  return DOCUMENT_URN + encodeURIComponent(documentId);
}

export function scanUrn(scanId: string): string {
  return SCAN_URN + encodeURIComponent(scanId);
}

/** The document id in a `urn:marginalia:document:` URN, or null. */
export function documentIdFromUrn(urn: string): string | null {
  return fromUrn(urn, DOCUMENT_URN);
}

/** The scan id in a `urn:marginalia:scan:` URN, or null. */
export function scanIdFromUrn(urn: string): string | null {
  return fromUrn(urn, SCAN_URN);
}

function fromUrn(urn: string, prefix: string): string | null {
  if (!urn.startsWith(prefix)) return null;
  try {
    return decodeURIComponent(urn.slice(prefix.length));
  } catch {
    return null;
  }
}

/** What one pointer (one token of a `target` attribute) points at in this document. */
export type LocalPointer = { kind: 'range'; from: string; to: string } | { kind: 'id'; id: string } | { kind: 'other'; value: string };

/** A TEI `range()` pointer between two elements of this document: `#range(a,b)`. */
export function rangePointer(fromId: string, toId: string): string {
  return `#range(${fromId},${toId})`;
}

/** The pointers of a `target` attribute (white-space separated), each understood where it can be. */
export function parsePointers(value: string | null): LocalPointer[] {
  if (!value) return [];
  return value
    .trim()
    .split(/[ \t\r\n]+/)
    .filter((token) => token !== '')
    .map(parsePointer);
}

function parsePointer(token: string): LocalPointer {
  const range = /^#range\(\s*#?([^,()\s]+)\s*,\s*#?([^,()\s]+)\s*\)$/.exec(token);
  if (range) return { kind: 'range', from: range[1]!, to: range[2]! };
  const id = /^#([^#()\s]+)$/.exec(token);
  if (id) return { kind: 'id', id: id[1]! };
  return { kind: 'other', value: token };
}
