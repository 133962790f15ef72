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
function content(a: HashedParts): unknown {
  const parts: unknown[] = [a.kind, a.body, a.crossref, a.deleted, a.target.type === 'region' ? [a.target.scanId, a.target.selector] : null];
  // Only when present, so that annotations without workbench data keep the hashes they had.
  if (a.workbench) parts.push(a.workbench);
  return parts;
}

type HashedParts = Pick<Annotation, 'kind' | 'body' | 'crossref' | 'deleted' | 'target' | 'workbench'>;

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
 *
 * The 64-bit state is kept in four 16-bit limbs (lowest first) so that every product fits in a
 * double: the prime is 2^40 + 435, so multiplying is 435 times each limb plus the state shifted
 * up by 40 bits (two limbs and eight bits). BigInt arithmetic gives the same hashes ten times
 * slower, and hashing runs over every annotation when a pack is written or merged.
 */
export function hashText(text: string): string {
  let v0 = 0x2325;
  let v1 = 0x8422;
  let v2 = 0x9ce4;
  let v3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    v0 ^= text.charCodeAt(i);
    const t0 = v0 * 435;
    let t1 = v1 * 435;
    let t2 = v2 * 435 + (v0 << 8);
    const t3 = v3 * 435 + (v1 << 8);
    t1 += t0 >>> 16;
    t2 += t1 >>> 16;
    v0 = t0 & 0xffff;
    v1 = t1 & 0xffff;
    v2 = t2 & 0xffff;
    v3 = (t3 + (t2 >>> 16)) & 0xffff;
  }
  return [v3, v2, v1, v0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

export function contentHash(a: HashedParts): string {
  return hashText(canonicalJson(content(a)));
}

/** The lineage after saving a version: its hash appended, unless the content did not change. */
export function extendLineage(lineage: readonly string[], next: HashedParts): string[] {
  const hash = contentHash(next);
  if (lineage[lineage.length - 1] === hash) return [...lineage];
  return [...lineage, hash].slice(-MAX_LINEAGE);
}
