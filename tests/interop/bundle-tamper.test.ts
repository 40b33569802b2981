/**
 * Tampering with a REAL export (issue 5's acceptance): a bundle sealed by the export service from
 * a real vault is decrypted with the `age` CLI, unpacked with GNU tar, changed as an attacker
 * would, packed and encrypted again with the standard tools, and `verifyBundle` (pinned with the
 * vault's device key) must fail the check named after the damage, naming the file or the seq.
 * The fixture-built counterparts are in tests/unit/verify/verify.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minisignPublicKey } from '../../electron/main/bundles';
import type { ExportResult } from '../../electron/main/exports';
import { verifyBundle } from '../../electron/main/verify';
import type { CheckName, Report } from '../../electron/main/verify';
import { ageKeygen, makeExportVault } from '../helpers/export-vault';
import type { AgeKey, ExportVault } from '../helpers/export-vault';
import { createTempDirs } from '../helpers/temp';

const dirs = createTempDirs('svidok-tamper-');
const CODE = 'UA-KH-0042';
const TESTIMONY = `data/testimonies/${CODE}/testimony.json`;
const PHOTO = `data/testimonies/${CODE}/attachments/фото допиту.jpg`;
const CUSTODY = 'data/custody.jsonl';
const SIGNATURE = 'tagmanifest-sha256.txt.minisig';

let v: ExportVault;
let key: AgeKey;
let result: ExportResult;
let pubkey: string;

const run = (cmd: string, args: string[], cwd?: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
  const dir = dirs.make('vault');
  v = await makeExportVault(dir);
  key = ageKeygen(dir);
  await v.addRecipient(key.publicKey);
  await v.addTestimony({ recordCode: 'UA-OTHER-0001' }); // an omitted run in the custody excerpt
  const main = await v.addTestimony({
    recordCode: CODE,
    files: [
      { name: 'фото допиту.jpg', bytes: randomBytes(200 * 1024) },
      { name: 'notes.txt', bytes: Buffer.from('Нотатки інтерв’юера\n', 'utf8') },
    ],
  });
  result = await v.t.api.services.exports.exportBundle({
    testimonyIds: [main.id],
    recipients: [key.publicKey],
    outDir: dirs.make('out'),
  });
  // Pinned out of band: the vault's own device key, not the copy inside the bundle.
  pubkey = minisignPublicKey(Buffer.from(v.t.api.services.custody.publicKey(), 'base64')).text;
}, 120_000);

afterAll(() => {
  v?.t.api.shutdown();
  dirs.cleanup();
});

async function verify(bundlePath: string): Promise<Report> {
  const workDir = dirs.make('work');
  const identity = readFileSync(key.file, 'utf8');
  const report = await verifyBundle({ bundlePath, identity, pubkey, workDir });
  expect(readdirSync(workDir)).toEqual([]);
  return report;
}

const flip = (bytes: Buffer, at: number): Buffer => {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
};

const flipFile = (path: string, at: (size: number) => number) => {
  const bytes = readFileSync(path);
  writeFileSync(path, flip(bytes, at(bytes.length)));
};

/** age -d, tar -xf, edit the bag, tar -cf (same top folder), age -r: a new .age file. */
function repack(edit: (bagDir: string) => void): string {
  const work = dirs.make('repack');
  run('age', ['-d', '-i', key.file, '-o', join(work, 'in.tar'), result.path]);
  run('tar', ['-xf', join(work, 'in.tar'), '-C', work]);
  edit(join(work, result.bundleId));
  run('tar', ['-cf', join(work, 'out.tar'), '-C', work, result.bundleId]);
  const out = join(work, `${result.bundleId}.svidok.age`);
  run('age', ['-r', key.publicKey, '-o', out, join(work, 'out.tar')]);
  return out;
}

/** What an attacker without the device key can redo: Payload-Oxum, both manifests, the tags. */
function reseal(bag: string): void {
  const files = (dir: string): string[] =>
    readdirSync(join(bag, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
    );
  const payload = files('data');
  const bytes = payload.reduce((sum, f) => sum + statSync(join(bag, f)).size, 0);
  const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
  const oxum = `Payload-Oxum: ${bytes}.${payload.length}`;
  writeFileSync(join(bag, 'bag-info.txt'), info.replace(/^Payload-Oxum: .*$/m, oxum));
  for (const [manifest, tool] of [
    ['manifest-sha256.txt', 'sha256sum'],
    ['manifest-sha512.txt', 'sha512sum'],
    ['tagmanifest-sha256.txt', 'sha256sum'],
  ] as const) {
    const listed = readFileSync(join(bag, manifest), 'utf8').trimEnd().split('\n');
    const paths = listed.map((line) => line.slice(line.indexOf('  ') + 2));
    writeFileSync(join(bag, manifest), run(tool, ['--', ...paths], bag));
  }
}

const failed = (report: Report, name: CheckName) =>
  report.checks.filter((check) => check.name === name && !check.ok).map((check) => check.detail);
const passed = (report: Report, name: CheckName) =>
  report.checks.some((check) => check.name === name && check.ok);

function expectFailure(report: Report, name: CheckName, detail: string | RegExp): void {
  expect(report.ok).toBe(false);
  expect(report.verdict).toBe('failed');
  const details = failed(report, name);
  expect(details.length, `${name} should fail: ${JSON.stringify(report.checks)}`).toBeGreaterThan(
    0,
  );
  if (typeof detail === 'string') expect(details.join('\n')).toContain(detail);
  else expect(details.join('\n')).toMatch(detail);
}

/** The repacked archive itself was fine: what failed is the check about the edit. */
const expectOpened = (report: Report) => {
  expect(passed(report, 'decrypt')).toBe(true);
  expect(passed(report, 'extract')).toBe(true);
};

describe('tampering with a real export', () => {
  it('control: the untouched export verifies pinned, and so does a faithful repack', async () => {
    const report = await verify(result.path);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.verdict).toBe('verified');
    expect(report.bundleId).toBe(result.bundleId);
    const again = await verify(repack(() => undefined));
    expect(again.checks.filter((c) => !c.ok)).toEqual([]);
    expect(again.verdict).toBe('verified');
  });

  it.each([
    ['the header', (_size: number) => 40],
    ['the middle', (size: number) => Math.floor(size / 2)],
    ['the last 100 bytes', (size: number) => size - 50],
  ])('a flipped byte in the .age file, in %s → decrypt', async (_where, at) => {
    const path = join(dirs.make('flip'), `${result.bundleId}.svidok.age`);
    const bytes = readFileSync(result.path);
    writeFileSync(path, flip(bytes, at(bytes.length)));
    const report = await verify(path);
    expectFailure(report, 'decrypt', `${result.bundleId}.svidok.age`);
  });

  it.each([
    ['testimony.json', TESTIMONY],
    ['an attachment with a Cyrillic name', PHOTO],
  ])('a flipped byte in %s → both manifests name the file', async (_what, file) => {
    const report = await verify(repack((bag) => flipFile(join(bag, file), (n) => n >> 1)));
    expectOpened(report);
    expectFailure(report, 'manifest-sha256', file);
    expectFailure(report, 'manifest-sha512', file);
  });

  it('a flipped byte in the signature → signature', async () => {
    const report = await verify(
      repack((bag) => {
        const lines = readFileSync(join(bag, SIGNATURE), 'utf8').split('\n');
        // Line 2: "ED" + key id (8) + Ed25519 signature (64); flip a byte of the signature.
        lines[1] = flip(Buffer.from(lines[1] ?? '', 'base64'), 40).toString('base64');
        writeFileSync(join(bag, SIGNATURE), lines.join('\n'));
      }),
    );
    expectOpened(report);
    expect(passed(report, 'tagmanifest')).toBe(true);
    expectFailure(report, 'signature', `${SIGNATURE}: signature`);
  });

  /** Custody lines with their seq, for the edits below. */
  const custodyLines = (bag: string) =>
    readFileSync(join(bag, CUSTODY), 'utf8')
      .trimEnd()
      .split('\n')
      .map((text) => ({ text, value: JSON.parse(text) as Record<string, unknown> }));

  it('a custody details value changed, manifests recomputed → signature and custody (seq)', async () => {
    let seq = 0;
    const report = await verify(
      repack((bag) => {
        const lines = custodyLines(bag);
        const target = lines.find(({ value }) =>
          Object.values((value['details'] ?? {}) as object).some(
            (d) => typeof d === 'string' && /[0-9a-z]$/.test(d),
          ),
        );
        if (!target) throw new Error('no custody entry with a string detail');
        seq = target.value['seq'] as number;
        const details = target.value['details'] as Record<string, unknown>;
        const [name, old] = Object.entries(details).find(
          ([, d]) => typeof d === 'string' && /[0-9a-z]$/.test(d),
        ) as [string, string];
        const changed = old.slice(0, -1) + (old.endsWith('0') ? '1' : '0');
        const from = `${JSON.stringify(name)}:${JSON.stringify(old)}`;
        expect(target.text).toContain(from);
        const text = target.text.replace(
          from,
          `${JSON.stringify(name)}:${JSON.stringify(changed)}`,
        );
        const all = lines.map((l) => (l === target ? text : l.text));
        writeFileSync(join(bag, CUSTODY), `${all.join('\n')}\n`);
        reseal(bag);
      }),
    );
    expectOpened(report);
    for (const name of [
      'payload-oxum',
      'manifest-sha256',
      'manifest-sha512',
      'tagmanifest',
    ] as const)
      expect(passed(report, name), name).toBe(true);
    expectFailure(report, 'signature', SIGNATURE);
    expectFailure(report, 'custody', `${CUSTODY}: seq ${seq}: hash`);
  });

  it('a full custody line deleted, manifests recomputed → signature and custody (link)', async () => {
    let next = '';
    const report = await verify(
      repack((bag) => {
        const lines = custodyLines(bag);
        // A full entry in the middle, followed by another full entry (not the last line: a cut
        // tail is caught by the signature only).
        const i = lines.findIndex(
          ({ value }, k) => k > 0 && 'seq' in value && 'seq' in (lines[k + 1]?.value ?? {}),
        );
        expect(i).toBeGreaterThan(0);
        next = `seq ${String(lines[i + 1]?.value['seq'])}`;
        const kept = lines.filter((_, k) => k !== i).map((l) => l.text);
        writeFileSync(join(bag, CUSTODY), `${kept.join('\n')}\n`);
        reseal(bag);
      }),
    );
    expectOpened(report);
    for (const name of [
      'payload-oxum',
      'manifest-sha256',
      'manifest-sha512',
      'tagmanifest',
    ] as const)
      expect(passed(report, name), name).toBe(true);
    expectFailure(report, 'signature', SIGNATURE);
    expectFailure(report, 'custody', `${CUSTODY}: ${next}: link`);
  });
});
