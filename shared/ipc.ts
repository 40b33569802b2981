/**
 * The one table of the process boundary: every channel the renderer may call, with its input
 * schema, output schema and the domain errors it may return. Main validates against it, the
 * preload forwards through it, the renderer's client is typed from it.
 */
import { z } from 'zod';
import type { BoundaryErrorCode } from './errors';
import { preferencesPatchSchema, preferencesSchema } from './preferences';
import { MIN_SEARCH_CHARS } from './search';
import { RECIPIENT_CLASSES } from './forms/consent';
import { MAX_DEVICE_KEY_TEXT, openedBundleSchema } from './opened-bundle';
import { channel } from './ipc-channel-def';
import { interviewChannels } from './ipc-interview';
import { redactionChannels } from './ipc-redaction';
import { id, isoTime, LONE_SURROGATE, none, wellFormedText } from './ipc-text';

export { wellFormedText };
export { interviewEventSchema, MAX_SECTION_INPUT_BYTES, sectionIdSchema } from './ipc-interview';

/** Default bound on a serialized input, checked before any schema runs. */
export const DEFAULT_MAX_INPUT_BYTES = 16 * 1024;
/** Narratives are long; one million UTF-16 units is far beyond any interview and still bounded. */
export const MAX_NARRATIVE_CHARS = 1_000_000;

const passphrase = z.string().min(1).max(1024);

/**
 * Record codes name folders in bundles later, so only letters, digits and `-_.` are allowed.
 * NFC first, so a code typed with combining marks is the same code as its composed form.
 */
export const recordCodeSchema = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{M}\p{N}._-]*$/u, 'letters, digits, dot, dash or underscore only');

const vaultState = z.enum(['absent', 'locked', 'unlocked', 'destroyed']);

export const testimonySummarySchema = z.object({
  id,
  recordCode: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** Interview and storing identifying data consented: more than the record code may be saved. */
  consentGiven: z.boolean(),
  /** A consent scope was withdrawn: shown wherever the testimony appears. */
  consentWithdrawn: z.boolean(),
});

export const attachmentSchema = z.object({
  id,
  testimonyId: id,
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  createdAt: isoTime,
});

export const testimonySchema = testimonySummarySchema.extend({
  narrative: z.string().max(MAX_NARRATIVE_CHARS),
  revision: z.number().int().nonnegative(),
});

export type { ChannelDef } from './ipc-channel-def';

/** A prosecutor's office or other holder of an age key that bundles are sealed to (issue 5). */
export const recipientSchema = z.object({
  id,
  name: z.string(),
  organisation: z.string(),
  /** `age1…`, as typed by age-keygen: lower case, bech32. */
  publicKey: z.string(),
  recipientClass: z.enum(RECIPIENT_CLASSES),
  /** SHA-256 of the key text, first 16 bytes, as 8 groups of 4 hex digits (recipients/). */
  fingerprint: z.string(),
  createdAt: isoTime,
});
const recipientText = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !LONE_SURROGATE.test(s), 'text contains a broken character');

export const channels = {
  'vault:status': channel({
    input: none,
    output: z.object({ state: vaultState }),
    errors: [],
  }),
  'vault:create': channel({
    input: z.strictObject({ passphrase, replaceDestroyed: z.boolean().optional() }),
    // The recovery key crosses the boundary once, here, to be written down; it is never stored.
    output: z.object({ state: vaultState, recoveryKey: z.string().max(200) }),
    errors: ['VAULT_EXISTS', 'VAULT_DESTROYED', 'WEAK_PASSPHRASE', 'DISK_FULL'],
  }),
  'vault:unlock': channel({
    input: z.strictObject({ passphrase }),
    output: z.object({ state: vaultState }),
    errors: [
      'VAULT_MISSING',
      'WRONG_PASSPHRASE',
      'VAULT_CORRUPT',
      'VAULT_DESTROYED',
      'VAULT_FROM_FUTURE',
      'KDF_TOO_WEAK',
    ],
  }),
  'vault:unlockWithRecoveryKey': channel({
    input: z.strictObject({ recoveryKey: z.string().min(1).max(200) }),
    output: z.object({ state: vaultState }),
    errors: [
      'VAULT_MISSING',
      'WRONG_RECOVERY_KEY',
      'RECOVERY_KEY_INVALID',
      'VAULT_CORRUPT',
      'VAULT_DESTROYED',
      'VAULT_FROM_FUTURE',
    ],
  }),
  'vault:changePassphrase': channel({
    input: z.strictObject({ current: passphrase, next: passphrase }),
    output: z.object({ state: vaultState }),
    errors: ['VAULT_LOCKED', 'WRONG_PASSPHRASE', 'WEAK_PASSPHRASE', 'DISK_FULL'],
  }),
  'vault:destroy': channel({
    input: z.strictObject({ confirmation: z.string().max(100) }),
    output: z.object({ state: vaultState }),
    errors: ['DESTROY_NOT_CONFIRMED', 'VAULT_MISSING', 'DISK_FULL'],
  }),
  'vault:lock': channel({
    input: none,
    output: z.object({ state: vaultState }),
    errors: [],
  }),
  // The device's signing key in minisign format, for recipients to pin (issue 5).
  'vault:devicePublicKey': channel({
    input: none,
    output: z.object({
      /** 16 hex digits, as minisign prints the key id. */
      keyId: z.string().regex(/^[0-9A-F]{16}$/),
      /** The two-line `.pub` file a recipient passes to `minisign -p`. */
      minisign: z.string().max(200),
    }),
    errors: ['VAULT_LOCKED'],
  }),
  'testimony:list': channel({
    input: none,
    output: z.object({ items: z.array(testimonySummarySchema) }),
    errors: ['VAULT_LOCKED'],
  }),
  'testimony:create': channel({
    input: z.strictObject({ recordCode: recordCodeSchema }),
    output: testimonySummarySchema,
    errors: ['VAULT_LOCKED', 'DUPLICATE_RECORD_CODE', 'DISK_FULL'],
  }),
  'testimony:get': channel({
    input: z.strictObject({ id }),
    output: testimonySchema,
    errors: ['VAULT_LOCKED', 'NOT_FOUND'],
  }),
  'testimony:saveNarrative': channel({
    input: z.strictObject({
      id,
      narrative: wellFormedText(MAX_NARRATIVE_CHARS),
      baseRevision: z.number().int().nonnegative(),
    }),
    output: z.object({ revision: z.number().int().nonnegative(), savedAt: isoTime }),
    // Nothing but the record code and section B is stored before consent (shared/forms/consent).
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'CONFLICT', 'CONSENT_REQUIRED', 'DISK_FULL'],
    // UTF-8 worst case for the narrative plus room for the other keys.
    maxInputBytes: MAX_NARRATIVE_CHARS * 3 + 1024,
  }),
  'testimony:search': channel({
    input: z.strictObject({ query: z.string().trim().min(MIN_SEARCH_CHARS).max(200) }),
    output: z.object({
      items: z.array(z.object({ id, recordCode: z.string(), excerpt: z.string() })),
    }),
    errors: ['VAULT_LOCKED'],
  }),
  'testimony:history': channel({
    input: z.strictObject({ id }),
    output: z.object({
      items: z.array(
        z.object({
          seq: z.number().int().positive(),
          createdAt: isoTime,
          author: z.string(),
          contentHash: z.string(),
          revisionHash: z.string(),
          chars: z.number().int().nonnegative(),
        }),
      ),
    }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND'],
  }),
  'testimony:revision': channel({
    input: z.strictObject({ id, seq: z.number().int().nonnegative() }),
    output: z.object({ seq: z.number().int().nonnegative(), narrative: z.string() }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND'],
  }),
  ...interviewChannels,
  'recipient:list': channel({
    input: none,
    output: z.object({ items: z.array(recipientSchema) }),
    errors: ['VAULT_LOCKED'],
  }),
  // The key's checksum and form are checked in main (RECIPIENT_KEY_INVALID), not here: the
  // interviewer should hear "this key is mistyped", not "bad input".
  'recipient:add': channel({
    input: z.strictObject({
      name: recipientText,
      organisation: recipientText,
      publicKey: z.string().max(200),
      recipientClass: z.enum(RECIPIENT_CLASSES),
    }),
    output: recipientSchema,
    errors: ['VAULT_LOCKED', 'RECIPIENT_KEY_INVALID', 'DUPLICATE_RECIPIENT', 'DISK_FULL'],
  }),
  'custody:verify': channel({
    input: none,
    output: z.object({
      ok: z.boolean(),
      entries: z.number().int().nonnegative(),
      firstBad: z
        .object({
          seq: z.number().int(),
          reason: z.enum(['gap', 'hash', 'chain', 'key', 'vault', 'signature', 'malformed']),
        })
        .nullable(),
    }),
    errors: ['VAULT_LOCKED'],
  }),
  'attachment:list': channel({
    input: z.strictObject({ testimonyId: id }),
    output: z.object({ items: z.array(attachmentSchema) }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND'],
  }),
  // Main asks which files (an OS dialog); the renderer never names a path.
  'attachment:add': channel({
    input: z.strictObject({ testimonyId: id }),
    output: z.object({ items: z.array(attachmentSchema) }),
    errors: [
      'VAULT_LOCKED',
      'NOT_FOUND',
      'CONSENT_REQUIRED',
      'FILE_UNREADABLE',
      'ATTACHMENT_TOO_LARGE',
      'DISK_FULL',
    ],
  }),
  'attachment:export': channel({
    input: z.strictObject({ id }),
    output: z.object({ exported: z.boolean() }),
    errors: [
      'VAULT_LOCKED',
      'NOT_FOUND',
      'ATTACHMENT_MISSING',
      'ATTACHMENT_CORRUPT',
      'FILE_EXISTS',
      'DISK_FULL',
    ],
  }),
  // A sealed bundle (issue 5). Main asks where to save it (Dialogs), never the renderer; the
  // recipients are register entries by id, and the survivor's consent gates each one's class.
  // One export at a time (CONFLICT otherwise); while this call is pending, bundle:progress and
  // bundle:cancel reach it. A cancel gives EXPORT_CANCELLED, a lock VAULT_LOCKED; neither
  // leaves a file behind.
  'bundle:export': channel({
    input: z.strictObject({
      testimonyIds: z.array(id).min(1).max(100),
      recipientIds: z.array(id).min(1).max(20),
      lang: z.enum(['uk', 'en']).optional(),
      /** A redaction profile by id (issue 6); the full profile when absent. */
      profile: z.string().trim().min(1).max(100).optional(),
    }),
    output: z.union([
      z.object({ exported: z.literal(false) }),
      z.object({
        exported: z.literal(true),
        path: z.string(),
        bundleId: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        bytes: z.number().int().nonnegative(),
      }),
    ]),
    errors: [
      'VAULT_LOCKED',
      'NOT_FOUND',
      'CONSENT_REQUIRED',
      'ATTACHMENT_MISSING',
      'ATTACHMENT_CORRUPT',
      'FILE_EXISTS',
      'DISK_FULL',
      'EXPORT_CANCELLED',
      'CONFLICT',
      'REDACTION_STALE',
      'PROFILE_NOT_ALLOWED',
      'IMAGE_UNSUPPORTED',
      'IMAGE_DAMAGED',
      'IMAGE_TOO_LARGE',
    ],
  }),
  // The export in flight, if any: tar bytes and files so far, and an estimate of the total.
  'bundle:progress': channel({
    input: none,
    output: z.object({
      running: z.boolean(),
      bytes: z.number().int().nonnegative(),
      files: z.number().int().nonnegative(),
      totalBytes: z.number().int().nonnegative().optional(),
    }),
    errors: [],
  }),
  // Stops the export in flight; its bundle:export call then answers EXPORT_CANCELLED.
  'bundle:cancel': channel({
    input: none,
    output: z.object({ cancelled: z.boolean() }),
    errors: [],
  }),
  // A bundle received (issue 5, read-only): main asks for the bundle and the recipient's age key
  // file (Dialogs), so the secret key never reaches the renderer; only the device key to pin
  // (minisign .pub text or its base64 line) is typed here. Decrypted and checked in memory,
  // nothing written. It needs no vault: the answer comes from the bundle and the key alone.
  'bundle:open': channel({
    input: z.strictObject({ pubkey: z.string().max(MAX_DEVICE_KEY_TEXT).optional() }),
    output: z.union([z.object({ opened: z.literal(false) }), openedBundleSchema]),
    errors: ['DEVICE_KEY_INVALID', 'IDENTITY_INVALID', 'FILE_UNREADABLE'],
  }),
  'preferences:get': channel({
    input: none,
    output: preferencesSchema,
    errors: [],
  }),
  'preferences:update': channel({
    input: preferencesPatchSchema,
    output: preferencesSchema,
    errors: ['DISK_FULL'],
  }),
  ...redactionChannels,
} as const;

type Channels = typeof channels;
export type Channel = keyof Channels;
export type InputOf<C extends Channel> = z.input<Channels[C]['input']>;
/** What a handler receives: the input after parsing (trimmed, defaults applied). */
export type ParsedInputOf<C extends Channel> = z.output<Channels[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Channels[C]['output']>;
export type ErrorOf<C extends Channel> = Channels[C]['errors'][number] | BoundaryErrorCode;

export interface IpcError<E extends string = string> {
  readonly code: E;
  readonly message: string;
}

export type Result<T, E extends string = string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError<E> };

export type ResultOf<C extends Channel> = Result<OutputOf<C>, ErrorOf<C>>;

/** The single function the preload exposes on `window.svidok`. */
export interface SvidokBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
}

/** The one Electron IPC channel that carries every call; the table's name travels inside it. */
export { IPC_INVOKE_CHANNEL } from './ipc-channel';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
