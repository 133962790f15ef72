/**
 * What a segment translation carries beyond an ordinary translation annotation: how far along
 * it is, the renderings the translator weighed, the one chosen, and a note.
 *
 * Proposed storage (docs/translation.md): an optional `workbench` field on Annotation, set only
 * on kind "translation". The annotation's `body.doc` stays the chosen rendering, so everything
 * that reads translations today (the cards, packs, TEI, W3C JSON-LD) keeps working unchanged;
 * `workbench.alternatives` holds every rendering, the chosen one included.
 */
import type { AnnotationBody, AnnotationKind, AnnotationTarget, BodyDocJSON } from '../annotation';

export const SEGMENT_STATUSES = ['untranslated', 'draft', 'reviewed', 'final'] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

export const SEGMENT_STATUS_LABELS: Readonly<Record<SegmentStatus, string>> = {
  untranslated: 'Untranslated',
  draft: 'Draft',
  reviewed: 'Reviewed',
  final: 'Final',
};

export function isSegmentStatus(value: unknown): value is SegmentStatus {
  return typeof value === 'string' && (SEGMENT_STATUSES as readonly string[]).includes(value);
}

/** One English rendering of a segment. */
export interface TranslationAlternative {
  /** Unique within its annotation ("alt-1", a UUID…). */
  id: string;
  /** The rendering, in the annotation body schema (annotation-body-schema.ts). */
  doc: BodyDocJSON;
}

/** The workbench's part of a translation annotation. */
export interface SegmentWorkbench {
  status: SegmentStatus;
  /** Every rendering considered, the chosen one included; at least one. */
  alternatives: TranslationAlternative[];
  /** The id of the chosen alternative, whose doc is also the annotation's body.doc. */
  chosen: string;
  /** The translator's note on the segment (a doubt, a reference, a reason for the choice), or null. */
  note: BodyDocJSON | null;
}

/**
 * A translation as the workbench reads it: an Annotation of kind "translation", with the
 * proposed `workbench` field when it has one. Any Annotation can be passed.
 */
export interface WorkbenchTranslation {
  id: string;
  kind: AnnotationKind;
  target: AnnotationTarget;
  body: AnnotationBody;
  deleted: boolean;
  /** ISO 8601; the later of two translations of one segment wins. */
  modified?: string;
  workbench?: SegmentWorkbench;
}

/**
 * What is wrong with a stored workbench value (it arrives in packs from other people), in words;
 * empty when it is sound. Body documents are only checked for shape here; they are checked
 * against the body schema where they are rendered.
 */
export function workbenchProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['the workbench data is not an object'];
  const wb = value as Record<string, unknown>;
  if (!isSegmentStatus(wb.status)) problems.push(`the status ${JSON.stringify(wb.status)} is not one of ${SEGMENT_STATUSES.join(', ')}`);
  const alternatives = wb.alternatives;
  if (!Array.isArray(alternatives) || alternatives.length === 0) {
    problems.push('there is no rendering (alternatives must list at least one)');
  } else {
    const ids = new Set<string>();
    alternatives.forEach((alt: unknown, i) => {
      const a = alt as Record<string, unknown> | null;
      if (typeof a !== 'object' || a === null || typeof a.id !== 'string' || a.id === '') {
        problems.push(`rendering ${i + 1} has no id`);
        return;
      }
      if (ids.has(a.id)) problems.push(`two renderings have the id "${a.id}"`);
      ids.add(a.id);
      if (!isBodyDoc(a.doc)) problems.push(`rendering "${a.id}" is not a body document`);
    });
    if (typeof wb.chosen !== 'string' || !ids.has(wb.chosen)) problems.push(`the chosen rendering ${JSON.stringify(wb.chosen)} is not among the renderings`);
  }
  if (wb.note !== null && !isBodyDoc(wb.note)) problems.push('the note is neither null nor a body document');
  return problems;
}

function isBodyDoc(value: unknown): value is BodyDocJSON {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc' &&
    ((value as { content?: unknown }).content === undefined || Array.isArray((value as { content?: unknown }).content));
}

/** The chosen alternative of a workbench value (the first one when `chosen` names none). */
export function chosenAlternative(workbench: SegmentWorkbench): TranslationAlternative | undefined {
  return workbench.alternatives.find((a) => a.id === workbench.chosen) ?? workbench.alternatives[0];
}
