/**
 * Lineages: the hashes of the versions a transcription or an annotation went through, oldest
 * first, the last being the current one. Two copies of a thing are compared by them: when one
 * lineage contains the other's current hash, that one is the later; when neither does, the
 * two were changed apart.
 */
import type { Annotation } from '../annotation';
import { canonicalJson, contentHash, hashText } from '../annotation-version';

/** The hash of one version of a transcription: `hashText(canonicalJson(doc))`. */
export function transcriptionHash(doc: unknown): string {
  return hashText(canonicalJson(doc));
}

/**
 * A transcription's lineage, from its revisions (in the order they were made; the app's
 * RevisionRecords sorted by `number`) and its current ProseMirror JSON. Repeats in a row count
 * once, and the current version is always last, even when the newest revision is one a merge
 * kept beside it without applying.
 */
export function transcriptionLineage(revisionDocs: readonly unknown[], currentDoc: unknown): string[] {
  const lineage: string[] = [];
  for (const doc of [...revisionDocs, currentDoc]) {
    const hash = transcriptionHash(doc);
    if (lineage[lineage.length - 1] !== hash) lineage.push(hash);
  }
  return lineage;
}

/** A lineage that ends with `current`: as given when it does, with `current` appended when it does not. */
export function lineageEndingWith(lineage: readonly string[], current: string): string[] {
  return lineage[lineage.length - 1] === current ? [...lineage] : [...lineage, current];
}

/** An annotation's lineage as merging reads it: its own, ending with its current content hash. */
export function annotationLineage(annotation: Omit<Annotation, 'conflicts'>): string[] {
  return lineageEndingWith(annotation.lineage ?? [], contentHash(annotation));
}

/** The hash of an annotation's current version. */
export function currentHash(annotation: Omit<Annotation, 'conflicts'>): string {
  return contentHash(annotation);
}
