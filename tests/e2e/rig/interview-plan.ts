/**
 * A complete interview as data, derived from the template so it follows the template's changes:
 * which fields of each section to answer (one of each kind, groups with items, a register entry
 * added on the spot and picked again), which to mark unknown and declined, and what main must
 * then have stored.
 */
import { expect } from '@playwright/test';
import type { Answer, LeafAnswer, SectionAnswers } from '../../../shared/forms/answers';
import { CONSENT_SCOPES_FIELD, CONSENT_WITHDRAWALS_FIELD } from '../../../shared/forms/consent';
import type { RegisterName } from '../../../shared/forms/registers';
import type { Field, LeafField, Section, Template } from '../../../shared/forms/template';
import { findVocabulary } from '../../../shared/forms/template';

export type Lang = 'uk' | 'en';

/**
 * Left alone: the consent rows (recordConsent wrote them; a withdrawal would take consent
 * away) and the hash the app fills in itself.
 */
const LEAVE_ALONE: Record<string, readonly string[]> = {
  B: [CONSENT_SCOPES_FIELD, CONSENT_WITHDRAWALS_FIELD, 'explanation_hash'],
};
/** Repeatable groups given two items; every other group answered gets one. */
const TWO_ITEMS = new Set(['F/places', 'I/acts']);
/** Dates other than the default, by path: an approximate one and a season. */
const DATES: Record<string, string> = {
  'F/places/1/date_in': '2022-03~',
  'L/date': '2022-21',
};
const DEFAULT_DATE = '2022-04-02';
const BODY_REGIONS: Record<string, readonly string[]> = {
  I: ['front.chest'],
  M: ['front.face', 'back.upper_back'],
};

export type Planned =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'date'; readonly value: string }
  | { readonly kind: 'choice'; readonly code: string }
  | { readonly kind: 'multi'; readonly codes: readonly string[]; readonly labels: string[] }
  | { readonly kind: 'yesno'; readonly value: 'yes' | 'no' }
  /** A place or person in the survivor's words; `register` when the field offers one. */
  | { readonly kind: 'ownWords'; readonly value: string; readonly register: boolean }
  /** An entry of a register: added on the spot ("Add to register…"), or picked. */
  | {
      readonly kind: 'entry';
      readonly register: RegisterName;
      readonly name: string;
      readonly add: boolean;
    }
  /** Several entries of a register (a multiple person field), each added or picked; words. */
  | {
      readonly kind: 'entries';
      readonly register: RegisterName;
      readonly entries: ReadonlyArray<{ readonly name: string; readonly add: boolean }>;
      readonly text?: string;
    }
  | { readonly kind: 'bodymap'; readonly regions: readonly string[] }
  | { readonly kind: 'state'; readonly state: 'unknown' | 'declined' }
  | { readonly kind: 'group'; readonly items: ReadonlyArray<Readonly<Record<string, Planned>>> };

export interface SectionPlan {
  readonly section: Section;
  /** Top-level field id → what is done with it, in the section's order. */
  readonly fields: Readonly<Record<string, Planned>>;
}

/** What an interviewer would type, with the marker of language and section. */
export const marker = (lang: Lang, sectionId: string) => `«${lang}-${sectionId}»`;

/** `n` 2: the second entry a field of several entries names (perpetrators only). */
export function entryName(register: RegisterName, lang: Lang, n: 1 | 2 = 1): string {
  switch (register) {
    case 'facilities':
      return `Ізолятор тимчасового тримання №2 (${lang})`;
    case 'perpetrators':
      return n === 2 ? `Петренко Олег (${lang})` : `Сидоренко Іван (${lang})`;
    case 'people':
      return `Коваленко Ольга (${lang})`;
  }
}

/** One section after another, as the interviewer walks them (the navigator's order). */
export function planInterview(template: Template, lang: Lang): SectionPlan[] {
  // Each register's first field adds an entry; later ones pick it, or take own words.
  const seen: Record<RegisterName, number> = { facilities: 0, perpetrators: 0, people: 0 };
  // Fields of several entries name two each (the second added by the first such field).
  let several = 0;

  function leaf(sectionId: string, path: string, field: LeafField): Planned {
    const words = `${marker(lang, sectionId)} ${path}`;
    switch (field.kind) {
      case 'text':
        return { kind: 'text', value: `${words} — відповідь` };
      case 'narrative':
        return { kind: 'text', value: `${words} — били, погрожували родині.\nДругий рядок.` };
      case 'date':
        return { kind: 'date', value: DATES[`${sectionId}/${path}`] ?? DEFAULT_DATE };
      case 'choice': {
        const terms = findVocabulary(template, field.vocabulary)?.terms ?? [];
        return { kind: 'choice', code: (terms[1] ?? terms[0])!.code };
      }
      case 'multi': {
        const terms = (findVocabulary(template, field.vocabulary)?.terms ?? []).slice(0, 2);
        return {
          kind: 'multi',
          codes: terms.map((t) => t.code),
          labels: terms.map((t) => t.label[lang]),
        };
      }
      case 'yesno':
        return { kind: 'yesno', value: 'yes' };
      case 'bodymap':
        return { kind: 'bodymap', regions: BODY_REGIONS[sectionId] ?? ['front.chest'] };
      case 'place':
      case 'person': {
        const register: RegisterName | null =
          field.kind === 'place' ? 'facilities' : field.register;
        if (!register) return { kind: 'ownWords', value: `${words} — Іван`, register: false };
        const n = seen[register]++;
        if (field.kind === 'person' && field.multiple) {
          const m = several++;
          return {
            kind: 'entries',
            register,
            entries: [
              { name: entryName(register, lang), add: n === 0 },
              { name: entryName(register, lang, 2), add: m === 0 },
            ],
            ...(m % 2 === 0 ? { text: `${words} — ще один у масці` } : {}),
          };
        }
        if (n % 2 === 0 && n > 0) {
          return { kind: 'ownWords', value: `${words} — за словами особи`, register: true };
        }
        return { kind: 'entry', register, name: entryName(register, lang), add: n === 0 };
      }
    }
  }

  /** One of each kind; with `withStates`, the last two (if not needed) unknown and declined. */
  function pick<F extends Field>(
    fields: readonly F[],
    withStates: boolean,
    keep: F | undefined,
    answer: (field: F) => Planned,
  ): Record<string, Planned> {
    const states = withStates ? fields.filter((f) => f !== keep).slice(-2) : [];
    const kinds = new Set<string>();
    const plan: Record<string, Planned> = {};
    for (const field of fields) {
      const s = states.indexOf(field);
      if (s >= 0) plan[field.id] = { kind: 'state', state: s === 0 ? 'unknown' : 'declined' };
      else if (!kinds.has(field.kind)) {
        kinds.add(field.kind);
        plan[field.id] = answer(field);
      }
    }
    return plan;
  }

  return template.sections.map((section) => {
    const leaveAlone = new Set(LEAVE_ALONE[section.id] ?? []);
    const fields = section.fields.filter((f) => !leaveAlone.has(f.id));
    const firstGroup = fields.find((f) => f.kind === 'group');
    const plan = pick(fields, section.fields.length >= 3, firstGroup, (field) => {
      if (field.kind !== 'group') return leaf(section.id, field.id, field);
      const count = TWO_ITEMS.has(`${section.id}/${field.id}`) ? 2 : 1;
      const items = Array.from({ length: count }, (_, i) =>
        pick(field.fields, i === 0 && field.fields.length >= 5, undefined, (child) =>
          leaf(section.id, `${field.id}/${i + 1}/${child.id}`, child),
        ),
      );
      return { kind: 'group', items };
    });
    return { section, fields: plan };
  });
}

/** How many planned answers refer to the register's entry. */
export function countEntries(plans: readonly SectionPlan[], register: RegisterName): number {
  const refers = (p: Planned) =>
    (p.kind === 'entry' || p.kind === 'entries') && p.register === register;
  return plans
    .flatMap((plan) => Object.values(plan.fields))
    .flatMap((p) => (p.kind === 'group' ? p.items.flatMap((item) => Object.values(item)) : [p]))
    .filter(refers)
    .reduce((sum, p) => sum + (p.kind === 'entries' ? p.entries.length : 1), 0);
}

/** What main must have stored for the planned answers (group item ids are main's own). */
export function expectedAnswers(
  plan: SectionPlan,
  entryIds: Readonly<Record<string, string>>,
): SectionAnswers {
  const leafAnswer = (planned: Planned): LeafAnswer => {
    switch (planned.kind) {
      case 'state':
        return { state: planned.state };
      case 'text':
      case 'date':
      case 'yesno':
        return { state: 'answered', value: planned.value };
      case 'choice':
        return { state: 'answered', value: planned.code };
      case 'multi':
        return { state: 'answered', value: [...planned.codes] };
      case 'bodymap':
        return { state: 'answered', value: [...planned.regions] };
      case 'ownWords':
        return { state: 'answered', value: { text: planned.value } };
      case 'entry':
        return { state: 'answered', value: { ref: entryIds[planned.name] ?? '?' } };
      case 'entries': {
        const refs = planned.entries.map((e) => entryIds[e.name] ?? '?');
        const text = planned.text === undefined ? {} : { text: planned.text };
        return { state: 'answered', value: { refs, ...text } };
      }
      case 'group':
        throw new Error('groups do not nest');
    }
  };
  const answers: Record<string, Answer> = {};
  for (const [fieldId, planned] of Object.entries(plan.fields)) {
    answers[fieldId] =
      planned.kind === 'group'
        ? {
            state: 'answered',
            value: {
              items: planned.items.map((item) => ({
                id: expect.any(String) as unknown as string,
                answers: Object.fromEntries(
                  Object.entries(item).map(([id, child]) => [id, leafAnswer(child)]),
                ),
              })),
            },
          }
        : leafAnswer(planned);
  }
  return answers;
}
