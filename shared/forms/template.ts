/**
 * The shape of an interview template. Templates are data (see templates/), versioned; a
 * testimony pins the id and version it was taken with, so an old testimony renders with its own.
 * Labels and help live in the template itself in both UI languages, so an exported testimony can
 * embed its template and stay self-describing without Svidok.
 */

/** A text in each UI language. The testimony itself stays in whatever language it was given. */
export interface LocalText {
  readonly uk: string;
  readonly en: string;
}

/** Sets a field's redaction default per recipient (issue 6). */
export const SENSITIVITIES = [
  'identifying',
  'location',
  'medical',
  'sexual_violence',
  'other',
] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export const FIELD_KINDS = [
  'text',
  'narrative',
  'date',
  'choice',
  'multi',
  'place',
  'person',
  'group',
  'bodymap',
  'yesno',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

interface FieldBase {
  /** Unique within its section (or its group): lower_snake_case. */
  readonly id: string;
  readonly label: LocalText;
  readonly help?: LocalText;
  readonly sensitivity: Sensitivity;
  /** A clarifying question asked after the free account (FORMS.md): shown as such. */
  readonly clarifying?: boolean;
}

export interface TextField extends FieldBase {
  readonly kind: 'text' | 'narrative';
}
export interface DateField extends FieldBase {
  readonly kind: 'date';
}
export interface ChoiceField extends FieldBase {
  readonly kind: 'choice' | 'multi';
  /** The id of a vocabulary of the same template. */
  readonly vocabulary: string;
}
/** A facility from the vault's register, or free text. */
export interface PlaceField extends FieldBase {
  readonly kind: 'place';
}
/**
 * A person from one of the vault's registers — perpetrators, or people (co-detainees and
 * witnesses, from template v2) — or free text; `null`: free text only (v1's co-detainees).
 */
export interface PersonField extends FieldBase {
  readonly kind: 'person';
  readonly register: 'perpetrators' | 'people' | null;
  /** Several entries of the register (an act's perpetrators), plus words for anyone not in it. */
  readonly multiple?: true;
}
export interface BodyMapField extends FieldBase {
  readonly kind: 'bodymap';
}
export interface YesNoField extends FieldBase {
  readonly kind: 'yesno';
}
/** A repeatable record: several places of detention, interrogations, acts. No nesting. */
export interface GroupField extends FieldBase {
  readonly kind: 'group';
  /** What one item is called ("Place of detention"), numbered in the UI. */
  readonly itemLabel: LocalText;
  readonly fields: readonly LeafField[];
}

export type LeafField =
  TextField | DateField | ChoiceField | PlaceField | PersonField | BodyMapField | YesNoField;
export type Field = LeafField | GroupField;

/** A section shown only when a condition holds (the sexual-violence section). */
export type SectionGate = 'sexual_violence';

export interface Section {
  /** 'A'…'O' as in FORMS.md, 'SV' for the gated sexual-violence section. */
  readonly id: string;
  readonly title: LocalText;
  readonly intro?: LocalText;
  readonly gate?: SectionGate;
  readonly fields: readonly Field[];
}

export interface VocabularyTerm {
  /** Stable code stored in answers: lower_snake_case. */
  readonly code: string;
  /** The HURIDOCS micro-thesaurus code it maps to, where one exists. */
  readonly huridocs?: string;
  readonly label: LocalText;
}

export interface Vocabulary {
  readonly id: string;
  readonly label: LocalText;
  /** Where the terms come from (e.g. "HURIDOCS micro-thesaurus 5, extended"). */
  readonly source?: string;
  readonly terms: readonly VocabularyTerm[];
}

export interface Template {
  readonly id: string;
  readonly version: number;
  readonly title: LocalText;
  /** The standards it is drawn from, cited in exports. */
  readonly sources: readonly string[];
  /** The explanation read to the survivor before consent; its hash is stored with the consent. */
  readonly consentExplanation: LocalText;
  readonly sections: readonly Section[];
  readonly vocabularies: readonly Vocabulary[];
}

export function findSection(template: Template, sectionId: string): Section | undefined {
  return template.sections.find((s) => s.id === sectionId);
}

export function findVocabulary(template: Template, id: string): Vocabulary | undefined {
  return template.vocabularies.find((v) => v.id === id);
}
