/**
 * Redaction of one text: each removed stretch is replaced by a visible token and its characters
 * are gone from the output, not hidden under a box (issue 6). The ranges come back with their
 * offsets in both texts, so a preview can show original and output side by side.
 */
import { compileEntities, findEntityRanges } from './entities';
import type { CompiledEntity, EntityInput } from './entities';
import type { RedactionCategory } from './model';
import { mergeRanges } from './ranges';
import type { TextRange } from './ranges';

/** "[REDACTED: name]"; a merged stretch of several categories lists them: "[REDACTED: name, place]". */
export function redactionToken(categories: readonly RedactionCategory[]): string {
  return `[REDACTED: ${categories.join(', ')}]`;
}

/** For file names: no ':' or spaces, which some file systems and tools refuse or mangle. */
export function fileNameToken(categories: readonly RedactionCategory[]): string {
  return `REDACTED-${categories.join('-')}`;
}

export interface RedactedRange {
  /** In the original text. */
  readonly start: number;
  readonly end: number;
  /** Where its token stands in the output. */
  readonly outputStart: number;
  readonly outputEnd: number;
  readonly categories: readonly RedactionCategory[];
}

export interface RedactedText {
  readonly text: string;
  readonly ranges: readonly RedactedRange[];
}

export interface RedactTextOptions {
  readonly token?: (categories: readonly RedactionCategory[]) => string;
}

/** Replaces the given ranges and every entity occurrence; spans are UTF-16 offsets, end exclusive. */
export function redactText(
  text: string,
  spans: readonly TextRange[],
  entities: readonly EntityInput[],
  options: RedactTextOptions = {},
): RedactedText {
  return redactTextCompiled(text, spans, compileEntities(entities), options);
}

/** redactText with the entities folded once (the document engine redacts many texts). */
export function redactTextCompiled(
  text: string,
  spans: readonly TextRange[],
  entities: readonly CompiledEntity[],
  options: RedactTextOptions = {},
): RedactedText {
  return replaceRanges(text, [...spans, ...findEntityRanges(text, entities)], options);
}

/** The replacement itself: merges the ranges, then writes the text with a token for each. */
export function replaceRanges(
  text: string,
  ranges: readonly TextRange[],
  options: RedactTextOptions = {},
): RedactedText {
  const token = options.token ?? redactionToken;
  const merged = mergeRanges(text, ranges);
  if (merged.length === 0) return { text, ranges: [] };
  let out = '';
  let at = 0;
  const result: RedactedRange[] = [];
  for (const range of merged) {
    out += text.slice(at, range.start);
    const outputStart = out.length;
    out += token(range.categories);
    result.push({ ...range, outputStart, outputEnd: out.length });
    at = range.end;
  }
  out += text.slice(at);
  return { text: out, ranges: result };
}
