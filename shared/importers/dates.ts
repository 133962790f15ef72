/**
 * Reading dates as archives write them into ISO 8601 calendar dates, at the precision the
 * source gives: "July 20, 1951", "20 July 1951", "July 20th, 1951", "Friday, July 20, 1951",
 * "1951-07-20", "20.07.1951", "20 июля 1951 г.", "1951年7月20日", "1951년 7월 20일",
 * "July 1951", "1951".
 */

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6,
  july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * Russian month names by stem, so that every case form matches: nominative "июль", genitive
 * "июля" (the form dates use), and abbreviations "янв.", "сент.".
 */
const RUSSIAN_MONTH_STEMS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^янв/, 1], [/^фев/, 2], [/^мар/, 3], [/^апр/, 4], [/^ма[йя]$/, 5], [/^июн/, 6],
  [/^июл/, 7], [/^авг/, 8], [/^сен/, 9], [/^окт/, 10], [/^ноя/, 11], [/^дек/, 12],
];

const WEEKDAY_PREFIX = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+/i;
/** Russian dates end with "г." / "года" ("year"), which says nothing more. */
const RUSSIAN_YEAR_WORD = /\s*(?:г\.?|года?)$/u;
const ORDINAL_SUFFIX = /(\d)(?:st|nd|rd|th)\b/gi;
const CJK_DATE = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?$/u;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function monthNumber(name: string): number | undefined {
  const word = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[word] ?? RUSSIAN_MONTH_STEMS.find(([stem]) => stem.test(word))?.[1];
}

/**
 * The ISO form of a written date, or "" when the text is not a date we can read with certainty.
 * Only whole strings are read: "Ciphered Telegram of 1951" is a title, not a date.
 */
export function parseWrittenDate(written: string): string {
  const s = written
    .trim()
    .replace(/\s+/g, ' ')
    .replace(WEEKDAY_PREFIX, '')
    .replace(ORDINAL_SUFFIX, '$1')
    .replace(RUSSIAN_YEAR_WORD, '');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidDay(y, mo, d) ? `${m[1]}-${m[2]}-${m[3]}` : '';
  }
  // Day first, as Europe and Russia write it: "20.07.1951".
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return fullDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = CJK_DATE.exec(s);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (m[3] !== undefined) return fullDate(y, mo, Number(m[3]));
    return mo >= 1 && mo <= 12 ? `${m[1]}-${pad(mo)}` : '';
  }
  m = /^(\p{L}+\.?) (\d{1,2}),? (\d{4})$/u.exec(s);
  if (m) return fullDate(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = /^(\d{1,2}) (\p{L}+\.?),? (\d{4})$/u.exec(s);
  if (m) return fullDate(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  m = /^(\p{L}+\.?),? (\d{4})$/u.exec(s);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? `${m[2]}-${pad(month)}` : '';
  }
  m = /^(\d{4})$/.exec(s);
  if (m) return m[1]!;
  return '';
}

function fullDate(year: number, month: number | undefined, day: number): string {
  if (!month || !isValidDay(year, month, day)) return '';
  return `${year}-${pad(month)}-${pad(day)}`;
}
