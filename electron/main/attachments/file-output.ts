/**
 * Writes a stream to a file atomically: a temp file beside the target, fsync, then a rename (or a
 * hard link that refuses an existing target), then fsync of the folder. A stream that fails at
 * any byte leaves no partial file; an existing file is replaced only when asked.
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { fsyncDir, toStorageError } from '../files';

export interface WriteStreamOptions {
  /** Replace an existing file at the target; otherwise FILE_EXISTS and nothing is written. */
  readonly overwrite?: boolean;
  /** Runs once every byte is on disk in the temp file, just before it takes the target's name. */
  readonly beforeCommit?: () => void;
}

const exists = () => new AppError('FILE_EXISTS', 'A file with this name exists');

export async function writeStreamAtomic(
  path: string,
  source: AsyncIterable<Uint8Array>,
  options: WriteStreamOptions = {},
): Promise<number> {
  const dir = dirname(path);
  if (!options.overwrite && (await pathExists(path))) throw exists();
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let file: FileHandle | undefined;
  let written = 0;
  try {
    file = await open(temp, 'wx', 0o600);
    for await (const chunk of source) {
      for (let offset = 0; offset < chunk.length;) {
        const { bytesWritten } = await file.write(chunk, offset, chunk.length - offset);
        offset += bytesWritten;
      }
      written += chunk.length;
    }
    await file.sync();
    const done = file;
    file = undefined;
    await done.close();
    options.beforeCommit?.();
    await (options.overwrite ? rename(temp, path) : renameNoClobber(temp, path));
    fsyncDir(dir);
    return written;
  } catch (error) {
    await file?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw toStorageError(error);
  }
}

/**
 * A hard link fails atomically if the target exists, where a rename would replace it. File
 * systems without hard links (FAT and exFAT memory sticks, some shares) fall back to a check and
 * a rename, which a file created in the moment between them could still lose to.
 */
async function renameNoClobber(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') throw exists();
    if (await pathExists(path)) throw exists();
    await rename(temp, path);
    return;
  }
  await rm(temp, { force: true });
}

async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return false;
    throw error;
  }
}
