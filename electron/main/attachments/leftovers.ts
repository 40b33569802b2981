/**
 * What a crash can leave in blobs/: a temp blob from an intake that never finished, or a blob
 * renamed into place whose row never committed. Both are ciphertext whose key was never stored
 * (the key lives only in the row), so nothing can ever read them; they are removed once they are
 * old enough that no intake still running (here or in the CLI) can own them. Only names this
 * service writes are considered: anything else in the folder is left alone.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir } from '../files';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const BLOB = new RegExp(`^(${UUID})\\.blob$`);
const TEMP = new RegExp(`^\\.${UUID}\\.blob\\.[0-9a-f]{12}\\.tmp$`);

/** An intake younger than this may still be running, even in another process. */
export const LEFTOVER_MIN_AGE_MS = 60 * 60 * 1000;

export interface SweepOptions {
  readonly dir: string;
  /** Whether a committed row names this attachment id. */
  readonly hasRow: (id: string) => boolean;
  readonly now: Date;
  readonly minAgeMs?: number;
}

/** Removes stale temp blobs and orphaned blobs; returns the names removed. */
export async function sweepLeftovers(options: SweepOptions): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(options.dir);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
  const cutoff = options.now.getTime() - (options.minAgeMs ?? LEFTOVER_MIN_AGE_MS);
  const removed: string[] = [];
  for (const name of names.sort()) {
    const blob = BLOB.exec(name);
    const leftover = TEMP.test(name) || (blob?.[1] !== undefined && !options.hasRow(blob[1]));
    if (!leftover) continue;
    const path = join(options.dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || info.mtimeMs > cutoff) continue;
    await rm(path, { force: true });
    removed.push(name);
  }
  if (removed.length > 0) fsyncDir(options.dir);
  return removed;
}
