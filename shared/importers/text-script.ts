/**
 * Telling a text's writing system, and from it the language where the script leaves no doubt
 * that matters here: mostly Cyrillic reads as Russian, Han as Chinese, Hangul as Korean, kana
 * as Japanese. Latin script names no language by itself (English, German, Polish… share it).
 *
 * Importers use this only as a default that the user can correct, when the source names no
 * language, and to tell a transcription of the original from a translation (a Chinese
 * original's page whose text is in Latin script is a translation).
 */
import { languageCodeFor } from './languages';

/** A writing system, as far as importers need to tell them apart ('' = none clearly dominant). */
export type Script = '' | 'Latin' | 'Cyrillic' | 'Greek' | 'Arabic' | 'Hebrew' | 'Han' | 'Hangul' | 'Japanese';

/** Enough of a long text to judge its script; counting all of a 20 MB file would add nothing. */
const SAMPLE_CHARACTERS = 100_000;
/** The share of letters the leading script must have to be called the text's script. */
const DOMINANT_SHARE = 0.6;
/** A share of Hangul (or kana) among CJK letters that only Korean (or Japanese) text has. */
const MARKER_SHARE = 0.05;

const SCRIPT_LETTERS: ReadonlyArray<readonly [Exclude<Script, '' | 'Japanese'> | 'Kana', RegExp]> = [
  ['Latin', /\p{Script=Latin}/gu],
  ['Cyrillic', /\p{Script=Cyrillic}/gu],
  ['Greek', /\p{Script=Greek}/gu],
  ['Arabic', /\p{Script=Arabic}/gu],
  ['Hebrew', /\p{Script=Hebrew}/gu],
  ['Han', /\p{Script=Han}/gu],
  ['Hangul', /\p{Script=Hangul}/gu],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
];

/** The script most of the text's letters are written in, or '' when none has a clear majority. */
export function dominantScript(text: string): Script {
  const sample = text.slice(0, SAMPLE_CHARACTERS);
  const counts = new Map<string, number>();
  let letters = 0;
  for (const [script, pattern] of SCRIPT_LETTERS) {
    const n = sample.match(pattern)?.length ?? 0;
    counts.set(script, n);
    letters += n;
  }
  if (letters === 0) return '';
  const count = (script: string): number => counts.get(script) ?? 0;
  // Chinese, Korean and Japanese all write Han characters; Hangul or kana tell them apart.
  const cjk = count('Han') + count('Hangul') + count('Kana');
  if (cjk >= DOMINANT_SHARE * letters) {
    if (count('Hangul') >= MARKER_SHARE * cjk) return 'Hangul';
    if (count('Kana') >= MARKER_SHARE * cjk) return 'Japanese';
    return 'Han';
  }
  for (const script of ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew'] as const) {
    if (count(script) >= DOMINANT_SHARE * letters) return script;
  }
  return '';
}

/** The language a script alone tells us, in the form importers store it. */
export interface GuessedLanguage {
  name: string;
  code: string;
}

const LANGUAGE_OF_SCRIPT: Partial<Record<Script, GuessedLanguage>> = {
  Cyrillic: { name: 'Russian', code: 'ru' },
  Han: { name: 'Chinese', code: 'zh' },
  Hangul: { name: 'Korean', code: 'ko' },
  Japanese: { name: 'Japanese', code: 'ja' },
};

/**
 * The language the text's script makes obvious (mostly Cyrillic → Russian, Han → Chinese,
 * Hangul → Korean, kana → Japanese), or undefined (Latin script, mixed scripts, no letters).
 */
export function languageFromScript(text: string): GuessedLanguage | undefined {
  return LANGUAGE_OF_SCRIPT[dominantScript(text)];
}

const SCRIPT_OF_LANGUAGE_CODE: Readonly<Record<string, Script>> = {
  ru: 'Cyrillic', uk: 'Cyrillic', be: 'Cyrillic', bg: 'Cyrillic', mk: 'Cyrillic', mn: 'Cyrillic', kk: 'Cyrillic',
  zh: 'Han', yue: 'Han', ko: 'Hangul', ja: 'Japanese', el: 'Greek', ar: 'Arabic', fa: 'Arabic', ur: 'Arabic',
  he: 'Hebrew', yi: 'Hebrew',
  en: 'Latin', de: 'Latin', fr: 'Latin', es: 'Latin', it: 'Latin', pt: 'Latin', pl: 'Latin', cs: 'Latin',
  sk: 'Latin', sl: 'Latin', hr: 'Latin', hu: 'Latin', ro: 'Latin', sq: 'Latin', vi: 'Latin', nl: 'Latin',
  sv: 'Latin', no: 'Latin', da: 'Latin', fi: 'Latin', et: 'Latin', lv: 'Latin', lt: 'Latin', tr: 'Latin',
  id: 'Latin', ms: 'Latin', sw: 'Latin', la: 'Latin',
};

/** The script a named language is normally written in, or '' when we do not know (or it has several, like Serbian). */
export function scriptOfLanguage(languageName: string): Script {
  return SCRIPT_OF_LANGUAGE_CODE[languageCodeFor(languageName)] ?? '';
}

/** English words so frequent that any English prose is full of them, and other Latin-script languages rarely use. */
const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'and', 'of', 'to', 'that', 'is', 'was', 'for', 'with', 'on', 'as', 'by', 'it', 'not', 'be',
  'this', 'we', 'our', 'are', 'from', 'will', 'have', 'has', 'which', 'they', 'their', 'would', 'should',
]);
/** English running text has a quarter or more of such words; a German or French text has a few percent. */
const ENGLISH_SHARE = 0.12;
const MIN_WORDS = 8;

/** Whether Latin-script text reads as English prose (by its share of common English function words). */
export function readsAsEnglish(text: string): boolean {
  const words = text.slice(0, SAMPLE_CHARACTERS).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS || dominantScript(text) !== 'Latin') return false;
  const common = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  return common >= ENGLISH_SHARE * words.length;
}
