/**
 * Dates as interviewers type them, in Ukrainian or English, turned into EDTF before they are
 * checked: "14.03.2022", "березень 2022", "about March 2022", "весна 2022", "з березня по травень
 * 2022", "March 2022?" — so nobody has to know that spring is `-21`. Text that is not one of
 * these forms is returned unchanged, to be read as EDTF (or refused with its reason).
 */

const UK_MONTHS = [
  'січ',
  'лют',
  'берез',
  'квіт',
  'трав',
  'черв',
  'лип',
  'серп',
  'верес',
  'жовт',
  'листопад',
  'груд',
];
const EN_MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const SEASONS: ReadonlyArray<readonly [number, RegExp]> = [
  [21, /^(весн\p{L}*|навесні|spring)$/u],
  [22, /^(літ\p{L}*|влітку|summer)$/u],
  [23, /^(осін\p{L}*|осен\p{L}*|восени|autumn|fall)$/u],
  [24, /^(зим\p{L}*|взимку|winter)$/u],
];
const ABOUT =
  /^(приблизно|близько|орієнтовно|десь|about|around|approximately|approx\.?|circa|ca\.?|c\.)[\s,]+/u;
const MAYBE = /^(можливо|мабуть|perhaps|maybe|probably)[\s,]+/u;
const YEAR_WORDS = /\s*(р\.|року|рік|рр\.|year)$/u;
// \b does not see Cyrillic letters as word characters: the words are bounded by spaces instead.
const RANGE = /\s*(?:–|—|\s-\s|(?<=\s)(?:до|по|to|until|till)(?=\s))\s*/u;
const FROM = /^(з|із|від|from|between)\s+/u;

function month(word: string): number | undefined {
  const w = word.replace(/\.$/, '');
  const uk = UK_MONTHS.findIndex((stem) => w.startsWith(stem));
  if (uk >= 0) return uk + 1;
  if (w.length < 3 || !/^[a-z]+$/.test(w)) return undefined;
  const en = EN_MONTHS.indexOf(w.slice(0, 3));
  return en >= 0 ? en + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isYear = (s: string | undefined) => s !== undefined && /^\d{4}$/.test(s);

/** One date without qualifiers; `year` fills in a year given only once for a range. */
function one(text: string, year?: string): string | undefined {
  const t = text
    .replace(YEAR_WORDS, '')
    .replace(/^(у|в|in|on)\s+/u, '')
    .trim();
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  m = /^(\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return `${m[2]}-${pad(Number(m[1]))}`;
  if (isYear(t)) return t;
  const words = t.split(/[\s,]+/).filter(Boolean);
  const y = isYear(words.at(-1)) ? (words.pop() as string) : year;
  if (!y) return undefined;
  if (words.length === 1) {
    const season = SEASONS.find(([, re]) => re.test(words[0] as string));
    if (season) return `${y}-${season[0]}`;
    const mo = month(words[0] as string);
    return mo ? `${y}-${pad(mo)}` : undefined;
  }
  if (words.length === 2) {
    // "14 березня" / "14 March" / "March 14"
    const [a, b] = words as [string, string];
    const day = /^\d{1,2}$/.test(a) ? Number(a) : /^\d{1,2}$/.test(b) ? Number(b) : undefined;
    const mo = month(/^\d/.test(a) ? b : a);
    if (day !== undefined && mo) return `${y}-${pad(mo)}-${pad(day)}`;
  }
  return undefined;
}

function qualified(text: string, year?: string): string | undefined {
  let t = text.trim();
  let about = false;
  let maybe = false;
  for (;;) {
    if (ABOUT.test(t)) {
      about = true;
      t = t.replace(ABOUT, '');
    } else if (MAYBE.test(t)) {
      maybe = true;
      t = t.replace(MAYBE, '');
    } else break;
  }
  if (t.endsWith('?')) {
    maybe = true;
    t = t.slice(0, -1).trim();
  }
  const date = one(t, year);
  if (!date) return undefined;
  return date + (about && maybe ? '%' : about ? '~' : maybe ? '?' : '');
}

/** The EDTF for a date typed in words, or the text itself when it is not one of those forms. */
export function dateFromWords(input: string): string {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '' || /^[\d-]+[~?%]?(\/[\d.-]*[~?%]?)?$/.test(text)) return input.trim();
  const parts = text.replace(FROM, '').split(RANGE);
  if (parts.length === 2) {
    const [a, b] = parts as [string, string];
    const end = qualified(b);
    const endYear = end?.slice(0, 4);
    const start = qualified(a, endYear);
    if (start && end) return `${start}/${end}`;
  } else if (parts.length === 1) {
    const single = qualified(text);
    if (single) return single;
  }
  return input.trim();
}
