/**
 * Encrypts a stream of original bytes into a blob file, hashing them on the way: never more than
 * one chunk in memory, never a plaintext byte on disk. The blob is written to a temp file beside
 * its final name, synced, renamed and the folder synced; on any failure the temp file is removed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { fsyncDir, toStorageError } from '../files';
import type { Sodium } from '../vault';
import { chunkAd, encodePrefix, PLAIN_CHUNK_BYTES, STREAM_HEADER_BYTES } from './blob-format';
import { NativeSecretStream, SECRETSTREAM_TAG } from './native-secretstream';

export interface BlobWriteOptions {
  readonly sodium: Sodium;
  /** The original bytes, as Buffers or Uint8Arrays. */
  readonly source: AsyncIterable<unknown>;
  /** The blob's final path, `blobs/<id>.blob`; it must not exist yet. */
  readonly path: string;
  readonly attachmentId: string;
  /** The blob's own 32-byte key; the caller wipes it. */
  readonly key: Uint8Array;
  /** More original bytes than this: ATTACHMENT_TOO_LARGE, and nothing is kept. */
  readonly maxBytes: number;
}

export interface BlobWriteResult {
  readonly size: number;
  /** SHA-256 of the original bytes, lowercase hex. */
  readonly sha256: string;
  /** SHA-512 of the original bytes, lowercase hex (a bundle's manifest-sha512.txt). */
  readonly sha512: string;
}

export function blobTempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeBlobFile(options: BlobWriteOptions): Promise<BlobWriteResult> {
  const { sodium, path, maxBytes } = options;
  const temp = blobTempPath(path);
  const ad = chunkAd(options.attachmentId);
  // One chunk of plaintext, filled from the source; a full chunk is sealed only once another
  // byte arrives, so the last chunk (full or not) is always the one tagged FINAL.
  const plain = Buffer.alloc(PLAIN_CHUNK_BYTES);
  let stream: NativeSecretStream | undefined;
  let file: FileHandle | undefined;
  // One write in flight while the next chunk is sealed; awaited before the next is issued.
  let writing: Promise<void> = Promise.resolve();
  try {
    file = await open(temp, 'wx', 0o600);
    const out = file;
    const write = async (bytes: Uint8Array) => {
      await writing;
      writing = writeAll(out, bytes);
      // Handled here so a failure in flight is not an unhandled rejection; it is still thrown
      // by the next `await writing`.
      writing.catch(() => undefined);
    };
    // A random header, as libsodium's init_push makes it.
    const header = randomBytes(STREAM_HEADER_BYTES);
    stream = new NativeSecretStream(sodium, header, options.key);
    await write(encodePrefix(header));
    const hash = createHash('sha256');
    const hash512 = createHash('sha512');
    let size = 0;
    let filled = 0;
    for await (const piece of options.source) {
      const bytes = asBytes(piece);
      size += bytes.length;
      if (size > maxBytes) throw new AppError('ATTACHMENT_TOO_LARGE', 'The file is too large');
      hash.update(bytes);
      hash512.update(bytes);
      for (let offset = 0; offset < bytes.length;) {
        if (filled === PLAIN_CHUNK_BYTES) {
          await write(stream.push(sodium, plain, ad, SECRETSTREAM_TAG.message));
          filled = 0;
        }
        const n = Math.min(PLAIN_CHUNK_BYTES - filled, bytes.length - offset);
        plain.set(bytes.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
      }
    }
    await write(stream.push(sodium, plain.subarray(0, filled), ad, SECRETSTREAM_TAG.final));
    await writing;
    await file.sync();
    // Forget the handle before closing it: a close that fails is not retried.
    const done = file;
    file = undefined;
    await done.close();
    await rename(temp, path);
    fsyncDir(dirname(path));
    return { size, sha256: hash.digest('hex'), sha512: hash512.digest('hex') };
  } catch (error) {
    // Cleanup must not replace the error that explains what went wrong.
    await writing.catch(() => undefined);
    await file?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw toStorageError(error);
  } finally {
    plain.fill(0);
    stream?.dispose();
  }
}

async function writeAll(file: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < bytes.length;) {
    const { bytesWritten } = await file.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

function asBytes(piece: unknown): Uint8Array {
  if (piece instanceof Uint8Array) return piece;
  throw new AppError('BAD_INPUT', 'An attachment source must yield bytes');
}
