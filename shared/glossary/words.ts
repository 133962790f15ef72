/**
 * Words, as glossary matching sees them: tokens of the source text, their normal form, their
 * Russian stem; and the light English inflection the consistency check tolerates.
 *
 * Russian stems come from the Snowball Russian stemmer (Porter's algorithm for Russian, as
 * compiled to JavaScript by the Snowball project) in `@orama/stemmers`: a pure ES module of 7 kB
 * with no dependencies, the same in the browser and in Node. It strips inflectional endings
 * (case, number, gender; verb and participle endings, reflexive "-ся"), so the forms of a noun
 * or adjective share a stem: противник, противника, противником → "противник"; военная,
 * военной, военных → "воен". A stem shorter than MIN_STEM_LENGTH finds only the word itself, as
 * such stems would find unrelated words.
 */
import { stemmer as snowballRussian } from '@orama/stemmers/russian';

/** A word of a text: letters and digits, hyphens and apostrophes inside it ("Цзэ-дун", "Кенана"). */
export interface Token {
  start: number;
  end: number;
  text: string;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Stems shorter than this match only the exact word. */
export const MIN_STEM_LENGTH = 3;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** A word's normal form for comparison: NFC, lower case, "ё" as "е", one kind of hyphen and apostrophe. */
export function normalizeWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/‐/g, '-').replace(/’/g, "'");
}

/**
 * The Snowball stem of a Russian word (normalised first); a word with no Cyrillic letter is
 * returned normalised, as it is.
 */
export function russianStem(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    const normal = normalizeWord(word);
    stem = CYRILLIC.test(normal) ? snowballRussian(normal) : normal;
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/** Stems already worked out: a document repeats its words, and matching runs again on every edit. */
const stemCache = new Map<string, string>();
const STEM_CACHE_SIZE = 50_000;

const ENGLISH_TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/** English words; a hyphen separates words here, so "cease-fire" and "cease fire" are the same words. */
export function englishTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(ENGLISH_TOKEN)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/**
 * An English word without its plural or possessive ending, lower-cased, for comparing
 * renderings: enemy, enemies, enemy's, enemies' → "enemy"; line, lines → "line"; march,
 * marches → "march". Words of three letters or fewer are left alone ("gas", "has", "its").
 */
export function englishKey(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '').replace(/'$/, '');
  if (w.length <= 3) return w;
  if (/ies$/.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z|ss)es$/.test(w)) return w.slice(0, -2);
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (/s$/.test(w)) w = w.slice(0, -1);
  return w;
}
