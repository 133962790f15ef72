/**
 * Reading dates as archives write them ("July 20, 1951", "20 July 1951", "1951-07-20",
 * "July 1951", "1951") into ISO 8601 calendar dates, at the precision the source gives.
 */

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6,
  july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/**
 * The ISO form of a written date, or "" when the text is not a date we can read with certainty.
 * Only whole strings are read: "Ciphered Telegram of 1951" is a title, not a date.
 */
export function parseWrittenDate(written: string): string {
  const s = written.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidDay(y, mo, d) ? `${m[1]}-${m[2]}-${m[3]}` : '';
  }
  m = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) return fullDate(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = /^(\d{1,2}) ([A-Za-z]+\.?),? (\d{4})$/.exec(s);
  if (m) return fullDate(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  m = /^([A-Za-z]+\.?),? (\d{4})$/.exec(s);
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
