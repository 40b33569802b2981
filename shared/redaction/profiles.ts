/**
 * Redaction profiles: which sensitivity classes of fields and which categories of redactions an
 * export removes, and to which recipient classes it may go. "Full" is the sealed original for
 * prosecutors; "Redacted" is for wider sharing. Custom profiles use the same shape.
 */
import { z } from 'zod';
import { RECIPIENT_CLASSES } from '../forms/consent';
import { SENSITIVITIES } from '../forms/template';
import type { Sensitivity } from '../forms/template';
import { REDACTION_CATEGORIES } from './model';
import type { RedactionCategory } from './model';

const keepOrRemove = z.enum(['keep', 'remove']);
const label = z.string().trim().min(1).max(200);

export const redactionProfileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  name: z.strictObject({ uk: label, en: label }),
  recipientClasses: z.array(z.enum(RECIPIENT_CLASSES)).min(1),
  // Enum keys make the records exhaustive: a profile says keep or remove for every class.
  sensitivity: z.record(z.enum(SENSITIVITIES), keepOrRemove),
  categories: z.record(z.enum(REDACTION_CATEGORIES), keepOrRemove),
});
export type RedactionProfile = z.output<typeof redactionProfileSchema>;

const all = <K extends string>(keys: readonly K[], value: 'keep' | 'remove') =>
  Object.fromEntries(keys.map((k) => [k, value])) as Record<K, 'keep' | 'remove'>;

export const FULL_PROFILE: RedactionProfile = {
  id: 'full',
  name: {
    uk: 'Повний (запечатаний, для прокурорів)',
    en: 'Full (sealed, for prosecutors)',
  },
  recipientClasses: [
    'national_prosecutor',
    'icc_otp',
    'special_tribunal',
    'foreign_prosecutor',
    'un_inquiry',
  ],
  sensitivity: all(SENSITIVITIES, 'keep'),
  categories: all(REDACTION_CATEGORIES, 'keep'),
};

export const REDACTED_PROFILE: RedactionProfile = {
  id: 'redacted',
  name: {
    uk: 'Знеособлений (для ширшого поширення)',
    en: 'Redacted (for wider sharing)',
  },
  recipientClasses: [...RECIPIENT_CLASSES],
  sensitivity: {
    identifying: 'remove',
    location: 'keep',
    medical: 'keep',
    sexual_violence: 'remove',
    other: 'keep',
  },
  categories: all(REDACTION_CATEGORIES, 'remove'),
};

export const BUILTIN_PROFILES: readonly RedactionProfile[] = [FULL_PROFILE, REDACTED_PROFILE];

export function findBuiltinProfile(id: string): RedactionProfile | undefined {
  return BUILTIN_PROFILES.find((p) => p.id === id);
}

/** Keeps everything: the export is the original, and no redaction is even looked at. */
export function keepsEverything(profile: RedactionProfile): boolean {
  return (
    SENSITIVITIES.every((s) => profile.sensitivity[s] === 'keep') &&
    REDACTION_CATEGORIES.every((c) => profile.categories[c] === 'keep')
  );
}

/** The category a removed field shows, from the sensitivity that removed it. */
export const SENSITIVITY_CATEGORY: Readonly<Record<Sensitivity, RedactionCategory>> = {
  identifying: 'name',
  location: 'place',
  medical: 'medical',
  // Not "medical" or a more telling word: the category itself must not disclose the subject.
  sexual_violence: 'other',
  other: 'other',
};
