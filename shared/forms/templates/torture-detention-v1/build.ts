/**
 * Small builders that keep the template readable as data: one field or one term per line where
 * it fits. They only fill in the `kind`; everything else is written out in the section files.
 */
import type {
  BodyMapField,
  ChoiceField,
  DateField,
  GroupField,
  LeafField,
  LocalText,
  PersonField,
  PlaceField,
  Sensitivity,
  TextField,
  Vocabulary,
  VocabularyTerm,
  YesNoField,
} from '../../template';

export const t = (uk: string, en: string): LocalText => ({ uk, en });

const withHelp = <F extends object>(field: F, help: LocalText | undefined): F =>
  help ? { ...field, help } : field;

export const text = (id: string, sensitivity: Sensitivity, label: LocalText, help?: LocalText) =>
  withHelp<TextField>({ id, kind: 'text', sensitivity, label }, help);

export const narrative = (
  id: string,
  sensitivity: Sensitivity,
  label: LocalText,
  help?: LocalText,
) => withHelp<TextField>({ id, kind: 'narrative', sensitivity, label }, help);

export const date = (id: string, sensitivity: Sensitivity, label: LocalText, help?: LocalText) =>
  withHelp<DateField>({ id, kind: 'date', sensitivity, label }, help);

export const yesno = (id: string, sensitivity: Sensitivity, label: LocalText, help?: LocalText) =>
  withHelp<YesNoField>({ id, kind: 'yesno', sensitivity, label }, help);

export const place = (id: string, sensitivity: Sensitivity, label: LocalText, help?: LocalText) =>
  withHelp<PlaceField>({ id, kind: 'place', sensitivity, label }, help);

export const bodymap = (id: string, sensitivity: Sensitivity, label: LocalText, help?: LocalText) =>
  withHelp<BodyMapField>({ id, kind: 'bodymap', sensitivity, label }, help);

export const choice = (
  id: string,
  vocabulary: string,
  sensitivity: Sensitivity,
  label: LocalText,
  help?: LocalText,
) => withHelp<ChoiceField>({ id, kind: 'choice', vocabulary, sensitivity, label }, help);

export const multi = (
  id: string,
  vocabulary: string,
  sensitivity: Sensitivity,
  label: LocalText,
  help?: LocalText,
) => withHelp<ChoiceField>({ id, kind: 'multi', vocabulary, sensitivity, label }, help);

/** A perpetrator from the register (`'perpetrators'`), or anyone else as free text (`null`). */
export const person = (
  id: string,
  register: PersonField['register'],
  sensitivity: Sensitivity,
  label: LocalText,
  help?: LocalText,
) => withHelp<PersonField>({ id, kind: 'person', register, sensitivity, label }, help);

export const group = (
  id: string,
  sensitivity: Sensitivity,
  label: LocalText,
  itemLabel: LocalText,
  fields: readonly LeafField[],
  help?: LocalText,
) => withHelp<GroupField>({ id, kind: 'group', sensitivity, label, itemLabel, fields }, help);

/** Marks a field as a clarifying question, asked after the free account. */
export const clarifying = <F extends LeafField>(field: F): F => ({ ...field, clarifying: true });

/** A vocabulary term; `huridocs` is the micro-thesaurus code it maps to, where one fits. */
export const term = (code: string, uk: string, en: string, huridocs?: string): VocabularyTerm =>
  huridocs ? { code, huridocs, label: t(uk, en) } : { code, label: t(uk, en) };

export const vocabulary = (
  id: string,
  label: LocalText,
  terms: readonly VocabularyTerm[],
  source?: string,
): Vocabulary => (source ? { id, label, source, terms } : { id, label, terms });
