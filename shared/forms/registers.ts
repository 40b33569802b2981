/**
 * The vault's registers, shared across testimonies: facilities (places of detention),
 * perpetrators, and people (co-detainees and witnesses). Place and person fields link to entries
 * by id; an entry lists every testimony that mentions it.
 */
import { z } from 'zod';

export const REGISTERS = ['facilities', 'perpetrators', 'people'] as const;
export type RegisterName = (typeof REGISTERS)[number];

export const FACILITY_KINDS = [
  'pre_trial_detention',
  'penal_colony',
  'basement',
  'police_station',
  'military_base',
  'filtration_point',
  'other',
] as const;

/** What a person in the people register was to the survivor; one person may be several. */
export const PERSON_ROLES = ['co_detainee', 'witness', 'other'] as const;

const name = z.string().trim().min(1).max(300);
const names = z.array(name).max(50);
const longText = z.string().max(5_000);

export const facilitySchema = z.strictObject({
  id: z.uuid(),
  name,
  kind: z.enum(FACILITY_KINDS),
  location: z.string().max(500),
  aliases: names,
});
export const perpetratorSchema = z.strictObject({
  id: z.uuid(),
  names,
  callSigns: names,
  unit: z.string().max(500),
  description: longText,
});
export const personSchema = z.strictObject({
  id: z.uuid(),
  names,
  roles: z
    .array(z.enum(PERSON_ROLES))
    .max(PERSON_ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, 'each role once'),
  description: longText,
});

/** A new entry has no id yet; main assigns one. */
export const facilityInputSchema = facilitySchema.extend({ id: z.uuid().optional() });
export const perpetratorInputSchema = perpetratorSchema
  .extend({ id: z.uuid().optional() })
  .refine((p) => p.names.length + p.callSigns.length > 0, 'a name or a call sign');
export const personInputSchema = personSchema
  .extend({ id: z.uuid().optional() })
  .refine((p) => p.names.length > 0, 'a name');

export type Facility = z.output<typeof facilitySchema>;
export type Perpetrator = z.output<typeof perpetratorSchema>;
/** A co-detainee or witness: not a perpetrator, but a person an investigator may need to find. */
export type Person = z.output<typeof personSchema>;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** How an entry is shown in a list: its name, or its first call sign. */
export function perpetratorTitle(p: Pick<Perpetrator, 'names' | 'callSigns'>): string {
  return p.names[0] ?? (p.callSigns[0] ? `«${p.callSigns[0]}»` : '');
}

/** How a person is shown in a list: the first of their names. */
export function personTitle(p: Pick<Person, 'names'>): string {
  return p.names[0] ?? '';
}

/**
 * A register link's path (`I.acts.<item>.perpetrator#2`) as the field's: a field of several
 * entries links each as `<field path>#<n>`, since register_link keys rows by (testimony, path).
 */
export function linkFieldPath(path: string): string {
  return path.replace(/#\d+$/u, '');
}
