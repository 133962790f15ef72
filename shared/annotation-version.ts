/**
 * Telling versions of an annotation apart, for merging packs: a content hash of what a person
 * writes (kind, body, cross-reference, region, deletion), and the lineage of hashes each saved
 * version appends to.
 *
 * Where the annotation's words are (its text target and links) is left out of the hash: it moves
 * when the transcription is corrected, which is nobody's edit of the annotation, and must not
 * make two copies look edited apart.
 */
import type { Annotation } from './annotation';

/** How many past versions a lineage remembers; older ones are dropped from the front. */
export const MAX_LINEAGE = 64;

/** The parts of an annotation a person edits, in a fixed order. */
function content(a: Pick<Annotation, 'kind' | 'body' | 'crossref' | 'deleted' | 'target'>): unknown {
  return [a.kind, a.body, a.crossref, a.deleted, a.target.type === 'region' ? [a.target.scanId, a.target.selector] : null];
}

/** JSON with object keys sorted, so equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * A 64-bit FNV-1a hash of a string's UTF-16 code units, as 16 hex digits: synchronous and the
 * same in Node and every browser. Not a security measure; it tells versions apart.
 */
export function hashText(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, '0');
}

export function contentHash(a: Pick<Annotation, 'kind' | 'body' | 'crossref' | 'deleted' | 'target'>): string {
  return hashText(canonicalJson(content(a)));
}

/** The lineage after saving a version: its hash appended, unless the content did not change. */
export function extendLineage(lineage: readonly string[], next: Pick<Annotation, 'kind' | 'body' | 'crossref' | 'deleted' | 'target'>): string[] {
  const hash = contentHash(next);
  if (lineage[lineage.length - 1] === hash) return [...lineage];
  return [...lineage, hash].slice(-MAX_LINEAGE);
}
