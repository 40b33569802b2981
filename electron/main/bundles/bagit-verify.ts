/**
 * Checks an extracted bag the way a recipient who trusts nothing would: BagIt declaration,
 * Payload-Oxum, every payload manifest line (missing, extra and altered files each named), the tag
 * manifest. Returns one result per check and never throws on hostile content: every file is read
 * with a size bound, lines with a length bound, and links or odd file types are reported, never
 * followed.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkArchiveName } from './tar-names';

export interface BagCheck {
  check: 'bagit' | 'bag-info' | 'oxum' | 'manifest' | 'tagmanifest' | 'file';
  /** The file the check is about, relative to the bag ("data/…", "manifest-sha256.txt"). */
  file: string;
  ok: boolean;
  detail: string;
}

export interface BagReport {
  ok: boolean;
  /** bag-info.txt fields in file order. */
  info: Array<[string, string]>;
  checks: BagCheck[];
}

const MAX_TAG_FILE_BYTES = 1024 * 1024;
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const MAX_LINE_CHARS = 8 * 1024;
const MAX_FILES = 100_000;
const MAX_DEPTH = 32;
const ALGORITHMS = { sha256: 64, sha512: 128 } as const;
type Algorithm = keyof typeof ALGORITHMS;

/** Checks the bag whose top folder (holding bagit.txt) is `bagDir`. */
export async function readBag(bagDir: string): Promise<BagReport> {
  const checks: BagCheck[] = [];
  const add = (check: BagCheck['check'], file: string, ok: boolean, detail: string) =>
    checks.push({ check, file, ok, detail });
  let info: Array<[string, string]> = [];
  try {
    const bagit = await readSmall(bagDir, 'bagit.txt', MAX_TAG_FILE_BYTES);
    const declared =
      typeof bagit === 'string' &&
      /^BagIt-Version: 1\.0\r?\nTag-File-Character-Encoding: UTF-8\r?\n?$/u.test(bagit);
    add(
      'bagit',
      'bagit.txt',
      declared,
      declared ? 'BagIt 1.0, UTF-8' : problem(bagit, 'not a BagIt 1.0 declaration'),
    );

    const { files, tops } = await listBag(bagDir, add);
    const infoText = await readSmall(bagDir, 'bag-info.txt', MAX_TAG_FILE_BYTES);
    if (typeof infoText === 'string') {
      info = parseBagInfo(infoText);
      add('bag-info', 'bag-info.txt', true, `${info.length} fields`);
      checkOxum(info, files, add);
    } else add('bag-info', 'bag-info.txt', false, infoText.problem);

    const digests = new Map<string, Record<Algorithm, string> | string>();
    for (const path of files.keys()) digests.set(path, await hashFile(bagDir, path));
    const manifests = tops.filter((name) => /^manifest-[^/]+\.txt$/u.test(name));
    if (manifests.length === 0)
      add('manifest', 'manifest-sha256.txt', false, 'no payload manifest');
    for (const manifest of manifests) {
      await checkManifest(bagDir, manifest, 'manifest', digests, new Set(files.keys()), add);
    }

    const tagDigests = new Map<string, Record<Algorithm, string> | string>();
    const tagFiles = tops.filter((name) => name !== 'data');
    for (const name of tagFiles) tagDigests.set(name, await hashFile(bagDir, name));
    const tagManifests = tagFiles.filter((name) => /^tagmanifest-[^/]+\.txt$/u.test(name));
    if (!tagManifests.includes('tagmanifest-sha256.txt')) {
      add('tagmanifest', 'tagmanifest-sha256.txt', false, 'missing');
    }
    // Tag files a tag manifest must cover: all but the tag manifests and their signatures.
    const covered = new Set(
      tagFiles.filter((name) => !/^tagmanifest-[^/]+\.txt(\.minisig)?$/u.test(name)),
    );
    for (const manifest of tagManifests) {
      await checkManifest(bagDir, manifest, 'tagmanifest', tagDigests, new Set(covered), add);
    }
  } catch (error) {
    add(
      'bagit',
      '.',
      false,
      `unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { ok: checks.every((c) => c.ok), info, checks };
}

type Add = (check: BagCheck['check'], file: string, ok: boolean, detail: string) => void;

function problem(value: string | { problem: string }, fallback: string): string {
  return typeof value === 'string' ? fallback : value.problem;
}

/**
 * Payload files (data/…, with sizes) and top-level names, without following links. Anything but
 * a regular file or folder is reported, as is a folder nested absurdly deep or a bag too big.
 */
async function listBag(bagDir: string, add: Add) {
  const files = new Map<string, number>();
  const tops: string[] = [];
  for (const name of (await readdir(bagDir)).sort()) {
    const stats = await lstat(join(bagDir, name));
    if (name === 'data' && stats.isDirectory()) tops.push(name);
    else if (stats.isFile()) tops.push(name);
    else add('file', name, false, 'not a regular file');
  }
  if (!tops.includes('data')) add('file', 'data', false, 'the payload folder is missing');
  const walk = async (relative: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return void add('file', relative, false, 'folders nested too deep');
    for (const name of (await readdir(join(bagDir, relative))).sort()) {
      const path = `${relative}/${name}`;
      const stats = await lstat(join(bagDir, path));
      if (stats.isDirectory()) await walk(path, depth + 1);
      else if (!stats.isFile()) add('file', path, false, 'not a regular file');
      else if (files.size >= MAX_FILES) return void add('file', path, false, 'too many files');
      else files.set(path, stats.size);
    }
  };
  if (tops.includes('data')) await walk('data', 1);
  return { files, tops };
}

/** bag-info.txt "Label: value" lines; lines starting with whitespace continue the previous value. */
function parseBagInfo(text: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (const line of text.split(/\r?\n/u)) {
    if (line.length === 0 || line.length > MAX_LINE_CHARS) continue;
    const last = fields.at(-1);
    if (/^[ \t]/u.test(line) && last) last[1] += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(':');
      if (colon > 0) fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return fields;
}

function checkOxum(info: Array<[string, string]>, files: Map<string, number>, add: Add): void {
  const oxum = info.find(([label]) => label.toLowerCase() === 'payload-oxum')?.[1];
  const octets = [...files.values()].reduce((sum, size) => sum + size, 0);
  const actual = `${octets}.${files.size}`;
  if (oxum === undefined) return void add('oxum', 'bag-info.txt', false, 'Payload-Oxum missing');
  add('oxum', 'bag-info.txt', oxum === actual, `declared ${oxum.slice(0, 40)}, found ${actual}`);
}

/**
 * Checks every line of one manifest against the digests, then reports each file that should
 * have been listed and was not. Lines: "<hex><whitespace><path>", path percent-encoded.
 */
async function checkManifest(
  bagDir: string,
  manifest: string,
  kind: 'manifest' | 'tagmanifest',
  digests: Map<string, Record<Algorithm, string> | string>,
  unlisted: Set<string>,
  add: Add,
): Promise<void> {
  const algorithm = /^(?:tag)?manifest-([^/]+)\.txt$/u.exec(manifest)?.[1] ?? '';
  if (!(algorithm in ALGORITHMS)) return void add(kind, manifest, false, 'unsupported algorithm');
  const alg = algorithm as Algorithm;
  const text = await readSmall(bagDir, manifest, MAX_MANIFEST_BYTES);
  if (typeof text !== 'string') return void add(kind, manifest, false, text.problem);
  const listed = new Set<string>();
  let lineNumber = 0;
  for (const line of text.split(/\r?\n/u)) {
    lineNumber++;
    if (line === '') continue;
    const match = line.length <= MAX_LINE_CHARS ? /^([0-9a-fA-F]+)[ \t]+(.+)$/u.exec(line) : null;
    const path = match ? decodeManifestPath(match[2] ?? '') : undefined;
    const valid =
      match && path && (match[1] ?? '').length === ALGORITHMS[alg] && safeBagPath(path, kind);
    if (!match || !path || !valid) {
      add(kind, manifest, false, `line ${lineNumber} is malformed`);
      continue;
    }
    if (listed.has(path)) {
      add(kind, path, false, `listed twice in ${manifest}`);
      continue;
    }
    listed.add(path);
    unlisted.delete(path);
    const digest = digests.get(path);
    if (digest === undefined) add(kind, path, false, `listed in ${manifest} but missing`);
    else if (typeof digest === 'string') add(kind, path, false, digest);
    else {
      const same = digest[alg] === (match[1] ?? '').toLowerCase();
      add(kind, path, same, same ? `${alg} matches` : `${alg} does not match ${manifest}`);
    }
  }
  for (const path of unlisted) add(kind, path, false, `not listed in ${manifest}`);
}

/** Undoes RFC 8493 §2.1.3 percent-encoding (CR, LF and '%' only). */
export function decodeManifestPath(path: string): string {
  return path.replace(/%(25|0A|0D)/giu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A manifest path must stay in the bag: payload under data/, tag files outside it. */
function safeBagPath(path: string, kind: 'manifest' | 'tagmanifest'): boolean {
  const checked = checkArchiveName(path, false);
  if (!checked.ok || checked.components.join('/') !== path) return false;
  return kind === 'manifest' ? path.startsWith('data/') : !path.startsWith('data/');
}

/** A whole small file as UTF-8, or why it could not be read. Links are not followed. */
async function readSmall(
  bagDir: string,
  name: string,
  max: number,
): Promise<string | { problem: string }> {
  try {
    const handle = await open(join(bagDir, name), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return { problem: 'not a regular file' };
      if (stats.size > max) return { problem: `larger than ${max} bytes` };
      const bytes = await handle.readFile();
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: 'missing' };
    if (error instanceof TypeError) return { problem: 'not valid UTF-8' };
    return { problem: `unreadable (${code ?? 'error'})` };
  }
}

/** Both digests of one file in one streamed pass, or why it could not be read. */
async function hashFile(bagDir: string, path: string): Promise<Record<Algorithm, string> | string> {
  try {
    const handle = await open(join(bagDir, path), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
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
