/**
 * Interop with the real tools a recipient has: GNU tar extracts our bag and shows no owner and the
 * fixed time; sha256sum/sha512sum -c pass on the manifests and the tag manifest; archives GNU tar
 * makes are read by our reader, and hostile ones GNU tar can be made to write are refused without
 * a byte landing outside the target.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  lstatSync,
  mkdirSync,
  readdirSync,
  symlinkSync,
  linkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BagWriter, readBag } from '../../electron/main/bundles/bagit';
import { extractTar, listTar } from '../../electron/main/bundles/tar-read';
import { TarWriter } from '../../electron/main/bundles/tar-write';
import { catchAppError } from '../helpers/app-error';
import { createTempDirs } from '../helpers/temp';
import { generated } from '../unit/bundles/tar-fixture';

const temp = createTempDirs('svidok-bagit-interop-');
const BAGGED = new Date('2025-03-14T00:00:00Z');
const MTIME = BAGGED.getTime() / 1000;
const BIG = 20 * 1000 * 1000;
const ENV = { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8' };

const run = (command: string, args: string[], cwd?: string) => {
  const result = spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

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

/** Payload names as a careless or hostile source might give them. */
const PAYLOAD: Array<[string, number]> = [
  ['testimonies/Т-001/свідчення.json', 120],
  [
    'testimonies/Т-001/attachments/Фотографія тілесних ушкоджень, лівий бік, зроблена після звільнення.jpg',
    4_000,
  ],
  ['../../etc/passwd', 10],
  ['testimonies/Т-001/attachments/\u202Egpj.exe', 11],
  ['testimonies/Т-001/attachments/con.txt', 12],
  ['testimonies/Т-001/attachments/a:b*?<>|".txt', 13],
  ['testimonies/Т-001/attachments/  .hidden  ', 14],
  ['testimonies/Т-001/attachments/line\nbreak.txt', 15],
  ['testimonies/Т-001/attachments/100% certain.txt', 16],
  ['testimonies/Т-001/attachments/empty.bin', 0],
  ['testimonies/Т-001/attachments/video.mp4', BIG],
];

let work: string;
let archive: string;
let bagDir: string;

beforeAll(async () => {
  work = temp.make();
  archive = join(work, 'b-0001.tar');
  const out = createWriteStream(archive);
  const writer = new BagWriter(new TarWriter(out, { mtime: MTIME }), {
    bagName: 'b-0001',
    info: {
      sourceOrganization: 'Svidok test',
      externalIdentifier: 'b-0001',
      baggingDate: BAGGED,
      softwareVersion: '0.1.0',
    },
  });
  let seed = 1;
  for (const [name, size] of PAYLOAD) await writer.addPayload(name, size, generated(size, seed++));
  await writer.finish({
    extraTagFiles: [{ name: 'VERIFY.txt', bytes: Buffer.from('Перевірка / verification\n') }],
  });
  out.end();
  await finished(out);
  const extracted = join(work, 'gnu');
  mkdirSync(extracted);
  const untar = run('tar', ['-xf', archive, '-C', extracted]);
  expect(untar.stderr).toBe('');
  expect(untar.status).toBe(0);
  bagDir = join(extracted, 'b-0001');
}, 120_000);

afterAll(() => temp.cleanup());

describe('GNU tar and coreutils on a bag Svidok wrote', () => {
  it('tar lists every entry as a 0644 file of 0/0 with no owner names and the fixed mtime', () => {
    const listing = run('tar', ['-tvf', archive, '--full-time']);
    expect(listing.status).toBe(0);
    const lines = listing.stdout.trim().split('\n');
    expect(lines).toHaveLength(PAYLOAD.length + 6);
    for (const line of lines)
      expect(line).toMatch(/^-rw-r--r-- 0\/0 +\d+ 2025-03-14 00:00:00 b-0001\//u);
    const numeric = run('tar', ['-tvf', archive, '--numeric-owner']);
    expect(
      numeric.stdout
        .trim()
        .split('\n')
        .every((l) => l.startsWith('-rw-r--r-- 0/0 ')),
    ).toBe(true);
  });

  it('tar extracts the sanitized names, the Cyrillic ones intact', () => {
    const names = tree(join(bagDir, 'data'));
    expect(names).toContain('testimonies/Т-001/свідчення.json');
    expect(names).toContain('etc/passwd');
    expect(names).toContain('testimonies/Т-001/attachments/gpj.exe');
    expect(names).toContain('testimonies/Т-001/attachments/_con.txt');
    expect(names).toContain('testimonies/Т-001/attachments/a_b______.txt');
    expect(names).toContain('testimonies/Т-001/attachments/hidden');
    expect(names).toContain('testimonies/Т-001/attachments/linebreak.txt');
    expect(names).toContain('testimonies/Т-001/attachments/100_ certain.txt');
    expect(lstatSync(join(bagDir, 'data/testimonies/Т-001/attachments/video.mp4')).size).toBe(BIG);
    expect(lstatSync(join(bagDir, 'data/testimonies/Т-001/attachments/empty.bin')).size).toBe(0);
  });

  it.each([
    ['sha256sum', 'manifest-sha256.txt'],
    ['sha512sum', 'manifest-sha512.txt'],
    ['sha256sum', 'tagmanifest-sha256.txt'],
  ])('%s -c --strict %s passes', (tool, manifest) => {
    const check = run(tool, ['-c', '--strict', manifest], bagDir);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const lines = check.stdout.trim().split('\n');
    expect(lines.length).toBe(manifest.startsWith('tag') ? 5 : PAYLOAD.length);
    expect(lines.every((line) => line.endsWith(': OK'))).toBe(true);
  });

  it('readBag finds the GNU-extracted bag whole, and our reader agrees with GNU tar', async () => {
    expect((await readBag(bagDir)).checks.filter((c) => !c.ok)).toEqual([]);
    const ours = join(temp.make(), 'ours');
    const entries = await extractTar(createReadStream(archive), ours);
    expect(tree(ours)).toEqual(tree(join(work, 'gnu')));
    const video = entries.find((e) => e.name.endsWith('video.mp4'));
    const gnuDigest = execFileSync(
      'sha256sum',
      [join(bagDir, 'data/testimonies/Т-001/attachments/video.mp4')],
      { encoding: 'utf8' },
    );
    expect(gnuDigest.startsWith(video?.sha256 ?? 'none')).toBe(true);
  });
});

describe('archives made by GNU tar, read by our reader', () => {
  let source: string;
  beforeAll(() => {
    source = temp.make();
    mkdirSync(join(source, 'bag/data/вкладення'), { recursive: true });
    writeFileSync(join(source, 'bag/data/вкладення/протокол.txt'), 'Свідчення\n');
    writeFileSync(join(source, 'bag/data/empty'), '');
    writeFileSync(join(source, `bag/data/${'довга назва '.repeat(8).trim()}.txt`), 'long\n');
  });

  it.each(['gnu', 'posix', 'pax', 'oldgnu'])(
    '--format=%s: names, sizes and digests match sha256sum',
    async (format) => {
      const tarFile = join(temp.make(), 'x.tar');
      execFileSync('tar', [`--format=${format}`, '-cf', tarFile, '-C', source, 'bag'], {
        env: ENV,
      });
      const files = [];
      for await (const entry of listTar(createReadStream(tarFile)))
        if (entry.type === 'file') files.push(entry);
      expect(files.map((f) => f.name).sort()).toEqual(
        tree(source)
          .filter((p) => lstatSync(join(source, p)).isFile())
          .sort(),
      );
      for (const entry of files) {
        const sum = execFileSync('sha256sum', [entry.name], { cwd: source, encoding: 'utf8' });
        expect(sum.slice(0, 64)).toBe(entry.sha256);
      }
    },
  );
});

describe('hostile archives made with GNU tar are refused, nothing written outside', () => {
  async function refusedByUs(tarFile: string, expected: RegExp) {
    const parent = temp.make();
    mkdirSync(join(parent, 'sibling'));
    const before = tree(parent);
    const error = await catchAppError(() =>
      extractTar(createReadStream(tarFile), join(parent, 'target')),
    );
    expect(error.code).toBe('BUNDLE_ENTRY_REFUSED');
    expect(error.message).toMatch(expected);
    expect(tree(parent)).toEqual(before);
  }

  it('--absolute-names', async () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'abs.txt'), 'x');
    const tarFile = join(temp.make(), 'abs.tar');
    execFileSync('tar', ['--absolute-names', '-cf', tarFile, join(dir, 'abs.txt')], { env: ENV });
    await refusedByUs(tarFile, /absolute path/u);
  });

  it('a symbolic link (ln -s)', async () => {
    const dir = temp.make();
    symlinkSync('/etc/passwd', join(dir, 'link'));
    const tarFile = join(temp.make(), 'sym.tar');
    execFileSync('tar', ['-cf', tarFile, '-C', dir, 'link'], { env: ENV });
    await refusedByUs(tarFile, /"link".*symbolic link/u);
  });

  it('a hard link', async () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'a'), 'x');
    linkSync(join(dir, 'a'), join(dir, 'b'));
    const tarFile = join(temp.make(), 'hard.tar');
    execFileSync('tar', ['-cf', tarFile, '-C', dir, 'a', 'b'], { env: ENV });
    await refusedByUs(tarFile, /"b".*hard link/u);
  });

  it("--transform to '../'", async () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'evil.txt'), 'x');
    const tarFile = join(temp.make(), 'dotdot.tar');
    execFileSync('tar', ['--transform', 's,^,../../,', '-cf', tarFile, '-C', dir, 'evil.txt'], {
      env: ENV,
    });
    await refusedByUs(tarFile, /'\.\.'/u);
  });

  it('a FIFO (mkfifo)', async () => {
    const dir = temp.make();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const tarFile = join(temp.make(), 'fifo.tar');
    execFileSync('tar', ['-cf', tarFile, '-C', dir, 'pipe'], { env: ENV });
    await refusedByUs(tarFile, /FIFO/u);
  });
});
