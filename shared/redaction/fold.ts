/**
 * Folding for entity matching: a name must be caught however it was typed. Each code point of
 * the text is folded on its own (lower case, canonical decomposition, one apostrophe, one space
 * for any run of whitespace, invisible characters dropped), and every folded UTF-16 unit
 * remembers the original code point it came from. Folding changes lengths ('İ' lowers to two
 * units, 'й' decomposes to two, a run of spaces collapses to one), so offsets found in the
 * folded text are mapped back through that index, never reused as they are.
 */

/** ' ʼ ’ ‘ ` ′ ´ ʹ ＇: Ukrainian names are written with all of them, often mixed. */
const APOSTROPHES = new Set([0x27, 0x2bc, 0x2019, 0x2018, 0x60, 0x2032, 0xb4, 0x2b9, 0xff07]);
/** Soft hyphen, zero-width space/joiners, word joiner, BOM, grapheme joiner: invisible. */
const IGNORABLE = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x34f]);
const WHITESPACE = /^\s$/u;

export interface FoldedText {
  /** The folded text. */
  readonly text: string;
  /** For each folded unit: the start of the original code point it came from. */
  readonly from: readonly number[];
  /** For each folded unit: the end of the original code point (or whitespace run) it came from. */
  readonly to: readonly number[];
}

function foldCodePoint(ch: string, cp: number): string {
  if (APOSTROPHES.has(cp)) return "'";
  // Final sigma lowers to itself, capital sigma to σ: one form for both.
  if (cp === 0x3c2) return 'σ';
  return ch.toLowerCase().normalize('NFD');
}

export function foldWithIndex(text: string): FoldedText {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const end = i + ch.length;
    if (IGNORABLE.has(cp)) {
      // Joined to what precedes it, so "Ков\u200Bальчук" still reads as one word.
      if (to.length > 0 && to[to.length - 1] === i) to[to.length - 1] = end;
      i = end;
      continue;
    }
    if (WHITESPACE.test(ch)) {
      // A run of whitespace folds to one space that covers the whole run.
      if (out.endsWith(' ') && to[to.length - 1] === i) to[to.length - 1] = end;
      else {
        out += ' ';
        from.push(i);
        to.push(end);
      }
      i = end;
      continue;
    }
    const folded = foldCodePoint(ch, cp);
    for (let k = 0; k < folded.length; k++) {
      from.push(i);
      to.push(end);
    }
    out += folded;
    i = end;
  }
  return { text: out, from, to };
}

/** The folded form alone, for comparing and deduplicating. */
export function foldForMatch(text: string): string {
  return foldWithIndex(text).text;
}

/** The key two texts share when they name the same thing (trimmed folded form). */
export function matchKey(text: string): string {
  return foldForMatch(text).trim();
}
