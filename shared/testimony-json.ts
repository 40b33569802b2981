/**
 * testimony.json: the self-describing form a testimony takes outside the vault (CLI import and
 * export now, sealed bundles later). Versioned by its `schema` field; stable UUIDs, so a later
 * import can be idempotent.
 *
 * `template` and `sections` were added later, both optional, so every file written before still
 * reads the same: `sections` holds each section's answers keyed by section id (shared/forms/
 * answers.ts), and section B is the consent. Without consent in section B a file can carry
 * nothing but its record code (an empty narrative, no other section): an import refuses it
 * whole (CONSENT_REQUIRED) and stores nothing.
 */
import { z } from 'zod';
import { sectionAnswersSchema } from './forms/answers';
import { MAX_NARRATIVE_CHARS, recordCodeSchema, sectionIdSchema, wellFormedText } from './ipc';

export const TESTIMONY_SCHEMA = 'svidok.testimony/1';
/** An upper bound on a testimony.json file, checked before it is parsed. */
export const MAX_TESTIMONY_JSON_BYTES = 8 * 1024 * 1024;

export const testimonyJsonSchema = z.strictObject({
  schema: z.literal(TESTIMONY_SCHEMA),
  id: z.uuid().optional(),
  recordCode: recordCodeSchema,
  narrative: wellFormedText(MAX_NARRATIVE_CHARS),
  createdAt: z.string().max(40).optional(),
  updatedAt: z.string().max(40).optional(),
  revision: z.number().int().nonnegative().optional(),
  /** The template the answers were taken with; the current one when absent. */
  template: z
    .strictObject({ id: z.string().min(1).max(100), version: z.number().int().positive() })
    .optional(),
  sections: z.record(sectionIdSchema, sectionAnswersSchema).optional(),
});

export type TestimonyJson = z.output<typeof testimonyJsonSchema>;
