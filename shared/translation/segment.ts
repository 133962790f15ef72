/**
 * Sentence segmentation of a transcription, for the translator's workbench: the units a
 * translation is written against, one per sentence (or per line of a telegram's header).
 *
 * Segments are measured in the plain text of anchoring/text-index.ts (a "\n" between blocks and
 * for every line break), so that a segment's range is also the range a translation annotation
 * targets. A segment never crosses a paragraph (and so never a sheet); it holds no white space at
 * either end; the white space between segments belongs to none.
 *
 * Inside a paragraph, a line break ends a segment unless the line before it is running prose
 * wrapped in mid-sentence: at least RUN_ON_LINE_LENGTH characters long and no table row (no
 * tab) — then the break counts as a space and the sentence rules decide. Telegram headers,
 * addresses, service notes and table rows are short lines, each its own unit; a transcription
 * that keeps the typist's line ends in prose still gets whole sentences. The sentence rules are
 * in sentence-rules.ts.
 *
 * Segment ids are `seg-{sheet}-{paragraph}-{fingerprint}`, the fingerprint a hash of the first
 * 32 letters and digits of the segment's text (lower-cased, "ё" as "е"), and a suffix "-2",
 * "-3"… for a repeated fingerprint in the same paragraph. So an id survives corrections that
 * matter most in practice: edits anywhere in an earlier paragraph or sheet, edits in the
 * segment's own text after its opening words, other sentences of its paragraph being split,
 * merged, added or removed. It changes when its opening words are corrected, or when a
 * paragraph or sheet is inserted or removed before it. Ids name segments for the workbench's
 * own state; translations stay tied to their words by their anchors, not by ids.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { dominantScript } from '../importers/text-script';
import {
  CJK_TERMINATORS,
  CLOSERS,
  OPENERS,
  TERMINATORS,
  exclamationEndsSentence,
  periodEndsSentence,
  rulesFor,
  type NextWord,
  type RuleSet,
} from './sentence-rules';

/** One sentence (or header line) of a transcription, in TextIndex plain-text offsets. */
export interface Segment {
  id: string;
  sheetIndex: number;
  /** The paragraph's index within its sheet. */
  paragraphIndex: number;
  start: number;
  end: number;
  /** The text between start and end. */
  text: string;
}

export interface SegmentOptions {
  /** BCP 47 language of the text; by default Russian for Cyrillic text, English for Latin. */
  language?: string;
  /** How long a line must be for a line break after it to count as a space (default RUN_ON_LINE_LENGTH). */
  runOnLineLength?: number;
}

/** A line at least this long, broken in mid-sentence, is prose wrapped by the typist. */
export const RUN_ON_LINE_LENGTH = 50;
/** How many letters and digits of a segment's opening its id's fingerprint takes. */
const FINGERPRINT_LETTERS = 32;

/** A paragraph's place in the document and its range of the plain text. */
export interface ParagraphRange {
  sheetIndex: number;
  paragraphIndex: number;
  start: number;
  end: number;
}

/**
 * The plain text of a transcription (the same as TextIndex.fromDoc(doc).text) and each
 * paragraph's range of it.
 */
export function transcriptionParagraphs(doc: ProseMirrorNode): { text: string; paragraphs: ParagraphRange[] } {
  let text = '';
  const paragraphs: ParagraphRange[] = [];
  let blockSeen = false;
  doc.forEach((sheet, _offset, sheetIndex) => {
    sheet.forEach((paragraph, _pOffset, paragraphIndex) => {
      if (!paragraph.isTextblock) return;
      if (blockSeen) text += '\n';
      blockSeen = true;
      const start = text.length;
      paragraph.forEach((node) => {
        if (node.isText) text += node.text ?? '';
        else if (node.isLeaf) text += node.type.spec.leafText ? node.type.spec.leafText(node) : '\n';
      });
      paragraphs.push({ sheetIndex, paragraphIndex, start, end: text.length });
    });
  });
  return { text, paragraphs };
}

/** The language the segmentation rules assume for a text: Russian for Cyrillic, English for Latin. */
export function defaultSegmentationLanguage(text: string): string {
  const script = dominantScript(text);
  return script === 'Cyrillic' ? 'ru' : script === 'Latin' ? 'en' : 'und';
}

/** The segments of a transcription, sheet by sheet and paragraph by paragraph. */
export function segmentTranscription(doc: ProseMirrorNode, options: SegmentOptions = {}): Segment[] {
  const { text, paragraphs } = transcriptionParagraphs(doc);
  return segmentParagraphs(text, paragraphs, options.language ?? defaultSegmentationLanguage(text), options.runOnLineLength);
}

/**
 * The segments of a plain string: a blank line separates paragraphs, a form feed sheets, and a
 * single "\n" is a line break inside a paragraph. Offsets are the string's own.
 */
export function segmentText(text: string, language: string, options: Omit<SegmentOptions, 'language'> = {}): Segment[] {
  return segmentParagraphs(text, plainTextParagraphs(text), language, options.runOnLineLength);
}

function segmentParagraphs(
  text: string,
  paragraphs: readonly ParagraphRange[],
  language: string,
  runOnLineLength = RUN_ON_LINE_LENGTH,
): Segment[] {
  const rules = rulesFor(language);
  const segments: Segment[] = [];
  for (const p of paragraphs) {
    for (const [start, end] of segmentRange(text, p.start, p.end, rules, runOnLineLength)) {
      segments.push({ id: '', sheetIndex: p.sheetIndex, paragraphIndex: p.paragraphIndex, start, end, text: text.slice(start, end) });
    }
  }
  return withSegmentIds(segments);
}

/** The paragraphs of a plain string: runs of non-blank lines, sheets split at form feeds. */
export function plainTextParagraphs(text: string): ParagraphRange[] {
  const paragraphs: ParagraphRange[] = [];
  let sheetIndex = 0;
  let paragraphIndex = 0;
  let open: { start: number; end: number } | null = null;
  const close = (): void => {
    if (open) paragraphs.push({ sheetIndex, paragraphIndex: paragraphIndex++, start: open.start, end: open.end });
    open = null;
  };
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i < text.length && c !== '\n' && c !== '\f') continue;
    const line = text.slice(lineStart, i);
    if (line.trim() === '') close();
    else if (open) open.end = i;
    else open = { start: lineStart, end: i };
    if (c === '\f') {
      close();
      sheetIndex++;
      paragraphIndex = 0;
    }
    lineStart = i + 1;
  }
  close();
  return paragraphs;
}

/** The sentence ranges of text[from, to), one paragraph: split into runs of lines, then into sentences. */
export function segmentRange(text: string, from: number, to: number, rules: RuleSet, runOnLineLength = RUN_ON_LINE_LENGTH): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let lineStart = from;
  for (let i = from; i < to; i++) {
    if (text[i] === '\n') {
      lines.push([lineStart, i]);
      lineStart = i + 1;
    }
  }
  lines.push([lineStart, to]);

  const out: Array<[number, number]> = [];
  let runStart = lines[0]![0];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const next = lines[k + 1];
    if (next && runsOn(text.slice(line[0], line[1]), text.slice(next[0], next[1]), runOnLineLength)) continue;
    out.push(...splitSentences(text, runStart, line[1], rules));
    if (next) runStart = next[0];
  }
  return out;
}

/** Whether a line break between two lines is a typist's wrap in running prose (see the module comment). */
function runsOn(line: string, nextLine: string, runOnLineLength: number): boolean {
  const before = line.trim();
  return before.length >= runOnLineLength && nextLine.trim() !== '' && !line.includes('\t') && !nextLine.includes('\t');
}

const SPACE = /\s/u;
const LETTER = /[\p{L}\p{M}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A character class of the sentence terminators, for finding the next one. */
const TERMINATOR_CLASS = `[${[...TERMINATORS].map((c) => `\\${c}`).join('')}]`;
const isSpace = (c: string | undefined): boolean => c !== undefined && SPACE.test(c);

/** The sentences of text[from, to), a run of lines that the sentence rules alone divide; trimmed, non-empty. */
function splitSentences(text: string, from: number, to: number, rules: RuleSet): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let segStart = skipSpace(text, from, to);
  const push = (end: number): void => {
    const trimmedEnd = trimEnd(text, segStart, end);
    if (trimmedEnd > segStart) out.push([segStart, trimmedEnd]);
  };
  const terminator = new RegExp(TERMINATOR_CLASS, 'g');
  terminator.lastIndex = from;
  for (let found = terminator.exec(text); found && found.index < to; found = terminator.exec(text)) {
    const i = found.index;
    let j = i;
    while (j < to && TERMINATORS.has(text[j]!)) j++;
    let k = j;
    while (k < to && CLOSERS.has(text[k]!)) k++;
    const punct = text.slice(i, j);
    const cjk = [...punct].some((c) => CJK_TERMINATORS.has(c));
    if (k >= to || (!cjk && !isSpace(text[k]))) {
      terminator.lastIndex = j;
      continue;
    }
    const next = nextWord(text, k, to);
    const ends =
      cjk || punct !== '.'
        ? cjk || exclamationEndsSentence(next)
        : periodEndsSentence(rules, { ...wordsBefore(text, segStart, i), next });
    if (ends) {
      push(k);
      segStart = skipSpace(text, k, to);
    }
    terminator.lastIndex = k;
  }
  push(to);
  return out;
}

function skipSpace(text: string, at: number, to: number): number {
  while (at < to && isSpace(text[at])) at++;
  return at;
}

function trimEnd(text: string, from: number, end: number): number {
  while (end > from && isSpace(text[end - 1])) end--;
  return end;
}

/** The next word after white space and opening quotes, brackets and dashes. */
function nextWord(text: string, at: number, to: number): NextWord {
  let i = skipSpace(text, at, to);
  while (i < to && OPENERS.has(text[i]!)) i = skipSpace(text, i + 1, to);
  if (i >= to) return { firstChar: '', word: '', followedByPeriod: false };
  let end = i;
  while (end < to && LETTER.test(text[end]!)) end++;
  return { firstChar: text[i]!, word: text.slice(i, end), followedByPeriod: text[end] === '.' };
}

const stripLeading = (token: string): string => {
  let s = 0;
  while (s < token.length && OPENERS.has(token[s]!)) s++;
  return token.slice(s);
};
const stripTrailing = (token: string): string => {
  let e = token.length;
  while (e > 0 && CLOSERS.has(token[e - 1]!)) e--;
  return token.slice(0, e);
};

/** The token before a full stop at `at` (and the one before it), within the sentence that began at segStart. */
function wordsBefore(text: string, segStart: number, at: number): { word: string; previousWord: string; startsSentence: boolean } {
  let s = at;
  while (s > segStart && !isSpace(text[s - 1])) s--;
  const raw = text.slice(s, at);
  const word = stripTrailing(stripLeading(raw));
  // What stands before the token in this sentence: nothing but openers, or a colon or semicolon.
  let p = s;
  while (p > segStart && isSpace(text[p - 1])) p--;
  let startsSentence = p === segStart || text[p - 1] === ':' || text[p - 1] === ';';
  if (!startsSentence) {
    startsSentence = true;
    for (let c = segStart; c < p && startsSentence; c++) if (!OPENERS.has(text[c]!)) startsSentence = false;
  }
  let q = p;
  while (q > segStart && !isSpace(text[q - 1])) q--;
  const previousWord = stripTrailing(stripLeading(text.slice(q, p)));
  return { word, previousWord, startsSentence };
}

/** FNV-1a over UTF-16 code units, as 7 base-36 digits. */
function fingerprint(text: string): string {
  let key = '';
  for (let i = 0; i < text.length && key.length < FINGERPRINT_LETTERS; i++) {
    const c = text[i]!;
    if (LETTER_OR_DIGIT.test(c)) key += c === 'ё' || c === 'Ё' ? 'е' : c.toLowerCase();
  }
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/** The segments with their ids (see the module comment), in the order given. */
export function withSegmentIds(segments: readonly Segment[]): Segment[] {
  const seen = new Map<string, number>();
  return segments.map((segment) => {
    const base = `seg-${segment.sheetIndex}-${segment.paragraphIndex}-${fingerprint(segment.text)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...segment, id: n === 1 ? base : `${base}-${n}` };
  });
}
