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
});
