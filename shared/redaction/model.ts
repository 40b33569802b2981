/**
 * What a redaction is, as data. Redactions are a layer over a testimony (the vault keeps the
 * original untouched); each one names what it removes and under which category, so a profile can
 * decide per category whether it applies to an export.
 */
import { z } from 'zod';
import { isFieldPath } from './field-path';
import { foldForMatch } from './fold';

export const REDACTION_CATEGORIES = [
  'name',
  'place',
  'unit',
  'contact',
  'medical',
  'other',
] as const;
export type RedactionCategory = (typeof REDACTION_CATEGORIES)[number];

export const MAX_REASON_CHARS = 500;
export const MAX_ENTITY_CHARS = 500;
export const MAX_BLACKOUT_REGIONS = 100;

/** A lone surrogate could not travel as UTF-8; same rule as every other text of the app. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const base = {
  id: z.uuid(),
  category: z.enum(REDACTION_CATEGORIES),
  reason: z.string().max(MAX_REASON_CHARS).optional(),
};

export const fieldPathSchema = z
  .string()
  .max(300)
  .refine(
    isFieldPath,
    'not a field path (narrative | S.field | S.group[item].field | events[n].reason)',
  );

export const spanRedactionSchema = z
  .strictObject({
    ...base,
    kind: z.literal('span'),
    field: fieldPathSchema,
    /** The revision of the text the offsets point into; any other revision makes it stale. */
    revision: z.number().int().nonnegative(),
    /** UTF-16 offsets, end exclusive. */
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((r) => r.start < r.end, 'start must be before end');

export const fieldRedactionSchema = z.strictObject({
  ...base,
  kind: z.literal('field'),
  field: fieldPathSchema,
});

export const entityRedactionSchema = z.strictObject({
  ...base,
  kind: z.literal('entity'),
  // An entity that folds to nothing (only spaces or invisible characters) would match everywhere.
  text: z
    .string()
    .min(1)
    .max(MAX_ENTITY_CHARS)
    .refine((s) => !LONE_SURROGATE.test(s), 'text contains a broken character')
    .refine((s) => foldForMatch(s).trim().length > 0, 'text must not be only whitespace'),
});

export const regionSchema = z.strictObject({
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  w: z.number().int().positive(),
  h: z.number().int().positive(),
});

export const attachmentRedactionSchema = z.union([
  z.strictObject({
    ...base,
    kind: z.literal('attachment'),
    attachmentId: z.uuid(),
    action: z.literal('exclude'),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('attachment'),
    attachmentId: z.uuid(),
    action: z.literal('blackout'),
    regions: z.array(regionSchema).min(1).max(MAX_BLACKOUT_REGIONS),
  }),
]);

export const redactionSchema = z.union([
  spanRedactionSchema,
  fieldRedactionSchema,
  entityRedactionSchema,
  attachmentRedactionSchema,
]);

export type SpanRedaction = z.output<typeof spanRedactionSchema>;
export type FieldRedaction = z.output<typeof fieldRedactionSchema>;
export type EntityRedaction = z.output<typeof entityRedactionSchema>;
export type AttachmentRedaction = z.output<typeof attachmentRedactionSchema>;
export type BlackoutRegion = z.output<typeof regionSchema>;
export type Redaction = z.output<typeof redactionSchema>;

/**
 * What stands in the exported JSON where a whole answer was removed. Only bundles carry it
 * (shared/testimony-json.ts); the vault's own answers never do.
 */
export const redactedAnswerSchema = z.strictObject({
  state: z.literal('redacted'),
  category: z.enum(REDACTION_CATEGORIES),
});
export type RedactedAnswer = z.output<typeof redactedAnswerSchema>;
