/**
 * The one table of the process boundary: every channel the renderer may call, with its input
 * schema, output schema and the domain errors it may return. Main validates against it, the
 * preload forwards through it, the renderer's client is typed from it.
 */
import { z } from 'zod';
import type { BoundaryErrorCode, DomainErrorCode } from './errors';
import { preferencesPatchSchema, preferencesSchema } from './preferences';
import { MIN_SEARCH_CHARS } from './search';

/** Default bound on a serialized input, checked before any schema runs. */
export const DEFAULT_MAX_INPUT_BYTES = 16 * 1024;
/** Narratives are long; one million UTF-16 units is far beyond any interview and still bounded. */
export const MAX_NARRATIVE_CHARS = 1_000_000;

const passphrase = z.string().min(1).max(1024);
const id = z.uuid();
const isoTime = z.string().max(40);

/** A lone surrogate cannot be stored as UTF-8: SQLite would silently turn it into U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const wellFormedText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !LONE_SURROGATE.test(s), 'text contains a broken character');

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

export interface ChannelDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  E extends DomainErrorCode = DomainErrorCode,
> {
  readonly input: I;
  readonly output: O;
  readonly errors: readonly E[];
  /** Upper bound on the serialized input; DEFAULT_MAX_INPUT_BYTES when absent. */
  readonly maxInputBytes?: number;
}

function channel<I extends z.ZodType, O extends z.ZodType, E extends DomainErrorCode = never>(
  def: ChannelDef<I, O, E>,
): ChannelDef<I, O, E> {
  return def;
}

const none = z.strictObject({});

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
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'CONFLICT', 'DISK_FULL'],
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
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'FILE_UNREADABLE', 'ATTACHMENT_TOO_LARGE', 'DISK_FULL'],
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
