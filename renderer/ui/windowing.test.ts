import { describe, expect, it } from 'vitest';
import { keepingMounted } from './windowing';

/** Items 10–14 in view, with no overscan, in a list of 100. */
const range = { startIndex: 10, endIndex: 14, overscan: 0, count: 100 };

describe('keepingMounted', () => {
  it('renders the items in view and the kept ones, in list order', () => {
    expect(keepingMounted([90, 2])(range)).toEqual([2, 10, 11, 12, 13, 14, 90]);
  });

  it('renders an item once when it is kept twice (open and focused) or already in view', () => {
    expect(keepingMounted([90, 90])(range)).toEqual([10, 11, 12, 13, 14, 90]);
    expect(keepingMounted([12, 12])(range)).toEqual([10, 11, 12, 13, 14]);
  });
});
