/**
 * openBundle (the app's "Open bundle", in memory) runs the SAME checks as verifyBundle (the CLI,
 * extracting to a temp folder): for a good bundle and for each kind of damage, the two reports
 * are identical check for check, detail for detail. The damage cases themselves are pinned one
 * by one in verify.test.ts; here only the verdicts are restated.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/main/vault';
import { openBundle, verifyBundle } from '../../../electron/main/verify';
import type { OpenedBundle, Report } from '../../../electron/main/verify';
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

const temp = createTempDirs('svidok-open-');
afterEach(() => temp.cleanup());

let keys: Keys;
let other: Keys;
beforeAll(async () => {
  keys = await makeKeys();
  other = await makeKeys();
});

interface Case {
  /** A function when it needs the keys made in beforeAll. */
  readonly spec?: BundleSpec | (() => BundleSpec);
  readonly sealed?: (sealed: Buffer) => Buffer;
  readonly pubkey?: 'pinned' | 'none' | 'other';
  readonly identity?: 'mine' | 'other';
}

async function both(c: Case): Promise<{ cli: Report; app: OpenedBundle }> {
  const built = await buildBundle(keys, (typeof c.spec === 'function' ? c.spec() : c.spec) ?? {});
  const bundlePath = join(temp.make(), `${BUNDLE_ID}.svidok.age`);
  writeFileSync(bundlePath, (c.sealed ?? ((s) => s))(built.sealed));
  const pubkey = { pinned: keys.device.text, none: undefined, other: other.device.text }[
    c.pubkey ?? 'pinned'
  ];
  const options = {
    bundlePath,
    identity: (c.identity === 'other' ? other : keys).identity,
    ...(pubkey === undefined ? {} : { pubkey }),
  };
  const cli = await verifyBundle({ ...options, workDir: temp.make('work') });
  const app = await openBundle(options);
  return { cli, app };
}

const editSeq5 = (lines: string[]) =>
  lines.map((line) => {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (value['seq'] !== 5) return line;
    return canonicalJson({ ...value, details: { size: 65 } });
  });

const CASES: Array<[string, Case, Report['verdict']]> = [
  ['a good bundle, pinned', {}, 'verified'],
  ['a good bundle, not pinned', { pubkey: 'none' }, 'verified-unpinned'],
  ['another pinned key', { pubkey: 'other' }, 'failed'],
  ['a wrong identity', { identity: 'other' }, 'failed'],
  [
    'a flipped byte in the .age file',
    { spec: { pdfBytes: 200 * 1024 }, sealed: (s) => flipped(s, Math.floor(s.length / 2)) },
    'failed',
  ],
  [
    'a flipped payload byte, re-encrypted',
    { spec: { tar: (tar) => flipped(tar, tar.indexOf(ATTACHMENT_MARKER) + 3) } },
    'failed',
  ],
  [
    'an altered trusted comment',
    { spec: { minisig: (t) => t.replace('time 2026-03-14', 'time 2025-03-14') } },
    'failed',
  ],
  ['an altered custody entry', { spec: { custody: editSeq5 } }, 'failed'],
  [
    'a custody line of unbounded length',
    { spec: { custody: (l) => [...l, `{"x":"${'a'.repeat(100_000)}"}`] } },
    'failed',
  ],
  [
    'an embedded key other than the pinned one',
    { spec: () => ({ embeddedKey: other.device }) },
    'failed',
  ],
];

describe('openBundle and verifyBundle give the same report', () => {
  it.each(CASES)('%s', async (_, c, verdict) => {
    const { cli, app } = await both(c);
    expect(app.report.checks).toEqual(cli.checks);
    expect(app.report).toMatchObject({
      ok: cli.ok,
      verdict,
      pinned: cli.pinned,
      bundleId: cli.bundleId,
      keyId: cli.keyId,
      extractedTo: null,
    });
    expect(cli.verdict).toBe(verdict);
    expect(app.contents.verified).toBe(verdict !== 'failed');
  });
});

describe('what openBundle reads', () => {
  it('lists every file with its size and SHA-256, and reads the testimony even when it fails', async () => {
    const { app } = await both({
      spec: { tar: (tar) => flipped(tar, tar.indexOf(ATTACHMENT_MARKER) + 3) },
    });
    expect(app.report.verdict).toBe('failed');
    expect(app.contents).toMatchObject({ bundleId: BUNDLE_ID, verified: false });
    const paths = app.contents.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'bagit.txt',
        'tagmanifest-sha256.txt.minisig',
        'data/custody.jsonl',
        ATTACHMENT_PATH,
      ]),
    );
    const photo = app.contents.files.find((f) => f.path === ATTACHMENT_PATH)!;
    expect(photo.size).toBe(64);
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/u);
    // The fixture's testimony.json is not a full svidok.testimony/2: only its code is shown.
    expect(app.contents.testimonies).toMatchObject([
      { recordCode: 'UA-2026-0001', readable: false },
    ]);
  });

  it('holds only small files: over its memory bound a file is named, not read', async () => {
    const built = await buildBundle(keys);
    const bundlePath = join(temp.make(), `${BUNDLE_ID}.svidok.age`);
    writeFileSync(bundlePath, built.sealed);
    const app = await openBundle({
      bundlePath,
      identity: keys.identity,
      pubkey: keys.device.text,
      limits: { keepFileBytes: 1024 },
    });
    const custody = app.report.checks.find((c) => c.name === 'custody');
    expect(custody).toMatchObject({ ok: false });
    expect(custody?.detail).toMatch(/data\/custody\.jsonl: not kept in memory/u);
    expect(app.report.verdict).toBe('failed');
  });

  it('refuses a device key that is not one, before reading the bundle', async () => {
    await expect(
      openBundle({ bundlePath: '/nonexistent', identity: keys.identity, pubkey: 'not a key' }),
    ).rejects.toMatchObject({ code: 'DEVICE_KEY_INVALID' });
  });
});
