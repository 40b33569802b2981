/**
 * Reading and making answer values by field kind (see shared/forms/answers.ts for the shapes).
 * An empty value is no answer at all: the field goes back to "not asked yet".
 */
import type { Answer, GroupItem, LeafAnswer } from '../../../shared/forms/answers';

export type RefOrText = { ref: string } | { text: string };

type LeafValue = Extract<LeafAnswer, { state: 'answered' }>['value'];

export function answered(value: LeafValue): LeafAnswer {
  return { state: 'answered', value };
}

export function textOf(answer: Answer | LeafAnswer | undefined): string {
  return answer?.state === 'answered' && typeof answer.value === 'string' ? answer.value : '';
}

export function codesOf(answer: Answer | LeafAnswer | undefined): string[] {
  return answer?.state === 'answered' && Array.isArray(answer.value) ? answer.value : [];
}

export function refOrTextOf(answer: Answer | LeafAnswer | undefined): RefOrText | null {
  if (answer?.state !== 'answered') return null;
  const value = answer.value as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  if ('ref' in value && typeof value.ref === 'string') return { ref: value.ref };
  if ('text' in value && typeof value.text === 'string') return { text: value.text };
  return null;
}

/** A multiple person answer's entries and words; none of either when it is not one. */
export function refsOf(answer: Answer | LeafAnswer | undefined): { refs: string[]; text: string } {
  const value = answer?.state === 'answered' ? (answer.value as unknown) : null;
  const none = { refs: [], text: '' };
  if (typeof value !== 'object' || value === null || !('refs' in value)) return none;
  const refs = Array.isArray(value.refs) ? value.refs.filter((r) => typeof r === 'string') : [];
  const text = 'text' in value && typeof value.text === 'string' ? value.text : '';
  return { refs, text };
}

export function itemsOf(answer: Answer | undefined): GroupItem[] {
  if (answer?.state !== 'answered') return [];
  const value = answer.value as unknown;
  if (typeof value !== 'object' || value === null || !('items' in value)) return [];
  return Array.isArray(value.items) ? (value.items as GroupItem[]) : [];
}

export function groupAnswer(items: GroupItem[]): Answer {
  return { state: 'answered', value: { items } };
}

/** A text answer, or none when the text is empty. */
export function textAnswer(text: string): LeafAnswer | undefined {
  return text.trim() === '' ? undefined : answered(text);
}

/** A new item id (group items are keyed by UUID in the answers). */
export function newItemId(): string {
  return crypto.randomUUID();
}
