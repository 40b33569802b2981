/**
 * Answers to a template's fields. A field with no answer is "not asked yet"; "unknown" and
 * "declined" are answers of their own and differ from it (FORMS.md). Values per field kind:
 *   text, narrative → string        date   → EDTF string (approximate-date.ts)
 *   choice → vocabulary code         multi  → codes (at least one)
 *   place  → { ref: facility id } | { text }     person → { ref: perpetrator id } | { text }
 *   person with `multiple` → { refs: entry ids (unique), text? }: at least one of the two
 *   yesno  → 'yes' | 'no'            bodymap → region ids (body-map.ts, at least one)
 *   group  → { items: [{ id, answers }] }, each item's answers keyed by the group's field ids
 */
import { z } from 'zod';
import { parseApproximateDate } from './approximate-date';
import { isBodyRegion } from './body-map';
import { findVocabulary } from './template';
import type { Field, LeafField, Section, Template } from './template';

export const MAX_SHORT_TEXT = 2_000;
export const MAX_LONG_TEXT = 200_000;
export const MAX_GROUP_ITEMS = 200;
export const MAX_CHOICES = 100;
/** Register entries one multiple person field may link (an act's perpetrators). */
export const MAX_REFS = 20;

const FIELD_ID = /^[a-z][a-z0-9_]{0,63}$/;
/** A lone surrogate would come back as U+FFFD from the search index and exports: refused. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !LONE_SURROGATE.test(s), 'text contains a broken character');
const refOrText = z.union([
  z.strictObject({ ref: z.uuid() }),
  z.strictObject({ text: text(MAX_SHORT_TEXT).min(1) }),
]);
/** Empty refs only with words: checkLeafValue refuses a value that names nobody. */
const refsAndText = z.strictObject({
  refs: z.array(z.uuid()).max(MAX_REFS),
  text: text(MAX_SHORT_TEXT).optional(),
});

export const leafValueSchema = z.union([
  text(MAX_LONG_TEXT),
  z.array(z.string().max(64)).min(1).max(MAX_CHOICES),
  refOrText,
  refsAndText,
]);

const noValue = z.union([
  z.strictObject({ state: z.literal('unknown') }),
  z.strictObject({ state: z.literal('declined') }),
]);

export const leafAnswerSchema = z.union([
  z.strictObject({ state: z.literal('answered'), value: leafValueSchema }),
  noValue,
]);

export const groupItemSchema = z.strictObject({
  id: z.uuid(),
  answers: z.record(z.string().regex(FIELD_ID), leafAnswerSchema),
});

export const answerSchema = z.union([
  z.strictObject({ state: z.literal('answered'), value: leafValueSchema }),
  z.strictObject({
    state: z.literal('answered'),
    value: z.strictObject({ items: z.array(groupItemSchema).max(MAX_GROUP_ITEMS) }),
  }),
  noValue,
]);

/** One section's answers, keyed by field id; a missing key is "not asked yet". */
export const sectionAnswersSchema = z.record(z.string().regex(FIELD_ID), answerSchema);

export type LeafAnswer = z.output<typeof leafAnswerSchema>;
export type GroupItem = z.output<typeof groupItemSchema>;
export type Answer = z.output<typeof answerSchema>;
export type SectionAnswers = z.output<typeof sectionAnswersSchema>;
export type AnswerState = 'answered' | 'unknown' | 'declined' | 'not_asked';

/** Why an answer does not fit its field; the path names the field (`places.<item>.dates`). */
export interface AnswerProblem {
  readonly path: string;
  readonly problem:
    | 'unknown_field'
    | 'wrong_kind'
    | 'too_long'
    | 'bad_date'
    | 'unknown_term'
    | 'unknown_region'
    | 'duplicate';
}

/** Checks a section's answers against its template: fields exist, values fit their kinds. */
export function checkSectionAnswers(
  template: Template,
  section: Section,
  answers: SectionAnswers,
  now: Date = new Date(),
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const [fieldId, answer] of Object.entries(answers)) {
    const field = section.fields.find((f) => f.id === fieldId);
    if (!field) {
      problems.push({ path: fieldId, problem: 'unknown_field' });
      continue;
    }
    if (answer.state !== 'answered') continue;
    if (field.kind === 'group') {
      const value = answer.value;
      if (typeof value !== 'object' || value === null || !('items' in value)) {
        problems.push({ path: fieldId, problem: 'wrong_kind' });
        continue;
      }
      const seen = new Set<string>();
      for (const item of value.items) {
        if (seen.has(item.id))
          problems.push({ path: `${fieldId}.${item.id}`, problem: 'duplicate' });
        seen.add(item.id);
        for (const [childId, child] of Object.entries(item.answers)) {
          const path = `${fieldId}.${item.id}.${childId}`;
          const childField = field.fields.find((f) => f.id === childId);
          if (!childField) problems.push({ path, problem: 'unknown_field' });
          else if (child.state === 'answered') {
            const problem = checkLeafValue(template, childField, child.value, now);
            if (problem) problems.push({ path, problem });
          }
        }
      }
      continue;
    }
    const problem = checkLeafValue(template, field, answer.value, now);
    if (problem) problems.push({ path: fieldId, problem });
  }
  return problems;
}

function checkLeafValue(
  template: Template,
  field: LeafField,
  value: unknown,
  now: Date,
): AnswerProblem['problem'] | undefined {
  switch (field.kind) {
    case 'text':
      if (typeof value !== 'string') return 'wrong_kind';
      return value.length > MAX_SHORT_TEXT ? 'too_long' : undefined;
    case 'narrative':
      return typeof value === 'string' ? undefined : 'wrong_kind';
    case 'date':
      if (typeof value !== 'string') return 'wrong_kind';
      return parseApproximateDate(value, now).ok ? undefined : 'bad_date';
    case 'yesno':
      return value === 'yes' || value === 'no' ? undefined : 'wrong_kind';
    case 'choice':
    case 'multi': {
      const codes = field.kind === 'choice' ? [value] : value;
      if (!Array.isArray(codes) || codes.some((c) => typeof c !== 'string')) return 'wrong_kind';
      if (field.kind === 'multi' && new Set(codes).size !== codes.length) return 'duplicate';
      const terms = new Set(findVocabulary(template, field.vocabulary)?.terms.map((t) => t.code));
      return codes.every((c) => terms.has(c as string)) ? undefined : 'unknown_term';
    }
    case 'bodymap':
      if (!Array.isArray(value) || value.some((r) => typeof r !== 'string')) return 'wrong_kind';
      if (new Set(value).size !== value.length) return 'duplicate';
      return value.every((r) => isBodyRegion(r as string)) ? undefined : 'unknown_region';
    case 'person':
      return field.multiple ? checkRefs(value) : checkRef(value);
    case 'place':
      return checkRef(value);
  }
}

/** `{ ref }` or `{ text }` only: a group's `{ items }` and a multiple's `{ refs }` are objects too. */
function checkRef(value: unknown): AnswerProblem['problem'] | undefined {
  return typeof value === 'object' &&
    value !== null &&
    !('refs' in value) &&
    ('ref' in value || 'text' in value)
    ? undefined
    : 'wrong_kind';
}

/** A multiple person field's value: `{ refs, text? }` naming somebody, no entry twice. */
function checkRefs(value: unknown): AnswerProblem['problem'] | undefined {
  if (typeof value !== 'object' || value === null || !('refs' in value)) return 'wrong_kind';
  const { refs, text } = value as { refs: unknown; text?: unknown };
  if (!Array.isArray(refs)) return 'wrong_kind';
  if (refs.length === 0 && (typeof text !== 'string' || text.trim() === '')) return 'wrong_kind';
  return new Set(refs).size === refs.length ? undefined : 'duplicate';
}

export function answerState(answer: Answer | LeafAnswer | undefined): AnswerState {
  return answer ? answer.state : 'not_asked';
}

export interface SectionProgress {
  readonly answered: number;
  readonly unknown: number;
  readonly declined: number;
  readonly notAsked: number;
}

/** Counts the section's top-level fields by state, for the navigator. */
export function sectionProgress(section: Section, answers: SectionAnswers): SectionProgress {
  const counts = { answered: 0, unknown: 0, declined: 0, notAsked: 0 };
  for (const field of section.fields) {
    const state = answerState(answers[field.id]);
    if (state === 'not_asked') counts.notAsked++;
    else counts[state]++;
  }
  return counts;
}

/** Every field of a section, groups' fields included, with its path prefix. */
export function* walkFields(section: Section): Generator<{ path: string; field: Field }> {
  for (const field of section.fields) {
    yield { path: field.id, field };
    if (field.kind === 'group') {
      for (const child of field.fields) yield { path: `${field.id}.*.${child.id}`, field: child };
    }
  }
}
