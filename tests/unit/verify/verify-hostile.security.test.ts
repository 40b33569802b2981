/**
 * Hostile bundles: a valid age file around a tar that tries to escape or to exhaust the disk.
 * Each is refused at 'extract', after a good 'decrypt', and nothing is written anywhere: not
 * beside the work folder (its parent is listed before and after), not at an absolute path, and
 * the private work folder itself is removed.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../electron/main/verify';
import { createTempDirs } from '../../helpers/temp';
import { END, file, paxHeader, rawHeader } from '../bundles/tar-fixture';
import { BUNDLE_ID, type Keys, makeKeys, seal } from './bundle-fixture';

const temp = createTempDirs('svidok-verify-hostile-');
afterEach(() => temp.cleanup());

let keys: Keys;
beforeAll(async () => {
  keys = await makeKeys();
});

function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    for (const name of readdirSync(join(dir, relative)).sort()) {
      const path = relative ? `${relative}/${name}` : name;
      out.push(path);
      if (lstatSync(join(dir, path)).isDirectory()) walk(path);
    }
  };
  walk('');
  return out;
}

const top = `${BUNDLE_ID}/bagit.txt`;
const ok = file(top, 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
const absolute = `/tmp/svidok-verify-evil-${process.pid}`;

async function expectRefused(tar: Buffer, named: string | RegExp): Promise<void> {
  const parent = temp.make();
  const work = join(parent, 'work');
  mkdirSync(work);
  mkdirSync(join(parent, 'sibling'));
  const bundlePath = join(temp.make(), `${BUNDLE_ID}.svidok.age`);
  writeFileSync(bundlePath, await seal(tar, keys.recipient));
  const before = tree(parent);
  const report = await verifyBundle({
    bundlePath,
    identity: keys.identity,
    pubkey: keys.device.text,
    workDir: work,
  });
  expect(report.ok).toBe(false);
  expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
    ['decrypt', true],
    ['extract', false],
  ]);
  const detail = report.checks[1]!.detail;
  if (typeof named === 'string') expect(detail).toContain(named);
  else expect(detail).toMatch(named);
  expect(tree(parent)).toEqual(before);
  expect(readdirSync(work)).toEqual([]);
  expect(existsSync(absolute)).toBe(false);
}

describe('verify refuses hostile archives and writes nothing', () => {
  it('a ../ path', async () => {
    const tar = Buffer.concat([ok, file(`${BUNDLE_ID}/../../../sibling/evil`, 'x'), END]);
    await expectRefused(tar, /BUNDLE_ENTRY_REFUSED.*\.\./u);
  });

  it('an absolute path', async () => {
    await expectRefused(Buffer.concat([ok, file(absolute, 'x'), END]), 'BUNDLE_ENTRY_REFUSED');
  });

  it('a symbolic link', async () => {
    const link = rawHeader({ name: `${BUNDLE_ID}/data/l`, typeflag: '2', linkname: '/etc' });
    await expectRefused(Buffer.concat([ok, link, END]), 'a symbolic link');
  });

  it('a hard link', async () => {
    const link = rawHeader({ name: `${BUNDLE_ID}/data/h`, typeflag: '1', linkname: top });
    await expectRefused(Buffer.concat([ok, link, END]), 'a hard link');
  });

  it('a device file', async () => {
    const device = rawHeader({ name: `${BUNDLE_ID}/data/d`, typeflag: '3' });
    await expectRefused(Buffer.concat([ok, device, END]), 'a character device');
  });

  it('a huge declared size', async () => {
    const huge = Buffer.concat([
      paxHeader({ size: String(2 ** 50) }),
      rawHeader({ name: `${BUNDLE_ID}/data/huge`, size: 0 }),
    ]);
    await expectRefused(Buffer.concat([ok, huge, END]), /BUNDLE_TOO_LARGE/u);
  });

  it('two top folders', async () => {
    const tar = Buffer.concat([ok, file('svidok-20260314-00000000/bagit.txt', 'x'), END]);
    await expectRefused(tar, 'one top folder');
  });
});
