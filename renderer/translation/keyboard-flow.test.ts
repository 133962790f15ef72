import { describe, expect, it } from 'vitest';
import { flowCommandOf, indexAfter, statusAfter, type FlowKey } from './keyboard-flow';

const key = (k: string, mods: Partial<Omit<FlowKey, 'key'>> = {}): FlowKey => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('flowCommandOf', () => {
  it('reads Ctrl/Cmd+Enter, Ctrl/Cmd+Shift+Enter and Alt+arrows', () => {
    expect(flowCommandOf(key('Enter', { ctrlKey: true }))).toBe('draft-next');
    expect(flowCommandOf(key('Enter', { metaKey: true }))).toBe('draft-next');
    expect(flowCommandOf(key('Enter', { ctrlKey: true, shiftKey: true }))).toBe('review-next');
    expect(flowCommandOf(key('ArrowDown', { altKey: true }))).toBe('next');
    expect(flowCommandOf(key('ArrowUp', { altKey: true }))).toBe('previous');
  });

  it('leaves other keys to the editor', () => {
    expect(flowCommandOf(key('Enter'))).toBeNull();
    expect(flowCommandOf(key('Enter', { shiftKey: true }))).toBeNull();
    expect(flowCommandOf(key('Enter', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(flowCommandOf(key('ArrowDown'))).toBeNull();
    expect(flowCommandOf(key('ArrowDown', { altKey: true, shiftKey: true }))).toBeNull();
    expect(flowCommandOf(key('ArrowDown', { altKey: true, ctrlKey: true }))).toBeNull();
  });
});

describe('statusAfter', () => {
  it('Ctrl+Enter makes a translated segment a draft, and never lowers a status', () => {
    expect(statusAfter('draft-next', 'untranslated', true)).toBe('draft');
    expect(statusAfter('draft-next', 'draft', true)).toBe('draft');
    expect(statusAfter('draft-next', 'reviewed', true)).toBe('reviewed');
    expect(statusAfter('draft-next', 'final', true)).toBe('final');
  });

  it('Ctrl+Shift+Enter marks reviewed, leaving final alone', () => {
    expect(statusAfter('review-next', 'untranslated', true)).toBe('reviewed');
    expect(statusAfter('review-next', 'draft', true)).toBe('reviewed');
    expect(statusAfter('review-next', 'final', true)).toBe('final');
  });

  it('an empty draft is untranslated, whatever is asked', () => {
    expect(statusAfter('draft-next', 'untranslated', false)).toBe('untranslated');
    expect(statusAfter('draft-next', 'draft', false)).toBe('untranslated');
    expect(statusAfter('review-next', 'reviewed', false)).toBe('untranslated');
  });

  it('moving without confirming keeps the status', () => {
    expect(statusAfter('next', 'untranslated', true)).toBe('untranslated');
    expect(statusAfter('previous', 'draft', false)).toBe('draft');
  });
});

describe('indexAfter', () => {
  it('steps forward for confirmations and next, back for previous, and stays at the ends', () => {
    expect(indexAfter('draft-next', 0, 3)).toBe(1);
    expect(indexAfter('review-next', 1, 3)).toBe(2);
    expect(indexAfter('next', 2, 3)).toBe(2);
    expect(indexAfter('previous', 2, 3)).toBe(1);
    expect(indexAfter('previous', 0, 3)).toBe(0);
  });
});
