/**
 * The `.mpack` annotation pack (docs/pack-format.md): writing, reading untrusted packs,
 * merging them into a library, and W3C Web Annotation JSON-LD in and out.
 */
export { ANNOTATIONS_PATH, DEFAULT_PACK_LIMITS, MANIFEST_PATH, PACK_EXTENSION, PACK_FORMAT, PACK_FORMAT_VERSION, type PackLimits } from './format';
export type { PackDocument, PackDocumentRecord, PackInput, PackInputInParts, PackManifest, PackScan, PackTranscription, ParsedPack, WritePackOptions } from './types';
export { writePack, writePackAsync, selectPackAnnotations } from './write-pack';
export { readPack, readPackAsync, type ReadPackOptions } from './read-pack';
export { annotationCollection, annotationIri, exportAnnotationsJsonLd, annotationToJsonLd, type PlainExportOptions } from './annotation-jsonld';
export { anchorForeignAnnotations, readAnnotationsJsonLd, type ForeignAnnotation, type ForeignAnnotations } from './foreign-jsonld';
export { transcriptionHash, transcriptionLineage } from './lineage';
export {
  applyMergePlan,
  describePackSource,
  documentsTouchedBy,
  isEmptyMerge,
  planMerge,
  type AnnotationMergeEntry,
  type AuthorCounts,
  type DocumentMergeEntry,
  type LibraryDocument,
  type LibraryScan,
  type MergeLibrary,
  type MergePlan,
  type MergeRevisionRecord,
  type MergeWrites,
} from './merge';
export { mergePacks, type MergedPacks, type MergePacksOptions } from './merge-packs';
export { summarisePack, type PackSummary } from './summary';
