/**
 * What the library benchmark (bench/library.bench.ts, in Node) and its pages (bench/pages/, in
 * the browser, built with the app's own modules) say to each other: the shape of the synthetic
 * library asked for, what seeding it answers, and what the timed operations answer. Plain data
 * only, so that it crosses `page.evaluate`, and no imports, so that both TypeScript projects (the
 * bench's and the pages') can include it.
 */

/** The synthetic library to make. Everything is drawn from `seed`, so two runs make the same library. */
export interface LibrarySpec {
  seed: number;
  /** Words to recombine into the text (the Cyrillic words of the bundled sample telegram). */
  words: string[];
  /** Sheets of the large document. */
  sheets: number;
  /** About how many characters of text the large document has. */
  characters: number;
  /** Annotations on the large document (all live; about 5 % of them regions of its scans). */
  annotations: number;
  /** Small documents beside it (one sheet each, 0–2 annotations each). */
  smallDocuments: number;
  /** Scans of the large document (small PNGs, spread evenly over its sheets). */
  scans: number;
  /**
   * Also a copy of the large document's text with a single annotation (a copy of the large
   * document's first annotation), as the baseline for typing in the transcription and in a body.
   */
  twin: boolean;
}

/** One annotation the benchmark clicks or types into, and where it is. */
export interface NamedAnnotation {
  id: string;
  documentId: string;
  /** The words it is on. */
  exact: string;
}

/** What seeding wrote, and what the app should show for it. */
export interface SeedSummary {
  largeId: string;
  largeTitle: string;
  smallId: string;
  smallTitle: string;
  /** Distinct annotation ids the small document's highlights carry. */
  smallHighlightedIds: number;
  twinId: string | null;
  twinTitle: string | null;
  /** The large document's first annotation on words, in reading order (its card is near the top). */
  first: NamedAnnotation;
  /** Its copy on the twin, when there is one. */
  twinFirst: NamedAnnotation | null;
  /** Characters of the large document's plain text. */
  characters: number;
  /** The large document's annotations: on words, regions, regions with linked words, by kind. */
  textAnnotations: number;
  regionAnnotations: number;
  linkedRegions: number;
  byKind: Record<string, number>;
  /** Distinct annotation ids the large document's highlights carry (words and linked passages). */
  highlightedIds: number;
  /** Everything in the library. */
  documents: number;
  annotationsInLibrary: number;
  scans: number;
  /** Bytes of the annotation records as JSON (about what IndexedDB holds). */
  annotationJsonBytes: number;
  /** Milliseconds spent generating the records, and writing them. */
  generateMs: number;
  writeMs: number;
}

/** One export of the whole library as a pack, and the raw read beside it. */
export interface ExportTiming {
  totalMs: number;
  /** Phases, which overlap: gatherPackInput (until the last annotations are read; the JSON-LD of the first is made meanwhile), writePack (what is left after: the last JSON-LD, deflating, the zip, hashes). */
  phases: Record<string, number>;
  packBytes: number;
}

/** One import of the pack into an empty library, and the raw write beside it. */
export interface ImportTiming {
  totalMs: number;
  /** Phases: readPack, loadMergeLibrary, planMerge, applyMergePlan, writeMerge. */
  phases: Record<string, number>;
  written: Record<string, number>;
}

/** Re-anchoring every stored text target of the large document, once. */
export interface ReanchorRun {
  anchors: number;
  ms: number;
  /** How each was found: position, quote, fuzzy, or orphan (not found). */
  methods: Record<string, number>;
}

/** What the re-anchoring page prepared: the text before and after the edits. */
export interface ReanchorSetup {
  anchors: number;
  edits: number;
  charactersBefore: number;
  charactersAfter: number;
  insertions: number;
  deletions: number;
}

/** `window.benchLibrary` of the harness page (bench/pages/library-harness.ts). */
export interface BenchLibraryApi {
  seed(spec: LibrarySpec): Promise<SeedSummary>;
  exportPack(): Promise<ExportTiming>;
  readRaw(): Promise<{ ms: number; records: Record<string, number> }>;
  importPack(): Promise<ImportTiming>;
  writeRaw(): Promise<{ ms: number }>;
  prepareReanchor(spec: LibrarySpec, edits: number): Promise<ReanchorSetup>;
  reanchor(which: 'edited' | 'unchanged'): ReanchorRun;
}

/** `window.benchBare` of the bare ProseMirror page (bench/pages/bare-prosemirror.ts). */
export interface BenchBareApi {
  ready: Promise<void>;
  /** The document the page's "Open" button opens next. */
  next: string;
  /** The document position the last click on a word found, or null. */
  lastHit: number | null;
  place(rect: { left: number; top: number; width: number; height: number }): void;
}
