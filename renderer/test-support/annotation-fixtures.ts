/** Small annotation pieces for renderer unit tests. */
import type { AnnotationBody, TextTarget } from '../../shared/annotation';

/** A text target on the words "СЕРИЯ 17" of a document "doc". */
export const target: TextTarget = {
  type: 'text',
  documentId: 'doc',
  quote: { type: 'TextQuoteSelector', exact: 'СЕРИЯ 17', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 8 },
};

/** A body of one paragraph of English text. */
export function body(text: string): AnnotationBody {
  return { doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, language: 'en' };
}
