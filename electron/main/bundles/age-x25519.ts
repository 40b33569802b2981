/**
 * age v1 with X25519 recipients, Svidok's own implementation (the fast path of age-stream.ts;
 * passphrases stay on the age-encryption package). The format is C2SP age v1:
 *
 *   stanza  `-> X25519 <base64 ephemeral share>` with body ChaCha20-Poly1305(wrap key, nonce 0,
 *           file key), where wrap key = HKDF-SHA-256(X25519(eph, recipient),
 *           salt = share || recipient, "age-encryption.org/v1/X25519");
 *   header  MAC and payload as in age-header.ts and age-payload.ts.
 *
 * X25519 is libsodium's (crypto_scalarmult refuses an all-zero shared secret, i.e. a low-order
 * share); HKDF, HMAC and ChaCha20-Poly1305 are node:crypto's. Checked against every applicable
 * C2SP CCTV vector (tests/interop/age-cctv.test.ts) and against the age CLI both ways.
 *
 * Decryption follows the reference's order and failure classes: the header parses (else
 * `header`), an identity unwraps the file key (else `no match`; a malformed X25519 stanza is
 * `header`), the MAC verifies (else `hmac`), the 16-byte nonce is there (else `header`); only
 * then does the plaintext stream start, and any later failure is `payload`.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { decodeBech32, wordsToBytes } from '../recipients';
import { loadSodium } from '../vault';
import type { Sodium } from '../vault';
import {
  ageError,
  checkHeaderMac,
  decodeBase64Strict,
  encodeBase64,
  encodeHeader,
  parseHeader,
  readHeaderBytes,
  toBytes,
} from './age-header';
import type { Stanza } from './age-header';
import { NONCE_BYTES, newPayloadNonce, openPayload, payloadKey, SealStream } from './age-payload';

const FILE_KEY_BYTES = 16;
const KEY_BYTES = 32;
const TAG_BYTES = 16;
const X25519_LABEL = 'age-encryption.org/v1/X25519';
const IDENTITY_PREFIX = 'AGE-SECRET-KEY-1';
/** Plaintext and ciphertext move in Node streams of about one STREAM chunk at a time. */
const STREAM_HIGH_WATER_MARK = 64 * 1024;

export interface X25519Identity {
  readonly secret: Uint8Array;
  readonly publicKey: Uint8Array;
}

/**
 * `AGE-SECRET-KEY-1…` as age-keygen writes it: upper-case bech32, HRP `age-secret-key-`, 32 bytes.
 * Needs libsodium loaded (for the public key). IDENTITY_INVALID otherwise.
 */
export function parseX25519Identity(line: string, sodium: Sodium): X25519Identity {
  const decoded = line === line.toUpperCase() ? decodeBech32(line.toLowerCase()) : 'mixed case';
  const secret =
    typeof decoded !== 'string' && decoded.hrp === 'age-secret-key-'
      ? wordsToBytes(decoded.words)
      : null;
  if (!line.startsWith(IDENTITY_PREFIX) || secret?.length !== KEY_BYTES) {
    throw new AppError('IDENTITY_INVALID', 'Not an age secret key (AGE-SECRET-KEY-1…)');
  }
  return { secret, publicKey: sodium.crypto_scalarmult_base(secret) };
}

/** The 32 key bytes of a recipient already checked by parseAgeRecipient. */
export function x25519RecipientBytes(recipient: string): Uint8Array {
  const decoded = decodeBech32(recipient);
  const bytes = typeof decoded === 'string' ? null : wordsToBytes(decoded.words);
  if (bytes?.length !== KEY_BYTES) {
    throw new AppError('RECIPIENT_KEY_INVALID', 'Not an age public key');
  }
  return bytes;
}

function wrapKey(secret: Uint8Array, share: Uint8Array, recipient: Uint8Array): Buffer {
  const salt = Buffer.concat([share, recipient]);
  return Buffer.from(hkdfSync('sha256', secret, salt, X25519_LABEL, KEY_BYTES));
}

const ZERO_NONCE = Buffer.alloc(12);

/** One X25519 stanza wrapping `fileKey` to `recipient`, with a fresh ephemeral key. */
function wrapFileKey(fileKey: Uint8Array, recipient: Uint8Array, sodium: Sodium): Stanza {
  const ephemeral = randomBytes(KEY_BYTES);
  const share = sodium.crypto_scalarmult_base(ephemeral);
  let secret: Uint8Array;
  try {
    secret = sodium.crypto_scalarmult(ephemeral, recipient);
  } catch (error) {
    // A low-order "public key" would give an all-zero secret that anyone can compute.
    throw new AppError('RECIPIENT_KEY_INVALID', 'Not a usable X25519 public key', { cause: error });
  } finally {
    ephemeral.fill(0);
  }
  const cipher = createCipheriv(
    'chacha20-poly1305',
    wrapKey(secret, share, recipient),
    ZERO_NONCE,
    {
      authTagLength: TAG_BYTES,
    },
  );
  const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
  secret.fill(0);
  return { type: 'X25519', args: [encodeBase64(share)], body };
}

/**
 * The file key from the first X25519 stanza an identity opens (identities in order, then stanzas
 * in order, as the reference does). Other stanza types are not ours and are skipped. A malformed
 * X25519 stanza is a header failure; none opening is `no match`.
 */
function unwrapFileKey(
  stanzas: readonly Stanza[],
  identities: readonly X25519Identity[],
  sodium: Sodium,
): Buffer {
  for (const identity of identities) {
    for (const stanza of stanzas) {
      if (stanza.type !== 'X25519') continue;
      const share = stanza.args.length === 1 ? decodeBase64Strict(stanza.args[0]!) : null;
      if (share?.length !== KEY_BYTES) throw ageError('header', 'an X25519 stanza is malformed');
      let secret: Uint8Array;
      try {
        secret = sodium.crypto_scalarmult(identity.secret, share);
      } catch {
        throw ageError('header', 'an X25519 share is a low-order point');
      }
      // Checked before decrypting: a wrapped key of another length is malformed, not "not ours".
      if (stanza.body.length !== FILE_KEY_BYTES + TAG_BYTES) {
        throw ageError('header', 'an X25519 stanza wraps a key of the wrong size');
      }
      const decipher = createDecipheriv(
        'chacha20-poly1305',
        wrapKey(secret, share, identity.publicKey),
        ZERO_NONCE,
        { authTagLength: TAG_BYTES },
      );
      secret.fill(0);
      decipher.setAuthTag(stanza.body.subarray(FILE_KEY_BYTES));
      const fileKey = decipher.update(stanza.body.subarray(0, FILE_KEY_BYTES));
      try {
        decipher.final();
        return fileKey;
      } catch {
        fileKey.fill(0);
      }
    }
  }
  throw ageError('no match', 'no identity opens a stanza');
}

/** Seals `plaintext` to X25519 recipients (32-byte keys); a stream of the age file. */
export async function sealX25519(
  plaintext: AsyncIterable<Uint8Array | string>,
  recipients: readonly Uint8Array[],
): Promise<Readable> {
  const sodium = await loadSodium();
  const fileKey = randomBytes(FILE_KEY_BYTES);
  const stanzas = recipients.map((r) => wrapFileKey(fileKey, r, sodium));
  const header = encodeHeader(stanzas, fileKey);
  const nonce = newPayloadNonce();
  const key = payloadKey(fileKey, nonce);
  fileKey.fill(0);
  return new SealStream(plaintext, key, Buffer.concat([header, nonce]));
}

/**
 * Opens an age file with X25519 identities. Resolves once the header, the file key, the MAC and
 * the nonce are checked; the returned stream then yields authenticated plaintext chunk by chunk
 * and fails with BUNDLE_UNREADABLE on a damaged, reordered, truncated or extended payload.
 */
export async function openX25519(
  ciphertext: AsyncIterable<Uint8Array | string>,
  identities: readonly X25519Identity[],
  maxHeaderBytes: number,
): Promise<Readable> {
  const sodium = await loadSodium();
  const source = ciphertext[Symbol.asyncIterator]();
  let finished = false;
  try {
    const { header, rest } = await readHeaderBytes(source, maxHeaderBytes);
    const parsed = parseHeader(header);
    const fileKey = unwrapFileKey(parsed.stanzas, identities, sodium);
    try {
      checkHeaderMac(parsed, fileKey);
    } catch (error) {
      fileKey.fill(0);
      throw error;
    }
    let pending = rest;
    while (pending.length < NONCE_BYTES) {
      const next = await source.next();
      if (next.done) {
        fileKey.fill(0);
        throw ageError('header', 'the payload nonce is missing or short');
      }
      pending = Buffer.concat([pending, toBytes(next.value)]);
    }
    const key = payloadKey(fileKey, pending.subarray(0, NONCE_BYTES));
    fileKey.fill(0);
    async function* plaintext(): AsyncGenerator<Buffer> {
      try {
        yield* openPayload(source, pending.subarray(NONCE_BYTES), key);
        finished = true;
      } catch (error) {
        // A damaged payload, or the consumer's abort (Readable.from throws it in here when the
        // consumer stops early): the source is closed below either way. A read error of the
        // source (a file that vanished) is still "cannot read the bundle".
        throw error instanceof AppError
          ? error
          : new AppError('BUNDLE_UNREADABLE', 'The age file could not be read', { cause: error });
      } finally {
        key.fill(0);
        // Unless the payload ended cleanly, stop the source too: no file or pipe is left open.
        if (!finished) await source.return?.().catch(() => undefined);
      }
    }
    return Readable.from(plaintext(), {
      objectMode: false,
      highWaterMark: STREAM_HIGH_WATER_MARK,
    });
  } catch (error) {
    await source.return?.().catch(() => undefined);
    if (error instanceof AppError) throw error;
    throw new AppError('BUNDLE_UNREADABLE', 'The age file could not be read', { cause: error });
  }
}
