/**
 * The workbench's keyboard flow, as CAT tools have it: confirm a segment and go on to the next.
 *
 *  - Ctrl/Cmd+Enter        confirm as a draft (when it has text) and go to the next segment;
 *  - Ctrl/Cmd+Shift+Enter  mark reviewed (when it has text) and go to the next segment;
 *  - Alt+ArrowDown / Up    next / previous segment, the status unchanged.
 *
 * Confirming never lowers a status: Ctrl+Enter on a reviewed segment leaves it reviewed, and
 * marking a final segment reviewed leaves it final. A segment whose draft is empty cannot be a
 * draft: confirming it makes it untranslated again.
 */
import type { SegmentStatus } from '../../shared/translation/types';

export type FlowCommand = 'draft-next' | 'review-next' | 'next' | 'previous';

/** The parts of a key event the flow looks at. */
export interface FlowKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The flow command a key stands for, or null. */
export function flowCommandOf(event: FlowKey): FlowCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  if (event.key === 'Enter' && mod && !event.altKey) return event.shiftKey ? 'review-next' : 'draft-next';
  if (event.altKey && !mod && !event.shiftKey) {
    if (event.key === 'ArrowDown') return 'next';
    if (event.key === 'ArrowUp') return 'previous';
  }
  return null;
}

const RANK: Readonly<Record<SegmentStatus, number>> = { untranslated: 0, draft: 1, reviewed: 2, final: 3 };

/** A segment's status after a flow command, given whether its draft has text. */
export function statusAfter(command: FlowCommand, current: SegmentStatus, hasText: boolean): SegmentStatus {
  if (command === 'next' || command === 'previous') return current;
  if (!hasText) return 'untranslated';
  const wanted: SegmentStatus = command === 'review-next' ? 'reviewed' : 'draft';
  return RANK[current] >= RANK[wanted] ? current : wanted;
}

/** The index of the segment a command moves to (it stays at either end). */
export function indexAfter(command: FlowCommand, index: number, count: number): number {
  const step = command === 'previous' ? -1 : 1;
  return Math.max(0, Math.min(count - 1, index + step));
}
