/**
 * File › Export English Translation: a document's English rendering (docs/english-rendering.md)
 * built from what is in the library — the transcription segmented as the workbench segments it
 * (automatic segmentation with the translator's splits and joins), the document's live
 * translation and commentary annotations, its metadata — and written as Word, Markdown or HTML,
 * printed to PDF by the desktop app, or printed by the browser.
 *
 * The DOCX writer pulls in the `docx` library (~260 KB), so it is loaded only when asked for.
 */
import type { Annotation } from '../../shared/annotation';
import type { MarginaliaBridge, SaveFileResult } from '../../shared/bridge';
import { TextIndex } from '../../shared/anchoring/text-index';
import { renderingFromAnnotations } from '../../shared/rendering/from-annotations';
import { renderingToHtml } from '../../shared/rendering/html';
import { renderingToMarkdown } from '../../shared/rendering/markdown';
import type { EnglishRendering, UntranslatedMode } from '../../shared/rendering/types';
import { transcriptionFromJSON } from '../../shared/transcription/schema';
import { applyOverrides } from '../../shared/translation/overrides';
import { segmentTranscription } from '../../shared/translation/segment';
import { liveAnnotations } from '../db/annotation-store';
import type { MarginaliaDatabase } from '../db/database';
import { loadSegmentation } from '../db/segmentation-store';

export const ENGLISH_FORMATS = ['docx', 'markdown', 'html', 'pdf'] as const;
export type EnglishFormat = (typeof ENGLISH_FORMATS)[number];

export const ENGLISH_FORMAT_LABELS: Readonly<Record<EnglishFormat, string>> = {
  docx: 'Word (.docx)',
  markdown: 'Markdown (.md)',
  html: 'Web page (.html)',
  pdf: 'PDF',
};

export interface EnglishExportOptions {
  /** Commentary annotations become footnotes. */
  commentaryFootnotes: boolean;
  untranslated: UntranslatedMode;
  /**
   * The creators (by id) whose translations are used; null uses everybody's. When several
   * translations cover a segment, those marked final or reviewed in the workbench come first.
   */
  translatorIds: ReadonlySet<string> | null;
}

/** A person who translated some of the document, for the dialog's choice. */
export interface TranslatorInfo {
  id: string;
  name: string;
  /** How many of the document's translations are theirs. */
  translations: number;
}

/** Translations that can be shown: with text, not set back to "untranslated" in the workbench. */
function isUsableTranslation(a: Annotation): boolean {
  return a.kind === 'translation' && !a.deleted && a.workbench?.status !== 'untranslated';
}

/** Who translated the document, most translations first. */
export function translatorsOf(annotations: readonly Annotation[]): TranslatorInfo[] {
  const byId = new Map<string, TranslatorInfo>();
  for (const a of annotations) {
    if (!isUsableTranslation(a)) continue;
    const info = byId.get(a.creator.id) ?? { id: a.creator.id, name: a.creator.name || 'Unnamed translator', translations: 0 };
    info.translations++;
    byId.set(a.creator.id, info);
  }
  return [...byId.values()].sort((x, y) => y.translations - x.translations || x.name.localeCompare(y.name));
}

/** The annotations a rendering is built from, and the translations to prefer, given the options. */
export function selectAnnotations(
  annotations: readonly Annotation[],
  options: Pick<EnglishExportOptions, 'translatorIds'>,
): { annotations: Annotation[]; chosenTranslationIds: string[] } {
  const kept = annotations.filter((a) => {
    if (a.kind !== 'translation') return true;
    if (!isUsableTranslation(a)) return false;
    return options.translatorIds === null || options.translatorIds.has(a.creator.id);
  });
  const chosenTranslationIds = kept
    .filter((a) => a.kind === 'translation' && (a.workbench?.status === 'final' || a.workbench?.status === 'reviewed'))
    // Final before reviewed: the first listed wins.
    .sort((x, y) => (x.workbench?.status === 'final' ? 0 : 1) - (y.workbench?.status === 'final' ? 0 : 1))
    .map((a) => a.id);
  return { annotations: kept, chosenTranslationIds };
}

/** The document's English rendering, from the library as it is now. */
export async function buildEnglishRendering(
  db: MarginaliaDatabase,
  documentId: string,
  options: EnglishExportOptions,
): Promise<EnglishRendering> {
  const [document, transcription, annotations, overrides] = await Promise.all([
    db.documents.get(documentId),
    db.transcriptions.get(documentId),
    liveAnnotations(db, documentId),
    loadSegmentation(db, documentId),
  ]);
  if (!document || !transcription) throw new Error('the document is no longer in the library');
  const doc = transcriptionFromJSON(transcription);
  const text = TextIndex.fromDoc(doc).text;
  const segments = applyOverrides(segmentTranscription(doc), overrides, text);
  const selected = selectAnnotations(annotations, options);
  return renderingFromAnnotations(doc, document, selected.annotations, segments, {
    chosenTranslationIds: selected.chosenTranslationIds,
    untranslated: options.untranslated,
    commentaryFootnotes: options.commentaryFootnotes,
  });
}

/** The name suggested for the file: the title and "(English)". */
export function englishFileName(title: string): string {
  return `${title.trim() || 'Untitled document'} (English)`;
}

/** Writes the rendering in a format and saves it through the bridge. */
export async function saveEnglishRendering(
  bridge: MarginaliaBridge,
  rendering: EnglishRendering,
  format: EnglishFormat,
): Promise<SaveFileResult> {
  const name = englishFileName(rendering.metadata.title);
  switch (format) {
    case 'markdown':
      return bridge.saveFile('markdown', name, new TextEncoder().encode(renderingToMarkdown(rendering)));
    case 'html':
      return bridge.saveFile('html', name, new TextEncoder().encode(renderingToHtml(rendering)));
    case 'docx': {
      const { renderingToDocx } = await import('../../shared/rendering/docx');
      return bridge.saveFile('docx', name, await renderingToDocx(rendering));
    }
    case 'pdf':
      if (!bridge.printToPdf) return { saved: false, reason: 'Printing to PDF needs the desktop app; in a browser, use “Print…” and choose to save as PDF.' };
      return bridge.printToPdf(renderingToHtml(rendering), name);
  }
}

/**
 * The browser's print dialog for the rendering (which can also save a PDF): the page goes into
 * a hidden frame, sandboxed without scripts (its own CSP allows none either), and is printed
 * from there. Resolves when the dialog has closed (or at once where printing does not block).
 */
export function printInBrowser(rendering: EnglishRendering): Promise<void> {
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.title = 'English translation, for printing';
  // Same origin so the app may call print() on it; modals so print() is allowed; no scripts.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  return new Promise<void>((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        try {
          frame.contentWindow?.focus();
          frame.contentWindow?.print();
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        } finally {
          // Leave the frame a moment: some browsers print asynchronously from it.
          setTimeout(() => frame.remove(), 60_000);
        }
      },
      { once: true },
    );
    frame.srcdoc = renderingToHtml(rendering);
    document.body.append(frame);
  });
}
