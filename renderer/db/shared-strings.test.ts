import { describe, expect, it } from 'vitest';
import { SHARED_UP_TO, stringSharer } from './shared-strings';

describe('stringSharer', () => {
  it('leaves every record as it was, at any depth, long strings, numbers, nulls and binary data included', () => {
    const long = 'ж'.repeat(SHARED_UP_TO + 1);
    const bytes = new Uint8Array([1, 2, 3]);
    const make = () => [
      { id: 'a1', documentId: 'doc', target: { type: 'text', quote: { exact: long }, position: { start: 3, end: 9 } }, lineage: ['h1', 'h2'], crossref: null, bytes },
      { id: 'a2', documentId: 'doc', target: { type: 'text', quote: { exact: 'слово' }, position: { start: 0, end: 5 } }, lineage: [], crossref: null, bytes },
    ];
    const records = make();
    const share = stringSharer();
    for (const record of records) expect(share(record)).toBe(record);
    expect(records).toEqual(make());
    expect(records[0]!.bytes).toBe(bytes);
  });

  it('keeps in its table only values that repeat across records, not each record’s id, words, timestamps or hashes', () => {
    const share = stringSharer();
    for (let i = 0; i < 1000; i++) {
      share({
        id: `urn:uuid:${i}`,
        documentId: 'urn:uuid:doc',
        kind: i % 2 ? 'commentary' : 'translation',
        target: { type: 'text', quote: { type: 'TextQuoteSelector', exact: `слово ${i}`, prefix: `до ${i}`, suffix: `после ${i}` } },
        creator: { id: 'urn:uuid:anna', name: 'Anna' },
        body: { doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `note ${i}` }] }] } },
        created: new Date(i * 1000).toISOString(),
        modified: new Date(i * 2000).toISOString(),
        lineage: [`hash-${i}`],
      });
    }
    // doc id, two kinds, "text", "TextQuoteSelector", creator id and name, "doc", "paragraph".
    expect(share.tableSize).toBe(9);
  });
});

