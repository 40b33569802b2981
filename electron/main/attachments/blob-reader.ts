/**
 * Decrypts a blob as a stream of original bytes. A chunk is released only after its MAC has been
 * verified, and the stream ends only after the FINAL chunk was verified, nothing follows it and
 * the byte count matches the attachment row. Anything else — a flipped byte, a truncated, dropped,
 * reordered or foreign chunk, a missing FINAL tag, trailing bytes — destroys the stream with
 * ATTACHMENT_CORRUPT, which the consumer sees as an error, never as a quiet end.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { toStorageError } from '../files';
import type { Sodium } from '../vault';
import {
  chunkAd,
  CIPHER_CHUNK_BYTES,
  decodePrefix,
  PLAIN_CHUNK_BYTES,
  PREFIX_BYTES,
} from './blob-format';
import { disposeStreamState } from './stream-state';
import type { StreamState } from './stream-state';

export interface BlobReadOptions {
  readonly sodium: Sodium;
  readonly path: string;
  readonly attachmentId: string;
  /** The blob's own key; the caller wipes it once this resolves (the stream keeps no copy). */
  readonly key: Uint8Array;
  /** The original size recorded at intake. */
  readonly expectedSize: number;
}

const corrupt = (message: string) => new AppError('ATTACHMENT_CORRUPT', message);

/**
 * Opens a blob: ATTACHMENT_MISSING when the file is not there, ATTACHMENT_CORRUPT when its
 * prefix is not a version-1 blob. The returned stream verifies the rest as it is read.
 */
export async function openBlobStream(options: BlobReadOptions): Promise<Readable> {
  const { sodium } = options;
  let file: FileHandle;
  try {
    // Non-blocking, so a FIFO planted in blobs/ cannot hang the read (regular files ignore it).
    file = await open(options.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      throw new AppError('ATTACHMENT_MISSING', 'The attachment blob is missing', { cause: error });
    }
    throw toStorageError(error);
  }
  try {
    if (!(await file.stat()).isFile()) throw corrupt('The attachment blob is not a file');
    const prefix = Buffer.alloc(PREFIX_BYTES);
    const header = decodePrefix(prefix.subarray(0, await readFully(file, prefix)));
    if (!header) throw corrupt('The attachment blob has no valid header');
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, options.key);
    return new BlobReadStream(sodium, file, state, chunkAd(options.attachmentId), options);
  } catch (error) {
    await file.close().catch(() => undefined);
    throw error;
  }
}

class BlobReadStream extends Readable {
  private state: StreamState | undefined;
  private readonly cipher = Buffer.alloc(CIPHER_CHUNK_BYTES);
  private released = 0;
  private finished = false;

  constructor(
    private readonly sodium: Sodium,
    private readonly file: FileHandle,
    state: StreamState,
    private readonly ad: Uint8Array,
    private readonly options: BlobReadOptions,
  ) {
    // Room for a few chunks, so the next one is read and verified while the consumer writes.
    super({ highWaterMark: 4 * PLAIN_CHUNK_BYTES });
    this.state = state;
  }

  override _read(): void {
    this.nextChunk().then(
      (chunk) => {
        if (!this.destroyed) this.push(chunk);
      },
      (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    disposeStreamState(this.sodium, this.state);
    this.state = undefined;
    this.file.close().then(
      () => callback(error),
      (closeError: unknown) => callback(error ?? (closeError as Error)),
    );
  }

  /** Verifies and decrypts one chunk; false when it does not verify (or is too short to). */
  private pull(
    state: StreamState,
    chunk: Uint8Array,
  ): { message: Uint8Array; tag: number } | false {
    try {
      // libsodium.js returns false, not a throw, when a chunk fails to verify.
      return this.sodium.crypto_secretstream_xchacha20poly1305_pull(state, chunk, this.ad) as
        { message: Uint8Array; tag: number } | false;
    } catch {
      return false;
    }
  }

  /** The next verified plaintext chunk, or null at a verified end. */
  private async nextChunk(): Promise<Buffer | null> {
    if (this.finished) return null;
    let length: number;
    try {
      length = await readFully(this.file, this.cipher);
    } catch (error) {
      throw toStorageError(error);
    }
    // The stream may have been destroyed (and its state freed) while the read was running.
    if (this.state === undefined) throw corrupt('The attachment stream was closed');
    if (length === 0) throw corrupt('The attachment blob ends before its final chunk');
    const pulled = this.pull(this.state, this.cipher.subarray(0, length));
    if (!pulled) throw corrupt('An attachment chunk failed verification');
    const { message, tag } = pulled;
    if (tag === this.sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
      // Only the last chunk may be short; a short chunk that claims more follows is malformed.
      if (length !== CIPHER_CHUNK_BYTES) throw corrupt('An attachment chunk is short');
    } else if (tag === this.sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      if ((await readFully(this.file, Buffer.alloc(1))) !== 0) {
        throw corrupt('The attachment blob has bytes after its final chunk');
      }
      this.finished = true;
    } else {
      throw corrupt('An attachment chunk has an unexpected tag');
    }
    const released = this.released + message.length;
    const expected = this.options.expectedSize;
    if (released > expected || (this.finished && released !== expected)) {
      throw corrupt('The attachment size differs from the one recorded');
    }
    this.released = released;
    if (message.length === 0) return null;
    return Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  }
}

/** Reads until `buffer` is full or the file ends; returns the number of bytes read. */
async function readFully(file: FileHandle, buffer: Buffer): Promise<number> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}
