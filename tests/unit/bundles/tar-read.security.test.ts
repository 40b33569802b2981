/**
 * Hostile archives, built byte by byte: each one is refused with a typed error naming the entry,
 * and nothing is left behind — not outside the target folder (its parent is listed before and
 * after) and not inside it either.
 */
import { lstatSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractTar, listTar, type TarLimits } from '../../../electron/main/bundles/tar-read';
import type { ErrorCode } from '../../../shared/errors';
import { catchAppError } from '../../helpers/app-error';
import { createTempDirs } from '../../helpers/temp';
import { body, chunksOf, END, file, paxHeader, rawHeader } from './tar-fixture';

const temp = createTempDirs('svidok-tar-read-');
afterEach(() => temp.cleanup());

/** Every path under `dir`, recursively, without following links. */
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

async function expectRefused(
  archive: Buffer,
  code: ErrorCode,
  named: string | RegExp,
  limits?: TarLimits,
): Promise<void> {
  const parent = temp.make();
  mkdirSync(join(parent, 'sibling'));
  const before = tree(parent);
  const target = join(parent, 'target');
  const error = await catchAppError(() => extractTar(chunksOf(archive), target, limits));
  expect(error.code).toBe(code);
  if (typeof named === 'string') expect(error.message).toContain(named);
  else expect(error.message).toMatch(named);
  expect(tree(parent)).toEqual(before); // nothing outside, and the target it made is gone again
  // listing applies the same rules
  const listing = await catchAppError(async () => {
    for await (const _ of listTar(chunksOf(archive), limits)) void _;
  });
  expect(listing.code).toBe(code);
}

const ok = file('bag/data/ok.txt', 'fine');

describe('extractTar refuses hostile archives', () => {
  it('an absolute path', async () => {
    await expectRefused(
      Buffer.concat([ok, file('/tmp/svidok-evil', 'x'), END]),
      'BUNDLE_ENTRY_REFUSED',
      '/tmp/svidok-evil',
    );
  });

  it("a '..' that climbs out", async () => {
    await expectRefused(
      Buffer.concat([file('../evil.txt', 'x'), END]),
      'BUNDLE_ENTRY_REFUSED',
      '../evil.txt',
    );
  });

  it("a '..' in the middle of a path", async () => {
    await expectRefused(
      Buffer.concat([ok, file('bag/../../evil.txt', 'x'), END]),
      'BUNDLE_ENTRY_REFUSED',
      "'..'",
    );
  });

  it("a '..' hidden in the ustar prefix field", async () => {
    const entry = Buffer.concat([
      rawHeader({ name: 'evil.txt', prefix: '..', size: 1 }),
      body('x'),
    ]);
    await expectRefused(Buffer.concat([entry, END]), 'BUNDLE_ENTRY_REFUSED', '../evil.txt');
  });

  it('a pax path that climbs out behind a harmless ustar name', async () => {
    const archive = Buffer.concat([
      paxHeader({ path: '../../pax-evil.txt' }),
      file('harmless.txt', 'x'),
      END,
    ]);
    await expectRefused(archive, 'BUNDLE_ENTRY_REFUSED', '../../pax-evil.txt');
  });

  it('a GNU long name that climbs out', async () => {
    const longName = `../${'a'.repeat(120)}`;
    const archive = Buffer.concat([
      rawHeader({ name: '././@LongLink', typeflag: 'L', size: longName.length + 1, magic: 'gnu' }),
      body(`${longName}\0`),
      file('harmless.txt', 'x', { magic: 'gnu' }),
      END,
    ]);
    await expectRefused(archive, 'BUNDLE_ENTRY_REFUSED', longName);
  });

  it.each([
    ['1', 'hard link'],
    ['2', 'symbolic link'],
    ['3', 'character device'],
    ['4', 'block device'],
    ['6', 'FIFO'],
  ])('typeflag %s (a %s)', async (typeflag, kind) => {
    const archive = Buffer.concat([
      ok,
      rawHeader({ name: 'bag/data/link', typeflag, linkname: '/etc/passwd' }),
      END,
    ]);
    await expectRefused(archive, 'BUNDLE_ENTRY_REFUSED', new RegExp(`bag/data/link.*${kind}`, 'u'));
  });

  it('a symlink followed by a file written through it', async () => {
    const archive = Buffer.concat([
      rawHeader({ name: 'bag/escape', typeflag: '2', linkname: '/tmp' }),
      file('bag/escape/evil.txt', 'x'),
      END,
    ]);
    await expectRefused(archive, 'BUNDLE_ENTRY_REFUSED', 'bag/escape');
  });

  it('a duplicate file name', async () => {
    await expectRefused(
      Buffer.concat([ok, file('bag/data/ok.txt', 'again'), END]),
      'BUNDLE_ENTRY_REFUSED',
      'duplicate',
    );
  });

  it('a duplicate that differs only in Unicode normalisation (NFC vs NFD)', async () => {
    const nfc = 'bag/data/й.txt'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    const archive = Buffer.concat([
      paxHeader({ path: nfc }),
      file('a', '1'),
      paxHeader({ path: nfd }),
      file('b', '2'),
      END,
    ]);
    await expectRefused(archive, 'BUNDLE_ENTRY_REFUSED', 'duplicate');
  });

  it('a file where a folder must be', async () => {
    await expectRefused(
      Buffer.concat([ok, file('bag/data/ok.txt/inner', 'x'), END]),
      'BUNDLE_ENTRY_REFUSED',
      'folder',
    );
  });

  it.each([
    ['a backslash', 'bag\\..\\evil.txt'],
    ['a drive letter', 'C:/evil.txt'],
    ['a control character', 'bag/evil\u001b[31m.txt'],
  ])('a name with %s', async (_, name) => {
    await expectRefused(
      Buffer.concat([file(name, 'x'), END]),
      'BUNDLE_ENTRY_REFUSED',
      'refused character',
    );
  });

  it('a declared size above the per-file limit, before reading a byte of it', async () => {
    const archive = Buffer.concat([
      rawHeader({ name: 'bag/data/huge.bin', size: 0o77777777777 }),
      END,
    ]);
    const limits = { maxEntrySize: 2 ** 30, maxTotalSize: 2 ** 31, maxEntries: 10 };
    await expectRefused(archive, 'BUNDLE_TOO_LARGE', 'bag/data/huge.bin', limits);
  });

  it('a pax size that claims petabytes', async () => {
    const archive = Buffer.concat([
      paxHeader({ size: String(2 ** 52) }),
      file('bag/data/huge.bin', ''),
      END,
    ]);
    await expectRefused(archive, 'BUNDLE_TOO_LARGE', 'bag/data/huge.bin');
  });

  it('files that together pass the total-size limit', async () => {
    const limits = { maxEntrySize: 10, maxTotalSize: 15, maxEntries: 10 };
    const archive = Buffer.concat([file('bag/a', '12345678'), file('bag/b', '12345678'), END]);
    await expectRefused(archive, 'BUNDLE_TOO_LARGE', 'bag/b', limits);
  });

  it('more entries than allowed', async () => {
    const limits = { maxEntrySize: 10, maxTotalSize: 100, maxEntries: 2 };
    const archive = Buffer.concat([
      file('bag/a', '1'),
      file('bag/b', '2'),
      file('bag/c', '3'),
      END,
    ]);
    await expectRefused(archive, 'BUNDLE_TOO_LARGE', 'bag/c', limits);
  });

  it('an archive cut short inside a file', async () => {
    const archive = Buffer.concat([
      ok,
      rawHeader({ name: 'bag/data/cut.bin', size: 2000 }),
      Buffer.alloc(700, 1),
    ]);
    await expectRefused(archive, 'BUNDLE_UNREADABLE', 'cut short');
  });

  it('an archive cut short inside a header', async () => {
    await expectRefused(
      Buffer.concat([ok, rawHeader({ name: 'bag/x' }).subarray(0, 300)]),
      'BUNDLE_UNREADABLE',
      'cut short',
    );
  });

  it('an archive without its end marker', async () => {
    await expectRefused(ok, 'BUNDLE_UNREADABLE', 'end marker');
  });

  it('a header whose checksum does not match', async () => {
    const header = rawHeader({ name: 'bag/data/x.txt', size: 1, checksum: 1234 });
    await expectRefused(
      Buffer.concat([ok, header, body('x'), END]),
      'BUNDLE_UNREADABLE',
      /checksum.*ok\.txt/u,
    );
  });

  it('a header that is not ustar (a v7 or garbage header)', async () => {
    const header = rawHeader({ name: 'bag/data/x.txt', magic: '\0\0\0\0\0\0\0\0' });
    await expectRefused(Buffer.concat([header, END]), 'BUNDLE_UNREADABLE', 'not a ustar header');
  });

  it('data hidden after the end marker', async () => {
    await expectRefused(
      Buffer.concat([ok, END, Buffer.from('smuggled')]),
      'BUNDLE_UNREADABLE',
      'after the end',
    );
  });

  it('a malformed pax record', async () => {
    const bad = Buffer.concat([
      rawHeader({ name: 'PaxHeaders/x', typeflag: 'x', size: 12 }),
      body('99 path=abc\n'),
    ]);
    await expectRefused(Buffer.concat([bad, file('a', '1'), END]), 'BUNDLE_UNREADABLE', 'pax');
  });

  it('a GNU sparse file (its bytes would mean something else)', async () => {
    const archive = Buffer.concat([
      paxHeader({ 'GNU.sparse.major': '1' }),
      file('bag/data/sparse', 'x'),
      END,
    ]);
    await expectRefused(archive, 'BUNDLE_ENTRY_REFUSED', 'sparse');
  });

  it('a global pax header that renames entries', async () => {
    const global = paxHeader({ path: '../x' });
    global.write('g', 156, 'latin1');
    global.write(`${rawChecksum(global)}`, 148, 'latin1');
    await expectRefused(Buffer.concat([global, ok, END]), 'BUNDLE_ENTRY_REFUSED', 'global');
  });
});

function rawChecksum(header: Buffer): string {
  let sum = 8 * 32;
  for (let i = 0; i < 512; i++) if (i < 148 || i >= 156) sum += header[i] ?? 0;
  return `${sum.toString(8).padStart(6, '0')}\0 `;
}

describe('extractTar keeps to its target folder', () => {
  it('refuses a target that is not empty (it may hold links an entry would follow)', async () => {
    const parent = temp.make();
    const target = join(parent, 'target');
    mkdirSync(target);
    symlinkSync('/tmp', join(target, 'bag'));
    const error = await catchAppError(() => extractTar(chunksOf(Buffer.concat([ok, END])), target));
    expect(error.code).toBe('FILE_EXISTS');
    expect(tree(target)).toEqual(['bag']);
  });

  it('extracts a well-formed archive with folders, "./" names and a 0-byte file', async () => {
    const target = join(temp.make(), 'out');
    const archive = Buffer.concat([
      rawHeader({ name: './', typeflag: '5' }),
      rawHeader({ name: './bag/', typeflag: '5' }),
      file('./bag/data/ok.txt', 'fine'),
      file('./bag/empty', ''),
      END,
    ]);
    const entries = await extractTar(chunksOf(archive), target);
    expect(entries.map((e) => [e.name, e.type, e.size])).toEqual([
      ['bag', 'directory', 0],
      ['bag/data/ok.txt', 'file', 4],
      ['bag/empty', 'file', 0],
    ]);
    expect(tree(target)).toEqual(['bag', 'bag/data', 'bag/data/ok.txt', 'bag/empty']);
    expect(lstatSync(join(target, 'bag/data/ok.txt')).mode & 0o777).toBe(0o600);
  });
});
