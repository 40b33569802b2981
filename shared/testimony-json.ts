/**
 * testimony.json: the self-describing form a testimony takes outside the vault (CLI import and
 * export now, sealed bundles later). Versioned by its `schema` field; stable UUIDs, so a later
 * import can be idempotent.
 */
import { z } from 'zod';
import { MAX_NARRATIVE_CHARS, recordCodeSchema, wellFormedText } from './ipc';

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
});

export type TestimonyJson = z.output<typeof testimonyJsonSchema>;
