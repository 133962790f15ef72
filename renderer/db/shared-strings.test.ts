import { describe, expect, it } from 'vitest';
import { shareRepeatedStrings, SHARED_UP_TO } from './shared-strings';

describe('shareRepeatedStrings', () => {
  it('leaves every record as it was, at any depth, long strings, numbers, nulls and binary data included', () => {
    const long = 'ж'.repeat(SHARED_UP_TO + 1);
    const bytes = new Uint8Array([1, 2, 3]);
    const make = () => [
      { id: 'a1', documentId: 'doc', target: { type: 'text', quote: { exact: long }, position: { start: 3, end: 9 } }, lineage: ['h1', 'h2'], crossref: null, bytes },
      { id: 'a2', documentId: 'doc', target: { type: 'text', quote: { exact: 'слово' }, position: { start: 0, end: 5 } }, lineage: [], crossref: null, bytes },
    ];
    const records = make();
    expect(shareRepeatedStrings(records)).toBe(records);
    expect(records).toEqual(make());
    expect(records[0]!.bytes).toBe(bytes);
  });
});
