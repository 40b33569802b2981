/**
 * An answer as words in a report's language: vocabulary labels, dates read out (with their EDTF),
 * register entries by name, "Unknown" and "Declined to answer" as such.
 */
import { redactionToken } from '../../../shared/redaction';
import type { RedactedAnswer } from '../../../shared/redaction';
import { formatApproximateDate } from '../../../shared/forms/approximate-date';
import { BODY_REGIONS } from '../../../shared/forms/body-map';
import { perpetratorTitle, personTitle } from '../../../shared/forms/registers';
import type { Facility, Person, Perpetrator } from '../../../shared/forms/registers';
import { findVocabulary } from '../../../shared/forms/template';
import type { LeafField, PersonField, Template } from '../../../shared/forms/template';
import type { Messages } from '../../../shared/i18n';

export interface Registers {
  readonly facilities: readonly Facility[];
  readonly perpetrators: readonly Perpetrator[];
  /** Absent in bundles made before the people register (and in those that link nobody). */
  readonly people?: readonly Person[] | undefined;
}

/** Any stored or bundled answer: the vault's, or a redacted bundle's. */
export type AnyAnswer =
  | { readonly state: 'answered'; readonly value: unknown }
  | { readonly state: 'unknown' }
  | { readonly state: 'declined' }
  | RedactedAnswer;

export interface AnswerContext {
  readonly lang: 'uk' | 'en';
  readonly m: Messages['report'];
  readonly template: Template;
  readonly registers: Registers;
}

export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** The answer's words, or undefined when it was not asked. */
export function answerText(
  ctx: AnswerContext,
  field: LeafField,
  answer: AnyAnswer | undefined,
): string | undefined {
  if (!answer) return undefined;
  // A redacted bundle's answer: the same visible token as in its texts, nothing of the original.
  if (answer.state === 'redacted') return redactionToken([answer.category]);
  if (answer.state === 'unknown') return ctx.m.unknown;
  if (answer.state === 'declined') return ctx.m.declined;
  const value = answer.value as unknown;
  switch (field.kind) {
    case 'text':
    case 'narrative':
      return typeof value === 'string' && value !== '' ? value : ctx.m.empty;
    case 'date':
      return typeof value === 'string'
        ? `${formatApproximateDate(value, ctx.lang)} (${fill(ctx.m.edtf, { value })})`
        : undefined;
    case 'yesno':
      return value === 'yes' ? ctx.m.yes : value === 'no' ? ctx.m.no : undefined;
    case 'choice':
    case 'multi': {
      const terms = findVocabulary(ctx.template, field.vocabulary)?.terms ?? [];
      const codes = Array.isArray(value) ? value : [value];
      return codes
        .map((code) => terms.find((t) => t.code === code)?.label[ctx.lang] ?? String(code))
        .join('; ');
    }
    case 'bodymap': {
      const ids = Array.isArray(value) ? value : [];
      return ids
        .map((id) => BODY_REGIONS.find((r) => r.id === id)?.label[ctx.lang] ?? String(id))
        .join('; ');
    }
    case 'place':
    case 'person':
      return refText(ctx, field, value);
  }
}

function refText(
  ctx: AnswerContext,
  field: { kind: 'place' } | PersonField,
  value: unknown,
): string {
  const v = value as { ref?: string; refs?: unknown; text?: string };
  // Several entries (an act's perpetrators): each by name, then the survivor's words for others.
  if (Array.isArray(v.refs)) {
    const names = v.refs.map((ref) => refText(ctx, field, { ref }));
    if (typeof v.text === 'string' && v.text.trim()) names.push(v.text);
    return names.join('; ');
  }
  if (typeof v.text === 'string') return v.text;
  if (field.kind === 'person' && field.register === 'people') {
    const person = ctx.registers.people?.find((p) => p.id === v.ref);
    if (person) return `${personTitle(person)} [${ctx.m.register}]`;
  } else if (field.kind === 'place') {
    const facility = ctx.registers.facilities.find((f) => f.id === v.ref);
    if (facility) {
      const where = facility.location ? `, ${facility.location}` : '';
      return `${facility.name}${where} [${ctx.m.register}]`;
    }
  } else {
    const person = ctx.registers.perpetrators.find((p) => p.id === v.ref);
    if (person) {
      const unit = person.unit ? `, ${person.unit}` : '';
      return `${perpetratorTitle(person)}${unit} [${ctx.m.register}]`;
    }
  }
  return `[${ctx.m.register}: ${String(v.ref)}]`;
}
