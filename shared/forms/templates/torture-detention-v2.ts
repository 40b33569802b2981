/**
 * The torture and detention template, version 2: version 1 exactly, except that co-detainees and
 * witnesses are linked to the vault's people register instead of being free text only, so two
 * testimonies naming the same cellmate meet in the register. Derived from v1 by a function rather
 * than copied, so the two cannot drift apart anywhere else; v1 itself stays as shipped.
 */
import type { Field, LeafField, PersonField, Template } from '../template';
import { TORTURE_DETENTION_V1 } from './torture-detention-v1';

/** `<section>.<field>` or `<section>.<group>.<field>`: v1's free-text person fields. */
export const PEOPLE_FIELDS_V2: readonly string[] = [
  'E.captured_with.who',
  'F.codetainees.who',
  'F.deaths.who',
  'I.acts.witness',
];

const REGISTER_HELP = {
  uk: 'Оберіть з реєстру або опишіть.',
  en: 'Choose from the register or describe.',
};

/** v1's sections and vocabularies, with each field of `paths` linked to the people register. */
export function linkPeople(v1: Template, paths: readonly string[], version: number): Template {
  const pending = new Set(paths);
  const leaf = (path: string, field: LeafField): LeafField => {
    if (!pending.delete(path)) return field;
    // Only a free-text person field may move: anything else means the path list is stale.
    if (field.kind !== 'person' || field.register !== null) {
      throw new Error(`template v${version}: ${path} is not a free-text person field`);
    }
    const linked: PersonField = { ...field, register: 'people', help: field.help ?? REGISTER_HELP };
    return linked;
  };
  const sections = v1.sections.map((section) => ({
    ...section,
    fields: section.fields.map((field): Field =>
      field.kind === 'group'
        ? {
            ...field,
            fields: field.fields.map((child) =>
              leaf(`${section.id}.${field.id}.${child.id}`, child),
            ),
          }
        : leaf(`${section.id}.${field.id}`, field),
    ),
  }));
  if (pending.size > 0) {
    throw new Error(`template v${version}: no field at ${[...pending].join(', ')}`);
  }
  return { ...v1, version, sections };
}

export const TORTURE_DETENTION_V2: Template = linkPeople(TORTURE_DETENTION_V1, PEOPLE_FIELDS_V2, 2);
