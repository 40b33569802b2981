/**
 * The recipient's side of a bundle's tar: a streaming reader that trusts nothing. It reads a
 * 512-byte header at a time and streams each file's bytes through SHA-256 and SHA-512, so a bundle
 * of any size is checked in a small, fixed amount of memory.
 *
 * Refused, each with a typed error naming the entry: absolute paths, '..', names with control
 * characters, backslashes or ':', links, devices, FIFOs and every type but regular files and
 * directories, GNU sparse files, duplicate names (also after NFC), a file where a folder must be,
 * sizes above the limits, bad header checksums, malformed pax records, truncation and data after
 * the end marker. Only POSIX/GNU ustar headers are read; older formats are refused, not guessed.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rmdir, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import {
  BLOCK,
  HeaderProblem,
  isZeroBlock,
  paddingFor,
  parseHeader,
  parsePaxRecords,
} from './tar-format';
import { checkArchiveName } from './tar-names';
import { ByteSource, type TarSource } from './tar-bytes';

export type { TarSource } from './tar-bytes';

export interface TarLimits {
  /** Largest size one file may claim, in bytes. */
  maxEntrySize: number;
  /** Largest sum of all files' sizes, in bytes. */
  maxTotalSize: number;
  /** Most entries (files and directories) an archive may hold. */
  maxEntries: number;
}

/** Generous for a bundle of testimony with video attachments; callers with a known size pass less. */
export const DEFAULT_TAR_LIMITS: TarLimits = {
  maxEntrySize: 16 * 2 ** 30,
  maxTotalSize: 64 * 2 ** 30,
  maxEntries: 100_000,
};

/** Largest pax or GNU long-name header read into memory; real ones are a few hundred bytes. */
const MAX_META_BYTES = 64 * 1024;

export interface TarEntryInfo {
  /** The name as stored, '.' components and a directory's trailing '/' removed. */
  name: string;
  type: 'file' | 'directory';
  size: number;
  /** Lower-case hex digests of the file's bytes (of nothing, for a directory). */
  sha256: string;
  sha512: string;
}

interface Entry {
  name: string;
  components: string[];
  type: 'file' | 'directory';
  size: number;
  body: AsyncGenerator<Buffer>;
}

const unreadable = (why: string) => new AppError('BUNDLE_UNREADABLE', `Archive unreadable: ${why}`);
const refused = (name: string, why: string) =>
  new AppError('BUNDLE_ENTRY_REFUSED', `Archive entry ${JSON.stringify(name)} refused: ${why}`);
const tooLarge = (name: string, why: string) =>
  new AppError('BUNDLE_TOO_LARGE', `Archive entry ${JSON.stringify(name)} refused: ${why}`);

const TYPE_NAMES: Record<string, string> = {
  '1': 'a hard link',
  '2': 'a symbolic link',
  '3': 'a character device',
  '4': 'a block device',
  '6': 'a FIFO',
  '7': 'a contiguous file',
  K: 'a GNU long link name',
  S: 'a GNU sparse file',
  V: 'a volume header',
  M: 'a multi-volume continuation',
  D: 'a GNU dump directory',
};

/**
 * Entries one by one. Each entry's body must be read (or abandoned) before asking for the next;
 * whatever is left of it is skipped then.
 */
async function* readEntries(source: TarSource, limits: TarLimits): AsyncGenerator<Entry> {
  const bytes = new ByteSource(source);
  const seen = new Map<string, 'file' | 'directory' | 'implied'>();
  let pax: Map<string, string> | undefined;
  let longName: Buffer | undefined;
  let previous = 'the start of the archive';
  let count = 0;
  let total = 0;
  try {
    for (;;) {
      const block = await bytes.exact(BLOCK);
      if (block === null) throw unreadable(`it ends after ${previous} without an end marker`);
      if (isZeroBlock(block)) {
        const second = await bytes.exact(BLOCK);
        if (second === null || !isZeroBlock(second)) throw unreadable('a lone zero block');
        if (pax || longName) throw unreadable(`an extended header after ${previous} has no entry`);
        if (!(await bytes.restIsZero())) throw unreadable('data after the end of the archive');
        return;
      }
      let header;
      try {
        header = parseHeader(block);
      } catch (error) {
        if (error instanceof HeaderProblem) throw unreadable(`${error.message} after ${previous}`);
        throw error;
      }
      const shownName = pax?.get('path') ?? (longName ?? header.name).toString('utf8');
      const flag = header.typeflag;
      if (flag === 'x' || flag === 'g' || flag === 'L') {
        if (header.size > MAX_META_BYTES) throw tooLarge(shownName, 'extended header too large');
        const data = await bytes.exactOrThrow(header.size + paddingFor(header.size));
        const content = data.subarray(0, header.size);
        if (flag === 'L') {
          if (longName) throw unreadable(`two long-name headers after ${previous}`);
          const end = content.indexOf(0);
          longName = Buffer.from(end === -1 ? content : content.subarray(0, end));
          continue;
        }
        let records: Map<string, string>;
        try {
          records = parsePaxRecords(content);
        } catch (error) {
          if (error instanceof HeaderProblem)
            throw unreadable(`${error.message} after ${previous}`);
          throw error;
        }
        if ([...records.keys()].some((key) => key.startsWith('GNU.sparse'))) {
          throw refused(shownName, 'a GNU sparse file');
        }
        if (flag === 'g') {
          // A global header that renames or resizes would make tools disagree about every entry.
          if (['path', 'size', 'linkpath'].some((key) => records.has(key))) {
            throw refused(shownName, 'a global header that changes names or sizes');
          }
          continue;
        }
        if (pax) throw unreadable(`two extended headers after ${previous}`);
        pax = records;
        continue;
      }
      const type = flag === '0' ? 'file' : flag === '5' ? 'directory' : undefined;
      if (type === undefined) throw refused(shownName, TYPE_NAMES[flag] ?? `entry type '${flag}'`);
      const name = entryName(pax, longName, header.name, shownName);
      const size = entrySize(pax, header.size, name);
      pax = undefined;
      longName = undefined;
      const checked = checkArchiveName(name, type === 'directory');
      if (!checked.ok) throw refused(name, checked.reason);
      if (type === 'directory' && size !== 0) throw refused(name, 'a directory with content');
      if (++count > limits.maxEntries)
        throw tooLarge(name, `more than ${limits.maxEntries} entries`);
      if (size > limits.maxEntrySize) throw tooLarge(name, `size ${size} above the limit`);
      total += size;
      if (total > limits.maxTotalSize) throw tooLarge(name, 'the archive exceeds its size limit');
      claim(seen, checked.components, type, name);
      previous = JSON.stringify(name);
      if (checked.components.length === 0) continue; // the root ("./") itself
      const body = bytes.take(size);
      yield {
        name: checked.components.join('/'),
        components: checked.components,
        type,
        size,
        body,
      };
      await body.return(undefined); // stop the body generator wherever the consumer left it
      await bytes.skip(bytes.bodyLeft + paddingFor(size));
    }
  } finally {
    await bytes.close();
  }
}

function entryName(
  pax: Map<string, string> | undefined,
  longName: Buffer | undefined,
  headerName: Buffer,
  shown: string,
): string {
  const fromPax = pax?.get('path');
  if (fromPax !== undefined) return fromPax;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(longName ?? headerName);
  } catch {
    throw refused(shown, 'the name is not UTF-8');
  }
}

function entrySize(pax: Map<string, string> | undefined, headerSize: number, name: string): number {
  const fromPax = pax?.get('size');
  if (fromPax === undefined) return headerSize;
  if (!/^[0-9]{1,16}$/u.test(fromPax) || !Number.isSafeInteger(Number(fromPax))) {
    throw refused(name, 'unreadable pax size');
  }
  return Number(fromPax);
}

/** Refuses a second entry with the same (NFC) name, and files where folders must be. */
function claim(
  seen: Map<string, 'file' | 'directory' | 'implied'>,
  components: string[],
  type: 'file' | 'directory',
  name: string,
): void {
  const keys = components.map((_, i) =>
    components
      .slice(0, i + 1)
      .join('/')
      .normalize('NFC'),
  );
  const key = keys.pop();
  for (const parent of keys) {
    if (seen.get(parent) === 'file') throw refused(name, 'a file stands where its folder must be');
    if (!seen.has(parent)) seen.set(parent, 'implied');
  }
  if (key === undefined) return;
  const before = seen.get(key);
  if (before === 'file' || before === type || (type === 'file' && before === 'implied')) {
    throw refused(name, 'a duplicate name');
  }
  seen.set(key, type);
}

async function hashBody(body: AsyncIterable<Buffer>, each?: (chunk: Buffer) => Promise<unknown>) {
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  for await (const chunk of body) {
    sha256.update(chunk);
    sha512.update(chunk);
    if (each) await each(chunk);
  }
  return { sha256: sha256.digest('hex'), sha512: sha512.digest('hex') };
}

/** Names, sizes and digests of every entry, streamed, without writing anything. */
export async function* listTar(
  source: TarSource,
  limits: TarLimits = DEFAULT_TAR_LIMITS,
): AsyncGenerator<TarEntryInfo> {
  for await (const entry of readEntries(source, limits)) {
    const digests = await hashBody(entry.body);
    yield { name: entry.name, type: entry.type, size: entry.size, ...digests };
  }
}

/**
 * listTar for a reader that must write nothing (the app's "Open bundle"): the same refusals and
 * limits, and the bytes of the entries `keep` picks are collected too. `keep` sees the declared
 * size before a byte of the body is read, so it bounds what is held in memory.
 */
export async function* scanTar(
  source: TarSource,
  limits: TarLimits,
  keep: (name: string, size: number) => boolean,
): AsyncGenerator<TarEntryInfo & { bytes?: Buffer }> {
  for await (const entry of readEntries(source, limits)) {
    const kept: Buffer[] | undefined =
      entry.type === 'file' && keep(entry.name, entry.size) ? [] : undefined;
    const digests = await hashBody(entry.body, async (chunk) => kept?.push(Buffer.from(chunk)));
    const info = { name: entry.name, type: entry.type, size: entry.size, ...digests };
    yield kept ? { ...info, bytes: Buffer.concat(kept) } : info;
  }
}

/**
 * Extracts into `targetDir`, which must be an empty real directory or not exist yet (its parent
 * must). Folders are made here, one level at a time, never over something already there; files
 * are opened with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600, so no existing file or link is ever
 * followed or overwritten. On any refusal everything this call created is removed again.
 */
export async function extractTar(
  source: TarSource,
  targetDir: string,
  limits: TarLimits = DEFAULT_TAR_LIMITS,
): Promise<TarEntryInfo[]> {
  const root = resolve(targetDir);
  const createdRoot = await prepareTarget(root);
  const made: Array<{ path: string; directory: boolean }> = [];
  const folders = new Set<string>();
  const entries: TarEntryInfo[] = [];
  try {
    for await (const entry of readEntries(source, limits)) {
      const destination = join(root, ...entry.components);
      const rel = relative(root, destination);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
        throw refused(entry.name, 'it leads outside the target folder');
      }
      const folderCount =
        entry.type === 'directory' ? entry.components.length : entry.components.length - 1;
      for (let i = 1; i <= folderCount; i++) {
        const folder = join(root, ...entry.components.slice(0, i));
        if (folders.has(folder)) continue;
        await mkdir(folder, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
          throw error.code === 'EEXIST'
            ? refused(entry.name, 'its folder collides with another entry')
            : error;
        });
        folders.add(folder);
        made.push({ path: folder, directory: true });
      }
      if (entry.type === 'directory') {
        entries.push({
          name: entry.name,
          type: 'directory',
          size: 0,
          ...(await hashBody(entry.body)),
        });
        continue;
      }
      const handle = await openExclusive(destination, entry.name);
      made.push({ path: destination, directory: false });
      try {
        const digests = await hashBody(entry.body, (chunk) => writeAll(handle, chunk));
        entries.push({ name: entry.name, type: 'file', size: entry.size, ...digests });
      } finally {
        await handle.close();
      }
    }
    return entries;
  } catch (error) {
    for (const item of made.reverse()) {
      await (item.directory ? rmdir(item.path) : unlink(item.path)).catch(() => undefined);
    }
    if (createdRoot) await rmdir(root).catch(() => undefined);
    throw error;
  }
}

/** Returns whether the folder was created here. Anything but an empty real folder is refused. */
async function prepareTarget(root: string): Promise<boolean> {
  const stats = await lstat(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (stats === undefined) {
    await mkdir(root, { mode: 0o700 });
    return true;
  }
  if (!stats.isDirectory())
    throw new AppError('BAD_INPUT', 'The extraction target is not a folder');
  if ((await readdir(root)).length > 0) {
    throw new AppError('FILE_EXISTS', 'The extraction target folder is not empty');
  }
  return false;
}

async function openExclusive(path: string, name: string): Promise<FileHandle> {
  // O_NOFOLLOW is absent on Windows; O_EXCL alone already refuses an existing link there.
  const flags =
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  try {
    return await open(path, flags, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw refused(name, 'it collides with another entry');
    }
    throw error;
  }
}

async function writeAll(handle: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}
