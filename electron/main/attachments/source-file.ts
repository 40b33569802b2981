/**
 * The file an interviewer attaches is evidence: it is opened read-only, read as a stream in small
 * pieces, and never written, moved or touched otherwise.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';

/** Bytes per read from the source file: enough for throughput, small enough for memory. */
export const SOURCE_READ_BYTES = 64 * 1024;

export interface SourceFile {
  readonly stream: Readable;
  /** The size when opened; the stream is still counted, since a file can grow. */
  readonly size: number;
}

const unreadable = (cause: unknown) =>
  new AppError('FILE_UNREADABLE', 'The file could not be read', { cause });

export async function openSourceFile(path: string, maxBytes: number): Promise<SourceFile> {
  let file: FileHandle;
  try {
    // Read-only; non-blocking so a FIFO cannot hang the intake (regular files ignore the flag).
    file = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw unreadable(error);
  }
  try {
    const stat = await file.stat();
    if (!stat.isFile()) throw new AppError('FILE_UNREADABLE', 'Only regular files can be attached');
    if (stat.size > maxBytes) throw new AppError('ATTACHMENT_TOO_LARGE', 'The file is too large');
    const stream = file.createReadStream({ highWaterMark: SOURCE_READ_BYTES, autoClose: true });
    return { stream, size: stat.size };
  } catch (error) {
    await file.close().catch(() => undefined);
    throw error instanceof AppError ? error : unreadable(error);
  }
}

/**
 * The source's pieces, with any error it raises reported as FILE_UNREADABLE (a removed USB stick,
 * a failing disk, a stream that broke), so the UI can say what went wrong.
 */
export async function* readingFrom(source: AsyncIterable<unknown>): AsyncGenerator<unknown> {
  try {
    yield* source;
  } catch (error) {
    throw error instanceof AppError ? error : unreadable(error);
  }
}
