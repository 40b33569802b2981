/**
 * `openBundle`: the app's read-only "Open bundle". The same checks as `verifyBundle`, but nothing
 * is written anywhere: the age plaintext streams through the defensive tar reader (the same
 * refusals and limits as extraction), every file is hashed on the fly, and only the small files
 * the checks and the view read are held in memory, each bounded. Attachments and PDFs leave only
 * their size and digests behind. (The app's rule: nothing about a survivor reaches disk in
 * plaintext, and a temp folder would be exactly that.)
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { DEFAULT_TAR_LIMITS, memoryBagView, scanTar } from '../bundles';
import type { MemoryEntry, TarLimits, TarSource } from '../bundles';
import { type BundleContents, readContents } from './bundle-contents';
import { checkBag } from './check-bag';
import { decryptTar, topFolder } from './decrypt-step';
import { requireDeviceKey } from './device-key';
import { Checks, type Report } from './report';

export interface OpenLimits extends TarLimits {
  /** Largest small file (tag file, custody log, testimony.json) held in memory. */
  readonly keepFileBytes: number;
  /** Largest sum of the files held in memory. */
  readonly keepTotalBytes: number;
}

export const DEFAULT_OPEN_LIMITS: OpenLimits = {
  ...DEFAULT_TAR_LIMITS,
  keepFileBytes: 16 * 1024 * 1024,
  keepTotalBytes: 128 * 1024 * 1024,
};

export interface OpenOptions {
  readonly bundlePath: string;
  /** The recipient's age key file's text (or one AGE-SECRET-KEY-1… line). */
  readonly identity: string;
  /** The device key received out of band: a minisign `.pub` text or its base64 line. */
  readonly pubkey?: string;
  readonly limits?: Partial<OpenLimits>;
}

export interface OpenedBundle {
  readonly report: Report;
  readonly contents: BundleContents;
}

/** The files the checks or the view read whole: tag files, the custody log, the device key. */
const KEPT = [
  /^[^/]+$/u,
  /^data\/custody\.jsonl$/u,
  /^data\/device-key\.pub$/u,
  /^data\/testimonies\/[^/]+\/testimony\.json$/u,
];

export async function openBundle(options: OpenOptions): Promise<OpenedBundle> {
  // Input errors are thrown before anything is read: they are the caller's, not the bundle's.
  const pinned = options.pubkey === undefined ? undefined : requireDeviceKey(options.pubkey);
  const limits = { ...DEFAULT_OPEN_LIMITS, ...options.limits };
  const bundlePath = resolve(options.bundlePath);
  const stats = await stat(bundlePath).catch(() => null);
  if (!stats?.isFile()) throw new AppError('FILE_UNREADABLE', 'The bundle file cannot be read');

  const checks = new Checks();
  const entries = await decryptTar(
    bundlePath,
    options.identity,
    (tar) => readInMemory(tar, limits),
    checks,
  );
  // A folder entry, or a file below it: a lone file named like the top is no folder.
  const isFolder = async (top: string) =>
    !entries!.some((e) => e.name === top && e.type === 'file');
  const top = entries && (await topFolder(entries, isFolder, checks));
  let keyId: string | null = null;
  let contents: BundleContents = { bundleId: null, verified: false, testimonies: [], files: [] };
  if (top && entries) {
    const inBag = entries
      .filter((e) => e.name !== top)
      .map((e): MemoryEntry => ({ ...e, path: e.name.slice(top.length + 1) }));
    const view = memoryBagView(inBag);
    ({ keyId } = await checkBag(view, top, basename(bundlePath), pinned, checks));
    contents = {
      bundleId: top,
      verified: checks.ok,
      testimonies: await readContents(view),
      files: inBag
        .filter((e) => e.type === 'file')
        .map(({ path, size, sha256 }) => ({ path, size, sha256 })),
    };
  }
  const ok = checks.ok;
  const report: Report = {
    bundleId: top ?? null,
    checks: checks.list,
    ok,
    pinned: pinned !== undefined,
    verdict: !ok ? 'failed' : pinned ? 'verified' : 'verified-unpinned',
    keyId,
    extractedTo: null,
  };
  return { report, contents };
}

type Scanned = MemoryEntry & { readonly name: string };

/** Every entry's size and digests; the bytes of the KEPT files, within the limits. */
async function readInMemory(tar: TarSource, limits: OpenLimits): Promise<Scanned[]> {
  let kept = 0;
  const keep = (name: string, size: number): boolean => {
    const path = name.slice(name.indexOf('/') + 1);
    if (!name.includes('/') || !KEPT.some((re) => re.test(path))) return false;
    // Over a bound, only digests are kept; the check that reads the file then names it.
    if (size > limits.keepFileBytes || kept + size > limits.keepTotalBytes) return false;
    kept += size;
    return true;
  };
  const out: Scanned[] = [];
  for await (const entry of scanTar(tar, limits, keep)) out.push({ ...entry, path: entry.name });
  return out;
}
