/**
 * vault.json: format, version, vault id and key slots, authenticated by a MAC from the master key.
 * Every field is bounded by the schema, and the file itself by size, before anything is decoded.
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { canonicalJson } from './canonical-json';

export const HEADER_FORMAT = 'svidok-vault';
export const HEADER_VERSION = 1;
export const MAX_HEADER_BYTES = 64 * 1024;

/** Base64 of at most `maxBytes` decoded bytes. */
const b64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

const passphraseSlotSchema = z.strictObject({
  id: z.uuid(),
  kind: z.literal('passphrase'),
  kdf: z.strictObject({
    alg: z.literal('argon2id13'),
    opslimit: z.number().int().positive().max(1_000),
    memlimit: z.number().int().positive().max(2 ** 40),
    salt: b64(16),
  }),
  nonce: b64(24),
  wrappedKey: b64(32 + 16),
});

export const headerSchema = z.strictObject({
  format: z.literal(HEADER_FORMAT),
  version: z.number().int().positive().max(1_000),
  vaultId: z.uuid(),
  createdAt: z.string().max(40),
  slots: z.array(passphraseSlotSchema).min(1).max(16),
  mac: b64(32),
});

export type VaultHeader = z.infer<typeof headerSchema>;
export type PassphraseSlot = z.infer<typeof passphraseSlotSchema>;
export type UnsignedHeader = Omit<VaultHeader, 'mac'>;

export function readHeader(path: string): VaultHeader {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('VAULT_MISSING', 'No vault header found');
  }
  if (size > MAX_HEADER_BYTES) throw new AppError('VAULT_CORRUPT', 'Vault header is too large');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('VAULT_CORRUPT', 'Vault header is not valid JSON');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > HEADER_VERSION) {
    throw new AppError('VAULT_FROM_FUTURE', 'This vault was made by a newer Svidok; update Svidok');
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new AppError('VAULT_CORRUPT', 'Vault header is malformed');
  return parsed.data;
}

/** The bytes the header MAC covers: everything but the MAC, canonically ordered. */
export function headerMacInput(header: UnsignedHeader | VaultHeader): Uint8Array {
  const rest: Record<string, unknown> = { ...header };
  delete rest['mac'];
  return new TextEncoder().encode(canonicalJson(rest));
}

export function serializeHeader(header: VaultHeader): string {
  return JSON.stringify(header, null, 2) + '\n';
}
