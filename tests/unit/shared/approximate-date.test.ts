import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n';
import {
  formatApproximateDate,
  parseApproximateDate,
} from '../../../shared/forms/approximate-date';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('approximate dates: input', () => {
  it.each([
    ['2022-03-14', '2022-03-14'],
    ['2022-03~', '2022-03~'],
    ['2022-03?', '2022-03?'],
    ['2022-03-14%', '2022-03-14%'],
    [' 2022 ', '2022'],
    ['2022-21', '2022-21'],
    ['2022-03/2022-05', '2022-03/2022-05'],
    ['2022-02-24/..', '2022-02-24/..'],
  ])('accepts %j as %j', (input, edtf) => {
    const parsed = parseApproximateDate(input, NOW);
    expect(parsed).toMatchObject({ ok: true, edtf });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['березень', 'syntax'],
    ['14.03.2022', 'syntax'],
    ['2022-02-30', 'impossible'],
    ['2023-13', 'syntax'],
    ['2022-04-31', 'impossible'],
    ['2022-05/2022-03', 'order'],
    ['2027-01', 'future'],
    ['{2022-01,2022-02}', 'unsupported'],
  ])('refuses %j and says why: %s', (input, problem) => {
    expect(parseApproximateDate(input, NOW)).toEqual({ ok: false, problem });
  });

  it('accepts today’s local date in a time zone ahead of UTC (Kyiv just after midnight)', () => {
    // 00:30 on 26 November in Kyiv is still 25 November in UTC.
    expect(parseApproximateDate('2026-11-26', new Date('2026-11-25T22:30:00Z'))).toMatchObject({
      ok: true,
    });
    expect(parseApproximateDate('2026-11-27', new Date('2026-11-25T22:30:00Z'))).toEqual({
      ok: false,
      problem: 'future',
    });
  });

  it('has a message for every reason, in both languages', () => {
    for (const lang of ['uk', 'en'] as const) {
      const messages = catalogues[lang].date.problems as Record<string, string>;
      for (const p of ['empty', 'syntax', 'impossible', 'future', 'order', 'unsupported']) {
        expect(messages[p], `${lang}.${p}`).toMatch(/\S/);
      }
    }
  });

  it('accepts 29 February only in a leap year', () => {
    expect(parseApproximateDate('2024-02-29', NOW).ok).toBe(true);
    expect(parseApproximateDate('2023-02-29', NOW)).toEqual({ ok: false, problem: 'impossible' });
  });
});

describe('approximate dates: display', () => {
  it.each([
    ['2022-03-14', '14 March 2022', '14 березня 2022 р.'],
    ['2022-03~', 'about March 2022', 'приблизно березень 2022 р.'],
    ['2022-03?', 'March 2022 (uncertain)', 'березень 2022 р. (непевно)'],
    ['2022-21', 'spring 2022', 'весна 2022'],
    ['2022', '2022', '2022'],
    ['2022-03/2022-05', 'March 2022 – May 2022', 'березень 2022 р. – травень 2022 р.'],
    ['2022-02-24/..', '24 February 2022 – …', '24 лютого 2022 р. – …'],
  ])('%s reads as %j in English and %j in Ukrainian', (edtf, en, uk) => {
    expect(formatApproximateDate(edtf, 'en')).toBe(en);
    expect(formatApproximateDate(edtf, 'uk')).toBe(uk);
  });
});
