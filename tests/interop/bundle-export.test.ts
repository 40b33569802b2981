/**
 * THE acceptance interop test of a sealed bundle: exported by the real services from a real
 * vault, then checked with the standard tools only, as a prosecutor's analyst would — `age -d`
 * with a key from `age-keygen`, GNU `tar -xf`, `sha256sum -c` on both manifests, `minisign -V`
 * with the device key, `pdftotext` on the report. Attachments travel as their original bytes
 * (the manifest's SHA-256 is the intake hash and the custody log's), the custody excerpt links
 * from the genesis to the end with other testimonies' runs omitted, and the export is recorded.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, signedBytes } from '../../electron/main/custody';
import type { CustodyEntry } from '../../electron/main/custody';
import type { ExportResult } from '../../electron/main/exports';
import { testimonyJsonV2Schema } from '../../shared/testimony-json';
import { ageKeygen, makeExportVault, NARRATIVE } from '../helpers/export-vault';
import type { ExportVault, SampleTestimony } from '../helpers/export-vault';
import { ok } from '../helpers/api';
import { createTempDirs } from '../helpers/temp';

const dirs = createTempDirs('svidok-bundle-');
let v: ExportVault;
let main: SampleTestimony;
let other: SampleTestimony;
let result: ExportResult;
let bag: string;
const files = [
  { name: 'фото допиту.jpg', bytes: randomBytes(300 * 1024) },
  { name: 'notes.txt', bytes: Buffer.from('Нотатки інтерв’юера\n', 'utf8') },
  { name: 'NOTES.txt', bytes: Buffer.from('a different file with a colliding name\n') },
];

const run = (cmd: string, args: string[], cwd?: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
  const dir = dirs.make('vault');
  v = await makeExportVault(dir);
  const key = ageKeygen(dir);
  await v.addRecipient(key.publicKey);
  // Entries about another testimony before and after ours: two runs to omit.
  other = await v.addTestimony({ recordCode: 'UA-OTHER-0001' });
  main = await v.addTestimony({ recordCode: 'UA-KH-0042', answerAll: true, files });
  ok(await v.t.call('testimony:saveNarrative', { id: other.id, narrative: 'x', baseRevision: 1 }));

  const outDir = dirs.make('out');
  result = await v.t.api.services.exports.exportBundle({
    testimonyIds: [main.id],
    recipients: [key.publicKey],
    outDir,
    organisation: 'Тестова організація',
  });
  const work = dirs.make('recipient');
  run('age', ['-d', '-i', key.file, '-o', join(work, 'bundle.tar'), result.path]);
  run('tar', ['-xf', join(work, 'bundle.tar'), '-C', work]);
  bag = join(work, result.bundleId);
}, 120_000);

afterAll(() => {
  v?.t.api.shutdown();
  dirs.cleanup();
});

const manifest = () =>
  new Map(
    readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => {
        const [hash, path] = line.split('  ') as [string, string];
        return [path, hash];
      }),
  );

const custodyLines = () =>
  readFileSync(join(bag, 'data', 'custody.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('a sealed bundle, checked with standard tools only', () => {
  it('is <bundle-id>.svidok.age, mode 0600, with nothing else left in the folder', () => {
    expect(result.bundleId).toMatch(/^svidok-\d{8}-[0-9a-f]{8}$/);
    expect(result.path.endsWith(`${result.bundleId}.svidok.age`)).toBe(true);
    expect(statSync(result.path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(result.path, '..'))).toEqual([`${result.bundleId}.svidok.age`]);
    const sha = run('sha256sum', [result.path]).split(' ')[0];
    expect(sha).toBe(result.sha256);
    expect(statSync(result.path).size).toBe(result.bytes);
  });

  it('tar lists one top folder, numeric owner 0/0, one fixed mtime', () => {
    const tarPath = join(bag, '..', 'bundle.tar');
    const names = run('tar', ['-tf', tarPath]).trimEnd().split('\n');
    expect(names.every((n) => n.startsWith(`${result.bundleId}/`))).toBe(true);
    const long = run('tar', ['--numeric-owner', '--full-time', '-tvf', tarPath], undefined)
      .trimEnd()
      .split('\n');
    expect(long.every((l) => / 0\/0 /.test(l))).toBe(true);
    const times = new Set(long.map((l) => /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.exec(l)?.[0]));
    expect(times.size).toBe(1);
  });

  it('sha256sum -c passes on the manifest and on the tag manifest', () => {
    const payload = run('sha256sum', ['-c', 'manifest-sha256.txt'], bag);
    expect(payload).not.toMatch(/FAILED/);
    expect(payload).toContain(`data/testimonies/UA-KH-0042/testimony.json: OK`);
    expect(run('sha512sum', ['-c', 'manifest-sha512.txt'], bag)).not.toMatch(/FAILED/);
    const tags = run('sha256sum', ['-c', 'tagmanifest-sha256.txt'], bag);
    for (const name of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'VERIFY.txt']) {
      expect(tags).toContain(`${name}: OK`);
    }
    const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain(`External-Identifier: ${result.bundleId}`);
    expect(info).toContain('Source-Organization: Тестова організація');
    expect(info).toMatch(/^Bag-Software-Agent: Svidok \d+\.\d+\.\d+$/m);
    expect(info).toMatch(/^Payload-Oxum: \d+\.\d+$/m);
  });

  it('minisign verifies the tag manifest with the device key and shows the bundle id', () => {
    const pub = readFileSync(join(bag, 'data', 'device-key.pub'), 'utf8').split('\n');
    const out = run('minisign', ['-Vm', 'tagmanifest-sha256.txt', '-P', pub[1] as string], bag);
    expect(out).toMatch(/Signature and comment signature verified/);
    expect(out).toMatch(
      new RegExp(`Trusted comment: svidok bundle ${result.bundleId} time \\S+Z key [0-9A-F]{16}`),
    );
    const verifyTxt = readFileSync(join(bag, 'VERIFY.txt'), 'utf8');
    expect(verifyTxt).toContain(pub[1]);
    expect(verifyTxt).toContain('=== УКРАЇНСЬКОЮ ===');
    expect(verifyTxt).toContain('=== ENGLISH ===');
  });

  it('pdftotext finds the Cyrillic narrative in testimony.pdf', () => {
    const pdf = join(bag, 'data', 'testimonies', 'UA-KH-0042', 'testimony.pdf');
    const text = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).replace(/\s+/g, ' ');
    expect(text).toContain(NARRATIVE);
    expect(text).toContain(result.bundleId);
    // A co-detainee linked to the people register reads by name, not by id.
    expect(text).toContain(`${v.person.name} [`);
    expect(text).not.toContain(v.person.id);
  });

  it('attachments are the original bytes: manifest SHA-256 = intake hash = custody hash', () => {
    const hashes = manifest();
    const added = custodyLines().filter((l) => l['action'] === 'attachment.added');
    const json = testimonyJsonV2Schema.parse(
      JSON.parse(readFileSync(join(bag, 'data/testimonies/UA-KH-0042/testimony.json'), 'utf8')),
    );
    expect(json.attachments.map((a) => a.path)).toEqual([
      'data/testimonies/UA-KH-0042/attachments/фото допиту.jpg',
      'data/testimonies/UA-KH-0042/attachments/notes.txt',
      'data/testimonies/UA-KH-0042/attachments/NOTES-2.txt',
    ]);
    for (const [i, record] of main.attachments.entries()) {
      const entry = json.attachments[i]!;
      expect(entry.fileName).toBe(files[i]!.name);
      expect(hashes.get(entry.path)).toBe(record.sha256);
      expect(entry.sha256).toBe(record.sha256);
      expect(readFileSync(join(bag, entry.path)).equals(files[i]!.bytes)).toBe(true);
      const custody = added.find((l) => l['attachment'] === record.id);
      expect((custody?.['details'] as { sha256: string }).sha256).toBe(record.sha256);
    }
  });

  it('testimony.json is svidok.testimony/2, self-describing, with only the linked registers', () => {
    const json = testimonyJsonV2Schema.parse(
      JSON.parse(readFileSync(join(bag, 'data/testimonies/UA-KH-0042/testimony.json'), 'utf8')),
    );
    expect(json.id).toBe(main.id);
    expect(json.narrative.text).toBe(NARRATIVE);
    expect(json.consent.granted).toContain('share_national_prosecutor');
    expect(json.templateDefinition.vocabularies.length).toBeGreaterThan(0);
    expect(Object.keys(json.sections)).toContain('B');
    expect(json.registers.facilities.map((f) => f.id)).toEqual([v.facilityId]);
    expect(json.registers.people).toEqual([
      {
        id: v.person.id,
        names: [v.person.name],
        roles: ['co_detainee'],
        description: 'Камера № 3',
      },
    ]);
    expect(json.events).toEqual([]);
  });

  it('custody.jsonl links from the genesis, hides other testimonies, and the export is recorded', () => {
    const lines = custodyLines();
    let prev = GENESIS_HASH;
    let seq = 0;
    for (const line of lines) {
      expect(line['prev']).toBe(prev);
      if ('omitted' in line) {
        const [first, last] = line['omitted'] as [number, number];
        expect(first).toBe(seq + 1);
        expect(Object.keys(line).sort()).toEqual(['hash', 'omitted', 'prev']);
        seq = last;
      } else {
        expect(line['seq']).toBe(seq + 1);
        expect([null, main.id]).toContain(line['testimony']);
        const hash = createHash('sha256')
          .update(signedBytes(line as unknown as CustodyEntry))
          .digest('hex');
        expect(line['hash']).toBe(hash);
        seq = line['seq'] as number;
      }
      prev = line['hash'] as string;
    }
    expect(lines.filter((l) => 'omitted' in l).length).toBe(2);
    expect(readFileSync(join(bag, 'data', 'custody.jsonl'), 'utf8')).not.toContain(other.id);

    const entries = v.t.api.services.custody.entries({ testimonyId: main.id });
    const exported = entries.at(-1)!;
    expect(exported.action).toBe('bundle.exported');
    expect(exported.details['sha256']).toBe(result.sha256);
    expect(exported.details['bundleId']).toBe(result.bundleId);
    expect(String(exported.details['recipients'])).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    expect(exported.seq).toBeGreaterThan(seq);
    expect(existsSync(join(bag, 'tagmanifest-sha256.txt.minisig'))).toBe(true);
  });
});
