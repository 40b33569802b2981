/**
 * Key slots wrap the master key. A passphrase slot derives a key-encryption key with Argon2id and
 * seals the master key with XChaCha20-Poly1305; the associated data binds it to its vault and slot.
 * A recovery slot seals it the same way under a key derived (crypto_kdf, no Argon2id: the
 * recovery key is 256 random bits) from the recovery key; its associated data also names its kind.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { decodeHeaderField } from './header';
import type { PassphraseSlot, RecoverySlot, VaultHeader } from './header';
import { deriveKek, newKdfParams } from './kdf';
import type { KdfCost } from './kdf';
import type { Sodium } from './sodium';

function slotAd(vaultId: string, slotId: string): Uint8Array {
  return new TextEncoder().encode(`svidok-slot:v1:${vaultId}:${slotId}`);
}

function recoverySlotAd(vaultId: string, slotId: string): Uint8Array {
  return new TextEncoder().encode(`svidok-slot:v1:recovery:${vaultId}:${slotId}`);
}

/** The key-encryption key of a recovery slot: a sub-key of the recovery key, for this use only. */
function recoveryKek(sodium: Sodium, recoveryKey: Uint8Array): Uint8Array {
  if (recoveryKey.length !== sodium.crypto_kdf_KEYBYTES) throw new Error('bad recovery key length');
  return sodium.crypto_kdf_derive_from_key(
    sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
    1,
    'svidokrk',
    recoveryKey,
  );
}

export function createPassphraseSlot(
  sodium: Sodium,
  vaultId: string,
  master: Uint8Array,
  passphrase: string,
  cost: KdfCost,
): PassphraseSlot {
  const kdf = newKdfParams(sodium, cost);
  const kek = deriveKek(sodium, passphrase, kdf);
  const id = randomUUID();
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const wrapped = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    master,
    slotAd(vaultId, id),
    null,
    nonce,
    kek,
  );
  sodium.memzero(kek);
  const b64 = (b: Uint8Array) => sodium.to_base64(b, sodium.base64_variants.ORIGINAL);
  return {
    id,
    kind: 'passphrase',
    kdf: { alg: kdf.alg, opslimit: kdf.opslimit, memlimit: kdf.memlimit, salt: b64(kdf.salt) },
    nonce: b64(nonce),
    wrappedKey: b64(wrapped),
  };
}

/** Returns the master key, or throws WRONG_PASSPHRASE when the slot does not open. */
export function openPassphraseSlot(
  sodium: Sodium,
  vaultId: string,
  slot: PassphraseSlot,
  passphrase: string,
): Uint8Array {
  const bytes = (s: string, len: number): Uint8Array => decodeHeaderField(sodium, s, len);
  const salt = bytes(slot.kdf.salt, sodium.crypto_pwhash_SALTBYTES);
  const nonce = bytes(slot.nonce, sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const wrapped = bytes(slot.wrappedKey, 32 + sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES);
  const kek = deriveKek(sodium, passphrase, { ...slot.kdf, salt });
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      wrapped,
      slotAd(vaultId, slot.id),
      nonce,
      kek,
    );
  } catch {
    throw new AppError('WRONG_PASSPHRASE', 'The passphrase does not open this vault');
  } finally {
    sodium.memzero(kek);
  }
}

export function createRecoverySlot(
  sodium: Sodium,
  vaultId: string,
  master: Uint8Array,
  recoveryKey: Uint8Array,
): RecoverySlot {
  const kek = recoveryKek(sodium, recoveryKey);
  const id = randomUUID();
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  try {
    const wrapped = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      master,
      recoverySlotAd(vaultId, id),
      null,
      nonce,
      kek,
    );
    const b64 = (b: Uint8Array) => sodium.to_base64(b, sodium.base64_variants.ORIGINAL);
    return { id, kind: 'recovery', nonce: b64(nonce), wrappedKey: b64(wrapped) };
  } finally {
    sodium.memzero(kek);
  }
}

/** Returns the master key, or throws WRONG_RECOVERY_KEY when the slot does not open. */
export function openRecoverySlot(
  sodium: Sodium,
  vaultId: string,
  slot: RecoverySlot,
  recoveryKey: Uint8Array,
): Uint8Array {
  const nonce = decodeHeaderField(
    sodium,
    slot.nonce,
    sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
  );
  const wrapped = decodeHeaderField(
    sodium,
    slot.wrappedKey,
    32 + sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES,
  );
  const kek = recoveryKek(sodium, recoveryKey);
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      wrapped,
      recoverySlotAd(vaultId, slot.id),
      nonce,
      kek,
    );
  } catch {
    throw new AppError('WRONG_RECOVERY_KEY', 'The recovery key does not open this vault');
  } finally {
    sodium.memzero(kek);
  }
}

/** Tries each passphrase slot in turn (normally one); the recovery slot is not tried. */
export function openPassphraseSlots(
  sodium: Sodium,
  header: VaultHeader,
  passphrase: string,
): Uint8Array {
  let lastError: unknown;
  for (const slot of header.slots) {
    if (slot.kind !== 'passphrase') continue;
    try {
      return openPassphraseSlot(sodium, header.vaultId, slot, passphrase);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
