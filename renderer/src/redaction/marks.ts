/**
 * What is marked in each text of the original, to highlight it there: span redactions that still
 * fit their text (anchored to its current revision, not stale) and every occurrence of an entity,
 * found with the engine's own matching (case and the three apostrophes), merged.
 */
import { compileEntities, findEntityRanges } from '../../../shared/redaction/entities';
import type { CompiledEntity } from '../../../shared/redaction/entities';
import { canonicalFieldPath } from '../../../shared/redaction/field-path';
import { mergeRanges } from '../../../shared/redaction/ranges';
import type { MergedRange, TextRange } from '../../../shared/redaction/ranges';
import type { RedactionState } from './use-redaction';

export interface Marks {
  /** The merged marks of one text, at its current revision. */
  of(path: string, text: string, revision: number): MergedRange[];
  /** Paths removed whole by a field redaction, canonical. */
  readonly removed: ReadonlySet<string>;
}

export function marksOf(state: RedactionState): Marks {
  const stale = new Set(state.stale.map((s) => s.redactionId));
  const entities: CompiledEntity[] = compileEntities(
    state.redactions.flatMap(({ redaction: r }) =>
      r.kind === 'entity' ? [{ text: r.text, category: r.category }] : [],
    ),
  );
  const removed = new Set<string>();
  const spans = new Map<string, { start: number; end: number; revision: number; r: TextRange }[]>();
  for (const { redaction: r } of state.redactions) {
    if (r.kind === 'field') removed.add(canonicalFieldPath(r.field) ?? r.field);
    if (r.kind !== 'span' || stale.has(r.id)) continue;
    const key = canonicalFieldPath(r.field) ?? r.field;
    const list = spans.get(key) ?? [];
    list.push({ ...r, r: { start: r.start, end: r.end, category: r.category } });
    spans.set(key, list);
  }
  return {
    removed,
    of(path, text, revision) {
      const own = (spans.get(path) ?? [])
        .filter((s) => s.revision === revision && s.end <= text.length)
        .map((s) => s.r);
      return mergeRanges(text, [...own, ...findEntityRanges(text, entities)]);
    },
  };
}
