/** App preferences: not about any survivor, so kept outside the vault and readable while locked. */
import { z } from 'zod';

export const IDLE_LOCK_DEFAULT_SECONDS = 5 * 60;

export const preferencesSchema = z.object({
  /** Lock after this long without keyboard or mouse activity. */
  idleLockSeconds: z.number().int().min(5).max(7200).default(IDLE_LOCK_DEFAULT_SECONDS),
  /** The UI language the interviewer chose; null follows the system. */
  language: z.enum(['uk', 'en']).nullable().default(null),
});

export type Preferences = z.output<typeof preferencesSchema>;

export const preferencesPatchSchema = z.strictObject({
  idleLockSeconds: z.number().int().min(5).max(7200).optional(),
  language: z.enum(['uk', 'en']).nullable().optional(),
});
