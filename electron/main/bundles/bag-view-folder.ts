/**
 * The bag as a folder on disk (what `svidok verify` extracted): links and odd file types are
 * reported, never followed (every open is O_NOFOLLOW), and every read is bounded.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type BagListing,
  type BagProblem,
  type BagView,
  BagViewError,
  type Digests,
  MAX_BAG_DEPTH,
  MAX_BAG_FILES,
} from './bag-view';

const READ_ONLY = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

export function folderBagView(bagDir: string): BagView {
  return {
    listing: () => listFolder(bagDir),
    read: (path, max) => readSmall(join(bagDir, path), max),
    stream: (path) => streamFile(join(bagDir, path)),
    digests: (path) => hashFile(join(bagDir, path)),
    async folders(path) {
      try {
        const names = (await readdir(join(bagDir, path))).sort();
        const out: string[] = [];
        for (const name of names) {
          if ((await lstat(join(bagDir, path, name))).isDirectory()) out.push(name);
        }
        return out;
      } catch {
        return [];
      }
    },
  };
}

/**
 * Payload files (data/…, with sizes) and top-level names, without following links. Anything but
 * a regular file or folder is reported, as is a folder nested absurdly deep or a bag too big.
 */
async function listFolder(bagDir: string): Promise<BagListing> {
  const files = new Map<string, number>();
  const tops: string[] = [];
  const odd: Array<{ path: string; detail: string }> = [];
  for (const name of (await readdir(bagDir)).sort()) {
    const stats = await lstat(join(bagDir, name));
    if (name === 'data' && stats.isDirectory()) tops.push(name);
    else if (stats.isFile()) tops.push(name);
    else odd.push({ path: name, detail: 'not a regular file' });
  }
  if (!tops.includes('data')) odd.push({ path: 'data', detail: 'the payload folder is missing' });
  const walk = async (relative: string, depth: number): Promise<void> => {
    if (depth > MAX_BAG_DEPTH)
      return void odd.push({ path: relative, detail: 'folders nested too deep' });
    for (const name of (await readdir(join(bagDir, relative))).sort()) {
      const path = `${relative}/${name}`;
      const stats = await lstat(join(bagDir, path));
      if (stats.isDirectory()) await walk(path, depth + 1);
      else if (!stats.isFile()) odd.push({ path, detail: 'not a regular file' });
      else if (files.size >= MAX_BAG_FILES)
        return void odd.push({ path, detail: 'too many files' });
      else files.set(path, stats.size);
    }
  };
  if (tops.includes('data')) await walk('data', 1);
  return { files, tops, odd };
}

/** A whole small file, or why it could not be read. */
async function readSmall(path: string, max: number): Promise<Uint8Array | BagProblem> {
  try {
    const handle = await open(path, READ_ONLY);
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return { problem: 'not a regular file' };
      if (stats.size > max) return { problem: `larger than ${max} bytes` };
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: 'missing' };
    return { problem: `unreadable (${code ?? 'error'})` };
  }
}

async function* streamFile(path: string): AsyncGenerator<Uint8Array> {
  let handle;
  try {
    handle = await open(path, READ_ONLY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BagViewError(code === 'ENOENT' ? 'missing' : `unreadable (${code ?? 'error'})`);
  }
  try {
    for await (const chunk of handle.createReadStream({
      highWaterMark: 64 * 1024,
      autoClose: false,
    })) {
      yield chunk as Buffer;
    }
  } finally {
    await handle.close();
  }
}

/** Both digests of one file in one streamed pass, or why it could not be read. */
async function hashFile(path: string): Promise<Digests | string> {
  try {
    const handle = await open(path, READ_ONLY);
    const sha256 = createHash('sha256');
    const sha512 = createHash('sha512');
    for await (const chunk of handle.createReadStream({ highWaterMark: 1024 * 1024 })) {
      sha256.update(chunk as Buffer);
      sha512.update(chunk as Buffer);
    }
    return { sha256: sha256.digest('hex'), sha512: sha512.digest('hex') };
  } catch (error) {
    return `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}
