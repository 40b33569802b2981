/**
 * `svidok verify`: the recipient's command. It needs no vault and creates none, prints one line
 * per check and a verdict, exits 0 only when every check passed (with a WARNING when the device
 * key was not pinned), 1 when any failed, 2 on a usage error; --extract writes only a verified bag.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempDirs } from '../../helpers/temp';
import {
  ATTACHMENT_MARKER,
  BUNDLE_ID,
  buildBundle,
  flipped,
  type Keys,
  makeKeys,
} from '../verify/bundle-fixture';
import { runCliCaptured } from '../../helpers/cli';

const dirs = createTempDirs('svidok-cli-verify-');
afterEach(() => dirs.cleanup());

let keys: Keys;
let good: Buffer;
let tampered: Buffer;
beforeAll(async () => {
  keys = await makeKeys();
  good = (await buildBundle(keys)).sealed;
  tampered = (await buildBundle(keys, { tar: (t) => flipped(t, t.indexOf(ATTACHMENT_MARKER) + 1) }))
    .sealed;
});

interface Setup {
  dir: string;
  bundle: string;
  keyFile: string;
  pubFile: string;
  vault: string;
}

function setup(sealed: Buffer): Setup {
  const dir = dirs.make();
  const bundle = join(dir, `${BUNDLE_ID}.svidok.age`);
  const keyFile = join(dir, 'me.key');
  const pubFile = join(dir, 'device.pub');
  writeFileSync(bundle, sealed);
  writeFileSync(keyFile, keys.identity, { mode: 0o600 });
  writeFileSync(pubFile, keys.device.text);
  return { dir, bundle, keyFile, pubFile, vault: join(dir, 'no-vault') };
}

async function cli(argv: string[]) {
  const { code, lines, err } = await runCliCaptured(argv);
  return { code, out: lines, err };
}

describe('svidok verify', () => {
  it('exits 0 on a good bundle with a pinned key file, one line per check, and opens no vault', async () => {
    const s = setup(good);
    const run = await cli([
      'verify',
      s.bundle,
      '--identity',
      s.keyFile,
      '--pubkey',
      s.pubFile,
      '--vault',
      s.vault,
    ]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^ok {3}decrypt {9}/u);
    expect(run.out.some((l) => /^ok {3}manifest-sha256 /u.test(l))).toBe(true);
    expect(run.out.at(-1)).toMatch(/^VERIFIED: svidok-20260314-0a1b2c3d: every check passed/u);
    expect(existsSync(s.vault)).toBe(false);
  });

  it('accepts the pinned key as its base64 line', async () => {
    const s = setup(good);
    const run = await cli([
      'verify',
      s.bundle,
      '--identity',
      s.keyFile,
      '--pubkey',
      keys.device.base64,
    ]);
    expect(run.code).toBe(0);
  });

  it('exits 0 without --pubkey but says the key is not pinned, with a WARNING', async () => {
    const s = setup(good);
    const run = await cli(['verify', s.bundle, '--identity', s.keyFile]);
    expect(run.code).toBe(0);
    expect(run.out.at(-2)).toMatch(/^VERIFIED, KEY NOT PINNED: /u);
    expect(run.out.at(-1)).toMatch(new RegExp(`^WARNING: device key ${keys.device.keyId}`, 'u'));
  });

  it('exits 1 on a tampered payload, naming the check and the file', async () => {
    const s = setup(tampered);
    const run = await cli(['verify', s.bundle, '--identity', s.keyFile, '--pubkey', s.pubFile]);
    expect(run.code).toBe(1);
    expect(run.out).toContainEqual(
      expect.stringMatching(
        /^FAIL manifest-sha256 +data\/testimonies\/UA-2026-0001\/attachments\/photo\.jpg: /u,
      ),
    );
    expect(run.out.at(-1)).toMatch(/^FAILED: svidok-20260314-0a1b2c3d: 2 of \d+ checks failed/u);
  });

  it('--extract writes the verified bag into an empty folder', async () => {
    const s = setup(good);
    const target = join(s.dir, 'out');
    mkdirSync(target);
    const run = await cli([
      'verify',
      s.bundle,
      '--identity',
      s.keyFile,
      '--pubkey',
      s.pubFile,
      '--extract',
      target,
    ]);
    expect(run.code).toBe(0);
    expect(run.out.at(-1)).toBe(`extracted to ${target}`);
    expect(readdirSync(target)).toContain('tagmanifest-sha256.txt.minisig');
    expect(readdirSync(s.dir).filter((n) => n.startsWith('.svidok-verify-'))).toEqual([]);
  });

  it('--extract writes nothing for a bundle that fails', async () => {
    const s = setup(tampered);
    const target = join(s.dir, 'out');
    const run = await cli(['verify', s.bundle, '--identity', s.keyFile, '--extract', target]);
    expect(run.code).toBe(1);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(s.dir).sort()).toEqual(
      [`${BUNDLE_ID}.svidok.age`, 'device.pub', 'me.key'].sort(),
    );
  });

  it('refuses a non-empty --extract folder before reading the bundle (FILE_EXISTS)', async () => {
    const s = setup(good);
    const run = await cli(['verify', s.bundle, '--identity', s.keyFile, '--extract', s.dir]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^svidok: FILE_EXISTS: /u);
  });

  it('refuses a --pubkey that is not a minisign key (DEVICE_KEY_INVALID)', async () => {
    const s = setup(good);
    const run = await cli(['verify', s.bundle, '--identity', s.keyFile, '--pubkey', 'age1notakey']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^svidok: DEVICE_KEY_INVALID: /u);
  });

  it('is a usage error without --identity or without the bundle', async () => {
    const s = setup(good);
    expect((await cli(['verify', s.bundle])).code).toBe(2);
    expect((await cli(['verify', '--identity', s.keyFile])).code).toBe(2);
    expect((await cli(['verify', s.bundle, s.bundle, '--identity', s.keyFile])).code).toBe(2);
  });
});
