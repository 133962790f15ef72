/**
 * "Save a copy to a file": work the library refused, written out through the host's save dialog
 * (a download in a browser) so that nothing typed depends on the library having space.
 *
 * A body is saved as W3C Web Annotations (JSON-LD, purpose 'annotations'): the annotation with
 * the unsaved text, as a TextualBody in plain text, which other tools and a text editor read.
 * A transcription is saved as TEI (purpose 'tei'), as File › Export as TEI would write it, with
 * the text as it stands in the editor and the annotations on their words as the editor carried
 * them. Reading the document's metadata and annotations is tried, not required: when the
 * library cannot be read either, the TEI has the text alone.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Annotation, AnnotationBody } from '../../shared/annotation';
import { ANNOTATION_KIND_LABELS, isTextTarget } from '../../shared/annotation';
import type { MarginaliaBridge, SaveFileResult } from '../../shared/bridge';
import { emptyMetadata } from '../../shared/document-metadata';
import { exportAnnotationsJsonLd } from '../../shared/pack';
import { exportTei } from '../../shared/tei';
import type { MovedTarget } from '../db/annotation-store';
import type { MarginaliaDatabase } from '../db/database';

async function generatorOf(bridge: MarginaliaBridge): Promise<string> {
  const info = await bridge.appInfo();
  return `${info.name} ${info.version}`;
}

/** The annotation with its unsaved body, as a JSON-LD file. */
export async function saveBodyCopy(bridge: MarginaliaBridge, annotation: Annotation, body: AnnotationBody): Promise<SaveFileResult> {
  const on = isTextTarget(annotation.target) ? `“${annotation.target.quote.exact.slice(0, 40)}”` : `a region of sheet ${annotation.target.sheetIndex + 1}`;
  const label = `${ANNOTATION_KIND_LABELS[annotation.kind]} on ${on} — a copy of unsaved text`;
  const json = exportAnnotationsJsonLd([{ ...annotation, body, deleted: false }], {
    creator: annotation.creator,
    generator: await generatorOf(bridge),
    label,
  });
  return bridge.saveFile('annotations', `${label}`, new TextEncoder().encode(json));
}

/** Where the editor has carried an annotation's words (its target, or one of its links). */
export type CarriedTarget = MovedTarget;

/** The transcription as the editor has it, as a TEI file. */
export async function saveTranscriptionCopy(
  db: MarginaliaDatabase,
  bridge: MarginaliaBridge,
  copy: { documentId: string; doc: ProseMirrorNode; targets: readonly CarriedTarget[] },
): Promise<SaveFileResult> {
  const [document, stored, generator] = await Promise.all([
    db.documents.get(copy.documentId).catch(() => undefined),
    db.annotations.where('documentId').equals(copy.documentId).toArray().catch((): Annotation[] => []),
    generatorOf(bridge),
  ]);
  const byId = new Map(copy.targets.map((t) => [t.annotationId, [] as CarriedTarget[]]));
  for (const t of copy.targets) byId.get(t.annotationId)!.push(t);
  const annotations = stored.map((a) => {
    const moved = byId.get(a.id);
    if (!moved) return a;
    const next = { ...a, links: [...a.links] };
    for (const t of moved) {
      if (t.slot === 'target') next.target = t.target;
      else if (t.slot < next.links.length) next.links[t.slot] = t.target;
    }
    return next;
  });
  const input = {
    document: document ?? { ...emptyMetadata('Unsaved transcription'), id: copy.documentId },
    transcription: copy.doc.toJSON() as Record<string, unknown>,
    generator,
  };
  let xml: string;
  try {
    xml = exportTei({ ...input, annotations });
  } catch (error) {
    // The text is what must not be lost: an annotation the TEI cannot carry is left out of the copy (it is in the library).
    console.warn('The copy of the transcription is saved without its annotations', error);
    xml = exportTei({ ...input, annotations: [] });
  }
  return bridge.saveFile('tei', `${input.document.title} — unsaved copy`, new TextEncoder().encode(xml));
}
