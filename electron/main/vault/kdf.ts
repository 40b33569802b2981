/**
 * Argon2id parameters. The default is libsodium's MODERATE level (about one second here); the
 * floor refuses headers whose parameters were lowered by an attacker (a downgrade attack).
 */
import { AppError } from '../../../shared/errors';
import type { Sodium } from './sodium';

export interface KdfCost {
  readonly opslimit: number;
  readonly memlimit: number;
}

export interface KdfParams extends KdfCost {
  readonly alg: 'argon2id13';
  readonly salt: Uint8Array;
}

const MiB = 1024 * 1024;
export const KDF_DEFAULT: KdfCost = { opslimit: 3, memlimit: 256 * MiB };
export const KDF_FLOOR: KdfCost = { opslimit: 2, memlimit: 64 * MiB };
/** Upper bounds keep a hostile header from making unlock allocate or spin without end. */
export const KDF_CEILING: KdfCost = { opslimit: 64, memlimit: 4096 * MiB };

export function assertKdfCost(cost: KdfCost): void {
  if (cost.opslimit < KDF_FLOOR.opslimit || cost.memlimit < KDF_FLOOR.memlimit) {
    throw new AppError('KDF_TOO_WEAK', 'Key derivation parameters are below the allowed floor');
  }
  if (cost.opslimit > KDF_CEILING.opslimit || cost.memlimit > KDF_CEILING.memlimit) {
    throw new AppError('VAULT_CORRUPT', 'Key derivation parameters are out of range');
  }
}

export function newKdfParams(sodium: Sodium, cost: KdfCost): KdfParams {
  assertKdfCost(cost);
  return {
    alg: 'argon2id13',
    opslimit: cost.opslimit,
    memlimit: cost.memlimit,
    salt: sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES),
  };
}

/** Derives the key-encryption key of a passphrase slot. */
export function deriveKek(sodium: Sodium, passphrase: string, params: KdfParams): Uint8Array {
  assertKdfCost(params);
  return sodium.crypto_pwhash(
    sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
    passphrase.normalize('NFC'),
    params.salt,
    params.opslimit,
    params.memlimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}
