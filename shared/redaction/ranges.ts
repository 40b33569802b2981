/**
 * Ranges of a text to remove, and how they merge: overlapping or touching ranges become one, so
 * the output shows one token where a reader would see one removed stretch (two tokens side by
 * side would also tell how many things were removed there).
 */
import { REDACTION_CATEGORIES } from './model';
import type { RedactionCategory } from './model';

export interface TextRange {
  /** UTF-16 offsets into the original text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly category: RedactionCategory;
}

export interface MergedRange {
  readonly start: number;
  readonly end: number;
  /** Every category that covered part of the range, in REDACTION_CATEGORIES order. */
  readonly categories: readonly RedactionCategory[];
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * Clamps ranges to the text, widens any that split a surrogate pair (half a character left behind
 * would be a broken character in the output) and merges overlapping or adjacent ones.
 */
export function mergeRanges(text: string, ranges: readonly TextRange[]): MergedRange[] {
  const fitted: TextRange[] = [];
  for (const range of ranges) {
    let start = Math.max(0, Math.min(range.start, text.length));
    let end = Math.max(0, Math.min(range.end, text.length));
    if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
    if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
    if (start < end) fitted.push({ start, end, category: range.category });
  }
  fitted.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Array<{ start: number; end: number; categories: Set<RedactionCategory> }> = [];
  for (const range of fitted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
      last.categories.add(range.category);
    } else {
      merged.push({ start: range.start, end: range.end, categories: new Set([range.category]) });
    }
  }
  return merged.map((m) => ({
    start: m.start,
    end: m.end,
    categories: REDACTION_CATEGORIES.filter((c) => m.categories.has(c)),
  }));
}
