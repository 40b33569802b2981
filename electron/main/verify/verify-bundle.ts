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
import { createReadStream } from 'node:fs';
import { lstat, mkdtemp, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import { decryptAge, DEFAULT_TAR_LIMITS, extractTar, readBag } from '../bundles';
import type { TarEntryInfo, TarLimits } from '../bundles';
import { addBagChecks } from './bag-checks';
import { checkCustody, CUSTODY_FILE } from './custody-check';
import { requireDeviceKey } from './device-key';
import { Checks, type Report } from './report';
import { checkSignature } from './signature-check';
import { checkTestimonies } from './testimony-check';

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

export const BUNDLE_ID = /^svidok-[0-9]{8}-[0-9a-f]{8}$/u;

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
    const unpacked = await decryptAndExtract(bundlePath, options, join(work, 'bag'), checks);
    if (unpacked) {
      bundleId = unpacked.top;
      const bagDir = join(work, 'bag', unpacked.top);
      const bag = await readBag(bagDir);
      checkBundleId(bag.info, unpacked.top, basename(bundlePath), checks);
      addBagChecks(bag, checks);
      const key = await checkSignature(bagDir, unpacked.top, pinned, checks);
      const signed = checks.list.find((check) => check.name === 'signature')?.ok === true;
      keyId = signed && key ? key.keyId : null;
      const facts = await checkCustody(join(bagDir, CUSTODY_FILE), key, checks);
      await checkTestimonies(bagDir, facts, checks);
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

/**
 * One pass: age plaintext streams into extractTar, which refuses anything unsafe and cleans up
 * after itself. A failure of the age stream (a damaged chunk) is told apart from a refusal of
 * the archive by remembering what the decrypting side threw.
 */
async function decryptAndExtract(
  bundlePath: string,
  options: VerifyOptions,
  into: string,
  checks: Checks,
): Promise<{ top: string } | null> {
  const name = basename(bundlePath);
  const file = createReadStream(bundlePath, { highWaterMark: 64 * 1024 });
  try {
    let plaintext;
    try {
      plaintext = await decryptAge(file, { identity: options.identity });
    } catch (error) {
      checks.add('decrypt', false, `${name}: ${describe(error)}`);
      return null;
    }
    let ageFailure: unknown;
    const tracked = async function* (): AsyncGenerator<Uint8Array> {
      try {
        for await (const chunk of plaintext) yield chunk as Uint8Array;
      } catch (error) {
        ageFailure = error;
        throw error;
      }
    };
    let entries: TarEntryInfo[];
    try {
      entries = await extractTar(tracked(), into, options.limits ?? DEFAULT_TAR_LIMITS);
    } catch (error) {
      if (ageFailure !== undefined) {
        checks.add('decrypt', false, `${name}: ${describe(ageFailure)}`);
      } else {
        checks.add(
          'decrypt',
          true,
          `${name}: opened with the given identity (read up to the refusal)`,
        );
        checks.add('extract', false, describe(error));
      }
      return null;
    }
    checks.add(
      'decrypt',
      true,
      `${name}: opened with the given identity, every chunk authenticated`,
    );
    const tops = new Set(entries.map((entry) => entry.name.split('/')[0]));
    const [top] = tops;
    const dirs = await readdir(into);
    const folder = top !== undefined && tops.size === 1 && dirs.length === 1 && dirs[0] === top;
    if (!folder || !(await lstat(join(into, top))).isDirectory()) {
      checks.add(
        'extract',
        false,
        `the archive must hold one top folder, found ${[...tops].slice(0, 5).join(', ')}`,
      );
      return null;
    }
    const bytes = entries.reduce((sum, entry) => sum + entry.size, 0);
    checks.add('extract', true, `${top}/: ${entries.length} files, ${bytes} bytes, nothing unsafe`);
    return { top };
  } finally {
    file.destroy();
  }
}

/** The top folder is the bundle id, and bag-info.txt's External-Identifier says the same. */
function checkBundleId(
  info: ReadonlyArray<readonly [string, string]>,
  top: string,
  fileName: string,
  checks: Checks,
): void {
  if (!BUNDLE_ID.test(top)) {
    checks.add('bundle-id', false, `${top}/: not a bundle id (svidok-YYYYMMDD-<8 hex>)`);
    return;
  }
  const declared = info.find(([label]) => label.toLowerCase() === 'external-identifier')?.[1];
  if (declared !== top) {
    checks.add(
      'bundle-id',
      false,
      `bag-info.txt: External-Identifier ${JSON.stringify(declared ?? '')} is not ${top}`,
    );
    return;
  }
  // The file name is not signed (anyone may rename a file), so a difference is only shown.
  const renamed = fileName === `${top}.svidok.age` ? '' : `; the file is named ${fileName}`;
  checks.add('bundle-id', true, `${top}: the top folder and bag-info.txt agree${renamed}`);
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

function describe(error: unknown): string {
  if (isAppError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
