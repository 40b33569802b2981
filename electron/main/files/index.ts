/**
 * Writing files that matter: a temp file beside the target, fsync, rename over the target, fsync
 * of the folder, so a crash leaves either the old file or the new one, never a torn one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';

export function writeFileAtomic(path: string, data: Uint8Array | string, mode = 0o600): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    // Forget the descriptor before closing it: a close that fails must not be retried, since the
    // number may already belong to another file.
    const open = fd;
    fd = undefined;
    closeSync(open);
    renameSync(temp, path);
    fsyncDir(dir);
  } catch (error) {
    // Cleanup must not replace the error that explains what went wrong.
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {
      // already reporting a failure
    }
    try {
      rmSync(temp, { force: true });
    } catch {
      // already reporting a failure
    }
    throw toStorageError(error);
  }
}

export function fsyncDir(dir: string): void {
  // Windows cannot open a folder as a file (EISDIR) and has no folder fsync; NTFS journals the
  // rename itself. Elsewhere the folder's entry for the renamed file must reach the disk.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Error codes that mean "no room": the OS's, a quota's, and SQLite's. SQLite reports a full disk
 * as SQLITE_FULL when a page write fails, but as SQLITE_IOERR_SHMSIZE when it cannot grow the WAL
 * index (-shm) file, which is the first thing a new vault writes.
 */
const DISK_FULL_CODES: ReadonlySet<unknown> = new Set([
  'ENOSPC',
  'EDQUOT',
  'SQLITE_FULL',
  'SQLITE_IOERR_SHMSIZE',
]);

/** Maps disk-full errors from the OS or SQLite to the typed error the UI explains. */
export function toStorageError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (DISK_FULL_CODES.has(code)) {
    return new AppError('DISK_FULL', 'The disk is full; nothing was changed', { cause: error });
  }
  return error;
}
