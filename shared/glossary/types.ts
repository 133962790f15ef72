/**
 * A translator's glossary: source terms (Russian), how they are to be rendered (English), and
 * how to find them in the source whatever their inflection.
 *
 * How an entry's term is found in the text (see match.ts and docs/translation.md):
 *  - its source term and every listed form, word for word (case-insensitive, "ё" as "е");
 *  - and, by its stem rule:
 *      ""      (automatic) every word of the source term and of each form reduced to its stem by
 *              the Snowball Russian stemmer, so "противник" finds "противника", "противнику"…
 *              and "военная разгранлиния" finds "военной разгранлинии";
 *      "none"  nothing more: only the listed forms (for names, and for short words whose stems
 *              would find unrelated words);
 *      pattern a stem of each word written out, "*" at the end of a word standing for an ending of
 *              up to MAX_PATTERN_ENDING letters: "военн* разгранлини*" (to correct the stemmer
 *              where it cuts too much or too little).
 */

export interface GlossaryEntry {
  /** Unique in its glossary; an XML name (a letter or "_" first, then letters, digits, "_", "-", "."). */
  id: string;
  /** The term in its dictionary form: "противник", "военная разгранлиния". */
  source: string;
  /** Other forms to find exactly: inflections the stemmer misses, spellings, abbreviations. */
  forms: string[];
  /** The stem rule: "" (automatic), "none", or a pattern (see the module comment). */
  stem: string;
  /** The preferred English rendering ("" when the entry only forbids renderings). */
  preferred: string;
  /** Other renderings that are acceptable too. */
  admitted: string[];
  /** Renderings that must not be used. */
  forbidden: string[];
  notes: string;
}

export interface Glossary {
  /** BCP 47 language of the source terms ("ru"). */
  sourceLanguage: string;
  /** BCP 47 language of the renderings ("en"). */
  targetLanguage: string;
  entries: GlossaryEntry[];
}

/** A "*" in a stem pattern stands for an ending of at most this many letters. */
export const MAX_PATTERN_ENDING = 4;

export type StemRule =
  | { kind: 'auto' }
  | { kind: 'none' }
  | { kind: 'pattern'; words: Array<{ stem: string; open: boolean }> };

const PATTERN_WORD = /^[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*\*?$/u;
const ID = /^[\p{L}_][\p{L}\p{M}\p{N}_.-]*$/u;

/** Reads a stem rule; throws an Error saying what is wrong with a malformed pattern. */
export function parseStemRule(stem: string): StemRule {
  const rule = stem.trim();
  if (rule === '') return { kind: 'auto' };
  if (rule.toLowerCase() === 'none') return { kind: 'none' };
  const words = rule.split(/\s+/u).map((word) => {
    if (!PATTERN_WORD.test(word)) {
      throw new Error(`the stem rule “${stem}” is not “none” nor a pattern of words, each ending in “*” or not (such as “военн* разгранлини*”): “${word}” is not such a word`);
    }
    const open = word.endsWith('*');
    return { stem: open ? word.slice(0, -1) : word, open };
  });
  return { kind: 'pattern', words };
}

export function emptyGlossary(sourceLanguage = 'ru', targetLanguage = 'en'): Glossary {
  return { sourceLanguage, targetLanguage, entries: [] };
}

/** What is wrong with an entry, in words; empty when it is sound. */
export function glossaryEntryProblems(entry: GlossaryEntry): string[] {
  const problems: string[] = [];
  if (!ID.test(entry.id)) {
    problems.push(`the id “${entry.id}” is not usable: an id starts with a letter or “_” and holds only letters, digits, “_”, “-” and “.”`);
  }
  if (entry.source.trim() === '') problems.push('the source term is empty');
  if (!/[\p{L}\p{N}]/u.test(entry.source)) problems.push(`the source term “${entry.source}” has no letters or digits`);
  for (const [name, list] of [['forms', entry.forms], ['admitted renderings', entry.admitted], ['forbidden renderings', entry.forbidden]] as const) {
    for (const item of list) {
      if (item.trim() === '') problems.push(`one of the ${name} is empty`);
      if (item.includes('|')) problems.push(`“${item}” (one of the ${name}) contains “|”, which separates list items in CSV files`);
    }
  }
  try {
    parseStemRule(entry.stem);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const key = (s: string): string => s.trim().toLowerCase();
  for (const bad of entry.forbidden) {
    if (entry.preferred !== '' && key(bad) === key(entry.preferred)) problems.push(`“${bad}” is both the preferred rendering and a forbidden one`);
    if (entry.admitted.some((a) => key(a) === key(bad))) problems.push(`“${bad}” is both an admitted rendering and a forbidden one`);
  }
  return problems;
}

/** What is wrong with a glossary: its entries' problems, each naming the entry, and repeated ids. */
export function glossaryProblems(glossary: Glossary): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  glossary.entries.forEach((entry, i) => {
    for (const p of glossaryEntryProblems(entry)) problems.push(`entry ${i + 1} (“${entry.source}”): ${p}`);
    if (seen.has(entry.id)) problems.push(`entry ${i + 1} (“${entry.source}”): the id “${entry.id}” is used by an earlier entry`);
    seen.add(entry.id);
  });
  return problems;
}

/** An id for a new entry, made from its source term and not among `taken` (which it is added to). */
export function newEntryId(source: string, taken: Set<string>): string {
  let hash = 0x811c9dc5;
  const key = source.trim().toLowerCase();
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const base = `term-${hash.toString(36)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
