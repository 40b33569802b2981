/**
 * Search excerpts mark a match with two control characters that cannot be typed into a narrative
 * field by accident, and the renderer turns them into highlights (never into markup).
 */
export const SNIPPET_START = '\u0002';
export const SNIPPET_END = '\u0003';
export const MIN_SEARCH_CHARS = 3;

export type ExcerptPart = { readonly text: string; readonly match: boolean };

export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  for (const [i, piece] of excerpt
    .split(new RegExp(`[${SNIPPET_START}${SNIPPET_END}]`))
    .entries()) {
    if (piece) parts.push({ text: piece, match: i % 2 === 1 });
  }
  return parts;
}
