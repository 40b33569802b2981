/** A group answer's value ({ items }) as testimony.json carries it. */
import type { TestimonyJsonV2 } from '../testimony-json';

type BundledAnswer = TestimonyJsonV2['sections'][string][string];
export type ItemAnswer = Extract<
  BundledAnswer,
  { value: { items: unknown[] } }
>['value']['items'][number]['answers'][string];

export function isGroupValue(
  value: unknown,
): value is { items: Array<{ id: string; answers: Record<string, ItemAnswer> }> } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { items?: unknown }).items)
  );
}
