/**
 * What a pack holds, counted for people: documents, annotations by kind and by author, scans.
 * `marginalia pack info` prints it; the app's import preview can show the same.
 */
import { ANNOTATION_KINDS, type AnnotationKind, type Creator } from '../annotation';
import type { ParsedPack } from './types';

export interface PackSummary {
  format: string;
  formatVersion: string;
  generator: string;
  creator: Creator;
  created: string;
  documents: Array<{ id: string; title: string; dateIso: string; sheets: number; scans: number; scansIncluded: number; annotations: number }>;
  annotations: {
    total: number;
    /** Tombstones, counted apart from the kinds. */
    deleted: number;
    byKind: Record<AnnotationKind, number>;
    byAuthor: Array<{ creator: Creator; total: number; byKind: Record<AnnotationKind, number> }>;
    /** Annotations carrying conflicting versions, and orphans (their words are gone). */
    withConflicts: number;
    orphaned: number;
  };
  scans: { total: number; included: number; bytes: number };
}

function zeroKinds(): Record<AnnotationKind, number> {
  return Object.fromEntries(ANNOTATION_KINDS.map((k) => [k, 0])) as Record<AnnotationKind, number>;
}

export function summarisePack(pack: ParsedPack): PackSummary {
  const byKind = zeroKinds();
  const authors = new Map<string, { creator: Creator; total: number; byKind: Record<AnnotationKind, number> }>();
  const perDocument = new Map<string, number>();
  let deleted = 0;
  let withConflicts = 0;
  let orphaned = 0;
  for (const a of pack.annotations) {
    perDocument.set(a.documentId, (perDocument.get(a.documentId) ?? 0) + 1);
    if (a.conflicts && a.conflicts.length > 0) withConflicts++;
    if ((a.target.type === 'text' && a.target.orphaned) || a.links.some((l) => l.orphaned)) orphaned++;
    if (a.deleted) {
      deleted++;
      continue;
    }
    byKind[a.kind]++;
    let author = authors.get(a.creator.id);
    if (!author) {
      author = { creator: a.creator, total: 0, byKind: zeroKinds() };
      authors.set(a.creator.id, author);
    }
    author.total++;
    author.byKind[a.kind]++;
  }
  const scans = pack.documents.flatMap((d) => d.scans);
  const m = pack.manifest;
  return {
    format: m.format,
    formatVersion: m.formatVersion,
    generator: m.generator,
    creator: m.creator,
    created: m.created,
    documents: pack.documents.map((d) => ({
      id: d.record.id,
      title: d.record.title,
      dateIso: d.record.dateIso,
      sheets: d.record.sheetCount,
      scans: d.scans.length,
      scansIncluded: d.scans.filter((s) => s.bytes).length,
      annotations: perDocument.get(d.record.id) ?? 0,
    })),
    annotations: { total: pack.annotations.length, deleted, byKind, byAuthor: [...authors.values()], withConflicts, orphaned },
    scans: {
      total: scans.length,
      included: scans.filter((s) => s.bytes).length,
      bytes: scans.reduce((n, s) => n + (s.bytes?.length ?? 0) + (s.thumbnail?.length ?? 0), 0),
    },
  };
}
