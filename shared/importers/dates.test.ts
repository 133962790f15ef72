import { describe, expect, it } from 'vitest';
import { parseWrittenDate } from './dates';

describe('parseWrittenDate', () => {
  it.each([
    ['July 20, 1951', '1951-07-20'],
    ['20 July 1951', '1951-07-20'],
    ['Sept. 3, 1950', '1950-09-03'],
    ['1951-07-20', '1951-07-20'],
    ['July 1951', '1951-07'],
    ['1951', '1951'],
  ])('reads %s as %s', (written, iso) => {
    expect(parseWrittenDate(written)).toBe(iso);
  });

  it.each(['February 30, 1951', 'Ciphered Telegram of 1951', '', 'Julember 3, 1951', '1951-13-01'])(
    'refuses %j',
    (written) => expect(parseWrittenDate(written)).toBe(''),
  );
});
