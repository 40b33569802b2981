/**
 * The torture and detention template, version 2: version 1 exactly, except that co-detainees and
 * witnesses are linked to the vault's people register instead of being free text only, so two
 * testimonies naming the same cellmate meet in the register; and that an act, an interrogation
 * and the sexual violence link every perpetrator named, not only the first (FORMS.md I:
 * "perpetrators (linked)"). Derived from v1 by functions rather than copied, so the two cannot
 * drift apart anywhere else; v1 itself stays as shipped.
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

/** v1's perpetrator fields that link one entry; v2 links several. */
export const SEVERAL_FIELDS_V2: readonly string[] = [
  'H.interrogations.interrogator',
  'I.acts.perpetrator',
  'SV.perpetrator',
];

const SEVERAL_HELP = {
  uk: 'Оберіть з реєстру кожного, кого можна; тих, кого там немає, опишіть.',
  en: 'Choose everyone you can from the register; describe anyone not in it.',
};

const REGISTER_HELP = {
  uk: 'Оберіть з реєстру або опишіть.',
  en: 'Choose from the register or describe.',
};

/** v1's sections and vocabularies, with each field of `paths` linked to the people register. */
export function linkPeople(v1: Template, paths: readonly string[], version: number): Template {
  return mapFields(v1, paths, version, (path, field) => {
    // Only a free-text person field may move: anything else means the path list is stale.
    if (field.kind !== 'person' || field.register !== null) {
      throw new Error(`template v${version}: ${path} is not a free-text person field`);
    }
    const linked: PersonField = { ...field, register: 'people', help: field.help ?? REGISTER_HELP };
    return linked;
  });
}

/** `template` with each register-linked person field of `paths` taking several entries. */
export function linkSeveral(template: Template, paths: readonly string[]): Template {
  const { version } = template;
  return mapFields(template, paths, version, (path, field) => {
    if (field.kind !== 'person' || field.register === null || field.multiple) {
      throw new Error(`template v${version}: ${path} is not a single linked person field`);
    }
    // v1's help ("others below") sent the rest to a text field; now they are chosen here too.
    const several: PersonField = { ...field, multiple: true, help: SEVERAL_HELP };
    return several;
  });
}

/** `template` with `change` applied to the leaf field at each of `paths` (all must exist). */
function mapFields(
  template: Template,
  paths: readonly string[],
  version: number,
  change: (path: string, field: LeafField) => LeafField,
): Template {
  const pending = new Set(paths);
  const leaf = (path: string, field: LeafField): LeafField =>
    pending.delete(path) ? change(path, field) : field;
  const sections = template.sections.map((section) => ({
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
  return { ...template, version, sections };
}

export const TORTURE_DETENTION_V2: Template = linkSeveral(
  linkPeople(TORTURE_DETENTION_V1, PEOPLE_FIELDS_V2, 2),
  SEVERAL_FIELDS_V2,
);
