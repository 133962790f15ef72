/**
 * Glossary terms in a source segment, as pieces of its text to render: plain runs and the terms
 * the glossary knows, each with its entry (the row underlines them, with the preferred
 * rendering and the notes in a tooltip).
 */
import { findTerms } from '../../shared/glossary/match';
import type { Glossary, GlossaryEntry } from '../../shared/glossary/types';

export interface SourcePiece {
  /** Offset of the piece in the segment's text. */
  start: number;
  text: string;
  /** The glossary entry whose term this is, for a term. */
  entry?: GlossaryEntry;
}

/** A segment's text cut into plain runs and glossary terms (the longest of overlapping matches). */
export function sourcePieces(text: string, glossary: Glossary | undefined): SourcePiece[] {
  if (!glossary || glossary.entries.length === 0) return [{ start: 0, text }];
  const entries = new Map(glossary.entries.map((e) => [e.id, e]));
  const pieces: SourcePiece[] = [];
  let at = 0;
  for (const match of [...findTerms(text, glossary)].sort((a, b) => a.start - b.start)) {
    if (match.start < at) continue;
    if (match.start > at) pieces.push({ start: at, text: text.slice(at, match.start) });
    pieces.push({ start: match.start, text: text.slice(match.start, match.end), entry: entries.get(match.entryId) });
    at = match.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ start: at, text: text.slice(at) });
  return pieces;
}

/** The tooltip of a term: how to render it, what else is allowed or forbidden, the notes. */
export function termTooltip(entry: GlossaryEntry): string {
  const lines = [`${entry.source} → ${entry.preferred || '(no preferred rendering)'}`];
  if (entry.admitted.length > 0) lines.push(`Also: ${entry.admitted.join(', ')}`);
  if (entry.forbidden.length > 0) lines.push(`Not: ${entry.forbidden.join(', ')}`);
  if (entry.notes.trim() !== '') lines.push(entry.notes.trim());
  return lines.join('\n');
}
