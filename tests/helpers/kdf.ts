/**
 * Test-only key derivation cost and passphrases. Vaults in tests are made at the KDF floor
 * (64 MiB, 2 passes, about 0.3 s) — the cheapest cost the vault accepts, so still real Argon2id.
 */
import { KDF_FLOOR } from '../../electron/main/vault';
import type { KdfCost } from '../../electron/main/vault';

export const FAST_KDF: KdfCost = KDF_FLOOR;

/** A passphrase that passes the length rule; mixed scripts so NFC handling is exercised. */
export const PASSPHRASE = 'correct horse battery staple — пароль';
export const OTHER_PASSPHRASE = 'incorrect horse battery staple';
