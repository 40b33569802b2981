/**
 * What changed between two revisions of a narrative, as a list of kept, removed and added
 * pieces. Word-level (words and the spaces between them), after trimming the common start and
 * end; a middle too large for the quadratic LCS falls back to one removal and one addition.
 */
export type DiffPart = { readonly kind: 'same' | 'removed' | 'added'; readonly text: string };

const MAX_CELLS = 4_000_000;

export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(parts, 'removed', midA.join(''));
    push(parts, 'added', midB.join(''));
  } else {
    for (const part of lcsDiff(midA, midB)) push(parts, part.kind, part.text);
  }
  push(parts, 'same', a.slice(endA).join(''));
  return parts;
}

/** Words and the whitespace between them, so joining the parts gives the texts back exactly. */
function tokens(text: string): string[] {
  return text.match(/\S+|\s+/gu) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last && last.kind === kind) parts[parts.length - 1] = { kind, text: last.text + text };
  else parts.push({ kind, text });
}

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS length of a[i..] and b[j..], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[at(i, j)] =
        a[i] === b[j]
          ? lengths[at(i + 1, j + 1)]! + 1
          : Math.max(lengths[at(i + 1, j)]!, lengths[at(i, j + 1)]!);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(out, 'same', a[i]!);
      i++;
      j++;
    } else if (lengths[at(i + 1, j)]! >= lengths[at(i, j + 1)]!) {
      push(out, 'removed', a[i++]!);
    } else {
      push(out, 'added', b[j++]!);
    }
  }
  while (i < n) push(out, 'removed', a[i++]!);
  while (j < m) push(out, 'added', b[j++]!);
  return out;
}

/** The text before (kept + removed) and after (kept + added) a diff. */
export function sides(parts: readonly DiffPart[]): { before: string; after: string } {
  let before = '';
  let after = '';
  for (const p of parts) {
    if (p.kind !== 'added') before += p.text;
    if (p.kind !== 'removed') after += p.text;
  }
  return { before, after };
}
