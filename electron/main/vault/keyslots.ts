/**
 * Key slots wrap the master key. A passphrase slot derives a key-encryption key with Argon2id and
 * seals the master key with XChaCha20-Poly1305; the associated data binds it to its vault and slot.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { decodeHeaderField } from './header';
import type { PassphraseSlot } from './header';
import { deriveKek, newKdfParams } from './kdf';
import type { KdfCost } from './kdf';
import type { Sodium } from './sodium';

function slotAd(vaultId: string, slotId: string): Uint8Array {
  return new TextEncoder().encode(`svidok-slot:v1:${vaultId}:${slotId}`);
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
