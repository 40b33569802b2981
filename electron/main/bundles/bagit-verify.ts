/**
 * Checks an extracted bag the way a recipient who trusts nothing would: BagIt declaration,
 * Payload-Oxum, every payload manifest line (missing, extra and altered files each named), the tag
 * manifest. Returns one result per check and never throws on hostile content: every file is read
 * with a size bound, lines with a length bound, and links or odd file types are reported, never
 * followed. The bag is a BagView: a folder on disk, or a tar read in memory (bag-view.ts).
 */
import { type BagView, type Digests, isProblem, readBagText } from './bag-view';
import { folderBagView } from './bag-view-folder';
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
const ALGORITHMS = { sha256: 64, sha512: 128 } as const;
type Algorithm = keyof typeof ALGORITHMS;

/** Checks the bag whose top folder (holding bagit.txt) is `bag`, or the bag a view shows. */
export async function readBag(bag: string | BagView): Promise<BagReport> {
  const view = typeof bag === 'string' ? folderBagView(bag) : bag;
  const checks: BagCheck[] = [];
  const add = (check: BagCheck['check'], file: string, ok: boolean, detail: string) =>
    checks.push({ check, file, ok, detail });
  let info: Array<[string, string]> = [];
  try {
    const bagit = await readSmall(view, 'bagit.txt', MAX_TAG_FILE_BYTES);
    const declared =
      typeof bagit === 'string' &&
      /^BagIt-Version: 1\.0\r?\nTag-File-Character-Encoding: UTF-8\r?\n?$/u.test(bagit);
    add(
      'bagit',
      'bagit.txt',
      declared,
      declared ? 'BagIt 1.0, UTF-8' : problem(bagit, 'not a BagIt 1.0 declaration'),
    );

    const { files, tops, odd } = await view.listing();
    for (const item of odd) add('file', item.path, false, item.detail);
    const infoText = await readSmall(view, 'bag-info.txt', MAX_TAG_FILE_BYTES);
    if (typeof infoText === 'string') {
      info = parseBagInfo(infoText);
      add('bag-info', 'bag-info.txt', true, `${info.length} fields`);
      checkOxum(info, files, add);
    } else add('bag-info', 'bag-info.txt', false, infoText.problem);

    const digests = new Map<string, Digests | string>();
    for (const path of files.keys()) digests.set(path, await view.digests(path));
    const manifests = tops.filter((name) => /^manifest-[^/]+\.txt$/u.test(name));
    if (manifests.length === 0)
      add('manifest', 'manifest-sha256.txt', false, 'no payload manifest');
    for (const manifest of manifests) {
      await checkManifest(view, manifest, 'manifest', digests, new Set(files.keys()), add);
    }

    const tagDigests = new Map<string, Digests | string>();
    const tagFiles = tops.filter((name) => name !== 'data');
    for (const name of tagFiles) tagDigests.set(name, await view.digests(name));
    const tagManifests = tagFiles.filter((name) => /^tagmanifest-[^/]+\.txt$/u.test(name));
    if (!tagManifests.includes('tagmanifest-sha256.txt')) {
      add('tagmanifest', 'tagmanifest-sha256.txt', false, 'missing');
    }
    // Tag files a tag manifest must cover: all but the tag manifests and their signatures.
    const covered = new Set(
      tagFiles.filter((name) => !/^tagmanifest-[^/]+\.txt(\.minisig)?$/u.test(name)),
    );
    for (const manifest of tagManifests) {
      await checkManifest(view, manifest, 'tagmanifest', tagDigests, new Set(covered), add);
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
  view: BagView,
  manifest: string,
  kind: 'manifest' | 'tagmanifest',
  digests: Map<string, Digests | string>,
  unlisted: Set<string>,
  add: Add,
): Promise<void> {
  const algorithm = /^(?:tag)?manifest-([^/]+)\.txt$/u.exec(manifest)?.[1] ?? '';
  if (!(algorithm in ALGORITHMS)) return void add(kind, manifest, false, 'unsupported algorithm');
  const alg = algorithm as Algorithm;
  const text = await readSmall(view, manifest, MAX_MANIFEST_BYTES);
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

/** A whole small file as UTF-8 (a BOM dropped), or why it could not be read. */
async function readSmall(
  view: BagView,
  name: string,
  max: number,
): Promise<string | { problem: string }> {
  const text = await readBagText(view, name, max, true);
  return isProblem(text) ? { problem: text.problem } : text;
}
