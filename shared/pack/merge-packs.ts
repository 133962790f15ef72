/**
 * Merging packs into one pack, outside the app (`marginalia pack merge`): the first pack is the
 * library, and each next pack is merged into it by the same rules the app uses (merge.ts).
 *
 * A pack keeps more history than the app's library can: a document new to the library keeps
 * the whole lineage it came with, and a transcription taken from a later pack keeps the
 * versions between. It also keeps less: a transcription changed apart in a later pack is
 * reported, not kept, since a pack holds no revisions.
 */
import type { Annotation, Creator } from '../annotation';
import { applyMergePlan, planMerge, type LibraryDocument, type MergePlan } from './merge';
import { transcriptionHash } from './lineage';
import type { PackDocument, PackInput, ParsedPack } from './types';

export interface MergePacksOptions {
  /** Who the merged pack is from (default: the first pack's creator). */
  creator?: Creator;
  generator: string;
  /** Now, ISO 8601 UTC. */
  now: string;
  newId: () => string;
}

export interface MergedPacks {
  /** The merged documents and annotations, ready for `writePack`. */
  input: PackInput;
  /** The plan of each pack after the first, in order. */
  plans: MergePlan[];
}

/** Merges `packs[1..]` into `packs[0]`. Throws a RangeError when there is no pack. */
export function mergePacks(packs: readonly ParsedPack[], options: MergePacksOptions): MergedPacks {
  const [base, ...rest] = packs;
  if (!base) throw new RangeError('There is no pack to merge.');
  const documents = new Map<string, PackDocument>(base.documents.map((d) => [d.record.id, cloneDocument(d)]));
  const annotations = new Map<string, Annotation>(base.annotations.map((a) => [a.id, a]));
  const plans: MergePlan[] = [];

  for (const pack of rest) {
    const library = {
      documents: [...documents.values()].map(
        (d): LibraryDocument => ({ record: d.record, transcription: d.transcription, lineage: d.lineage, lastRevisionNumber: d.lineage.length }),
      ),
      annotations: [...annotations.values()],
      scans: [...documents.values()].flatMap((d) => d.scans.map((s) => ({ id: s.id, documentId: s.documentId, sheetIndex: s.sheetIndex, mime: s.mime, size: s.size }))),
    };
    const plan = planMerge(library, pack);
    plans.push(plan);
    const writes = applyMergePlan(plan, { newId: options.newId, now: options.now });
    const packDocuments = new Map(pack.documents.map((d) => [d.record.id, d]));

    for (const entry of plan.documents) {
      const incoming = packDocuments.get(entry.packId)!;
      const current = documents.get(entry.localId);
      if (!current) {
        // Scans with images arrive through the writes below; those without travel as metadata.
        const copy = cloneDocument(incoming);
        documents.set(entry.localId, { ...copy, scans: copy.scans.filter((s) => !s.bytes) });
        continue;
      }
      const localHash = transcriptionHash(current.transcription.doc);
      if (entry.transcription === 'fast-forward') {
        const written = writes.transcriptions.find((t) => t.documentId === entry.localId)!;
        const from = incoming.lineage.indexOf(localHash);
        current.transcription = { schemaVersion: written.schemaVersion, doc: written.doc, modified: written.modified };
        current.lineage = [...current.lineage, ...incoming.lineage.slice(from + 1)];
      }
      // A transcription changed apart stays the base's: a pack holds one transcription and no
      // revisions, so the other version is not in the merged pack, and its lineage does not
      // claim it (importing the other pack into the app keeps it, as a revision).
    }
    for (const record of writes.documents) {
      documents.get(record.id)!.record = record;
    }
    for (const scan of writes.scans) documents.get(scan.documentId)!.scans.push(scan);
    for (const { id, sheetIndex } of writes.scanSheetIndexes) {
      for (const d of documents.values()) for (const s of d.scans) if (s.id === id) s.sheetIndex = sheetIndex;
    }
    for (const a of writes.annotations) annotations.set(a.id, a);
  }

  return {
    input: {
      documents: [...documents.values()],
      annotations: [...annotations.values()],
      creator: options.creator ?? base.manifest.creator,
      generator: options.generator,
    },
    plans,
  };
}

function cloneDocument(d: PackDocument): PackDocument {
  return { record: { ...d.record }, transcription: { ...d.transcription }, lineage: [...d.lineage], scans: d.scans.map((s) => ({ ...s })) };
}
