/**
 * Which consent explanation the survivor was shown is identified by its hash (FORMS.md, B): the
 * SHA-256 of the exact text (UTF-8) in the language it was read in. Main fills the hash itself
 * from the pinned template whenever "explanation given" is yes: the renderer's copy is never
 * trusted. Read in a language the template has no text in, or not given, there is no hash.
 */
import { createHash } from 'node:crypto';
import type { SectionAnswers } from '../../../shared/forms/answers';
import type { LocalText, Section, Template } from '../../../shared/forms/template';

export const EXPLANATION_GIVEN_FIELD = 'explanation_given';
export const EXPLANATION_HASH_FIELD = 'explanation_hash';
export const EXPLANATION_LANGUAGE_FIELD = 'explanation_language';

/** The `languages` vocabulary codes of the UI languages the template's explanation exists in. */
const TEXT_LANGUAGE: Readonly<Record<string, keyof LocalText>> = {
  ukrainian: 'uk',
  english: 'en',
};

export function explanationHash(template: Template, lang: keyof LocalText): string {
  return createHash('sha256').update(template.consentExplanation[lang], 'utf8').digest('hex');
}

export function withExplanationHash(
  template: Template,
  section: Section,
  answers: SectionAnswers,
): SectionAnswers {
  if (!section.fields.some((f) => f.id === EXPLANATION_HASH_FIELD)) return answers;
  const { [EXPLANATION_HASH_FIELD]: _sent, ...rest } = answers;
  const given = answers[EXPLANATION_GIVEN_FIELD];
  const language = answers[EXPLANATION_LANGUAGE_FIELD];
  if (given?.state !== 'answered' || given.value !== 'yes') return rest;
  if (language?.state !== 'answered' || typeof language.value !== 'string') return rest;
  const lang = TEXT_LANGUAGE[language.value];
  if (!lang) return rest;
  return {
    ...rest,
    [EXPLANATION_HASH_FIELD]: { state: 'answered', value: explanationHash(template, lang) },
  };
}
