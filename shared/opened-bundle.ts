/**
 * What `bundle:open` answers: the report of every check a recipient runs on a sealed bundle, and
 * the bundle's contents for a read-only view. Everything here came out of a bundle (outside
 * input), so every string and list is bounded; main cuts long lists and says how much it cut.
 */
import { z } from 'zod';

/** The checks, in the order they run (electron/main/verify/report.ts takes its names from here). */
export const CHECK_NAMES = [
  'decrypt',
  'extract',
  'bundle-id',
  'bagit',
  'payload-oxum',
  'manifest-sha256',
  'manifest-sha512',
  'tagmanifest',
  'signature',
  'device-key',
  'custody',
  'testimony-json',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** At most this many checks and files cross to the renderer; the rest are counted. */
export const MAX_SHOWN_CHECKS = 500;
export const MAX_SHOWN_FILES = 5000;
export const MAX_SHOWN_TESTIMONIES = 100;
/** A minisign `.pub` text is two short lines (electron/main/verify/device-key.ts). */
export const MAX_DEVICE_KEY_TEXT = 4096;

const text = (max: number) => z.string().max(max);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const localText = (max: number) => z.object({ uk: text(max), en: text(max) });

const answerRowSchema = z.object({
  label: localText(4000),
  state: z.enum(['answered', 'unknown', 'declined', 'redacted']),
  // A long free-text answer (shared/forms/answers.ts MAX_LONG_TEXT) read out.
  text: localText(400_000),
});

export const openedTestimonySchema = z.object({
  recordCode: text(200),
  /** testimony.json read as svidok.testimony/2; when false only the record code is known. */
  readable: z.boolean(),
  templateId: text(100).nullable(),
  templateVersion: z.number().int().positive().nullable(),
  createdAt: text(40).nullable(),
  updatedAt: text(40).nullable(),
  narrative: text(1_000_000),
  consent: z
    .object({ granted: z.array(text(100)).max(50), withdrawn: z.array(text(100)).max(50) })
    .nullable(),
  /** null: the template the bundle carries does not fit, so the answers cannot be worded. */
  answers: z
    .array(z.object({ id: text(4), title: localText(400), rows: z.array(answerRowSchema) }))
    .nullable(),
  attachments: z
    .array(
      z.object({
        fileName: text(4096),
        size: z.number().int().nonnegative(),
        sha256: hex64,
        /** The SHA-256 of the file as read from the bag; null when it is not there. */
        bagSha256: hex64.nullable(),
      }),
    )
    .max(10_000),
});

export const openedBundleSchema = z.object({
  opened: z.literal(true),
  report: z.object({
    bundleId: text(100).nullable(),
    verdict: z.enum(['verified', 'verified-unpinned', 'failed']),
    pinned: z.boolean(),
    keyId: z
      .string()
      .regex(/^[0-9A-F]{16}$/)
      .nullable(),
    checks: z
      .array(z.object({ name: z.enum(CHECK_NAMES), ok: z.boolean(), detail: text(4000) }))
      .max(MAX_SHOWN_CHECKS),
    checksOmitted: z.number().int().nonnegative(),
  }),
  contents: z.object({
    bundleId: text(100).nullable(),
    /** Every check passed; otherwise all below is what the bundle claims, unproven. */
    verified: z.boolean(),
    testimonies: z.array(openedTestimonySchema).max(MAX_SHOWN_TESTIMONIES),
    files: z
      .array(z.object({ path: text(4096), size: z.number().int().nonnegative(), sha256: hex64 }))
      .max(MAX_SHOWN_FILES),
    filesOmitted: z.number().int().nonnegative(),
  }),
});

export type OpenedBundleView = z.output<typeof openedBundleSchema>;
