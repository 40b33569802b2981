/**
 * "Open bundle" writes nothing: no plaintext of a survivor's testimony may reach a disk, not
 * even for a moment in a temp folder. The OS temp folder (a fresh one, through TMPDIR) and the
 * bundle's own folder are watched while a bundle is opened, good or hostile; a control shows the
 * watch does see verifyBundle's short-lived work folder. Hostile archives (path traversal, links,
 * a device, a huge declared size) are refused at 'extract', after a good 'decrypt', exactly as
 * extraction refuses them.
 */
import { existsSync, type FSWatcher, mkdirSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBundle, verifyBundle } from '../../../electron/main/verify';
import { createTempDirs } from '../../helpers/temp';
import { END, file, paxHeader, rawHeader } from '../bundles/tar-fixture';
import { BUNDLE_ID, buildBundle, type Keys, makeKeys, seal } from './bundle-fixture';

const temp = createTempDirs('svidok-open-hostile-');
const savedTmp = process.env['TMPDIR'];
afterEach(() => {
  if (savedTmp === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = savedTmp;
  temp.cleanup();
});

let keys: Keys;
beforeAll(async () => {
  keys = await makeKeys();
});

/** Runs `action` with TMPDIR pointing at a fresh folder; returns every name created meanwhile. */
async function watched<T>(
  folders: readonly string[],
  action: (tmp: string) => Promise<T>,
): Promise<{ result: T; created: string[] }> {
  const tmp = temp.make('tmp');
  process.env['TMPDIR'] = tmp;
  const created: string[] = [];
  const watchers: FSWatcher[] = [tmp, ...folders].map((folder) =>
    watch(folder, (_event, name) => created.push(`${folder}/${String(name)}`)),
  );
  try {
    const result = await action(tmp);
    await sleep(100); // inotify events arrive after the calls that caused them
    expect(readdirSync(tmp)).toEqual([]);
    return { result, created };
  } finally {
    for (const w of watchers) w.close();
  }
}

async function bundleIn(tar: Buffer | null): Promise<{ dir: string; bundlePath: string }> {
  const dir = temp.make('bundle');
  const bundlePath = join(dir, `${BUNDLE_ID}.svidok.age`);
  const sealed = tar === null ? (await buildBundle(keys)).sealed : await seal(tar, keys.recipient);
  writeFileSync(bundlePath, sealed);
  return { dir, bundlePath };
}

describe('opening a bundle writes nothing', () => {
  it('a good bundle: verified, and no file appeared in the temp folder or beside the bundle', async () => {
    const { dir, bundlePath } = await bundleIn(null);
    const before = readdirSync(dir);
    const { result, created } = await watched([dir], () =>
      openBundle({ bundlePath, identity: keys.identity, pubkey: keys.device.text }),
    );
    expect(result.report.verdict).toBe('verified');
    expect(created).toEqual([]);
    expect(readdirSync(dir)).toEqual(before);
  });

  it('control: the same watch sees the work folder verifyBundle makes and removes', async () => {
    const { dir, bundlePath } = await bundleIn(null);
    const { result, created } = await watched([dir], () =>
      verifyBundle({ bundlePath, identity: keys.identity, pubkey: keys.device.text }),
    );
    expect(result.verdict).toBe('verified');
    expect(created.some((name) => name.includes('.svidok-verify-'))).toBe(true);
  });
});

const top = `${BUNDLE_ID}/bagit.txt`;
const ok = file(top, 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
const absolute = `/tmp/svidok-open-evil-${process.pid}`;

describe('hostile archives are refused at extract, and nothing is written', () => {
  it.each([
    [
      'a ../ path',
      () => file(`${BUNDLE_ID}/../../sibling/evil`, 'x'),
      /BUNDLE_ENTRY_REFUSED.*\.\./u,
    ],
    ['an absolute path', () => file(absolute, 'x'), /BUNDLE_ENTRY_REFUSED/u],
    [
      'a symbolic link',
      () => rawHeader({ name: `${BUNDLE_ID}/data/l`, typeflag: '2', linkname: '/etc' }),
      /a symbolic link/u,
    ],
    [
      'a hard link',
      () => rawHeader({ name: `${BUNDLE_ID}/data/h`, typeflag: '1', linkname: top }),
      /a hard link/u,
    ],
    [
      'a device file',
      () => rawHeader({ name: `${BUNDLE_ID}/data/d`, typeflag: '3' }),
      /a character device/u,
    ],
    [
      'a huge declared size',
      () =>
        Buffer.concat([
          paxHeader({ size: String(2 ** 50) }),
          rawHeader({ name: `${BUNDLE_ID}/data/huge`, size: 0 }),
        ]),
      /BUNDLE_TOO_LARGE/u,
    ],
    ['two top folders', () => file('svidok-20260314-00000000/bagit.txt', 'x'), /one top folder/u],
  ])('%s', async (_, entry, named) => {
    const parent = temp.make('parent');
    mkdirSync(join(parent, 'sibling'));
    const { dir, bundlePath } = await bundleIn(Buffer.concat([ok, entry(), END]));
    const { result, created } = await watched([dir, parent, join(parent, 'sibling')], () =>
      openBundle({ bundlePath, identity: keys.identity, pubkey: keys.device.text }),
    );
    expect(result.report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['decrypt', true],
      ['extract', false],
    ]);
    expect(result.report.checks[1]!.detail).toMatch(named);
    expect(result.report.verdict).toBe('failed');
    expect(result.contents).toMatchObject({ verified: false, testimonies: [], files: [] });
    expect(created).toEqual([]);
    expect(readdirSync(join(parent, 'sibling'))).toEqual([]);
    expect(existsSync(absolute)).toBe(false);
  });
});
