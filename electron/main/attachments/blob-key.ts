/**
 * Each blob has its own random key, stored in its attachment row sealed with the vault's 'blobs'
 * sub-key (XChaCha20-Poly1305; the attachment id is the associated data, so a sealed key copied
 * onto another row does not open). Stored as nonce || ciphertext.
 */
import { AppError } from '../../../shared/errors';
import type { Sodium } from '../vault';

const NONCE_BYTES = 24;
const KEY_BYTES = 32;
const MAC_BYTES = 16;
export const SEALED_KEY_BYTES = NONCE_BYTES + KEY_BYTES + MAC_BYTES;

function keyAd(attachmentId: string): Uint8Array {
  return new TextEncoder().encode(`svidok-blob-key:v1:${attachmentId}`);
}

export function sealBlobKey(
  sodium: Sodium,
  blobKey: Uint8Array,
  blobsKey: Uint8Array,
  attachmentId: string,
): Uint8Array {
  const nonce = sodium.randombytes_buf(NONCE_BYTES);
  const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    blobKey,
    keyAd(attachmentId),
    null,
    nonce,
    blobsKey,
  );
  const out = new Uint8Array(SEALED_KEY_BYTES);
  out.set(nonce, 0);
  out.set(sealed, NONCE_BYTES);
  return out;
}

/** The blob key of an attachment row; ATTACHMENT_CORRUPT when the sealed key does not open. */
export function openBlobKey(
  sodium: Sodium,
  sealed: Uint8Array,
  blobsKey: Uint8Array,
  attachmentId: string,
): Uint8Array {
  if (sealed.length !== SEALED_KEY_BYTES) {
    throw new AppError('ATTACHMENT_CORRUPT', 'The attachment key is malformed');
  }
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      sealed.subarray(NONCE_BYTES),
      keyAd(attachmentId),
      sealed.subarray(0, NONCE_BYTES),
      blobsKey,
    );
  } catch {
    throw new AppError('ATTACHMENT_CORRUPT', 'The attachment key does not open');
  }
}
