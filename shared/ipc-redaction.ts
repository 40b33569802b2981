/**
 * The redaction channels of the IPC table (issue 6), spread into shared/ipc.ts. The engine's
 * schemas are imported from their own modules, not shared/redaction's index, which reaches back
 * into shared/ipc.ts through the document engine.
 */
import { z } from 'zod';
import { channel } from './ipc-channel-def';
import { REDACTION_CATEGORIES, redactionSchema } from './redaction/model';
import { redactionProfileSchema } from './redaction/profiles';
import type { TestimonyJsonV2 } from './testimony-json';

const id = z.uuid();
const profileRef = z.string().trim().min(1).max(100);

export const storedRedactionSchema = z.object({
  redaction: z.custom<z.output<typeof redactionSchema>>(),
  createdAt: z.string(),
});

/** A testimony.json without its embedded template: the renderer has the template already. */
export type PreviewDocument = Omit<TestimonyJsonV2, 'templateDefinition'>;

const IMAGE_ERRORS = ['IMAGE_UNSUPPORTED', 'IMAGE_DAMAGED', 'IMAGE_TOO_LARGE'] as const;

export const redactionChannels = {
  // The set, the profile, and the original and redacted output side by side, as an export
  // through that profile would write them (the preview). Main records no view: the interviewer
  // opened the testimony to get here, which already did.
  'redaction:state': channel({
    input: z.strictObject({ testimonyId: id, profile: profileRef.optional() }),
    output: z.object({
      redactions: z.array(storedRedactionSchema),
      profile: redactionProfileSchema,
      original: z.custom<PreviewDocument>(),
      redacted: z.custom<PreviewDocument>(),
      stale: z.array(
        z.object({
          redactionId: z.string(),
          reason: z.string(),
          currentRevision: z.number().optional(),
        }),
      ),
      counts: z.record(z.string(), z.number()),
      excludedAttachmentIds: z.array(z.string()),
      revisions: z.object({ narrative: z.number(), sections: z.record(z.string(), z.number()) }),
    }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'VAULT_CORRUPT'],
  }),
  // The id is the renderer's (crypto.randomUUID), so a retried call cannot add a redaction twice.
  'redaction:add': channel({
    input: z.strictObject({ testimonyId: id, redaction: redactionSchema }),
    output: storedRedactionSchema,
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'CONFLICT', 'DISK_FULL', ...IMAGE_ERRORS],
  }),
  'redaction:remove': channel({
    input: z.strictObject({ testimonyId: id, redactionId: id }),
    output: z.object({ removed: z.literal(true) }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'DISK_FULL'],
  }),
  'redaction:suggest': channel({
    input: z.strictObject({ testimonyId: id }),
    output: z.object({
      suggestions: z.array(
        z.object({
          text: z.string(),
          category: z.enum(REDACTION_CATEGORIES),
          source: z.string(),
          field: z.string().optional(),
        }),
      ),
    }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND'],
  }),
  'redaction:profiles': channel({
    input: z.strictObject({}),
    output: z.object({ profiles: z.array(redactionProfileSchema) }),
    errors: ['VAULT_LOCKED', 'VAULT_CORRUPT'],
  }),
  'redaction:addProfile': channel({
    input: redactionProfileSchema.omit({ id: true }),
    output: redactionProfileSchema,
    errors: ['VAULT_LOCKED', 'CONFLICT', 'DISK_FULL'],
  }),
  // A small, metadata-free JPEG of an image attachment as displayed, to draw regions on; the
  // regions are given in the full image's displayed pixels (width, height).
  'redaction:imagePreview': channel({
    input: z.strictObject({ testimonyId: id, attachmentId: id }),
    output: z.object({
      dataUrl: z.string().startsWith('data:image/jpeg;base64,'),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      previewWidth: z.number().int().positive(),
      previewHeight: z.number().int().positive(),
    }),
    errors: [
      'VAULT_LOCKED',
      'NOT_FOUND',
      'ATTACHMENT_MISSING',
      'ATTACHMENT_CORRUPT',
      ...IMAGE_ERRORS,
    ],
  }),
} as const;
