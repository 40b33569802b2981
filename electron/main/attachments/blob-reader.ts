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
import { NativeSecretStream, SECRETSTREAM_TAG } from './native-secretstream';

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
    const stream = new NativeSecretStream(sodium, header, options.key);
    return new BlobReadStream(sodium, file, stream, chunkAd(options.attachmentId), options);
  } catch (error) {
    await file.close().catch(() => undefined);
    throw error;
  }
}

class BlobReadStream extends Readable {
  private stream: NativeSecretStream | undefined;
  private readonly cipher = Buffer.alloc(CIPHER_CHUNK_BYTES);
  private released = 0;
  private finished = false;

  constructor(
    private readonly sodium: Sodium,
    private readonly file: FileHandle,
    stream: NativeSecretStream,
    private readonly ad: Uint8Array,
    private readonly options: BlobReadOptions,
  ) {
    // Room for a few chunks, so the next one is read and verified while the consumer writes.
    super({ highWaterMark: 4 * PLAIN_CHUNK_BYTES });
    this.stream = stream;
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
    this.stream?.dispose();
    this.stream = undefined;
    this.file.close().then(
      () => callback(error),
      (closeError: unknown) => callback(error ?? (closeError as Error)),
    );
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
    // The stream may have been destroyed (and its key wiped) while the read was running.
    if (this.stream === undefined) throw corrupt('The attachment stream was closed');
    if (length === 0) throw corrupt('The attachment blob ends before its final chunk');
    const pulled = this.stream.pull(this.sodium, this.cipher.subarray(0, length), this.ad);
    if (!pulled) throw corrupt('An attachment chunk failed verification');
    const { message, tag } = pulled;
    if (tag === SECRETSTREAM_TAG.message) {
      // Only the last chunk may be short; a short chunk that claims more follows is malformed.
      if (length !== CIPHER_CHUNK_BYTES) throw corrupt('An attachment chunk is short');
    } else if (tag === SECRETSTREAM_TAG.final) {
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
    return message.length === 0 ? null : message;
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
