/**
 * "This name / this number everywhere": every occurrence of an entity in a text, found on the
 * folded forms (fold.ts) and mapped back to original offsets. Matching is by substring, not by
 * word: "Ковальчук" is removed from "Ковальчуками" too, because over-removing a few letters is
 * the safe mistake and a name declined by case is still the name.
 */
import { foldWithIndex } from './fold';
import type { FoldedText } from './fold';
import type { RedactionCategory } from './model';
import type { TextRange } from './ranges';

export interface EntityInput {
  readonly text: string;
  readonly category: RedactionCategory;
}

/** An entity folded once, to be matched against many texts. */
export interface CompiledEntity {
  readonly folded: string;
  readonly category: RedactionCategory;
}

export function compileEntities(entities: readonly EntityInput[]): CompiledEntity[] {
  const compiled: CompiledEntity[] = [];
  for (const entity of entities) {
    const folded = foldWithIndex(entity.text).text.trim();
    // An empty needle would match at every offset; the schema refuses it, this is the guard.
    if (folded.length > 0) compiled.push({ folded, category: entity.category });
  }
  return compiled;
}

/** Every occurrence, overlapping ones included, as ranges of the original text. */
export function findEntityRanges(
  text: string,
  entities: readonly CompiledEntity[],
  folded: FoldedText = foldWithIndex(text),
): TextRange[] {
  const ranges: TextRange[] = [];
  if (entities.length === 0 || text.length === 0) return ranges;
  for (const entity of entities) {
    let at = folded.text.indexOf(entity.folded);
    while (at !== -1) {
      const last = at + entity.folded.length - 1;
      ranges.push({ start: folded.from[at]!, end: folded.to[last]!, category: entity.category });
      at = folded.text.indexOf(entity.folded, at + 1);
    }
  }
  return ranges;
}

/** Whether any entity occurs in the text (for values that are removed whole, not in part). */
export function containsEntity(
  text: string,
  entities: readonly CompiledEntity[],
): RedactionCategory | undefined {
  if (entities.length === 0) return undefined;
  const folded = foldWithIndex(text).text;
  return entities.find((e) => folded.includes(e.folded))?.category;
}
