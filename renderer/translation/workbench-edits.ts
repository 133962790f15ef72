/**
 * Changes to a segment translation's workbench data (status, renderings, note), as pure
 * functions from one value to the next. The store (workbench-actions.ts) applies them inside a
 * transaction to the value as it is in the library.
 */
import type { Annotation, BodyDocJSON, TextTarget } from '../../shared/annotation';
import { bodyPlainText, emptyBodyDoc } from '../../shared/annotation-body-schema';
import { describeTextRange } from '../../shared/anchoring/selectors';
import type { Segment } from '../../shared/translation/segment';
import { chosenAlternative, type SegmentStatus, type SegmentWorkbench } from '../../shared/translation/types';

/** The id of a new translation's first rendering. */
export const FIRST_ALTERNATIVE_ID = 'alt-1';

/** The target of a segment's translation: its words, by quote and position. */
export function segmentTarget(documentId: string, text: string, segment: Pick<Segment, 'start' | 'end'>): TextTarget {
  return { type: 'text', documentId, ...describeTextRange(text, { start: segment.start, end: segment.end }) };
}

/** A new translation's workbench data: one rendering, chosen. */
export function newWorkbench(doc: BodyDocJSON, status: SegmentStatus = 'draft', note: BodyDocJSON | null = null): SegmentWorkbench {
  return { status, alternatives: [{ id: FIRST_ALTERNATIVE_ID, doc }], chosen: FIRST_ALTERNATIVE_ID, note };
}

/**
 * A translation's workbench data; a translation made outside the workbench (an annotation card)
 * gets one rendering, its body, and the status its text implies. When the body was rewritten
 * elsewhere (its card's editor writes the body alone), the body is the chosen rendering's latest
 * text.
 */
export function workbenchOf(annotation: Pick<Annotation, 'body' | 'workbench'>): SegmentWorkbench {
  const { workbench, body } = annotation;
  if (!workbench) return newWorkbench(body.doc, bodyPlainText(body.doc) === '' ? 'untranslated' : 'draft');
  const chosen = chosenAlternative(workbench);
  return chosen && JSON.stringify(chosen.doc) !== JSON.stringify(body.doc) ? withChosenDoc(workbench, body.doc) : workbench;
}

/** The chosen rendering's document. */
export function chosenDoc(workbench: SegmentWorkbench): BodyDocJSON {
  return chosenAlternative(workbench)?.doc ?? emptyBodyDoc();
}

/** The chosen rendering rewritten. */
export function withChosenDoc(workbench: SegmentWorkbench, doc: BodyDocJSON): SegmentWorkbench {
  const chosen = chosenAlternative(workbench)?.id ?? workbench.chosen;
  const present = workbench.alternatives.some((a) => a.id === chosen);
  const alternatives = present
    ? workbench.alternatives.map((a) => (a.id === chosen ? { ...a, doc } : a))
    : [...workbench.alternatives, { id: chosen, doc }];
  return { ...workbench, alternatives, chosen };
}

/** An id for another rendering, unused among a workbench's. */
export function nextAlternativeId(workbench: SegmentWorkbench): string {
  const taken = new Set(workbench.alternatives.map((a) => a.id));
  let n = workbench.alternatives.length + 1;
  while (taken.has(`alt-${n}`)) n++;
  return `alt-${n}`;
}

/**
 * Another rendering, starting as a copy of the chosen one (a variant is most often a change of
 * a few words), and chosen, so that the draft editor now writes it; the earlier one stays.
 */
export function withAlternativeAdded(workbench: SegmentWorkbench): SegmentWorkbench {
  const id = nextAlternativeId(workbench);
  return { ...workbench, alternatives: [...workbench.alternatives, { id, doc: chosenDoc(workbench) }], chosen: id };
}

/** Another rendering chosen (unchanged when the id names none). */
export function withChosen(workbench: SegmentWorkbench, id: string): SegmentWorkbench {
  return workbench.alternatives.some((a) => a.id === id) ? { ...workbench, chosen: id } : workbench;
}

/** A rendering removed; the last one is kept. Removing the chosen one chooses the first left. */
export function withoutAlternative(workbench: SegmentWorkbench, id: string): SegmentWorkbench {
  const alternatives = workbench.alternatives.filter((a) => a.id !== id);
  if (alternatives.length === 0 || alternatives.length === workbench.alternatives.length) return workbench;
  return { ...workbench, alternatives, chosen: workbench.chosen === id ? alternatives[0]!.id : workbench.chosen };
}

export function withStatus(workbench: SegmentWorkbench, status: SegmentStatus): SegmentWorkbench {
  return { ...workbench, status };
}

/** The note set from plain text (one paragraph per line); empty text removes it. */
export function withNoteText(workbench: SegmentWorkbench, text: string): SegmentWorkbench {
  return { ...workbench, note: noteDoc(text) };
}

/** A body document of plain text, a paragraph per line; null for blank text. */
export function noteDoc(text: string): BodyDocJSON | null {
  if (text.trim() === '') return null;
  return {
    type: 'doc',
    content: text.split('\n').map((line) => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}

/** A note's plain text, a line per paragraph. */
export function noteText(note: BodyDocJSON | null): string {
  if (!note) return '';
  return (note.content ?? []).map((block) => bodyPlainText({ type: 'doc', content: [block] })).join('\n');
}
