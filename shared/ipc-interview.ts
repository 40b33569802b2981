/**
 * The interview and register channels of the IPC table (issue 4), spread into shared/ipc.ts:
 * the answers of a testimony's sections, its flow of sessions, and the vault's registers.
 */
import { z } from 'zod';
import { sectionAnswersSchema } from './forms/answers';
import { CONSENT_SCOPES } from './forms/consent';
import {
  facilityInputSchema,
  facilitySchema,
  perpetratorInputSchema,
  perpetratorSchema,
  personInputSchema,
  personSchema,
  REGISTERS,
} from './forms/registers';
import { INTERVIEW_EVENT_KINDS, MAX_REASON_CHARS } from './forms/sessions';
import { channel } from './ipc-channel-def';
import { id, isoTime, none, wellFormedText } from './ipc-text';

/** 'A'…'O' and 'SV', as in shared/forms/template.ts. */
export const sectionIdSchema = z.string().regex(/^[A-Z]{1,2}$/);
const sectionId = sectionIdSchema;
export const consentStatusSchema = z.object({
  granted: z.array(z.enum(CONSENT_SCOPES)),
  withdrawn: z.array(z.enum(CONSENT_SCOPES)),
  canStore: z.boolean(),
});
export const interviewEventSchema = z.object({
  seq: z.number().int().positive(),
  kind: z.enum(INTERVIEW_EVENT_KINDS),
  at: isoTime,
  sectionId: sectionId.optional(),
  reason: z.string().optional(),
  qualified: z.boolean().optional(),
});
/** Group answers make a section larger than most inputs; still far below a narrative. */
export const MAX_SECTION_INPUT_BYTES = 1024 * 1024;
const registerEntry = z.discriminatedUnion('register', [
  z.object({ register: z.literal('facilities'), entry: facilitySchema }),
  z.object({ register: z.literal('perpetrators'), entry: perpetratorSchema }),
  z.object({ register: z.literal('people'), entry: personSchema }),
]);

export const interviewChannels = {
  // The template is shared data (shared/forms/templates): the renderer looks up the pinned
  // id and version itself; main checks every saved answer against the same one.
  'interview:get': channel({
    input: z.strictObject({ testimonyId: id }),
    output: z.object({
      templateId: z.string(),
      templateVersion: z.number().int().positive(),
      sections: z.record(
        sectionId,
        z.object({
          answers: sectionAnswersSchema,
          revision: z.number().int().nonnegative(),
          savedAt: isoTime.nullable(),
        }),
      ),
      consent: consentStatusSchema,
      events: z.array(interviewEventSchema),
    }),
    // VAULT_FROM_FUTURE: the testimony pinned a template only a newer Svidok has.
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'VAULT_FROM_FUTURE'],
  }),
  // Only the consent status (scopes granted and withdrawn), no answer: the seal dialog checks
  // it for every testimony it lists, and listing is not viewing (no custody entry).
  'interview:consent': channel({
    input: z.strictObject({ testimonyId: id }),
    output: consentStatusSchema,
    errors: ['VAULT_LOCKED', 'NOT_FOUND'],
  }),
  // Replaces one section's answers (a new revision of that section). Before consent only
  // section B can be saved (CONSENT_REQUIRED); the sexual-violence section needs a qualified
  // interviewer and its own consent (SECTION_LOCKED).
  'interview:saveSection': channel({
    input: z.strictObject({
      testimonyId: id,
      sectionId,
      answers: sectionAnswersSchema,
      baseRevision: z.number().int().nonnegative(),
    }),
    output: z.object({
      revision: z.number().int().positive(),
      savedAt: isoTime,
      consent: consentStatusSchema,
    }),
    errors: [
      'VAULT_LOCKED',
      'NOT_FOUND',
      'CONFLICT',
      'CONSENT_REQUIRED',
      'SECTION_LOCKED',
      'INVALID_ANSWER',
      'WITHDRAWAL_PERMANENT',
      'VAULT_FROM_FUTURE',
      'DISK_FULL',
    ],
    maxInputBytes: MAX_SECTION_INPUT_BYTES,
  }),
  'interview:event': channel({
    input: z.strictObject({
      testimonyId: id,
      kind: z.enum(INTERVIEW_EVENT_KINDS),
      sectionId: sectionId.optional(),
      reason: wellFormedText(MAX_REASON_CHARS).optional(),
      qualified: z.boolean().optional(),
    }),
    output: z.object({ events: z.array(interviewEventSchema) }),
    // CONSENT_REQUIRED: a reason (free text) before consent; the events themselves are allowed.
    errors: [
      'VAULT_LOCKED',
      'NOT_FOUND',
      'INTERVIEW_STATE',
      'CONSENT_REQUIRED',
      'VAULT_FROM_FUTURE',
      'DISK_FULL',
    ],
  }),
  'register:list': channel({
    input: none,
    output: z.object({
      facilities: z.array(facilitySchema),
      perpetrators: z.array(perpetratorSchema),
      people: z.array(personSchema),
    }),
    errors: ['VAULT_LOCKED'],
  }),
  // Creates (no id) or replaces (id) an entry; returns it with its id.
  'register:save': channel({
    input: z.discriminatedUnion('register', [
      z.strictObject({ register: z.literal('facilities'), entry: facilityInputSchema }),
      z.strictObject({ register: z.literal('perpetrators'), entry: perpetratorInputSchema }),
      z.strictObject({ register: z.literal('people'), entry: personInputSchema }),
    ]),
    output: registerEntry,
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'DISK_FULL'],
    maxInputBytes: 64 * 1024,
  }),
  'register:mentions': channel({
    input: z.strictObject({ register: z.enum(REGISTERS), id }),
    output: z.object({
      items: z.array(
        z.object({
          testimonyId: id,
          recordCode: z.string(),
          paths: z.array(z.string()),
          // The pinned template describes the paths; a withdrawal is marked here too.
          templateId: z.string(),
          templateVersion: z.number().int().positive(),
          consentGiven: z.boolean(),
          consentWithdrawn: z.boolean(),
        }),
      ),
    }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND'],
  }),
} as const;
