/**
 * Annotations: what a user attaches to words of a transcription or to a region of a scan.
 *
 * Targets are W3C Web Annotation selectors from the start — for words a TextQuoteSelector and
 * a TextPositionSelector over the transcription's normalised plain text (see
 * anchoring/text-index.ts), for a region a FragmentSelector or SvgSelector in the scan's pixels
 * (see regions/) — so that anchors survive edits and travel in packs.
 */

import type { RegionSelector } from './regions/selectors';
import type { SegmentWorkbench } from './translation/types';

export const ANNOTATION_KINDS = ['commentary', 'translation', 'crossref'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const ANNOTATION_KIND_LABELS: Readonly<Record<AnnotationKind, string>> = {
  commentary: 'Commentary',
  translation: 'Translation',
  crossref: 'Cross-reference',
};

export function isAnnotationKind(value: unknown): value is AnnotationKind {
  return typeof value === 'string' && (ANNOTATION_KINDS as readonly string[]).includes(value);
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Words in one document, located by quote and by position. */
export interface TextTarget {
  type: 'text';
  documentId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /**
   * Set when a correction of the transcription removed every word this target quoted: it is an
   * orphan, kept with its quote and listed until the user re-attaches it. It is not looked for
   * again on its own (its quote may well occur elsewhere: "38 параллели" does), only when an
   * earlier revision of the transcription is restored.
   */
  orphaned?: true;
}

/**
 * A region of one scan of a document — a stamp, a handwritten note, a signature — in the
 * image's own pixels (before any rotation or mirroring in the viewer).
 */
export interface RegionTarget {
  type: 'region';
  documentId: string;
  scanId: string;
  /** The sheet the scan showed when the region was drawn; for listing regions in reading order. */
  sheetIndex: number;
  selector: RegionSelector;
}

export type AnnotationTarget = TextTarget | RegionTarget;

export function isTextTarget(target: AnnotationTarget): target is TextTarget {
  return target.type === 'text';
}

export function isRegionTarget(target: AnnotationTarget): target is RegionTarget {
  return target.type === 'region';
}

/** Where a cross-reference points. */
export type CrossReferenceTarget =
  | { type: 'passage'; target: TextTarget }
  | { type: 'document'; documentId: string }
  | { type: 'external'; citation: string; url: string };

/** The person who wrote an annotation. */
export interface Creator {
  /** A stable id for this person on this installation: `urn:uuid:…`. */
  id: string;
  name: string;
}

/** ProseMirror JSON of an annotation body (see annotation-body-schema.ts). */
export interface BodyDocJSON {
  type: 'doc';
  content?: unknown[];
}

export interface AnnotationBody {
  doc: BodyDocJSON;
  /** BCP 47 language of the body: the target language of a translation ("en"). */
  language: string;
}

export interface Annotation {
  id: string;
  documentId: string;
  kind: AnnotationKind;
  target: AnnotationTarget;
  /**
   * Passages of the transcription this annotation is linked to — for a region, the words that
   * transcribe it. Hovering either side highlights the other.
   */
  links: TextTarget[];
  body: AnnotationBody;
  /** Set for kind "crossref" once the user has chosen where it points. */
  crossref: CrossReferenceTarget | null;
  creator: Creator;
  /** ISO 8601 UTC timestamps. */
  created: string;
  modified: string;
  /** Incremented on every saved change; used to tell edits apart when packs are merged. */
  revision: number;
  /** A tombstone: deleted annotations are kept (for undo and for merging packs) but not shown. */
  deleted: boolean;
  /**
   * Content hashes of this annotation's saved versions, oldest first, the last being the current
   * one (see annotation-version.ts). Merging packs compares lineages: a version whose lineage
   * contains the other's current hash is its later edit; otherwise the two were edited apart.
   */
  lineage: string[];
  /**
   * Versions of this annotation from elsewhere that were edited apart from this one (a merge
   * found them in conflict), kept until the user chooses. Absent when there are none.
   */
  conflicts?: ConflictingVersion[];
  /**
   * A translation drafted in the translator's workbench: its status, the renderings weighed and
   * the chosen one (whose text is also `body.doc`), and the translator's note. Absent on every
   * other annotation (see shared/translation/types.ts).
   */
  workbench?: SegmentWorkbench;
}

/** Another version of an annotation, kept beside it after a merge, and where it came from. */
export interface ConflictingVersion {
  annotation: Omit<Annotation, 'conflicts'>;
  /** Where it came from, in words: "the pack from Anna Petrova, 3 March 2026". */
  source: string;
}
