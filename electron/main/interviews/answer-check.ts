/**
 * What main checks in a section's answers beyond their shape (the IPC schema): that they fit the
 * pinned template (shared checkSectionAnswers, the same rules the renderer shows), and that every
 * place or person given as a register entry points at an entry that exists. A refusal names the
 * paths of the answers at fault, never their values: messages reach logs and terminals.
 */
import { AppError, invalidAnswerMessage } from '../../../shared/errors';
import { checkSectionAnswers } from '../../../shared/forms/answers';
import type { AnswerProblem, LeafAnswer, SectionAnswers } from '../../../shared/forms/answers';
import { linkFieldPath } from '../../../shared/forms/registers';
import type { RegisterName } from '../../../shared/forms/registers';
import type { GroupField, LeafField, Section, Template } from '../../../shared/forms/template';

/** A link from an answer to a register entry; `path` starts with the section id. */
export interface RegisterRef {
  readonly register: RegisterName;
  readonly entryId: string;
  readonly path: string;
}

type Problem = AnswerProblem['problem'] | 'unknown_ref';

/** Throws INVALID_ANSWER naming the paths at fault; returns the register links otherwise. */
export function checkAnswers(
  template: Template,
  section: Section,
  answers: SectionAnswers,
  now: Date,
  entryExists: (register: RegisterName, id: string) => boolean,
): RegisterRef[] {
  const problems: Array<{ path: string; problem: Problem }> = checkSectionAnswers(
    template,
    section,
    answers,
    now,
  );
  const refs: RegisterRef[] = [];
  if (problems.length === 0) {
    for (const { path, register, entryId } of registerLinks(section, answers)) {
      // A fault names the field (answerFaultsOf), not which of its entries: no `#<n>`.
      const at = linkFieldPath(path);
      if (register === null) problems.push({ path: at, problem: 'wrong_kind' });
      else if (!entryExists(register, entryId)) problems.push({ path: at, problem: 'unknown_ref' });
      else refs.push({ register, entryId, path: `${section.id}.${path}` });
    }
  }
  if (problems.length > 0) {
    // The renderer reads the paths back (answerFaultsOf) to mark each field.
    throw new AppError('INVALID_ANSWER', invalidAnswerMessage(section.id, problems));
  }
  return refs;
}

/**
 * Every `{ ref }` in a section's answers, and each of a `{ refs }`: the path within the section,
 * the register the field links into (null for a field that links nowhere: a wrong answer) and the
 * entry id. A `{ refs }` entry's path ends in `#<n>` (1-based): register_link's key is
 * (testimony, path), and each entry of one field needs its own row to be found by its mentions.
 */
export function* registerLinks(
  section: Section,
  answers: SectionAnswers,
): Generator<{ path: string; register: RegisterName | null; entryId: string }> {
  for (const { path, field, answer } of leafAnswers(section, answers)) {
    const register = registerOf(field);
    const entryId = refOf(answer);
    if (entryId !== undefined) yield { path, register, entryId };
    const many = refsOf(answer);
    for (const [i, id] of many.entries()) yield { path: `${path}#${i + 1}`, register, entryId: id };
  }
}

/**
 * Every answered leaf of a section (group items included) with its field, the group it sits in
 * (its sensitivity covers its items) and its path.
 */
export function* leafAnswers(
  section: Section,
  answers: SectionAnswers,
): Generator<{ path: string; field: LeafField; group?: GroupField; answer: LeafAnswer }> {
  for (const field of section.fields) {
    const answer = answers[field.id];
    if (answer?.state !== 'answered') continue;
    if (field.kind !== 'group') {
      yield { path: field.id, field, answer: answer as LeafAnswer };
      continue;
    }
    const items =
      (answer.value as { items?: Array<{ id: string; answers: SectionAnswers }> }).items ?? [];
    for (const item of items) {
      for (const child of field.fields) {
        const childAnswer = item.answers[child.id];
        if (childAnswer?.state !== 'answered') continue;
        yield {
          path: `${field.id}.${item.id}.${child.id}`,
          field: child,
          group: field,
          answer: childAnswer as LeafAnswer,
        };
      }
    }
  }
}

function refOf(answer: LeafAnswer): string | undefined {
  if (answer.state !== 'answered') return undefined;
  const value = answer.value as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const ref = (value as { ref?: unknown }).ref;
  return typeof ref === 'string' ? ref : undefined;
}

/** The entries of a multiple person answer (`{ refs }`); none for any other value. */
function refsOf(answer: LeafAnswer): string[] {
  if (answer.state !== 'answered') return [];
  const value = answer.value as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const refs = (value as { refs?: unknown }).refs;
  return Array.isArray(refs) ? refs.filter((r): r is string => typeof r === 'string') : [];
}

/** Which register a field's {ref} points into; null when the field has none. */
function registerOf(field: LeafField): RegisterName | null {
  if (field.kind === 'place') return 'facilities';
  if (field.kind === 'person') return field.register;
  return null;
}

/** The free text of a section's answers (text, narrative, place and person text), for search. */
export function answerTexts(section: Section, answers: SectionAnswers): string[] {
  const texts: string[] = [];
  for (const { field, answer } of leafAnswers(section, answers)) {
    if (answer.state !== 'answered') continue;
    const value = answer.value as unknown;
    if ((field.kind === 'text' || field.kind === 'narrative') && typeof value === 'string') {
      if (value) texts.push(value);
    } else if (field.kind === 'place' || field.kind === 'person') {
      const text = (value as { text?: unknown }).text;
      if (typeof text === 'string') texts.push(text);
    }
  }
  return texts;
}
