/**
 * The BagIt bag: what BagWriter writes, what readBag reports, and that readBag names the file
 * when anything was altered, removed or added — and never throws on a hostile bag.
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BagWriter,
  bagPayloadPath,
  encodeManifestPath,
  readBag,
} from '../../../electron/main/bundles/bagit';
import { extractTar } from '../../../electron/main/bundles/tar-read';
import { TarWriter } from '../../../electron/main/bundles/tar-write';
import { catchAppError } from '../../helpers/app-error';
import { createTempDirs } from '../../helpers/temp';
import { chunksOf, generated, memorySink } from './tar-fixture';

const temp = createTempDirs('svidok-bagit-');
afterEach(() => temp.cleanup());

const INFO = {
  sourceOrganization: 'Харківська група\nForged-Field: yes',
  externalIdentifier: 'b-0001',
  baggingDate: new Date('2025-03-14T23:30:00Z'),
  softwareVersion: '0.1.0',
};

/** Builds a small bag, extracts it with our reader and returns the bag folder. */
async function bag(): Promise<string> {
  const sink = memorySink();
  const writer = new BagWriter(new TarWriter(sink, { mtime: 0 }), {
    bagName: 'b-0001',
    info: INFO,
  });
  await writer.addPayloadBuffer('testimonies/T-1/testimony.json', Buffer.from('{"a":1}'));
  await writer.addPayload('testimonies/T-1/attachments/фото 100%.jpg', 70_000, generated(70_000));
  await writer.addPayloadBuffer('empty.txt', new Uint8Array(0));
  await writer.finish({
    extraTagFiles: [{ name: 'VERIFY.txt', bytes: Buffer.from('Перевірте / verify\n') }],
    signTagManifest: async (bytes) => [
      { name: 'tagmanifest-sha256.txt.minisig', bytes: Buffer.from(`sig of ${bytes.length}`) },
    ],
  });
  const target = join(temp.make(), 'out');
  await extractTar(chunksOf(sink.bytes()), target);
  return join(target, 'b-0001');
}

const failures = (report: Awaited<ReturnType<typeof readBag>>) =>
  report.checks.filter((c) => !c.ok).map((c) => [c.check, c.file, c.detail]);

describe('BagWriter', () => {
  it('writes a bag that readBag finds whole', async () => {
    const dir = await bag();
    const report = await readBag(dir);
    expect(failures(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.info).toEqual([
      ['Source-Organization', 'Харківська група Forged-Field: yes'],
      ['Bagging-Date', '2025-03-14'],
      ['External-Identifier', 'b-0001'],
      ['Payload-Oxum', `${7 + 70_000}.3`],
      ['Bag-Software-Agent', 'Svidok 0.1.0'],
    ]);
    expect(readFileSync(join(dir, 'bagit.txt'), 'utf8')).toBe(
      'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    );
    const manifest = readFileSync(join(dir, 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toMatch(/^[0-9a-f]{64} {2}data\/testimonies\/T-1\/testimony\.json\n/u);
    expect(manifest).toContain('  data/testimonies/T-1/attachments/фото 100_.jpg\n');
    const tagManifest = readFileSync(join(dir, 'tagmanifest-sha256.txt'), 'utf8');
    expect(tagManifest.split('\n').map((line) => line.slice(66))).toEqual([
      'bagit.txt',
      'bag-info.txt',
      'manifest-sha256.txt',
      'manifest-sha512.txt',
      'VERIFY.txt',
      '',
    ]);
    expect(readFileSync(join(dir, 'tagmanifest-sha256.txt.minisig'), 'utf8')).toBe(
      `sig of ${tagManifest.length}`,
    );
  });

  it('percent-encodes CR, LF and % in manifest paths (RFC 8493), and keeps payload paths free of them', () => {
    expect(encodeManifestPath('a%b\nc\rd')).toBe('a%25b%0Ac%0Dd');
    expect(bagPayloadPath('../x/100%\n.txt')).toBe('x/100_.txt');
  });

  it('refuses a caller tag file under a name the bag writes itself', async () => {
    const writer = new BagWriter(new TarWriter(memorySink(), { mtime: 0 }), {
      bagName: 'b',
      info: INFO,
    });
    const error = await catchAppError(() =>
      writer.finish({
        extraTagFiles: [{ name: 'manifest-sha256.txt', bytes: Buffer.from('forged') }],
      }),
    );
    expect(error.code).toBe('BAD_INPUT');
  });
});

describe('readBag names what was tampered with', () => {
  it('a flipped byte in a payload file', async () => {
    const dir = await bag();
    const path = join(dir, 'data/testimonies/T-1/attachments/фото 100_.jpg');
    const bytes = readFileSync(path);
    bytes[12_345] = (bytes[12_345] ?? 0) ^ 1;
    writeFileSync(path, bytes);
    const report = await readBag(dir);
    expect(report.ok).toBe(false);
    expect(failures(report)).toEqual([
      [
        'manifest',
        'data/testimonies/T-1/attachments/фото 100_.jpg',
        'sha256 does not match manifest-sha256.txt',
      ],
      [
        'manifest',
        'data/testimonies/T-1/attachments/фото 100_.jpg',
        'sha512 does not match manifest-sha512.txt',
      ],
    ]);
  });

  it('a missing payload file (and the Payload-Oxum that no longer fits)', async () => {
    const dir = await bag();
    rmSync(join(dir, 'data/empty.txt'));
    const failed = failures(await readBag(dir));
    expect(failed).toContainEqual([
      'manifest',
      'data/empty.txt',
      'listed in manifest-sha256.txt but missing',
    ]);
    expect(failed.map(([check]) => check)).toContain('oxum');
  });

  it('an added payload file', async () => {
    const dir = await bag();
    writeFileSync(join(dir, 'data/smuggled.txt'), '');
    expect(failures(await readBag(dir))).toContainEqual([
      'manifest',
      'data/smuggled.txt',
      'not listed in manifest-sha256.txt',
    ]);
  });

  it('an altered tag file', async () => {
    const dir = await bag();
    appendFileSync(join(dir, 'VERIFY.txt'), 'trust me\n');
    expect(failures(await readBag(dir))).toEqual([
      ['tagmanifest', 'VERIFY.txt', 'sha256 does not match tagmanifest-sha256.txt'],
    ]);
  });

  it('a manifest line pointing outside the bag, and one absurdly long: reported, not followed', async () => {
    const dir = await bag();
    appendFileSync(
      join(dir, 'manifest-sha256.txt'),
      `${'0'.repeat(64)}  data/../../../etc/passwd\n${'f'.repeat(100_000)}\n`,
    );
    expect(failures(await readBag(dir))).toEqual([
      ['manifest', 'manifest-sha256.txt', 'line 4 is malformed'],
      ['manifest', 'manifest-sha256.txt', 'line 5 is malformed'],
      ['tagmanifest', 'manifest-sha256.txt', 'sha256 does not match tagmanifest-sha256.txt'],
    ]);
  });

  it('a bag folder that is not a bag at all', async () => {
    const report = await readBag(temp.make());
    expect(report.ok).toBe(false);
    expect(failures(report).map(([, file]) => file)).toEqual(
      expect.arrayContaining(['bagit.txt', 'bag-info.txt', 'data', 'tagmanifest-sha256.txt']),
    );
  });
});
