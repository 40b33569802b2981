/**
 * openBundle on bundles from the real exporter (a real vault, the recipient's key from the real
 * `age-keygen`): pinned and unpinned verdicts, the contents the app shows (the Cyrillic narrative,
 * answers worded with "Unknown" and "Declined to answer", attachments with their SHA-256), and
 * the damage a recipient must see: a wrong key, a flipped byte of the .age file, and a payload
 * file changed and sealed again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptAge } from '../../../electron/main/bundles';
import type { ExportResult } from '../../../electron/main/exports';
import { openBundle, verifyBundle } from '../../../electron/main/verify';
import type { SectionAnswers } from '../../../shared/forms/answers';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import { ok } from '../../helpers/api';
import { ageKeygen, makeExportVault, NARRATIVE } from '../../helpers/export-vault';
import type { AgeKey, ExportVault, SampleTestimony } from '../../helpers/export-vault';
import { createTempDirs } from '../../helpers/temp';
import { flipped, seal } from './bundle-fixture';

const dirs = createTempDirs('svidok-open-real-');
const CODE = 'UA-KH-0777';
const PHOTO = Buffer.from('фото допиту: байти\n');

let v: ExportVault;
let key: AgeKey;
let identity: string;
let pubkey: string;
let result: ExportResult;
let main: SampleTestimony;
/** The section given one answered, one unknown and one declined field. */
let section: { id: string; answered: string; unknown: string; declined: string };

beforeAll(async () => {
  const dir = dirs.make('vault');
  v = await makeExportVault(dir);
  key = ageKeygen(dir);
  identity = readFileSync(key.file, 'utf8');
  await v.addRecipient(key.publicKey);
  await v.addTestimony({ recordCode: 'UA-OTHER-0001' });
  main = await v.addTestimony({
    recordCode: CODE,
    files: [{ name: 'фото допиту.jpg', bytes: PHOTO }],
  });
  const target = CURRENT_TEMPLATE.sections.find(
    (s) =>
      s.id !== 'B' &&
      !s.gate &&
      s.fields.filter((f) => f.kind === 'text').length >= 1 &&
      s.fields.filter((f) => f.kind !== 'group').length >= 3,
  )!;
  const leaves = target.fields.filter((f) => f.kind !== 'group');
  const text = leaves.find((f) => f.kind === 'text')!;
  const [unknown, declined] = leaves.filter((f) => f !== text);
  section = { id: target.id, answered: text.id, unknown: unknown!.id, declined: declined!.id };
  const answers: SectionAnswers = {
    [text.id]: { state: 'answered', value: 'Підвал на вулиці Залізничній' },
    [unknown!.id]: { state: 'unknown' },
    [declined!.id]: { state: 'declined' },
  };
  ok(
    await v.t.call('interview:saveSection', {
      testimonyId: main.id,
      sectionId: target.id,
      answers,
      baseRevision: 0,
    }),
  );
  result = await v.t.api.services.exports.exportBundle({
    testimonyIds: [main.id],
    recipients: [key.publicKey],
    outDir: dirs.make('out'),
  });
  pubkey = ok(await v.t.call('vault:devicePublicKey', {})).minisign;
}, 120_000);

afterAll(() => {
  v?.t.api.shutdown();
  dirs.cleanup();
});

describe('openBundle on a real export', () => {
  it('verified with the pinned key: the same checks as svidok verify, and the contents', async () => {
    const opened = await openBundle({ bundlePath: result.path, identity, pubkey });
    const cli = await verifyBundle({ bundlePath: result.path, identity, pubkey });
    expect(opened.report.checks).toEqual(cli.checks);
    expect(opened.report).toMatchObject({
      ok: true,
      verdict: 'verified',
      bundleId: result.bundleId,
    });
    const { contents } = opened;
    expect(contents).toMatchObject({ bundleId: result.bundleId, verified: true });
    expect(contents.testimonies).toHaveLength(1);
    const t = contents.testimonies[0]!;
    expect(t).toMatchObject({
      recordCode: CODE,
      readable: true,
      narrative: NARRATIVE,
      templateId: CURRENT_TEMPLATE.id,
      templateVersion: CURRENT_TEMPLATE.version,
    });
    expect(t.consent?.granted).toContain('share_national_prosecutor');
    const rows = t.answers?.find((s) => s.id === section.id)?.rows ?? [];
    expect(rows.map((r) => [r.state, r.text.en])).toEqual(
      expect.arrayContaining([
        ['answered', 'Підвал на вулиці Залізничній'],
        ['unknown', 'Unknown'],
        ['declined', 'Declined to answer'],
      ]),
    );
    expect(rows.find((r) => r.state === 'declined')?.text.uk).not.toBe('');
    const intake = main.attachments[0]!.sha256;
    expect(t.attachments).toEqual([
      expect.objectContaining({
        fileName: 'фото допиту.jpg',
        size: PHOTO.length,
        sha256: intake,
        bagSha256: intake,
      }),
    ]);
    const paths = contents.files.map((f) => f.path);
    expect(paths).toContain(`data/testimonies/${CODE}/testimony.pdf`);
    expect(paths).toContain('tagmanifest-sha256.txt.minisig');
  });

  it('without a pinned key: verified-unpinned, and the device-key check says so', async () => {
    const { report } = await openBundle({ bundlePath: result.path, identity });
    expect(report).toMatchObject({ ok: true, verdict: 'verified-unpinned', pinned: false });
    expect(report.checks.find((c) => c.name === 'device-key')?.detail).toMatch(/NOT PINNED/u);
  });

  it('with another recipient’s key: decrypt fails, and nothing is shown', async () => {
    const stranger = ageKeygen(dirs.make('stranger'));
    const opened = await openBundle({
      bundlePath: result.path,
      identity: readFileSync(stranger.file, 'utf8'),
      pubkey,
    });
    expect(opened.report.checks).toEqual([
      expect.objectContaining({
        name: 'decrypt',
        ok: false,
        detail: expect.stringContaining('WRONG_IDENTITY'),
      }),
    ]);
    expect(opened.contents).toMatchObject({ verified: false, testimonies: [], files: [] });
  });

  it('a flipped byte of the .age file fails decrypt', async () => {
    const bytes = readFileSync(result.path);
    const bundlePath = join(dirs.make('flip'), 'flipped.svidok.age');
    writeFileSync(bundlePath, flipped(bytes, Math.floor(bytes.length / 2)));
    const { report } = await openBundle({ bundlePath, identity, pubkey });
    expect(report.verdict).toBe('failed');
    expect(report.checks.filter((c) => !c.ok)).toEqual([
      expect.objectContaining({
        name: 'decrypt',
        detail: expect.stringContaining('BUNDLE_UNREADABLE'),
      }),
    ]);
  });

  it('testimony.json changed and sealed again: both manifests fail naming it; shown unverified', async () => {
    const parts: Buffer[] = [];
    const plain = await decryptAge(Readable.from([readFileSync(result.path)]), { identity });
    for await (const part of plain) parts.push(Buffer.from(part as Uint8Array));
    const tar = Buffer.concat(parts);
    // Same length in UTF-8, so the tar stays well formed: only the narrative's words change.
    const at = tar.indexOf(Buffer.from('Мене тримали'));
    expect(at).toBeGreaterThan(0);
    Buffer.from('Тебе').copy(tar, at);
    const bundlePath = join(dirs.make('resealed'), `${result.bundleId}.svidok.age`);
    writeFileSync(bundlePath, await seal(tar, key.publicKey));
    const { report, contents } = await openBundle({ bundlePath, identity, pubkey });
    const file = `data/testimonies/${CODE}/testimony.json`;
    const failed = report.checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.name)).toEqual(['manifest-sha256', 'manifest-sha512']);
    for (const check of failed) expect(check.detail).toContain(file);
    expect(contents.verified).toBe(false);
    expect(contents.testimonies[0]?.narrative.startsWith('Тебе тримали')).toBe(true);
  });
});
