/**
 * Valid answers for any section of any template, built from the field kinds alone, so tests run
 * over every section of the current template however its content changes. Text answers carry
 * a caller's marker (to scan the disk for it) and the field's path (to tell them apart).
 */
import { randomUUID } from 'node:crypto';
import type { GroupItem, LeafAnswer, SectionAnswers } from '../../shared/forms/answers';
import { findVocabulary } from '../../shared/forms/template';
import type { LeafField, Section, Template } from '../../shared/forms/template';

export interface SampleOptions {
  /** Put into every free-text answer (text, narrative, place and person text). */
  readonly marker?: string;
}

/** A valid value for a leaf field. */
export function sampleValue(
  template: Template,
  field: LeafField,
  path: string,
  options: SampleOptions = {},
): LeafAnswer {
  const text = `${options.marker ?? 'Відповідь'} ${path} — «${field.label.uk}»`;
  const answered = (value: unknown) => ({ state: 'answered', value }) as LeafAnswer;
  switch (field.kind) {
    case 'text':
    case 'narrative':
      return answered(text);
    case 'date':
      return answered('2022-03~');
    case 'yesno':
      return answered('yes');
    case 'bodymap':
      return answered(['front.head', 'back.upper_back']);
    case 'person':
      // A field of several entries takes its words beside (here: no) register entries.
      return answered(field.multiple ? { refs: [], text } : { text });
    case 'place':
      return answered({ text });
    case 'choice':
    case 'multi': {
      const term = findVocabulary(template, field.vocabulary)?.terms[0];
      if (!term) throw new Error(`vocabulary ${field.vocabulary} of ${path} has no terms`);
      return answered(field.kind === 'choice' ? term.code : [term.code]);
    }
  }
}

/** Every field of the section answered; each group with two items of every child field. */
export function sampleAnswers(
  template: Template,
  section: Section,
  options: SampleOptions = {},
): SectionAnswers {
  const answers: SectionAnswers = {};
  for (const field of section.fields) {
    if (field.kind !== 'group') {
      answers[field.id] = sampleValue(template, field, field.id, options);
      continue;
    }
    const items: GroupItem[] = [1, 2].map(() => {
      const id = randomUUID();
      const itemAnswers: Record<string, LeafAnswer> = {};
      for (const child of field.fields) {
        itemAnswers[child.id] = sampleValue(
          template,
          child,
          `${field.id}.${id}.${child.id}`,
          options,
        );
      }
      return { id, answers: itemAnswers };
    });
    answers[field.id] = { state: 'answered', value: { items } };
  }
  return answers;
}

/** Where a leaf field of some kind sits, and answers that give it one value. */
export interface FoundField {
  readonly section: Section;
  readonly field: LeafField;
  /** Its path in error messages: `id`, or `group.<item id>.id` inside a group. */
  readonly path: string;
  /** Section answers with this field (alone) answered with `answer`. */
  answersWith(answer: LeafAnswer): SectionAnswers;
}

/** The first leaf field of `kind` in a section other than those excluded, groups included. */
export function findLeaf(
  template: Template,
  match: (field: LeafField) => boolean,
  exclude: readonly string[] = ['B'],
): FoundField | undefined {
  for (const section of template.sections) {
    if (exclude.includes(section.id) || section.gate) continue;
    for (const field of section.fields) {
      if (field.kind !== 'group') {
        if (match(field)) {
          return { section, field, path: field.id, answersWith: (a) => ({ [field.id]: a }) };
        }
        continue;
      }
      const child = field.fields.find(match);
      if (!child) continue;
      const itemId = randomUUID();
      return {
        section,
        field: child,
        path: `${field.id}.${itemId}.${child.id}`,
        answersWith: (a) => ({
          [field.id]: {
            state: 'answered',
            value: { items: [{ id: itemId, answers: { [child.id]: a } }] },
          },
        }),
      };
    }
  }
  return undefined;
}
