/**
 * vault.json: format, version, vault id and key slots, authenticated by a MAC from the master key.
 * Every field is bounded by the schema, and the file itself by size, before anything is decoded.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { canonicalJson } from './canonical-json';
import type { Sodium } from './sodium';

export const HEADER_FORMAT = 'svidok-vault';
export const HEADER_VERSION = 1;
export const MAX_HEADER_BYTES = 64 * 1024;

/**
 * Base64 (standard alphabet, padded) of exactly `bytes` decoded bytes. An exact length, not a
 * maximum: a shortened salt, nonce, key or MAC is a malformed header, refused before any KDF runs.
 */
const b64 = (bytes: number) => {
  const pad = (3 - (bytes % 3)) % 3;
  const chars = Math.ceil(bytes / 3) * 4 - pad;
  return z.string().regex(new RegExp(`^[A-Za-z0-9+/]{${chars}}={${pad}}$`));
};

const slotId = z.uuid();

const passphraseSlotSchema = z.strictObject({
  id: slotId,
  kind: z.literal('passphrase'),
  kdf: z.strictObject({
    alg: z.literal('argon2id13'),
    opslimit: z.number().int().positive().max(1_000),
    memlimit: z
      .number()
      .int()
      .positive()
      .max(2 ** 40),
    salt: b64(16),
  }),
  nonce: b64(24),
  wrappedKey: b64(32 + 16),
});

/** The recovery key is 256 random bits: no KDF, so no cost fields an attacker could lower. */
const recoverySlotSchema = z.strictObject({
  id: slotId,
  kind: z.literal('recovery'),
  nonce: b64(24),
  wrappedKey: b64(32 + 16),
});

const slotSchema = z.discriminatedUnion('kind', [passphraseSlotSchema, recoverySlotSchema]);

export const MAX_SLOTS = 16;

/**
 * Version 1 headers made before recovery slots existed hold passphrase slots only and still
 * parse: the union only adds a kind. The rules the MAC cannot express are checked here, so a
 * header that breaks them is malformed before any key is derived.
 */
const slotsSchema = z
  .array(slotSchema)
  .min(1)
  .max(MAX_SLOTS)
  .refine((slots) => slots.some((s) => s.kind === 'passphrase'), 'no passphrase slot')
  .refine((slots) => slots.filter((s) => s.kind === 'recovery').length <= 1, 'two recovery slots')
  .refine((slots) => new Set(slots.map((s) => s.id)).size === slots.length, 'slot ids repeat');

export const headerSchema = z.strictObject({
  format: z.literal(HEADER_FORMAT),
  version: z.number().int().positive().max(1_000),
  vaultId: z.uuid(),
  createdAt: z.string().max(40),
  slots: slotsSchema,
  mac: b64(32),
});

/**
 * What vault.json holds after a crypto-shred: no slot, so no wrapped master key, and no MAC
 * (nothing is left to compute one with). It is not authenticated and needs not be: it unlocks
 * nothing, and whoever can write it could as well delete the folder.
 */
export const destroyedHeaderSchema = z.strictObject({
  format: z.literal(HEADER_FORMAT),
  version: z.number().int().positive().max(1_000),
  vaultId: z.uuid().optional(),
  destroyed: z.literal(true),
  destroyedAt: z.string().max(40),
});

export type VaultHeader = z.infer<typeof headerSchema>;
export type KeySlot = z.infer<typeof slotSchema>;
export type PassphraseSlot = z.infer<typeof passphraseSlotSchema>;
export type RecoverySlot = z.infer<typeof recoverySlotSchema>;
export type UnsignedHeader = Omit<VaultHeader, 'mac'>;
export type DestroyedHeader = z.infer<typeof destroyedHeaderSchema>;

export function readHeader(path: string): VaultHeader {
  let json: unknown;
  try {
    json = JSON.parse(readBounded(path, MAX_HEADER_BYTES));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VAULT_CORRUPT', 'Vault header is not valid JSON');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > HEADER_VERSION) {
    throw new AppError('VAULT_FROM_FUTURE', 'This vault was made by a newer Svidok; update Svidok');
  }
  if (destroyedHeaderSchema.safeParse(json).success) {
    throw new AppError('VAULT_DESTROYED', 'This vault was destroyed');
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new AppError('VAULT_CORRUPT', 'Vault header is malformed');
  return parsed.data;
}

/**
 * What vault.json says without a key: missing, a destroyed vault, or anything else (a vault to
 * unlock, or a damaged file whose unlock will say what is wrong). Never throws.
 */
export function headerStatus(path: string): 'missing' | 'destroyed' | 'present' {
  try {
    readHeader(path);
    return 'present';
  } catch (error) {
    if (error instanceof AppError && error.code === 'VAULT_MISSING') return 'missing';
    if (error instanceof AppError && error.code === 'VAULT_DESTROYED') return 'destroyed';
    return 'present';
  }
}

/** The vault id of a header that is readable as JSON, authenticated or not (for the tombstone). */
export function peekVaultId(path: string): string | undefined {
  try {
    const json = JSON.parse(readBounded(path, MAX_HEADER_BYTES)) as { vaultId?: unknown } | null;
    const id = z.uuid().safeParse(json?.vaultId);
    return id.success ? id.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads at most `limit` bytes through one descriptor: the size is checked on the file that is
 * read (no stat-then-open race), and a file that grows meanwhile is still never read past the limit.
 */
function readBounded(path: string, limit: number): string {
  let fd: number;
  try {
    // Non-blocking, so a FIFO planted as vault.json cannot hang the unlock (regular files ignore it).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    throw new AppError('VAULT_MISSING', 'No vault header found');
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new AppError('VAULT_CORRUPT', 'Vault header is not a file');
    if (stat.size > limit) throw new AppError('VAULT_CORRUPT', 'Vault header is too large');
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > limit) throw new AppError('VAULT_CORRUPT', 'Vault header is too large');
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}

/**
 * Decodes a base64 header field of exactly `length` bytes. Anything else (bad padding bits, a
 * wrong length) is a malformed header, never a library exception that would surface as INTERNAL.
 */
export function decodeHeaderField(sodium: Sodium, value: string, length: number): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = sodium.from_base64(value, sodium.base64_variants.ORIGINAL);
  } catch {
    throw new AppError('VAULT_CORRUPT', 'Vault header is malformed');
  }
  if (bytes.length !== length) throw new AppError('VAULT_CORRUPT', 'Vault header is malformed');
  return bytes;
}

/** The bytes the header MAC covers: everything but the MAC, canonically ordered. */
export function headerMacInput(header: UnsignedHeader | VaultHeader): Uint8Array {
  const rest: Record<string, unknown> = { ...header };
  delete rest['mac'];
  return new TextEncoder().encode(canonicalJson(rest));
}

export function serializeHeader(header: VaultHeader | DestroyedHeader): string {
  return JSON.stringify(header, null, 2) + '\n';
}
