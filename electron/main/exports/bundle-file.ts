/**
 * The bundle's file on disk: a temp file `.<name>.partial` beside the target, created 'wx' with
 * mode 0600 (a leftover is never reused or followed), written as the ciphertext streams in, then
 * fsynced; the final name is taken with a hard link, which fails when a file of that name exists
 * (never replaced), and the folder is fsynced. On any failure the temp file is removed: nothing
 * is left behind.
 */
import { createHash } from 'node:crypto';
import { linkSync, lstatSync, renameSync, rmSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { fsyncDir, toStorageError } from '../files';

/** How much is written between early flushes to disk (see syncEarly). */
const EARLY_SYNC_BYTES = 64 * 1024 * 1024;
/** Queued chunks are written together once this many bytes wait (see write). */
const WRITE_BATCH_BYTES = 1024 * 1024;
/** Batches being written at once, each at its own offset. */
const WRITES_IN_FLIGHT = 2;

export const fileExists = () =>
  new AppError('FILE_EXISTS', 'A file with this name is already there; nothing was overwritten');

export class BundleFile {
  readonly finalPath: string;
  readonly tempPath: string;
  private file: FileHandle | undefined;
  private readonly hash = createHash('sha256');
  private written = 0;
  /** Bytes written since the last early flush to disk was started (see syncEarly). */
  private unsynced = 0;
  private syncing: Promise<void> | undefined;
  private syncFailure: unknown;
  /** Chunks hashed but not yet handed to a write, and their size. */
  private queue: Uint8Array[] = [];
  private queued = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private writeFailure: unknown;

  private constructor(
    readonly dir: string,
    fileName: string,
  ) {
    this.finalPath = join(dir, fileName);
    this.tempPath = join(dir, `.${fileName}.partial`);
  }

  static async create(dir: string, fileName: string): Promise<BundleFile> {
    const bundle = new BundleFile(dir, fileName);
    if (pathExists(bundle.finalPath)) throw fileExists();
    try {
      bundle.file = await open(bundle.tempPath, 'wx', 0o600);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EEXIST') throw fileExists();
      throw toStorageError(error);
    }
    return bundle;
  }

  get bytes(): number {
    return this.written;
  }

  /**
   * Hashes `chunk` and queues it to be written at its place in the file. Queued chunks are
   * written together (one writev at their offset) once WRITE_BATCH_BYTES wait, up to
   * WRITES_IN_FLIGHT batches at a time on libuv's pool; this waits only when that many are out.
   * One awaited write per 64 KiB chunk cost about a second per GiB in round trips. The chunk must
   * not change afterwards: it is written later.
   */
  async write(chunk: Uint8Array): Promise<void> {
    const file = this.file;
    if (!file) throw new AppError('INTERNAL', 'The bundle file is closed');
    this.throwIfWriteFailed();
    this.hash.update(chunk);
    this.written += chunk.length;
    this.queue.push(chunk);
    this.queued += chunk.length;
    if (this.queued >= WRITE_BATCH_BYTES) await this.flush(file);
    this.unsynced += chunk.length;
    if (this.unsynced >= EARLY_SYNC_BYTES && !this.syncing) this.syncEarly(file);
  }

  /** Starts writing the queued chunks as one batch, once fewer than the limit are in flight. */
  private async flush(file: FileHandle): Promise<void> {
    while (this.inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(this.inFlight);
    this.throwIfWriteFailed();
    if (this.queued === 0) return;
    const batch = this.queue;
    // Everything before the queue has been handed to a write already.
    const position = this.written - this.queued;
    this.queue = [];
    this.queued = 0;
    const writing: Promise<void> = writeAllAt(file, batch, position)
      .catch((error: unknown) => {
        this.writeFailure ??= error;
      })
      .finally(() => this.inFlight.delete(writing));
    this.inFlight.add(writing);
  }

  /** Waits for every batch written so far; throws the first write failure. */
  private async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    this.throwIfWriteFailed();
  }

  private throwIfWriteFailed(): void {
    if (this.writeFailure !== undefined) throw this.writeFailure;
  }

  /**
   * Starts flushing what is written so far (fdatasync, on libuv's thread pool) while the export
   * goes on, so the disk works during the export rather than all of it in the final fsync (which
   * took about 0.4 s per GiB here). A failure is kept and thrown by seal(): Linux reports a
   * writeback error once, so a later fsync could succeed over lost data.
   */
  private syncEarly(file: FileHandle): void {
    this.unsynced = 0;
    this.syncing = file
      .datasync()
      .catch((error: unknown) => {
        this.syncFailure ??= error;
      })
      .finally(() => (this.syncing = undefined));
  }

  /** fsync and close; returns the SHA-256 of every byte written. */
  async seal(): Promise<string> {
    const file = this.file;
    if (!file) throw new AppError('INTERNAL', 'The bundle file is closed');
    await this.flush(file);
    await this.drain();
    await this.syncing;
    if (this.syncFailure !== undefined) throw this.syncFailure;
    await file.sync();
    // Forgotten before closing: a failed close must not be retried on a reused descriptor.
    this.file = undefined;
    await file.close();
    return this.hash.digest('hex');
  }

  /**
   * Gives the sealed temp file its final name, refusing an existing one (FILE_EXISTS), and
   * fsyncs the folder. Synchronous, so it can run inside the database transaction that records
   * the export: the custody entries commit only if the file got its name.
   */
  commitSync(): void {
    try {
      linkSync(this.tempPath, this.finalPath);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EEXIST') throw fileExists();
      // File systems without hard links (FAT, exFAT, some shares): a check and a rename.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') {
        throw toStorageError(error);
      }
      if (pathExists(this.finalPath)) throw fileExists();
      renameSync(this.tempPath, this.finalPath);
    }
    rmSync(this.tempPath, { force: true });
    fsyncDir(this.dir);
  }

  /** Undoes a commit whose transaction then failed. */
  uncommitSync(): void {
    rmSync(this.finalPath, { force: true });
  }

  /** Closes and removes the temp file; never throws (it runs while reporting another error). */
  async discard(): Promise<void> {
    const file = this.file;
    this.file = undefined;
    // Writes and an early flush still running must end before their descriptor is closed.
    await Promise.allSettled(this.inFlight);
    await this.syncing;
    await file?.close().catch(() => undefined);
    await rm(this.tempPath, { force: true }).catch(() => undefined);
  }
}

function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return false;
    throw error;
  }
}

/** Writes `chunks` one after another from `position`, however the kernel splits the writev. */
async function writeAllAt(file: FileHandle, chunks: Uint8Array[], position: number): Promise<void> {
  let rest = chunks;
  let at = position;
  while (rest.length > 0) {
    const { bytesWritten } = await file.writev(rest, at);
    at += bytesWritten;
    let skip = bytesWritten;
    while (rest.length > 0 && skip >= (rest[0] as Uint8Array).length) {
      skip -= (rest[0] as Uint8Array).length;
      rest = rest.slice(1);
    }
    if (skip > 0) rest = [(rest[0] as Uint8Array).subarray(skip), ...rest.slice(1)];
    if (bytesWritten === 0 && rest.length > 0) {
      throw new AppError('INTERNAL', 'A write wrote nothing');
    }
  }
}
