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
import {
  answerSchema,
  groupItemSchema,
  leafAnswerSchema,
  MAX_GROUP_ITEMS,
  sectionAnswersSchema,
} from './forms/answers';
import { CONSENT_SCOPES } from './forms/consent';
import { facilitySchema, perpetratorSchema, personSchema } from './forms/registers';
import {
  interviewEventSchema,
  MAX_NARRATIVE_CHARS,
  recordCodeSchema,
  sectionIdSchema,
  wellFormedText,
} from './ipc';
import { redactedAnswerSchema } from './redaction';

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

/**
 * `svidok.testimony/2`: the form a testimony takes inside a sealed bundle
 * (data/testimonies/<record code>/testimony.json). Unlike v1 it is written only by an export and
 * read by a recipient or an intake hub, so it is complete and self-describing: the full template
 * (labels, help, vocabularies with their labels) travels with the answers, the consent as it
 * stood at export, the interview events, the attachments with their intake hashes and their
 * place in the bag, and the register entries the answers point at (no others).
 */
export const TESTIMONY_SCHEMA_V2 = 'svidok.testimony/2';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * A bundle's answers may also be `{ state: 'redacted', category }`, where a redaction profile
 * removed the whole answer (shared/redaction), at section level and inside group items. Only
 * here: the vault's own answers (sectionAnswersSchema) keep refusing it.
 */
const fieldKey = sectionAnswersSchema.keyType;
const bundledAnswerSchema = z.union([
  answerSchema,
  redactedAnswerSchema,
  z.strictObject({
    state: z.literal('answered'),
    value: z.strictObject({
      items: z
        .array(
          groupItemSchema.extend({
            answers: z.record(fieldKey, z.union([leafAnswerSchema, redactedAnswerSchema])),
          }),
        )
        .max(MAX_GROUP_ITEMS),
    }),
  }),
]);
export const bundledSectionAnswersSchema = z.record(fieldKey, bundledAnswerSchema);
const isoTime = z.string().min(1).max(40);

export const testimonyJsonV2Schema = z.strictObject({
  schema: z.literal(TESTIMONY_SCHEMA_V2),
  id: z.uuid(),
  recordCode: recordCodeSchema,
  createdAt: isoTime,
  updatedAt: isoTime,
  template: z.strictObject({
    id: z.string().min(1).max(100),
    version: z.number().int().positive(),
  }),
  /** The whole template definition (shared/forms/template.ts), checked by shape, not content. */
  templateDefinition: z.looseObject({
    id: z.string().min(1).max(100),
    version: z.number().int().positive(),
    sections: z.array(z.looseObject({ id: sectionIdSchema })),
    vocabularies: z.array(z.looseObject({ id: z.string(), terms: z.array(z.looseObject({})) })),
  }),
  /** The latest saved answers of every section saved at least once, by section id. */
  sections: z.record(sectionIdSchema, bundledSectionAnswersSchema),
  consent: z.strictObject({
    granted: z.array(z.enum(CONSENT_SCOPES)),
    withdrawn: z.array(z.enum(CONSENT_SCOPES)),
    canStore: z.boolean(),
  }),
  events: z.array(interviewEventSchema),
  narrative: z.strictObject({
    text: wellFormedText(MAX_NARRATIVE_CHARS),
    revision: z.number().int().nonnegative(),
    /** SHA-256 of the narrative's UTF-8 bytes. */
    sha256: sha256Hex,
  }),
  attachments: z.array(
    z.strictObject({
      id: z.uuid(),
      /** The original name, exactly as it was attached. */
      fileName: z.string().min(1),
      size: z.number().int().nonnegative(),
      /** The intake hash: the file's bytes in the bag hash to it. */
      sha256: sha256Hex,
      /** Where the original bytes are, relative to the bag root ("data/testimonies/…"). */
      path: z.string().min(1),
      /**
       * Only in a redacted bundle: the file is a new rendering of the original (regions blacked
       * out, or metadata removed), so `sha256` is its own; `from` is the original's intake hash.
       */
      derived: z
        .strictObject({
          from: sha256Hex,
          kind: z.enum(['blackout', 'metadata_removed']),
        })
        .optional(),
    }),
  ),
  registers: z.strictObject({
    facilities: z.array(facilitySchema),
    perpetrators: z.array(perpetratorSchema),
    /** Co-detainees and witnesses (template v2 on); absent when none is linked, as before. */
    people: z.array(personSchema).optional(),
  }),
});

export type TestimonyJsonV2 = z.output<typeof testimonyJsonV2Schema>;
