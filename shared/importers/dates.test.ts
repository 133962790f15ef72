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
    ['July 20th, 1951', '1951-07-20'],
    ['Friday, July 20, 1951', '1951-07-20'],
    ['1st March 1953', '1953-03-01'],
    ['20.07.1951', '1951-07-20'],
    ['20 июля 1951 г.', '1951-07-20'],
    ['20 июля 1951 года', '1951-07-20'],
    ['1 сент. 1950', '1950-09-01'],
    ['июль 1951', '1951-07'],
    ['1951 г.', '1951'],
    ['1951年7月20日', '1951-07-20'],
    ['1950年10月', '1950-10'],
    ['1950년 6월 25일', '1950-06-25'],
  ])('reads %s as %s', (written, iso) => {
    expect(parseWrittenDate(written)).toBe(iso);
  });

  it.each([
    'February 30, 1951',
    'Ciphered Telegram of 1951',
    '',
    'Julember 3, 1951',
    '1951-13-01',
    '31.02.1951',
    'Лист 2',
    '1951年13月',
    'Telegram 20 July 1951',
  ])(
    'refuses %j',
    (written) => expect(parseWrittenDate(written)).toBe(''),
  );
});
