/**
 * The age v1 payload: a 16-byte nonce, then the plaintext in STREAM chunks of 64 KiB, each sealed
 * with ChaCha20-Poly1305 under HKDF-SHA-256(file key, salt = nonce, "payload"). A chunk's 12-byte
 * nonce is an 11-byte big-endian counter and a last-chunk flag byte (1 on the final chunk only).
 *
 * The cipher is node:crypto's (OpenSSL's vectorised ChaCha20-Poly1305), which is what makes
 * sealing fast; the rules are age's:
 * - the final chunk may be short or full; it is empty only when the whole payload is empty;
 * - a full chunk that does not open as a middle chunk is tried as the final one;
 * - nothing may follow the final chunk, and a file without one is truncated.
 *
 * Released plaintext is always authenticated: a chunk is handed out only after its tag verifies.
 * Like the reference implementation, each chunk is released as soon as it verifies, so a file
 * that turns out truncated or followed by garbage has released its authentic prefix first; the
 * consumer must treat a stream that ends in an error as worthless (bundles/ writes to a temp file
 * and renames only on success).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { ageError, toBytes } from './age-header';

export const NONCE_BYTES = 16;
export const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;
/** The counter is written in the nonce's low 6 bytes: 2^48 chunks (16 EiB) is plenty. */
const MAX_CHUNKS = 2 ** 48;

export function newPayloadNonce(): Buffer {
  return randomBytes(NONCE_BYTES);
}

export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

/** The 12-byte nonce of chunk `counter`. */
function chunkNonce(counter: number, last: boolean): Buffer {
  if (counter >= MAX_CHUNKS) throw ageError('payload', 'too many chunks');
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/**
 * Seals one chunk: its ciphertext and its 16-byte tag, as two buffers pushed one after the other.
 * Not joined into one: that would allocate and copy every byte a second time, and the garbage of
 * a gigabyte export is what sets its peak memory (the bundle file batches its writes anyway).
 */
function sealChunk(key: Buffer, counter: number, last: boolean, plain: Uint8Array): Buffer[] {
  const cipher = createCipheriv('chacha20-poly1305', key, chunkNonce(counter, last), {
    authTagLength: TAG_BYTES,
  });
  const ciphertext = cipher.update(plain);
  cipher.final();
  return [ciphertext, cipher.getAuthTag()];
}

/** Opens one sealed chunk (ciphertext then tag), or null when the tag does not verify. */
function openChunk(key: Buffer, counter: number, last: boolean, sealed: Buffer): Buffer | null {
  const decipher = createDecipheriv('chacha20-poly1305', key, chunkNonce(counter, last), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    decipher.final();
    return plain;
  } catch {
    // Unauthenticated: wiped and never handed out.
    plain.fill(0);
    return null;
  }
}

const EMPTY: Buffer = Buffer.alloc(0);
/** How far sealing may run ahead of the consumer, so reading, sealing and writing overlap. */
const SEAL_AHEAD_BYTES = 1024 * 1024;

/**
 * The age file as a Node stream: `prefix` (header and nonce), then `source` sealed as STREAM
 * chunks. A Readable of our own rather than Readable.from(generator): it awaits once per source
 * chunk and pushes the sealed chunks synchronously, with no promise round trip per 64 KiB, and
 * may seal up to SEAL_AHEAD_BYTES ahead, so that reading the source, sealing and writing overlap
 * (with a 64 KiB buffer they ran in turn). Backpressure: it stops after any chunk that fills its
 * buffer and resumes when read again, so memory is bounded by that buffer and one source chunk,
 * whatever the size of the payload.
 *
 * A full chunk is sealed only once more input shows it is not the last. The 64 KiB staging buffer
 * is reused (the cipher copies what it reads); source chunks are never kept after they are read.
 */
export class SealStream extends Readable {
  readonly #source: AsyncIterator<Uint8Array | string>;
  readonly #key: Buffer;
  readonly #prefix: Buffer;
  readonly #staged = Buffer.allocUnsafe(CHUNK_BYTES);
  #used = 0;
  #counter = 0;
  #input: Buffer = EMPTY;
  #started = false;
  #done = false;
  /** A read was asked for since the last push that filled the buffer. */
  #wanted = false;
  /** Resumes the pump, when it waits for the consumer. */
  #wake: (() => void) | null = null;

  constructor(source: AsyncIterable<Uint8Array | string>, key: Buffer, prefix: Buffer) {
    super({ highWaterMark: SEAL_AHEAD_BYTES });
    this.#source = source[Symbol.asyncIterator]();
    this.#key = key;
    this.#prefix = prefix;
  }

  override _read(): void {
    this.#wanted = true;
    if (!this.#started) {
      this.#started = true;
      this.#pump().catch((error: unknown) => this.destroy(error as Error));
      return;
    }
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#key.fill(0);
    // Stopped early (an error, or the consumer gave up): close the source too.
    const closing = this.#started && !this.#done ? this.#source.return?.() : undefined;
    this.#done = true;
    void Promise.resolve(closing).then(
      () => callback(error),
      () => callback(error),
    );
  }

  /**
   * Pushes a chunk; false when the consumer has enough for now. A read asked for during the push
   * itself (a consumer that reads synchronously) counts, so it is never lost: Readable asks again
   * only after the next push.
   */
  #send(chunk: Buffer): boolean {
    this.#wanted = false;
    return this.push(chunk) || this.#wanted;
  }

  /** Pushes a sealed chunk's parts; false when the consumer has enough for now. */
  #sendAll(parts: readonly Buffer[]): boolean {
    let more = true;
    for (const part of parts) more = this.#send(part);
    return more;
  }

  async #waitForRead(): Promise<void> {
    if (this.#wanted) return;
    await new Promise<void>((resolve) => (this.#wake = resolve));
  }

  /** Seals and pushes until the source ends, waiting whenever the consumer has enough. */
  async #pump(): Promise<void> {
    if (!this.#send(this.#prefix)) await this.#waitForRead();
    for (;;) {
      while (this.#input.length > 0 && !this.destroyed) {
        if (!this.#step()) await this.#waitForRead();
      }
      if (this.destroyed) return;
      const next = await this.#source.next();
      if (this.destroyed) return;
      if (next.done) {
        // The final chunk: short, full, or empty when the whole payload is.
        this.#done = true;
        const final = this.#staged.subarray(0, this.#used);
        for (const part of sealChunk(this.#key, this.#counter, true, final)) this.push(part);
        this.#key.fill(0);
        this.push(null);
        return;
      }
      this.#input = toBytes(next.value);
    }
  }

  /** Consumes some of the current input; false once the consumer wants no more for now. */
  #step(): boolean {
    if (this.#used === CHUNK_BYTES) {
      // More input follows, so the staged chunk is a middle one.
      this.#used = 0;
      return this.#sendAll(sealChunk(this.#key, this.#counter++, false, this.#staged));
    }
    if (this.#used === 0 && this.#input.length > CHUNK_BYTES) {
      // A whole chunk with more behind it, straight from the source's buffer: no copy.
      const chunk = this.#input.subarray(0, CHUNK_BYTES);
      this.#input = this.#input.subarray(CHUNK_BYTES);
      return this.#sendAll(sealChunk(this.#key, this.#counter++, false, chunk));
    }
    const n = this.#input.copy(this.#staged, this.#used);
    this.#used += n;
    this.#input = n === this.#input.length ? EMPTY : this.#input.subarray(n);
    return true;
  }
}

/**
 * Opens STREAM chunks from `source` (after the nonce; `first` is what was read beyond it), one
 * sealed chunk at a time into a reused buffer, and yields each chunk's plaintext once it verifies.
 * Any failure is BUNDLE_UNREADABLE with the CCTV class `payload`.
 */
export async function* openPayload(
  source: AsyncIterator<Uint8Array | string>,
  first: Buffer,
  key: Buffer,
): AsyncGenerator<Buffer> {
  const sealed = Buffer.allocUnsafe(SEALED_CHUNK_BYTES);
  let pending = first;
  let ended = false;
  /** Fills `sealed` as far as it goes; fewer bytes than its size means the source ended. */
  const fill = async (): Promise<number> => {
    let used = 0;
    while (used < SEALED_CHUNK_BYTES) {
      if (pending.length === 0) {
        if (ended) break;
        const next = await source.next();
        if (next.done) {
          ended = true;
          break;
        }
        pending = toBytes(next.value);
        continue;
      }
      const n = pending.copy(sealed, used);
      used += n;
      pending = pending.subarray(n);
    }
    return used;
  };

  for (let counter = 0; ; counter++) {
    const used = await fill();
    if (used === 0) throw ageError('payload', 'the payload ends without a final chunk');
    if (used < SEALED_CHUNK_BYTES) {
      // The source ended: this short chunk must be the final one.
      if (used === TAG_BYTES && counter > 0) {
        throw ageError('payload', 'the final chunk is empty');
      }
      if (used < TAG_BYTES) throw ageError('payload', 'the final chunk is truncated');
      const plain = openChunk(key, counter, true, sealed.subarray(0, used));
      if (plain === null) throw ageError('payload', 'a chunk does not verify');
      yield plain;
      return;
    }
    const middle = openChunk(key, counter, false, sealed);
    if (middle !== null) {
      yield middle;
      continue;
    }
    // A full chunk that is not a middle one may be the final one; then nothing may follow.
    const last = openChunk(key, counter, true, sealed);
    if (last === null) throw ageError('payload', 'a chunk does not verify');
    yield last;
    if ((await fill()) > 0) throw ageError('payload', 'data after the final chunk');
    return;
  }
}
