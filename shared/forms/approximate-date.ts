/**
 * Approximate dates, as survivors give them: exact ("14 March 2022"), approximate ("about March
 * 2022", EDTF `2022-03~`), uncertain (`2022-03?`), a season (`2022-21`, spring) or a range
 * (`2022-03/2022-05`). Stored as EDTF (ISO 8601-2) text, validated with the `edtf` package, and
 * shown in the interviewer's language. A refusal always says why.
 */
import edtf, { Date as EdtfDate, Interval, Season, Year } from 'edtf';

export type DateProblem = 'empty' | 'syntax' | 'impossible' | 'future' | 'order' | 'unsupported';

export type ParsedDate =
  | { readonly ok: true; readonly edtf: string; readonly min: number; readonly max: number }
  | { readonly ok: false; readonly problem: DateProblem };

// By class, not by `value.type`: that is the class's name, which minified bundles rename.
const SUPPORTED = [EdtfDate, Year, Season, Interval];
const LOCAL_DAY_AHEAD_MS = 14 * 60 * 60 * 1000;
const FULL_DATE = /^(-?\d{4})-(\d{2})-(\d{2})/;

export function parseApproximateDate(input: string, now: Date = new Date()): ParsedDate {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  // The parser rolls an impossible day over into the next month (2023-02-29 becomes 2023-03-01):
  // check the calendar first, so a slip is refused instead of silently changed.
  if (hasImpossibleDay(text)) return { ok: false, problem: 'impossible' };
  let value: ReturnType<typeof edtf>;
  try {
    value = edtf(text);
  } catch (error) {
    return { ok: false, problem: explain(text, error) };
  }
  if (!SUPPORTED.some((type) => value instanceof type)) {
    return { ok: false, problem: 'unsupported' };
  }
  // A testimony speaks of the past: a date that cannot have begun yet is a typing slip. Dates
  // carry no zone and are read as UTC, so "today" east of Greenwich may begin up to 14 hours
  // after the UTC clock says now: allow that much.
  if (value.min > now.getTime() + LOCAL_DAY_AHEAD_MS) return { ok: false, problem: 'future' };
  return { ok: true, edtf: value.edtf, min: value.min, max: value.max };
}

function explain(text: string, error: unknown): DateProblem {
  const message = error instanceof Error ? error.message : '';
  return /upper bound/i.test(message) ? 'order' : 'syntax';
}

function hasImpossibleDay(text: string): boolean {
  return text.split('/').some((part) => {
    const m = FULL_DATE.exec(part);
    if (!m) return false;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return month >= 1 && month <= 12 && (day < 1 || day > daysIn(year, month));
  });
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type DateLanguage = 'uk' | 'en';

const WORDS = {
  en: {
    about: (s: string) => `about ${s}`,
    uncertain: (s: string) => `${s} (uncertain)`,
    both: (s: string) => `about ${s} (uncertain)`,
    seasons: { 21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter' } as Record<number, string>,
    range: (a: string, b: string) => `${a} – ${b}`,
  },
  uk: {
    about: (s: string) => `приблизно ${s}`,
    uncertain: (s: string) => `${s} (непевно)`,
    both: (s: string) => `приблизно ${s} (непевно)`,
    seasons: { 21: 'весна', 22: 'літо', 23: 'осінь', 24: 'зима' } as Record<number, string>,
    range: (a: string, b: string) => `${a} – ${b}`,
  },
};

/** An EDTF value as words in the interviewer's language (month names from Intl). */
export function formatApproximateDate(value: string, lang: DateLanguage): string {
  const words = WORDS[lang];
  const [start, end] = value.split('/');
  if (end !== undefined) return words.range(formatOne(start ?? '', lang), formatOne(end, lang));
  return formatOne(value, lang);
}

function formatOne(part: string, lang: DateLanguage): string {
  const words = WORDS[lang];
  if (part === '' || part === '..') return '…';
  const qualifier = /[~?%]$/.exec(part)?.[0];
  const core = qualifier ? part.slice(0, -1) : part;
  const [y, m, d] = core.split('-').map(Number);
  let text: string;
  if (m !== undefined && m >= 21 && m <= 24) {
    text = `${words.seasons[m]} ${y}`;
  } else {
    const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
    const options: Intl.DateTimeFormatOptions =
      d !== undefined
        ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
        : m !== undefined
          ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
          : { year: 'numeric', timeZone: 'UTC' };
    // British English: day before month, as in most of the documents prosecutors handle.
    text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'uk', options).format(date);
  }
  if (qualifier === '~') return words.about(text);
  if (qualifier === '?') return words.uncertain(text);
  if (qualifier === '%') return words.both(text);
  return text;
}
