/**
 * age (age-encryption.org/v1) encryption and decryption as streams, over the `age-encryption`
 * package: Svidok implements no part of the format, it only bridges Node streams to the web
 * streams the package takes, bounds what a hostile file can make it buffer, and turns every
 * failure into a typed error.
 *
 * Memory: plaintext and ciphertext move in 64 KiB STREAM chunks with backpressure end to end
 * (small pull-based bridges of our own, so backpressure is explicit and errors are mapped in one place), so a bundle of any size needs
 * only a few chunks in memory. Only the header is buffered, up to MAX_AGE_HEADER_BYTES.
 *
 * Released plaintext is always authenticated: age-encryption decrypts a chunk only once its
 * Poly1305 tag verifies, and holds back the last full chunk until it knows whether the file ends
 * there (a missing final chunk fails). A consumer must still treat a stream that ends in an error
 * as worthless and discard what it wrote (bundles/ writes to a temp file and renames on success).
 */
import { Readable } from 'node:stream';
import { Decrypter, Encrypter } from 'age-encryption';
import { AppError } from '../../../shared/errors';
import { parseAgeRecipient } from '../recipients';

/**
 * A header larger than this is refused before it is parsed. An X25519 stanza takes ~120 bytes and
 * a post-quantum one ~1.6 KB, so 64 KiB is dozens of recipients; age-encryption itself would
 * read a header line of any length into memory.
 */
export const MAX_AGE_HEADER_BYTES = 64 * 1024;
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
  const encrypter = new Encrypter();
  const recipients = to.recipients ?? [];
  if (to.passphrase !== undefined && recipients.length > 0) {
    throw new AppError(
      'RECIPIENTS_MIXED',
      'age cannot seal to a passphrase and to recipients in the same file',
    );
  }
  if (to.passphrase !== undefined) {
    if (to.passphrase.length === 0) throw new AppError('BAD_INPUT', 'The passphrase is empty');
    encrypter.setScryptWorkFactor(to.scryptLogN ?? DEFAULT_SCRYPT_LOG_N);
    encrypter.setPassphrase(to.passphrase);
  } else if (recipients.length === 0) {
    throw new AppError('BAD_INPUT', 'A bundle needs at least one recipient or a passphrase');
  }
  // Checked here, not by age-encryption, which would accept upper case and other key types.
  const keys = new Set(recipients.map(parseAgeRecipient));
  for (const key of keys) encrypter.addRecipient(key);
  const ciphertext = await encrypter.encrypt(pullStream(plaintext));
  // A failure here comes from the plaintext source (a file that vanished, say): keep it as it is.
  return fromWeb(ciphertext, (error) => error);
}

/**
 * Decrypts `ciphertext` with an identity or a passphrase; the result streams plaintext. The
 * header is read and checked before this resolves: WRONG_IDENTITY when no key opens it,
 * IDENTITY_INVALID for a malformed key, BUNDLE_UNREADABLE for anything wrong with the file (also
 * raised later by the returned stream, for a damaged or truncated payload).
 */
export async function decryptAge(ciphertext: ByteSource, open: OpenWith): Promise<Readable> {
  const decrypter = new Decrypter();
  if (open.identity !== undefined) {
    for (const identity of identityLines(open.identity)) {
      try {
        decrypter.addIdentity(identity);
      } catch {
        throw new AppError('IDENTITY_INVALID', 'Not an age secret key (AGE-SECRET-KEY-1…)');
      }
    }
  }
  if (open.passphrase !== undefined) decrypter.addPassphrase(open.passphrase);
  if (open.identity === undefined && open.passphrase === undefined) {
    throw new AppError('BAD_INPUT', 'An identity or a passphrase is needed');
  }
  const source = ciphertext[Symbol.asyncIterator]();
  const header = await readHeader(source, open.maxHeaderBytes ?? MAX_AGE_HEADER_BYTES);
  if (open.passphrase !== undefined) refuseCostlyScrypt(header.text);
  let plaintext: ReadableStream<Uint8Array>;
  try {
    plaintext = await decrypter.decrypt(pullStream(source, header.bytes));
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

/**
 * Reads until the header's MAC line ends. The header is `age-encryption.org/v1`, stanzas whose
 * lines start with `-> ` or are base64, then `--- MAC`: the first line starting with `---` is
 * where any parser stops, so the header ends at the newline after it.
 */
async function readHeader(
  source: AsyncIterator<Uint8Array | string>,
  max: number,
): Promise<{ bytes: Buffer; text: string }> {
  let buffered = Buffer.alloc(0);
  for (;;) {
    const macLine = buffered.indexOf('\n---');
    const end = macLine < 0 ? -1 : buffered.indexOf('\n', macLine + 1);
    if (end >= 0 && end < max) {
      return { bytes: buffered, text: buffered.subarray(0, end + 1).toString('latin1') };
    }
    if (buffered.length >= max) {
      throw new AppError('BUNDLE_UNREADABLE', 'The age header is too large');
    }
    let next: IteratorResult<Uint8Array | string>;
    try {
      next = await source.next();
    } catch (error) {
      throw toAgeError(error);
    }
    if (next.done) throw new AppError('BUNDLE_UNREADABLE', 'The age header is incomplete');
    buffered = Buffer.concat([buffered, toBytes(next.value)]);
  }
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

const toBytes = (chunk: Uint8Array | string): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, 'utf8')
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

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
