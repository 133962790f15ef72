/**
 * Builders of translation annotations for the workbench's tests (translation/ and glossary/).
 * Pure, like the rest of shared/; nothing in the app uses them.
 */
import type { BodyDocJSON, TextTarget } from '../annotation';
import { describeTextRange } from '../anchoring/selectors';
import type { SegmentStatus, SegmentWorkbench, WorkbenchTranslation } from './types';

/** A body of one paragraph holding `text`. */
export function bodyDoc(text: string): BodyDocJSON {
  return { type: 'doc', content: [{ type: 'paragraph', content: text === '' ? [] : [{ type: 'text', text }] }] };
}

export function textTarget(text: string, start: number, end: number): TextTarget {
  return { type: 'text', documentId: 'doc-1', ...describeTextRange(text, { start, end }) };
}

/**
 * A translation of text[range] reading `english`, with workbench data when a status is given
 * (one rendering, chosen), without when not.
 */
export function translationOf(
  text: string,
  range: { start: number; end: number },
  english: string,
  extra: Partial<WorkbenchTranslation> & { status?: SegmentStatus } = {},
): WorkbenchTranslation {
  const { status, ...rest } = extra;
  const workbench: SegmentWorkbench | undefined = status
    ? { status, alternatives: [{ id: 'a1', doc: bodyDoc(english) }], chosen: 'a1', note: null }
    : undefined;
  return {
    id: `t-${range.start}`,
    kind: 'translation',
    target: textTarget(text, range.start, range.end),
    body: { doc: bodyDoc(english), language: 'en' },
    deleted: false,
    ...(workbench ? { workbench } : {}),
    ...rest,
  };
}
