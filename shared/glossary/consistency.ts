/**
 * Checking translations against the glossary: for every segment with a translation (any status
 * but "untranslated", with text), every glossary term found in the segment's source asks that
 * the chosen rendering
 *  - contains the entry's preferred rendering or one of its admitted renderings ("missing-preferred"
 *    otherwise; entries without a preferred rendering ask nothing here), and
 *  - contains none of its forbidden renderings ("forbidden", one issue for each place found).
 * Renderings are compared word for word, ignoring case, plural and possessive endings ("enemy"
 * is found in "the enemies'"), with white space or hyphens between words ("cease-fire" is
 * "cease fire"). A term that occurs twice in a segment is one requirement, not two.
 */
import type { Segment } from '../translation/segment';
import { assignTranslations, translationStatus, translationText } from '../translation/progress';
import type { WorkbenchTranslation } from '../translation/types';
import { findTerms } from './match';
import type { Glossary } from './types';
import { englishKey, englishTokens } from './words';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface ConsistencyIssue {
  kind: 'missing-preferred' | 'forbidden';
  segmentId: string;
  translationId: string;
  entryId: string;
  /** The term's first occurrence in the segment, in the segment's (document's) offsets. */
  term: TextSpan;
  /** The preferred rendering that is missing, or the forbidden rendering that is used. */
  rendering: string;
  /** For "forbidden": where it is in the translation's plain text. */
  found?: TextSpan;
}

/** Where a rendering occurs in an English text (see the module comment). */
export function findRendering(text: string, rendering: string): TextSpan[] {
  const wanted = englishTokens(rendering).map((t) => englishKey(t.text));
  if (wanted.length === 0) return [];
  const words = englishTokens(text);
  const keys = words.map((t) => englishKey(t.text));
  const out: TextSpan[] = [];
  for (let i = 0; i + wanted.length <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < wanted.length && ok; k++) {
      if (keys[i + k] !== wanted[k]) ok = false;
      else if (k > 0 && !/^[\s\-‐–]+$/u.test(text.slice(words[i + k - 1]!.end, words[i + k]!.start))) ok = false;
    }
    if (ok) {
      const start = words[i]!.start;
      const end = words[i + wanted.length - 1]!.end;
      out.push({ start, end, text: text.slice(start, end) });
    }
  }
  return out;
}

/** The glossary's complaints about the translations of the segments, in segment order. */
export function checkConsistency(
  segments: readonly Segment[],
  translations: readonly WorkbenchTranslation[],
  glossary: Glossary,
): ConsistencyIssue[] {
  const { bySegment } = assignTranslations(segments, translations);
  const entries = new Map(glossary.entries.map((e) => [e.id, e]));
  const issues: ConsistencyIssue[] = [];
  for (const segment of segments) {
    const translation = bySegment.get(segment.id)?.[0];
    if (!translation || translationStatus(translation) === 'untranslated') continue;
    const rendered = translationText(translation);
    if (rendered === '') continue;
    const firstOfEntry = new Map<string, TextSpan>();
    for (const m of findTerms(segment.text, glossary)) {
      if (!firstOfEntry.has(m.entryId)) firstOfEntry.set(m.entryId, { start: segment.start + m.start, end: segment.start + m.end, text: m.text });
    }
    for (const [entryId, term] of firstOfEntry) {
      const entry = entries.get(entryId)!;
      const base = { segmentId: segment.id, translationId: translation.id, entryId, term };
      if (entry.preferred.trim() !== '' && ![entry.preferred, ...entry.admitted].some((r) => findRendering(rendered, r).length > 0)) {
        issues.push({ kind: 'missing-preferred', ...base, rendering: entry.preferred });
      }
      for (const bad of entry.forbidden) {
        for (const found of findRendering(rendered, bad)) issues.push({ kind: 'forbidden', ...base, rendering: bad, found });
      }
    }
  }
  return issues;
}
