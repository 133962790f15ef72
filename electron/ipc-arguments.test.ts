import { describe, expect, it } from 'vitest';
import { expectNoArguments, expectOneString } from './ipc-arguments';

describe('expectNoArguments', () => {
  it('accepts an empty argument list', () => {
    expect(() => expectNoArguments('ch', [])).not.toThrow();
  });
  it('throws when anything was passed', () => {
    expect(() => expectNoArguments('ch', [undefined])).toThrow(/ch takes no arguments, got 1/);
  });
});

describe('expectOneString', () => {
  it('returns the single string', () => {
    expect(expectOneString('ch', ['https://example.org'], 100)).toBe('https://example.org');
  });
  it.each([
    [[], /exactly one argument, got 0/],
    [['a', 'b'], /exactly one argument, got 2/],
    [[42], /expects a string, got number/],
    [[null], /expects a string, got null/],
    [[{ toString: () => 'https://example.org' }], /expects a string, got object/],
    [['x'.repeat(101)], /at most 100 characters, got 101/],
  ])('throws for %j', (args, message) => {
    expect(() => expectOneString('ch', args, 100)).toThrow(message);
  });
});
