/** Dates typed in words become EDTF, which then reads back in words (both languages). */
import { describe, expect, it } from 'vitest';
import {
  formatApproximateDate,
  parseApproximateDate,
} from '../../../shared/forms/approximate-date';
import { dateFromWords } from '../../../shared/forms/date-words';

const NOW = new Date('2026-12-01T12:00:00Z');

describe('dateFromWords', () => {
  it.each([
    ['14.03.2022', '2022-03-14'],
    ['4/3/2022', '2022-03-04'],
    ['03.2022', '2022-03'],
    ['2022', '2022'],
    ['березень 2022', '2022-03'],
    ['у березні 2022 р.', '2022-03'],
    ['14 березня 2022 року', '2022-03-14'],
    ['March 2022', '2022-03'],
    ['14 March 2022', '2022-03-14'],
    ['March 14, 2022', '2022-03-14'],
    ['приблизно березень 2022', '2022-03~'],
    ['about March 2022', '2022-03~'],
    ['March 2022?', '2022-03?'],
    ['можливо травень 2022', '2022-05?'],
    ['приблизно, можливо травень 2022', '2022-05%'],
    ['весна 2022', '2022-21'],
    ['навесні 2022', '2022-21'],
    ['autumn 2022', '2022-23'],
    ['зима 2023', '2023-24'],
    ['з березня по травень 2022', '2022-03/2022-05'],
    ['March – May 2022', '2022-03/2022-05'],
    ['from 24.02.2022 to 14.03.2022', '2022-02-24/2022-03-14'],
  ])('%s → %s', (typed, edtf) => {
    expect(dateFromWords(typed)).toBe(edtf);
  });

  it('leaves EDTF and text it does not know unchanged, for the EDTF check to judge', () => {
    expect(dateFromWords('2022-03~')).toBe('2022-03~');
    expect(dateFromWords(' 2022-03-14/2022-05 ')).toBe('2022-03-14/2022-05');
    expect(dateFromWords('after the second exchange')).toBe('after the second exchange');
    expect(dateFromWords('31.02.2022')).toBe('2022-02-31');
  });

  it('gives dates that parse and read back as typed', () => {
    const reading = (typed: string, lang: 'uk' | 'en') => {
      const parsed = parseApproximateDate(dateFromWords(typed), NOW);
      if (!parsed.ok) throw new Error(`${typed}: ${parsed.problem}`);
      return formatApproximateDate(parsed.edtf, lang);
    };
    expect(reading('приблизно березень 2022', 'uk')).toBe('приблизно березень 2022 р.');
    expect(reading('about March 2022', 'en')).toBe('about March 2022');
    expect(reading('весна 2022', 'uk')).toBe('весна 2022');
    expect(reading('14.03.2022', 'en')).toBe('14 March 2022');
  });

  it('does not make an impossible or future date acceptable', () => {
    expect(parseApproximateDate(dateFromWords('31.02.2022'), NOW)).toEqual({
      ok: false,
      problem: 'impossible',
    });
    expect(parseApproximateDate(dateFromWords('березень 2099'), NOW)).toEqual({
      ok: false,
      problem: 'future',
    });
  });
});
