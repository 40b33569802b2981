/**
 * Patterns of identifying data in free text: phone numbers, e-mail addresses, dates of birth,
 * document and service numbers, coordinates. They only suggest: the interviewer confirms each
 * one, so a pattern errs towards offering too much rather than missing a number.
 *
 * JavaScript's \b knows only ASCII letters, so every boundary here is written with Unicode
 * lookarounds (a number glued to a Cyrillic letter is still a number).
 */
import type { RedactionCategory } from './model';

export type PatternKind = 'phone' | 'email' | 'birth_date' | 'document_number' | 'coordinates';

export interface PatternMatch {
  readonly kind: PatternKind;
  readonly category: RedactionCategory;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}])';

/** Decimal degrees, "48.4647, 35.0462" (optional ° and N/S, E/W letters). */
const DECIMAL_COORDS = new RegExp(
  `${NOT_AFTER_WORD}[-+]?\\d{1,2}[.,]\\d{3,}°?\\s*[NS]?(?:\\s*[,;]\\s*|\\s+)[-+]?\\d{1,3}[.,]\\d{3,}°?(?:\\s*[EW])?${NOT_BEFORE_WORD}`,
  'gu',
);
/** Degrees, minutes, seconds: 48°27'53"N (any of the apostrophes and quotes people type). */
const DMS = new RegExp(
  `${NOT_AFTER_WORD}\\d{1,3}°\\s*\\d{1,2}['′’ʼ]\\s*(?:\\d{1,2}(?:[.,]\\d+)?(?:["″”]|''))?\\s*[NSEW]?`,
  'gu',
);
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Dates written by hand: 12.03.1985, 12/03/1985, 12-03-1985. */
const DMY = new RegExp(
  `${NOT_AFTER_WORD}(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})${NOT_BEFORE_WORD}`,
  'gu',
);
/** Words that make a date nearby a date of birth. */
const BIRTH_WORDS =
  /народж|народив|народил|нар\.|д\.\s?н\.|рождени|родил|born|birth|\bdob\b|d\.o\.b/iu;
/** +380 XX XXX XX XX, (0XX) XXX-XX-XX, 0XXXXXXXXX, and international +N… numbers. */
const PHONE = new RegExp(
  `${NOT_AFTER_WORD}(?:\\+\\d[\\d\\s().-]{6,20}\\d|\\(?0\\d{2}\\)?[\\s.-]?\\d{3}[\\s.-]?\\d{2}[\\s.-]?\\d{2})${NOT_BEFORE_WORD}`,
  'gu',
);
/**
 * Passports and military documents: two or three capital letters and six to nine digits
 * ("АА123456", "FE123456", "АБ 123456", "ВК №123456").
 */
const DOCUMENT = new RegExp(
  `${NOT_AFTER_WORD}\\p{Lu}{2,3}[\\s-]?(?:№\\s?)?\\d{6,9}${NOT_BEFORE_WORD}`,
  'gu',
);
/** Service numbers with one letter ("Д-123456", "Ф123456") and any run of six digits or more. */
const SERVICE_NUMBER = new RegExp(`${NOT_AFTER_WORD}\\p{Lu}-?\\d{6,9}${NOT_BEFORE_WORD}`, 'gu');
const DIGIT_RUN = /(?<!\d)\d{6,}(?!\d)/gu;

function digits(s: string): number {
  return s.replace(/\D/gu, '').length;
}

function validCoordinates(text: string): boolean {
  const numbers = text.match(/[-+]?\d{1,3}[.,]\d+/gu) ?? [];
  if (numbers.length !== 2) return false;
  const [lat, lon] = numbers.map((n) => Math.abs(Number(n.replace(',', '.'))));
  return lat! <= 90 && lon! <= 180;
}

function validDate(day: number, month: number, year: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 1900 && year <= 2100;
}

/** Every pattern match in a text; a later pattern never claims characters an earlier one took. */
export function findPatterns(text: string): PatternMatch[] {
  const found: PatternMatch[] = [];
  const taken: Array<[number, number]> = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  const add = (kind: PatternKind, category: RedactionCategory, match: RegExpExecArray) => {
    const start = match.index;
    const value = match[0].trim();
    const end = start + match[0].length;
    if (!free(start, end) || value.length === 0) return;
    taken.push([start, end]);
    found.push({ kind, category, text: value, start, end });
  };
  for (const m of text.matchAll(DECIMAL_COORDS)) {
    if (validCoordinates(m[0])) add('coordinates', 'place', m);
  }
  for (const m of text.matchAll(DMS)) add('coordinates', 'place', m);
  for (const m of text.matchAll(EMAIL)) add('email', 'contact', m);
  for (const m of text.matchAll(DMY)) {
    if (!validDate(Number(m[1]), Number(m[2]), Number(m[3]))) continue;
    const around = text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 30);
    // A date alone is not identifying; only a date of birth is.
    if (BIRTH_WORDS.test(around)) add('birth_date', 'other', m);
    else taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(PHONE)) {
    const n = digits(m[0]);
    if (m[0].startsWith('+') ? n >= 9 && n <= 15 : n === 10) add('phone', 'contact', m);
  }
  for (const m of text.matchAll(DOCUMENT)) add('document_number', 'other', m);
  for (const m of text.matchAll(SERVICE_NUMBER)) add('document_number', 'other', m);
  for (const m of text.matchAll(DIGIT_RUN)) add('document_number', 'other', m);
  return found.sort((a, b) => a.start - b.start);
}
