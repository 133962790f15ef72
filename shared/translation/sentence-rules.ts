/**
 * The rules that decide whether a full stop (or "!", "?", "…") ends a sentence, for Russian and
 * English archival text. docs/translation.md states them in words; the tests in segment.test.ts
 * hold an example of each.
 *
 * A candidate boundary is a run of sentence punctuation, then any closing quotes and brackets,
 * then white space. It is a boundary unless:
 *  - the next word starts with a lower-case letter (after any opening quote, bracket or dash:
 *    «…!» — сказал он);
 *  - for a full stop, the word before it is
 *    - a numbered point at the start of a sentence, or after ":" or ";" ("1.", "2.1.", "IV.", "а."),
 *    - an abbreviation that never ends a sentence ("тов.", "т.е.", "см.", "Mr.", "e.g.", "pp."),
 *    - "г."/"гг." or "в."/"вв." not after a number (a year, a century): "г. Москва" is a town,
 *    - "No." (and "Nos.", "Nr.") before a number,
 *    - an initial or a dotted acronym ("И.", "И.В.", "J.", "U.S."), unless the next word is one
 *      that commonly opens a sentence ("The", "Затем", "Однако"…) and is not itself an initial,
 *    - (Russian) a Cyrillic word without vowels, which Russian words never are: "стр.", "сл.",
 *      "ст.", "млн." — except those in TERMINAL_ABLE ("др.", "пр.", "гг.") and all-capital
 *      acronyms ("СССР."), which may end a sentence.
 * Characters 。！？ end a sentence with or without white space after them.
 */

export type RuleLanguage = 'ru' | 'en' | 'other';

/** Sentence punctuation (a run of these is one candidate: "?!", "...", "!!!"). */
export const TERMINATORS = new Set(['.', '!', '?', '…', '。', '！', '？', '‼', '⁇', '⁈', '⁉']);
/** Full-width terminators that need no space after them. */
export const CJK_TERMINATORS = new Set(['。', '！', '？']);
/** Closing quotes and brackets that stay with the sentence they close. */
export const CLOSERS = new Set(['»', '"', '”', '’', "'", ')', ']', '}', '」', '』', '）', '］', '›']);
/** Opening quotes, brackets and dashes skipped before the next sentence's first letter. */
export const OPENERS = new Set(['«', '"', '“', '„', '‘', "'", '(', '[', '{', '「', '『', '（', '［', '‹', '—', '–', '-']);

const RUSSIAN_NON_TERMINAL = [
  // Forms of address and titles.
  'тов', 'тт', 'г-н', 'г-жа', 'гр', 'ген', 'полк', 'подп', 'кап', 'лейт', 'проф', 'акад', 'зам', 'нач', 'пред', 'ком',
  // Abbreviated phrases.
  'т.е', 'т.к', 'т.н', 'т.о', 'т.ч', 'в т.ч', 'см', 'сл', 'ср', 'напр', 'им', 'ок',
  // References into a text or a file.
  'ст', 'стр', 'с', 'л', 'лл', 'т', 'ч', 'п', 'пп', 'рис', 'табл', 'гл', 'разд', 'прим', 'экз', 'вх', 'исх', 'тел',
  // Addresses.
  'ул', 'пл', 'пер', 'просп', 'д', 'кв', 'обл', 'р-н',
  // Telegram service notes: "Раст. Мокров" (deciphered by), "Отп. Щербакова" (typed by).
  'раст', 'расш', 'отп', 'отпеч', 'исп',
];
/** Vowelless Russian abbreviations that commonly end a sentence ("и др.", "и пр.", "1950–1951 гг."). */
const RUSSIAN_TERMINAL_ABLE = ['т.д', 'т.п', 'др', 'пр', 'н.э', 'до н.э', 'млн', 'млрд', 'трлн', 'руб', 'коп'];
/** Abbreviations that end a sentence only after a number: a year ("1951 г.") or a century ("XX в."). */
const AFTER_NUMBER_ONLY = new Set(['г', 'гг', 'в', 'вв']);

const ENGLISH_NON_TERMINAL = [
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'adm', 'amb', 'gov', 'sen',
  'rep', 'hon', 'rev', 'st', 'mt', 'ft',
  'e.g', 'i.e', 'cf', 'vs', 'viz', 'approx', 'dept', 'fig', 'figs', 'vol', 'vols', 'ch', 'art', 'para', 'p', 'pp', 'sec',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];
/** Words that take a number after them: "No. 5" is not the end of a sentence, "said no. Then" is. */
const BEFORE_NUMBER_ONLY = new Set(['no', 'nos', 'nr']);

/** Words that commonly open a sentence: after an initial or a dotted acronym they make it a boundary. */
const ENGLISH_OPENERS = [
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'we', 'they', 'i', 'you', 'in', 'on', 'at', 'but',
  'however', 'a', 'an', 'there', 'his', 'her', 'our', 'their', 'after', 'before', 'when', 'if', 'as', 'then', 'thus',
  'so', 'meanwhile', 'moreover', 'also', 'yet', 'what', 'why', 'how', 'who', 'although', 'while', 'since', 'because',
  'for', 'from', 'by', 'with', 'not', 'all', 'some', 'each', 'no', 'nor', 'and', 'or', 'both',
];
const RUSSIAN_OPENERS = [
  'затем', 'однако', 'но', 'если', 'мы', 'они', 'он', 'она', 'оно', 'это', 'этот', 'эта', 'эти', 'в', 'во', 'на', 'по',
  'так', 'тогда', 'что', 'как', 'после', 'когда', 'хотя', 'и', 'а', 'ранее', 'таким', 'кроме', 'наши', 'наш', 'я', 'вы',
  'его', 'ее', 'их', 'при', 'для', 'с', 'со', 'из', 'у', 'к', 'о', 'об', 'от', 'до', 'за', 'не', 'ни', 'все', 'поэтому',
  'следовательно', 'также', 'ведь', 'итак', 'впрочем', 'между', 'несмотря', 'сегодня', 'вчера', 'завтра',
];

export interface RuleSet {
  language: RuleLanguage;
  nonTerminal: ReadonlySet<string>;
  terminalAble: ReadonlySet<string>;
  openers: ReadonlySet<string>;
  /** Whether a vowelless Cyrillic word before a full stop is taken for an abbreviation. */
  vowellessAreAbbreviations: boolean;
}

/**
 * The rules for a language (a BCP 47 code; only the primary subtag counts). Russian documents
 * quote Latin-script names and titles, so the Russian rules include the English abbreviations
 * (the two lists never share a word: they are in different scripts).
 */
export function rulesFor(language: string): RuleSet {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'ru') {
    return {
      language: 'ru',
      nonTerminal: new Set([...RUSSIAN_NON_TERMINAL, ...ENGLISH_NON_TERMINAL]),
      terminalAble: new Set(RUSSIAN_TERMINAL_ABLE),
      openers: new Set([...RUSSIAN_OPENERS, ...ENGLISH_OPENERS]),
      vowellessAreAbbreviations: true,
    };
  }
  if (primary === 'en') {
    return {
      language: 'en',
      nonTerminal: new Set(ENGLISH_NON_TERMINAL),
      terminalAble: new Set(),
      openers: new Set(ENGLISH_OPENERS),
      vowellessAreAbbreviations: false,
    };
  }
  return { language: 'other', nonTerminal: new Set(), terminalAble: new Set(), openers: new Set(), vowellessAreAbbreviations: false };
}

/** Lower case, "ё" as "е": the form abbreviations and opener words are looked up in. */
export function lookupKey(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

const LOWER = /^\p{Ll}/u;
const NUMBERED_POINT = /^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLCDM]{1,6}|\p{L})$/u;
const INITIAL_OR_ACRONYM = /^(?:\p{Lu}\.)*\p{Lu}$/u;
const NUMBER_WORD = /^(?:\d+(?:[-–—]\d+)?|[IVXLCDM]+)$/;
const CYRILLIC_WORD = /^[\p{Script=Cyrillic}-]+$/u;
const RUSSIAN_VOWEL = /[аеёиоуыэюяАЕЁИОУЫЭЮЯ]/u;

export interface NextWord {
  /** The first character of the next word after white space and openers; '' at the end of the run. */
  firstChar: string;
  /** The next word's letters (up to the first non-letter). */
  word: string;
  /** Whether the next word is directly followed by a full stop ("В." of "И. В. Сталин"). */
  followedByPeriod: boolean;
}

export interface PeriodContext {
  /** The token before the full stop, without opening quotes or brackets: "т.е", "U.S", "1", "Корее". */
  word: string;
  /** The token before that one ("1951" of "1951 г."), '' when there is none. */
  previousWord: string;
  /** Whether the word stands at the start of its sentence, or right after ":" or ";". */
  startsSentence: boolean;
  next: NextWord;
}

/** Whether "!", "?", "…" (or a run mixing them with full stops) ends a sentence. */
export function exclamationEndsSentence(next: NextWord): boolean {
  return next.firstChar === '' || !LOWER.test(next.firstChar);
}

/** Whether a single full stop after `word` ends a sentence (see the module comment). */
export function periodEndsSentence(rules: RuleSet, context: PeriodContext): boolean {
  const { word, next } = context;
  if (next.firstChar === '') return true;
  if (LOWER.test(next.firstChar)) return false;
  if (word === '') return true;
  if (context.startsSentence && NUMBERED_POINT.test(word)) return false;
  const key = lookupKey(word);
  if (rules.nonTerminal.has(key)) return false;
  if (BEFORE_NUMBER_ONLY.has(key) && rules.language !== 'other' && /^\d/.test(next.firstChar)) return false;
  if (rules.language === 'ru' && AFTER_NUMBER_ONLY.has(key) && word === key) {
    return NUMBER_WORD.test(context.previousWord);
  }
  if (INITIAL_OR_ACRONYM.test(word)) {
    const opener = rules.openers.has(lookupKey(next.word));
    const nextIsInitial = next.word.length === 1 && next.followedByPeriod;
    return opener && !nextIsInitial;
  }
  if (rules.terminalAble.has(key)) return true;
  if (rules.vowellessAreAbbreviations && CYRILLIC_WORD.test(word) && !RUSSIAN_VOWEL.test(word) && word !== word.toUpperCase()) {
    return false;
  }
  return true;
}
