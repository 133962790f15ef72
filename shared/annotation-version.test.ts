import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, extendLineage, hashText, MAX_LINEAGE } from './annotation-version';
import { seededRandom } from './seeded-random';

/** FNV-1a 64 the plain way, with BigInt, to check the fast one against. */
function referenceHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = ((h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

describe('hashText', () => {
  it('is FNV-1a 64 (known values)', () => {
    expect(hashText('')).toBe('cbf29ce484222325');
    expect(hashText('a')).toBe('af63dc4c8601ec8c');
    expect(hashText('foobar')).toBe('85944171f73967e8');
  });

  it('agrees with a BigInt FNV-1a on random Cyrillic, Chinese and surrogate text', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 300; n++) {
      let text = '';
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += String.fromCharCode(Math.floor(random() * 0x10000));
      expect(hashText(text)).toBe(referenceHash(text));
    }
  });
});

describe('lineage', () => {
  const base = { kind: 'commentary' as const, body: { doc: { type: 'doc' as const }, language: 'en' }, crossref: null, deleted: false, target: { type: 'text' as const } as never };

  it('hashes content whatever the order of keys', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('appends a version only when the content changed, and keeps the newest', () => {
    const one = extendLineage([], base);
    expect(extendLineage(one, base)).toEqual(one);
    const two = extendLineage(one, { ...base, deleted: true });
    expect(two).toEqual([...one, contentHash({ ...base, deleted: true })]);
    let long: string[] = [];
    for (let i = 0; i < MAX_LINEAGE + 5; i++) long = extendLineage(long, { ...base, body: { doc: { type: 'doc' }, language: `x${i}` } });
    expect(long).toHaveLength(MAX_LINEAGE);
  });
});
