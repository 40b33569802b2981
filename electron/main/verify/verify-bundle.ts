/**
 * `verifyBundle`: everything a prosecutor's analyst needs to trust a `.svidok.age` file, in plain
 * Node, without a vault. The bundle is decrypted as a stream straight into the defensive tar
 * extractor, inside a fresh private folder (0700) that is removed afterwards; only a bag that
 * passed every check is moved to the folder the caller asked for.
 *
 * Order: decrypt + extract (one pass), bundle id, BagIt (manifests, Payload-Oxum, tag manifest),
 * the minisign signature and the device key, the custody chain, the testimonies. Every check after
 * extraction runs even when an earlier one failed, so the report shows all that is wrong at once.
 */
import { lstat, mkdtemp, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { DEFAULT_TAR_LIMITS, extractTar, folderBagView } from '../bundles';
import type { TarLimits } from '../bundles';
import { checkBag } from './check-bag';
import { decryptTar, topFolder } from './decrypt-step';
import { requireDeviceKey } from './device-key';
import { Checks, type Report } from './report';

export interface VerifyOptions {
  readonly bundlePath: string;
  /** The recipient's age key file's text (or one AGE-SECRET-KEY-1… line). */
  readonly identity: string;
  /** The device key received out of band: a minisign `.pub` text or its base64 line. */
  readonly pubkey?: string;
  /** Where the private work folder is made; the OS temp folder by default. */
  readonly workDir?: string;
  /** Write the verified bag here (must not exist, or be an empty folder). */
  readonly extractTo?: string;
  readonly limits?: TarLimits;
}

export async function verifyBundle(options: VerifyOptions): Promise<Report> {
  // Input errors are thrown before anything is read: they are the caller's, not the bundle's.
  const pinned = options.pubkey === undefined ? undefined : requireDeviceKey(options.pubkey);
  const bundlePath = resolve(options.bundlePath);
  const stats = await stat(bundlePath).catch(() => null);
  if (!stats?.isFile()) throw new AppError('FILE_UNREADABLE', 'The bundle file cannot be read');
  const target = options.extractTo === undefined ? undefined : resolve(options.extractTo);
  if (target !== undefined) await requireEmptyTarget(target);

  // mkdtemp makes it 0700. Beside the target when extracting, so the verified bag moves there by
  // a rename (a temp folder elsewhere may be another file system).
  const base = target !== undefined ? dirname(target) : (options.workDir ?? tmpdir());
  const work = await mkdtemp(join(base, '.svidok-verify-'));
  const checks = new Checks();
  let bundleId: string | null = null;
  let keyId: string | null = null;
  let extractedTo: string | null = null;
  try {
    const into = join(work, 'bag');
    const entries = await decryptTar(
      bundlePath,
      options.identity,
      (tar) => extractTar(tar, into, options.limits ?? DEFAULT_TAR_LIMITS),
      checks,
    );
    // Nothing but the one top folder may have been made in the work folder.
    const isFolder = async (top: string) => {
      const dirs = await readdir(into);
      return dirs.length === 1 && dirs[0] === top && (await lstat(join(into, top))).isDirectory();
    };
    const top = entries && (await topFolder(entries, isFolder, checks));
    if (top) {
      bundleId = top;
      const bagDir = join(into, top);
      ({ keyId } = await checkBag(
        folderBagView(bagDir),
        top,
        basename(bundlePath),
        pinned,
        checks,
      ));
      if (target !== undefined && checks.ok) {
        await rmdir(target).catch(() => undefined); // an empty folder the caller made
        await rename(bagDir, target);
        extractedTo = target;
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const ok = checks.ok;
  return {
    bundleId,
    checks: checks.list,
    ok,
    pinned: pinned !== undefined,
    verdict: !ok ? 'failed' : pinned ? 'verified' : 'verified-unpinned',
    keyId,
    extractedTo,
  };
}

async function requireEmptyTarget(target: string): Promise<void> {
  const stats = await lstat(target).catch(() => null);
  if (stats === null) {
    const parent = await stat(dirname(target)).catch(() => null);
    if (!parent?.isDirectory())
      throw new AppError('BAD_INPUT', 'The extraction folder’s parent does not exist');
    return;
  }
  if (!stats.isDirectory())
    throw new AppError('BAD_INPUT', 'The extraction target is not a folder');
  if ((await readdir(target)).length > 0) {
    throw new AppError('FILE_EXISTS', 'The extraction folder is not empty');
  }
}
