/** The English rendering of a translated document, and its exporters (see docs/english-rendering.md). */
export type {
  EnglishRendering,
  RenderedFootnote,
  RenderedParagraph,
  RenderedSegment,
  RenderedSheet,
  RenderingExportOptions,
  SegmentStatus,
  SourceSegment,
  UntranslatedMode,
} from './types';
export { renderingFromAnnotations, type RenderingFromAnnotationsOptions } from './from-annotations';
export { renderingToMarkdown } from './markdown';
export { renderingToHtml } from './html';
export { renderingToDocx, type DocxOptions } from './docx';
