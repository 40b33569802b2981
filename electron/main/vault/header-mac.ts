/**
 * The header's MAC: a key derived from the master key authenticates every field of vault.json,
 * checked right after a slot unwraps the master key, so a tampered header is refused before the
 * database is touched.
 */
import { headerMacInput } from './header';
import type { UnsignedHeader, VaultHeader } from './header';
import type { Sodium } from './sodium';
import { deriveSubkey } from './subkeys';

export function macHeader(sodium: Sodium, master: Uint8Array, header: UnsignedHeader): Uint8Array {
  const key = deriveSubkey(sodium, master, 'headerMac');
  try {
    return sodium.crypto_auth(headerMacInput(header), key);
  } finally {
    sodium.memzero(key);
  }
}

export function signHeader(
  sodium: Sodium,
  master: Uint8Array,
  unsigned: UnsignedHeader,
): VaultHeader {
  const mac = sodium.to_base64(
    macHeader(sodium, master, unsigned),
    sodium.base64_variants.ORIGINAL,
  );
  return { ...unsigned, mac };
}
