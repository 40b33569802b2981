/**
 * age (age-encryption.org/v1) encryption and decryption as streams, with typed errors.
 *
 * Two paths:
 * - X25519 keys (every bundle sealed to recipients, every key file opening one) go through
 *   Svidok's own implementation of the format (age-x25519.ts, age-header.ts, age-payload.ts):
 *   the JS `age-encryption` package seals at about a sixth of the speed of the age CLI, which is
 *   too slow for bundles of gigabytes; OpenSSL's ChaCha20-Poly1305 through node:crypto is faster
 *   than the CLI. Proven by the C2SP CCTV vectors (tests/interop/age-cctv.test.ts).
 * - A passphrase (scrypt), and post-quantum identities (`AGE-SECRET-KEY-PQ-1…`) on the opening
 *   side, stay on `age-encryption`: rare, small, and not worth a second implementation. This file
 *   bridges Node streams to the web streams that package takes and bounds what it buffers.
 *
 * Memory: plaintext and ciphertext move in 64 KiB STREAM chunks with backpressure end to end, so a
 * bundle of any size needs only a few chunks in memory. Only the header is buffered, up to
 * MAX_AGE_HEADER_BYTES.
 *
 * Released plaintext is always authenticated: a chunk is released only once its Poly1305 tag
 * verifies. A stream that ends in an error may have released an authentic prefix before it (a
 * truncated file, trailing garbage): a consumer must treat it as worthless and discard what it
 * wrote (bundles/ writes to a temp file and renames on success).
 */
import { Readable } from 'node:stream';
import { Decrypter, Encrypter } from 'age-encryption';
import { AppError } from '../../../shared/errors';
import { parseAgeRecipient } from '../recipients';
import { loadSodium } from '../vault';
import { MAX_AGE_HEADER_BYTES, readHeaderBytes, toBytes } from './age-header';
import { openX25519, parseX25519Identity, sealX25519, x25519RecipientBytes } from './age-x25519';

export { MAX_AGE_HEADER_BYTES };
/** age's own default; the scrypt cost of a passphrase-sealed bundle (256 MiB, about a second). */
export const DEFAULT_SCRYPT_LOG_N = 18;
/** A passphrase file asking for more work than age's default is refused before scrypt runs. */
export const MAX_SCRYPT_LOG_N = 18;

export type ByteSource = AsyncIterable<Uint8Array | string>;

export interface SealTo {
  /** age X25519 public keys (`age1…`), checked strictly (recipients/age-key.ts). */
  readonly recipients?: readonly string[];
  /** A passphrase instead of keys: age allows one scrypt stanza and nothing beside it. */
  readonly passphrase?: string;
  /** scrypt's log2(N) for a passphrase; DEFAULT_SCRYPT_LOG_N unless a test needs speed. */
  readonly scryptLogN?: number;
}

export interface OpenWith {
  /** An identity `AGE-SECRET-KEY-1…`, or a key file's whole text (comments and blank lines). */
  readonly identity?: string;
  readonly passphrase?: string;
  readonly maxHeaderBytes?: number;
}

/** Encrypts `plaintext` to the recipients or the passphrase; the result streams ciphertext. */
export async function encryptAge(plaintext: ByteSource, to: SealTo): Promise<Readable> {
  const recipients = to.recipients ?? [];
  if (to.passphrase !== undefined && recipients.length > 0) {
    throw new AppError(
      'RECIPIENTS_MIXED',
      'age cannot seal to a passphrase and to recipients in the same file',
    );
  }
  if (to.passphrase !== undefined) return encryptWithPassphrase(plaintext, to);
  if (recipients.length === 0) {
    throw new AppError('BAD_INPUT', 'A bundle needs at least one recipient or a passphrase');
  }
  // Checked strictly (lower case, bech32 checksum, X25519 only) before anything is sealed.
  const keys = new Set(recipients.map(parseAgeRecipient));
  // A failure while streaming comes from the plaintext source (a file that vanished, say): it
  // reaches the consumer as it is.
  return sealX25519(plaintext, [...keys].map(x25519RecipientBytes));
}

async function encryptWithPassphrase(plaintext: ByteSource, to: SealTo): Promise<Readable> {
  if (to.passphrase === undefined || to.passphrase.length === 0) {
    throw new AppError('BAD_INPUT', 'The passphrase is empty');
  }
  const encrypter = new Encrypter();
  encrypter.setScryptWorkFactor(to.scryptLogN ?? DEFAULT_SCRYPT_LOG_N);
  encrypter.setPassphrase(to.passphrase);
  const ciphertext = await encrypter.encrypt(pullStream(plaintext));
  return fromWeb(ciphertext, (error) => error);
}

/**
 * Decrypts `ciphertext` with an identity or a passphrase; the result streams plaintext. The
 * header is read and checked before this resolves: WRONG_IDENTITY when no key opens it,
 * IDENTITY_INVALID for a malformed key, BUNDLE_UNREADABLE for anything wrong with the file (also
 * raised later by the returned stream, for a damaged or truncated payload).
 */
export async function decryptAge(ciphertext: ByteSource, open: OpenWith): Promise<Readable> {
  const lines = open.identity === undefined ? [] : identityLines(open.identity);
  if (open.identity === undefined && open.passphrase === undefined) {
    throw new AppError('BAD_INPUT', 'An identity or a passphrase is needed');
  }
  const maxHeaderBytes = open.maxHeaderBytes ?? MAX_AGE_HEADER_BYTES;
  if (open.passphrase === undefined && !lines.some((l) => l.startsWith('AGE-SECRET-KEY-PQ-'))) {
    // The fast path; a line that is not an X25519 identity is IDENTITY_INVALID here.
    const sodium = await loadSodium();
    const identities = lines.map((line) => parseX25519Identity(line, sodium));
    return openX25519(ciphertext, identities, maxHeaderBytes);
  }
  return decryptWithPackage(ciphertext, lines, open.passphrase, maxHeaderBytes);
}

/** A passphrase or a post-quantum identity: age-encryption reads the file. */
async function decryptWithPackage(
  ciphertext: ByteSource,
  identities: readonly string[],
  passphrase: string | undefined,
  maxHeaderBytes: number,
): Promise<Readable> {
  const decrypter = new Decrypter();
  for (const identity of identities) {
    try {
      decrypter.addIdentity(identity);
    } catch {
      throw new AppError('IDENTITY_INVALID', 'Not an age secret key (AGE-SECRET-KEY-1…)');
    }
  }
  if (passphrase !== undefined) decrypter.addPassphrase(passphrase);
  const source = ciphertext[Symbol.asyncIterator]();
  // Bounded here: age-encryption itself would read a header line of any length into memory.
  const { header, rest } = await readHeaderBytes(source, maxHeaderBytes);
  if (passphrase !== undefined) refuseCostlyScrypt(header.toString('latin1'));
  let plaintext: ReadableStream<Uint8Array>;
  try {
    plaintext = await decrypter.decrypt(pullStream(source, Buffer.concat([header, rest])));
  } catch (error) {
    throw toAgeError(error);
  }
  return fromWeb(plaintext, toAgeError);
}

/** The identities in a key file: every line that is not blank or a `#` comment. */
export function identityLines(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) throw new AppError('IDENTITY_INVALID', 'The key file holds no key');
  return lines;
}

/** scrypt with a huge work factor is a memory bomb (2^20 takes 1 GiB): refuse it unread. */
function refuseCostlyScrypt(header: string): void {
  for (const line of header.split('\n')) {
    const args = line.split(' ');
    if (args[0] === '->' && args[1] === 'scrypt' && Number(args[3]) > MAX_SCRYPT_LOG_N) {
      throw new AppError('BUNDLE_UNREADABLE', 'The passphrase stanza asks for too much work');
    }
  }
}

/**
 * Maps what age-encryption throws (plain Errors) to our codes. "no identity matched" is the one
 * message that means "not for you"; the tests pin it so a change in the package is noticed.
 */
function toAgeError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : '';
  if (message.includes('no identity matched')) {
    return new AppError('WRONG_IDENTITY', 'No given key or passphrase opens this file', {
      cause: error,
    });
  }
  return new AppError('BUNDLE_UNREADABLE', 'The age file is damaged, truncated or altered', {
    cause: error,
  });
}

/**
 * A web stream that pulls one chunk from `source` per read (highWaterMark 0), so it never runs
 * ahead of the consumer. `first` is handed out before the source is read again.
 */
function pullStream(
  source: ByteSource | AsyncIterator<Uint8Array | string>,
  first?: Uint8Array,
): ReadableStream<Uint8Array> {
  const iterator =
    Symbol.asyncIterator in source
      ? source[Symbol.asyncIterator]()
      : (source as AsyncIterator<Uint8Array | string>);
  let pending = first && first.length > 0 ? first : undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (pending) {
          controller.enqueue(pending);
          pending = undefined;
          return;
        }
        // Skip empty chunks here: a pull that enqueues nothing is not called again by itself.
        for (;;) {
          const next = await iterator.next();
          if (next.done) return controller.close();
          if (next.value.length > 0) return controller.enqueue(toBytes(next.value));
        }
      },
      async cancel(reason) {
        await iterator.return?.(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** A Node Readable over a web stream, read on demand; errors pass through `mapError`. */
function fromWeb(stream: ReadableStream<Uint8Array>, mapError: (e: unknown) => unknown): Readable {
  const reader = stream.getReader();
  async function* chunks(): AsyncGenerator<Buffer> {
    let finished = false;
    try {
      for (;;) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
        } catch (error) {
          finished = true;
          throw mapError(error);
        }
        if (next.done) {
          finished = true;
          return;
        }
        yield toBytes(next.value);
      }
    } finally {
      // The consumer stopped early: stop the source too, so no file or pipe is left open.
      if (!finished) await reader.cancel().catch(() => undefined);
    }
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 64 * 1024 });
}
