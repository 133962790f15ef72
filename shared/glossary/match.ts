/**
 * Finding glossary terms in source text, whatever their inflection (see types.ts for the rules
 * an entry gives, words.ts for the stemmer).
 *
 * A term of several words matches consecutive words of the text with nothing but white space
 * between them where the term has white space, and the same characters where the term has
 * others ("ВКП(б)"). A term's punctuation before its first word or after its last must stand
 * there in the text too. Matching never looks past the text it is given: pass it a segment's
 * or a paragraph's text (a term split across paragraphs is not a term).
 *
 * Among overlapping matches, findTerms keeps the longest (then the earliest, then the entry
 * listed first); `{ all: true }` keeps every match.
 */
import { MAX_PATTERN_ENDING, parseStemRule, type Glossary, type GlossaryEntry } from './types';
import { MIN_STEM_LENGTH, normalizeWord, russianStem, tokenize, type Token } from './words';

/** How a match was found: by the term or a listed form word for word, by stems, or by the entry's stem pattern. */
export type MatchVia = 'form' | 'pattern' | 'stem';

export interface TermMatch {
  entryId: string;
  /** Offsets in the text searched. */
  start: number;
  end: number;
  text: string;
  via: MatchVia;
}

export interface FindTermsOptions {
  /** Keep overlapping matches too (every entry that matches anywhere). */
  all?: boolean;
}

type WordTest = { kind: 'exact'; word: string } | { kind: 'stem'; stem: string } | { kind: 'prefix'; prefix: string };

interface Variant {
  entryIndex: number;
  via: MatchVia;
  words: WordTest[];
  /** Separators between consecutive words: null for white space, else the literal characters. */
  separators: Array<string | null>;
  /** Punctuation the term has before its first word and after its last. */
  lead: string;
  tail: string;
}

interface CompiledGlossary {
  entries: readonly GlossaryEntry[];
  /** Variants by the key of their first word: an exact word or a stem. */
  byExact: Map<string, Variant[]>;
  byStem: Map<string, Variant[]>;
  /** Variants whose first word is a prefix pattern. */
  prefixed: Variant[];
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

const compiled = new WeakMap<readonly GlossaryEntry[], CompiledGlossary>();

/**
 * Compiles a glossary for matching (cached by its entries array: treat a glossary's entries as
 * immutable, replacing the array to change them). Throws an Error naming the entry when a stem
 * rule is malformed.
 */
function compile(glossary: Glossary): CompiledGlossary {
  const cached = compiled.get(glossary.entries);
  if (cached) return cached;
  const stems = /^ru\b/i.test(glossary.sourceLanguage);
  const result: CompiledGlossary = { entries: glossary.entries, byExact: new Map(), byStem: new Map(), prefixed: [] };
  const add = (variant: Variant | null): void => {
    if (!variant) return;
    const first = variant.words[0]!;
    if (first.kind === 'prefix') result.prefixed.push(variant);
    else {
      const map = first.kind === 'exact' ? result.byExact : result.byStem;
      const key = first.kind === 'exact' ? first.word : first.stem;
      const list = map.get(key) ?? [];
      list.push(variant);
      map.set(key, list);
    }
  };
  glossary.entries.forEach((entry, entryIndex) => {
    let rule;
    try {
      rule = parseStemRule(entry.stem);
    } catch (error) {
      throw new Error(`Glossary entry “${entry.source}” (${entry.id}): ${(error as Error).message}.`);
    }
    const literal = [entry.source, ...entry.forms];
    for (const term of literal) add(variantOf(term, entryIndex, 'form', (w) => ({ kind: 'exact', word: normalizeWord(w) })));
    if (rule.kind === 'auto' && stems) {
      for (const term of literal) {
        add(
          variantOf(term, entryIndex, 'stem', (w) => {
            const stem = russianStem(w);
            return CYRILLIC.test(w) && stem.length >= MIN_STEM_LENGTH ? { kind: 'stem', stem } : { kind: 'exact', word: normalizeWord(w) };
          }),
        );
      }
    } else if (rule.kind === 'pattern') {
      add({
        entryIndex,
        via: 'pattern',
        words: rule.words.map((w) => (w.open ? { kind: 'prefix', prefix: normalizeWord(w.stem) } : { kind: 'exact', word: normalizeWord(w.stem) })),
        separators: rule.words.slice(1).map(() => null),
        lead: '',
        tail: '',
      });
    }
  });
  compiled.set(glossary.entries, result);
  return result;
}

/** A term's words as tests, with its separators and outer punctuation; null when it has no words. */
function variantOf(term: string, entryIndex: number, via: MatchVia, test: (word: string) => WordTest): Variant | null {
  const text = term.trim();
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const separators = tokens.slice(1).map((t, i) => {
    const between = text.slice(tokens[i]!.end, t.start);
    return /^\s+$/u.test(between) ? null : between.replace(/\s+/gu, ' ');
  });
  return {
    entryIndex,
    via,
    words: tokens.map((t) => test(t.text)),
    separators,
    lead: text.slice(0, tokens[0]!.start),
    tail: text.slice(tokens[tokens.length - 1]!.end),
  };
}

interface TextWord extends Token {
  normal: string;
  stem?: string;
}

function stemOf(word: TextWord): string {
  word.stem ??= russianStem(word.text);
  return word.stem;
}

function passes(test: WordTest, word: TextWord): boolean {
  switch (test.kind) {
    case 'exact':
      return word.normal === test.word;
    case 'stem':
      return stemOf(word) === test.stem;
    case 'prefix':
      return word.normal.startsWith(test.prefix) && word.normal.length - test.prefix.length <= MAX_PATTERN_ENDING &&
        /^[\p{L}\p{M}]*$/u.test(word.normal.slice(test.prefix.length));
  }
}

/** Where a variant matches starting at word i, or null. */
function matchAt(text: string, words: readonly TextWord[], i: number, variant: Variant): { start: number; end: number } | null {
  const n = variant.words.length;
  if (i + n > words.length) return null;
  for (let k = 0; k < n; k++) {
    const word = words[i + k]!;
    if (k > 0) {
      const between = text.slice(words[i + k - 1]!.end, word.start);
      const sep = variant.separators[k - 1]!;
      if (sep === null ? !/^\s+$/u.test(between) : between.replace(/\s+/gu, ' ') !== sep) return null;
    }
    if (!passes(variant.words[k]!, word)) return null;
  }
  let start = words[i]!.start;
  let end = words[i + n - 1]!.end;
  if (variant.lead !== '') {
    if (text.slice(start - variant.lead.length, start) !== variant.lead) return null;
    start -= variant.lead.length;
  }
  if (variant.tail !== '') {
    if (!text.startsWith(variant.tail, end)) return null;
    end += variant.tail.length;
  }
  return { start, end };
}

const VIA_RANK: Record<MatchVia, number> = { form: 0, pattern: 1, stem: 2 };

/** The glossary's terms in a text (see the module comment), in text order. */
export function findTerms(text: string, glossary: Glossary, options: FindTermsOptions = {}): TermMatch[] {
  const c = compile(glossary);
  if (c.entries.length === 0) return [];
  const words: TextWord[] = tokenize(text).map((t) => ({ ...t, normal: normalizeWord(t.text) }));
  // The best match of each entry at each span.
  const found = new Map<string, TermMatch & { entryIndex: number }>();
  words.forEach((word, i) => {
    const candidates = [...(c.byExact.get(word.normal) ?? []), ...(c.byStem.get(stemOf(word)) ?? []), ...c.prefixed];
    for (const variant of candidates) {
      const span = matchAt(text, words, i, variant);
      if (!span) continue;
      const entry = c.entries[variant.entryIndex]!;
      const key = `${variant.entryIndex}:${span.start}:${span.end}`;
      const previous = found.get(key);
      if (previous && VIA_RANK[previous.via] <= VIA_RANK[variant.via]) continue;
      found.set(key, { entryId: entry.id, start: span.start, end: span.end, text: text.slice(span.start, span.end), via: variant.via, entryIndex: variant.entryIndex });
    }
  });
  let matches = [...found.values()];
  if (!options.all) {
    matches.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.entryIndex - b.entryIndex);
    const kept: typeof matches = [];
    for (const m of matches) if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
    matches = kept;
  }
  matches.sort((a, b) => a.start - b.start || a.end - b.end || a.entryIndex - b.entryIndex);
  return matches.map(({ entryIndex: _entryIndex, ...m }) => m);
}
