/** Sub-keys derived from the master key, one per purpose, so no key serves two roles. */
import type { Sodium } from './sodium';

const CONTEXT = 'svidokv1'; // crypto_kdf contexts are exactly 8 bytes

export const SUBKEY = {
  database: 1,
  headerMac: 2,
  blobs: 3,
  signing: 4,
} as const;

export function deriveSubkey(
  sodium: Sodium,
  master: Uint8Array,
  purpose: keyof typeof SUBKEY,
): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(32, SUBKEY[purpose], CONTEXT, master);
}
