/**
 * verifyBundle against bundles built to the contract (bundle-fixture.ts): a good bundle passes,
 * pinned and unpinned, and each kind of tampering fails the check named after it, naming the
 * file or the custody entry. One test per threat.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/main/vault';
import { verifyBundle } from '../../../electron/main/verify';
import type { CheckName, Report } from '../../../electron/main/verify';
import { createTempDirs } from '../../helpers/temp';
import {
  ATTACHMENT_MARKER,
  ATTACHMENT_PATH,
  BUNDLE_ID,
  buildBundle,
  type BundleSpec,
  flipped,
  type Keys,
  makeKeys,
} from './bundle-fixture';

const temp = createTempDirs('svidok-verify-');
afterEach(() => temp.cleanup());

let keys: Keys;
let other: Keys;
beforeAll(async () => {
  keys = await makeKeys();
  other = await makeKeys();
});

async function verify(
  sealed: Buffer,
  options: { pubkey?: string | null; identity?: string } = {},
): Promise<Report> {
  const dir = temp.make();
  const bundlePath = join(dir, `${BUNDLE_ID}.svidok.age`);
  writeFileSync(bundlePath, sealed);
  const workDir = temp.make('work');
  const pubkey = options.pubkey === undefined ? keys.device.text : options.pubkey;
  const report = await verifyBundle({
    bundlePath,
    identity: options.identity ?? keys.identity,
    ...(pubkey === null ? {} : { pubkey }),
    workDir,
  });
  expect(readdirSync(workDir)).toEqual([]); // the private work folder is gone again
  return report;
}

async function built(spec: BundleSpec = {}): Promise<Buffer> {
  return (await buildBundle(keys, spec)).sealed;
}

const failures = (report: Report) => report.checks.filter((check) => !check.ok);

function expectOnlyFailure(report: Report, name: CheckName, detail: string | RegExp): void {
  expect(report.ok).toBe(false);
  expect(report.verdict).toBe('failed');
  const failed = failures(report);
  expect(failed.map((check) => check.name)).toEqual([name]);
  if (typeof detail === 'string') expect(failed[0]?.detail).toContain(detail);
  else expect(failed[0]?.detail).toMatch(detail);
}

/** Rewrites the custody line holding `seq` (a full entry) through `change`. */
const editLine =
  (seq: number, change: (entry: Record<string, unknown>) => void) => (lines: string[]) =>
    lines.map((line) => {
      const value = JSON.parse(line) as Record<string, unknown>;
      if (value['seq'] !== seq) return line;
      change(value);
      return canonicalJson(value);
    });

describe('a good bundle', () => {
  it('verifies with the pinned device key, every check named', async () => {
    const report = await verify(await built());
    expect(failures(report)).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      verdict: 'verified',
      pinned: true,
      bundleId: BUNDLE_ID,
      keyId: keys.device.keyId,
    });
    const names = new Set(report.checks.map((check) => check.name));
    for (const name of [
      'decrypt',
      'extract',
      'bundle-id',
      'bagit',
      'payload-oxum',
      'manifest-sha256',
      'manifest-sha512',
      'tagmanifest',
      'signature',
      'device-key',
      'custody',
      'testimony-json',
    ] as const) {
      expect(names.has(name), name).toBe(true);
    }
    expect(report.checks.find((c) => c.name === 'custody')?.detail).toContain('seq 1-7');
  });

  it('verifies with the pinned key given as its base64 line alone', async () => {
    const report = await verify(await built(), { pubkey: keys.device.base64 });
    expect(report.verdict).toBe('verified');
  });

  it('without a pinned key: verified, but the verdict and the device-key check say unpinned', async () => {
    const report = await verify(await built(), { pubkey: null });
    expect(report).toMatchObject({ ok: true, verdict: 'verified-unpinned', pinned: false });
    const deviceKey = report.checks.find((check) => check.name === 'device-key');
    expect(deviceKey?.detail).toMatch(/NOT PINNED.*out of band/u);
  });
});

describe('decrypt', () => {
  it('fails with a wrong identity, and nothing else is attempted', async () => {
    const report = await verify(await built(), { identity: other.identity });
    expectOnlyFailure(report, 'decrypt', 'WRONG_IDENTITY');
    expect(report.checks).toHaveLength(1);
    expect(report.bundleId).toBeNull();
  });

  const big = { pdfBytes: 200 * 1024 }; // four 64 KiB age chunks
  // A flipped header byte either spoils the stanza (no key opens it) or the header MAC.
  it.each([
    ['the header', (n: number) => 40 + n * 0, /WRONG_IDENTITY|BUNDLE_UNREADABLE/u],
    ['a middle chunk', (n: number) => Math.floor(n / 2), /BUNDLE_UNREADABLE/u],
    ['the last chunk', (n: number) => n - 10, /BUNDLE_UNREADABLE/u],
  ])('fails on a flipped byte in %s of the .age file', async (_, where, reason) => {
    const sealed = await built(big);
    const report = await verify(flipped(sealed, where(sealed.length)));
    expectOnlyFailure(report, 'decrypt', reason);
    expect(report.checks.some((check) => check.name === 'extract')).toBe(false);
  });
});

describe('manifests', () => {
  it('a flipped byte in a payload file (bundle re-encrypted) fails both manifests, naming the file', async () => {
    const report = await verify(
      await built({ tar: (tar) => flipped(tar, tar.indexOf(ATTACHMENT_MARKER) + 3) }),
    );
    const failed = failures(report);
    expect(failed.map((check) => check.name)).toEqual(['manifest-sha256', 'manifest-sha512']);
    for (const check of failed) expect(check.detail).toContain(ATTACHMENT_PATH);
  });
});

describe('signature', () => {
  it('a flipped byte in the signature fails it', async () => {
    const minisig = (text: string) => {
      const lines = text.split('\n');
      const line = lines[1]!;
      lines[1] = `${line.slice(0, 40)}${line[40] === 'A' ? 'B' : 'A'}${line.slice(41)}`;
      return lines.join('\n');
    };
    const report = await verify(await built({ minisig }));
    expectOnlyFailure(report, 'signature', 'tagmanifest-sha256.txt.minisig: signature');
  });

  it('an altered trusted comment fails the global signature', async () => {
    const minisig = (text: string) => text.replace('time 2026-03-14', 'time 2025-03-14');
    const report = await verify(await built({ minisig }));
    expectOnlyFailure(report, 'signature', 'global_signature');
  });

  it('a validly signed trusted comment naming another bundle fails', async () => {
    const trustedComment = (c: string) => c.replace(BUNDLE_ID, 'svidok-20260314-ffffffff');
    const report = await verify(await built({ trustedComment }));
    expectOnlyFailure(report, 'signature', 'not this bundle');
  });

  it('a different pinned key fails the device key and the signature', async () => {
    const report = await verify(await built(), { pubkey: other.device.text });
    const failed = failures(report);
    expect(failed.map((check) => check.name)).toEqual(['device-key', 'signature', 'custody']);
    expect(failed[0]?.detail).toContain(`not the pinned key ${other.device.keyId}`);
    expect(failed[1]?.detail).toContain('key_id');
  });

  it('an embedded device key other than the pinned one fails device-key', async () => {
    const report = await verify(await built({ embeddedKey: other.device }));
    expectOnlyFailure(report, 'device-key', 'data/device-key.pub');
  });
});

describe('custody', () => {
  it('an altered entry (details changed) names its seq: hash', async () => {
    const custody = editLine(5, (entry) => {
      entry['details'] = { ...(entry['details'] as object), size: 65 };
    });
    const report = await verify(await built({ custody }));
    expectOnlyFailure(report, 'custody', 'seq 5: hash');
  });

  it('a removed line names the broken link', async () => {
    const custody = (lines: string[]) => lines.filter((_, i) => i !== 3); // seq 5
    const report = await verify(await built({ custody }));
    expectOnlyFailure(report, 'custody', 'seq 6: link');
  });

  it('swapped entries name the broken link', async () => {
    const custody = (lines: string[]) => [...lines.slice(0, 3), lines[4]!, lines[3]!, lines[5]!];
    const report = await verify(await built({ custody }));
    expectOnlyFailure(report, 'custody', 'seq 6: link');
  });

  it('an omitted run with a wrong hash breaks the link of the next line', async () => {
    const custody = (lines: string[]) =>
      lines.map((line, i) => {
        if (i !== 2) return line; // the run of seq 3-4
        const run = JSON.parse(line) as { hash: string };
        const hash = `${run.hash[0] === 'f' ? 'e' : 'f'}${run.hash.slice(1)}`;
        return canonicalJson({ ...run, hash });
      });
    const report = await verify(await built({ custody }));
    expectOnlyFailure(report, 'custody', 'seq 5: link');
  });

  it('an entry re-hashed and re-signed with another key names its seq: key', async () => {
    const sodium = await (await import('../../../electron/main/vault')).loadSodium();
    const { signedBytes } = await import('../../../electron/main/custody');
    const pair = sodium.crypto_sign_seed_keypair(other.seed);
    const custody = editLine(7, (entry) => {
      entry['key'] = Buffer.from(other.publicKey).toString('base64');
      const bytes = signedBytes(entry as never);
      entry['hash'] = sodium.to_hex(sodium.crypto_hash_sha256(bytes));
      entry['sig'] = Buffer.from(sodium.crypto_sign_detached(bytes, pair.privateKey)).toString(
        'base64',
      );
    });
    const report = await verify(await built({ custody }));
    expectOnlyFailure(report, 'custody', 'seq 7: key');
  });

  it('a line of unbounded length is refused, not buffered', async () => {
    const custody = (lines: string[]) => [...lines, `{"x":"${'a'.repeat(100_000)}"}`];
    const report = await verify(await built({ custody }));
    expectOnlyFailure(report, 'custody', 'line 7 is longer than');
  });
});
