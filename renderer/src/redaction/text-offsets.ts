/**
 * Offsets from a <textarea> selection to offsets into the stored text. A textarea turns "\r\n"
 * and a lone "\r" into "\n", so its offsets drift from the stored text's after each one; span
 * redactions must point at the stored text's UTF-16 offsets, or the wrong letters are removed.
 */
export function storedOffset(stored: string, shown: number): number {
  if (!stored.includes('\r')) return shown;
  let i = 0;
  let seen = 0;
  while (seen < shown && i < stored.length) {
    i += stored[i] === '\r' && stored[i + 1] === '\n' ? 2 : 1;
    seen++;
  }
  return i;
}

/** The selection without the spaces at its ends: a mark should cover the words, not the gaps. */
export function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}
