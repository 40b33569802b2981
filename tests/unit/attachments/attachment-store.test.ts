/**
 * AttachmentStore over a real vault: files go in streamed, hashed and encrypted, and come back
 * byte for byte; the original is never touched; the row and its custody entry commit together or
 * not at all; a failed intake leaves no blob, no temp file, no row and no custody entry.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import {
  AttachmentStore,
  PLAIN_CHUNK_BYTES,
  PREFIX_BYTES,
  CIPHER_CHUNK_BYTES,
} from '../../../electron/main/attachments';
import { AppError } from '../../../shared/errors';
import { catchAppError } from '../../helpers/app-error';
import { createTempDirs } from '../../helpers/temp';
import { drain, failingSource, openStoreFixture, sha256Hex } from './fixture';
import type { StoreFixture } from './fixture';

const dirs = createTempDirs();
const KiB = 1024;

let f: StoreFixture;
beforeAll(async () => {
  f = await openStoreFixture(dirs);
});
afterAll(() => {
  f.close();
  dirs.cleanup();
});

/** A fresh folder per test for source files and exports. */
const work = () => dirs.make('work');

function sourceFile(bytes: Uint8Array, name = 'source.bin'): string {
  const path = join(work(), name);
  writeFileSync(path, bytes);
  return path;
}

async function readBack(id: string): Promise<Buffer> {
  const drained = await drain(await f.store.open(id));
  expect(drained.error).toBeUndefined();
  return drained.bytes;
}

describe('round trips', () => {
  it.each([
    ['0 bytes', 0],
    ['1 byte', 1],
    ['64 KiB - 1', PLAIN_CHUNK_BYTES - 1],
    ['exactly 64 KiB', PLAIN_CHUNK_BYTES],
    ['64 KiB + 1', PLAIN_CHUNK_BYTES + 1],
    ['exactly 3 chunks', 3 * PLAIN_CHUNK_BYTES],
    ['3 MiB and a bit', 3 * 1024 * KiB + 12_345],
  ])('%s: the bytes come back identical, with the SHA-256 of the source', async (_name, size) => {
    const bytes = randomBytes(size);
    const t = f.testimony();
    const added = await f.store.add(t, sourceFile(bytes));
    expect(added).toMatchObject({ testimonyId: t, size, sha256: sha256Hex(bytes) });
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await readBack(added.id)).equals(bytes)).toBe(true);
    await expect(f.store.verify(added.id)).resolves.toEqual(added);
    // The blob is exactly prefix + one sealed chunk per 64 KiB (an empty final one for 0 bytes).
    const chunks = Math.max(1, Math.ceil(size / PLAIN_CHUNK_BYTES));
    const blob = statSync(join(f.blobsDir, `${added.id}.blob`));
    expect(blob.size).toBe(PREFIX_BYTES + size + chunks * (CIPHER_CHUNK_BYTES - PLAIN_CHUNK_BYTES));
    if (process.platform !== 'win32') expect(blob.mode & 0o777).toBe(0o600);
  });

  it('addStream takes bytes from a stream, in pieces of any size', async () => {
    const bytes = randomBytes(200 * KiB + 7);
    const pieces = [bytes.subarray(0, 1), bytes.subarray(1, 70_000), bytes.subarray(70_000)];
    const t = f.testimony();
    const added = await f.store.addStream(t, Readable.from(pieces), 'photo.jpg');
    expect(added).toMatchObject({ fileName: 'photo.jpg', size: bytes.length });
    expect(added.sha256).toBe(sha256Hex(bytes));
    expect((await readBack(added.id)).equals(bytes)).toBe(true);
  });

  it('list shows every attachment of a testimony, oldest first, and none of another', async () => {
    const t = f.testimony();
    const other = f.testimony();
    expect(f.store.list(t)).toEqual([]);
    const a = await f.store.add(t, sourceFile(Buffer.from('a')), 'a.txt');
    const b = await f.store.add(t, sourceFile(Buffer.from('bb')), 'b.txt');
    await f.store.add(other, sourceFile(Buffer.from('c')), 'c.txt');
    expect(f.store.list(t)).toEqual([a, b]);
    expect(f.store.get(b.id)).toEqual(b);
  });

  it('the default file name is the source file’s own name', async () => {
    const t = f.testimony();
    const added = await f.store.add(t, sourceFile(Buffer.from('x'), 'Протокол допиту.pdf'));
    expect(added.fileName).toBe('Протокол допиту.pdf');
  });
});

describe('the original is evidence: read, never changed', () => {
  it('bytes, mtime and mode of the source are unchanged after intake', async () => {
    const bytes = randomBytes(150 * KiB);
    const path = sourceFile(bytes);
    chmodSync(path, 0o444);
    utimesSync(path, new Date('2024-05-01T08:00:00Z'), new Date('2024-05-01T08:00:00Z'));
    const before = statSync(path);
    await f.store.add(f.testimony(), path);
    // Closed by the time add() returns (a memory stick can be ejected at once).
    if (process.platform === 'linux') expect(openDescriptorsOf(path)).toEqual([]);
    const after = statSync(path);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.mode).toBe(before.mode);
    expect(after.size).toBe(before.size);
  });

  it('a read-only source is fine: it is opened read-only', async () => {
    const path = sourceFile(Buffer.from('read-only'));
    chmodSync(path, 0o400);
    const added = await f.store.add(f.testimony(), path);
    expect((await readBack(added.id)).toString()).toBe('read-only');
  });
});

describe('custody: attachment.added in the same transaction as the row', () => {
  it('records the ids, the SHA-256 and the size, inside the transaction', async () => {
    const t = f.testimony();
    const bytes = Buffer.from('свідчення');
    const before = f.custody.entries.length;
    const added = await f.store.add(t, sourceFile(bytes), 'note.txt');
    expect(f.custody.entries.slice(before)).toEqual([
      {
        action: 'attachment.added',
        subject: { testimonyId: t, attachmentId: added.id },
        details: { sha256: sha256Hex(bytes), size: bytes.length },
        inTransaction: true,
      },
    ]);
  });

  it('a custody entry that fails rolls the row back and removes the blob', async () => {
    const t = f.testimony();
    const rows = f.rowCount();
    const blobs = f.blobFiles();
    f.custody.failWith = new Error('custody log unavailable');
    await expect(f.store.add(t, sourceFile(Buffer.from('x')))).rejects.toThrow(
      'custody log unavailable',
    );
    expect(f.rowCount()).toBe(rows);
    expect(f.store.list(t)).toEqual([]);
    expect(f.blobFiles()).toEqual(blobs);
  });

  it('exportTo records attachment.exported once the file is complete', async () => {
    const t = f.testimony();
    const added = await f.store.add(t, sourceFile(Buffer.from('export me')));
    const before = f.custody.entries.length;
    await f.store.exportTo(added.id, join(work(), 'out.txt'));
    expect(f.custody.entries.slice(before)).toEqual([
      {
        action: 'attachment.exported',
        subject: { testimonyId: t, attachmentId: added.id },
        details: { sha256: added.sha256, size: added.size },
        inTransaction: true,
      },
    ]);
  });

  it('an export whose custody entry fails leaves no file', async () => {
    const added = await f.store.add(f.testimony(), sourceFile(Buffer.from('x')));
    const out = work();
    f.custody.failWith = new Error('custody log unavailable');
    await expect(f.store.exportTo(added.id, join(out, 'x.txt'))).rejects.toThrow(
      'custody log unavailable',
    );
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('refusals before anything is written', () => {
  it('NOT_FOUND for a testimony that does not exist, before the source is read or a blob written', async () => {
    const rows = f.rowCount();
    const entries = f.custody.entries.length;
    // A blobs folder that does not exist yet: the first intake would create it.
    const blobsDir = join(work(), 'blobs');
    const store = new AttachmentStore({ ...f.deps, blobsDir: () => blobsDir });
    const path = sourceFile(Buffer.from('x'));
    expect((await catchAppError(() => store.add(randomUUID(), path))).code).toBe('NOT_FOUND');
    let reads = 0;
    const source = new Readable({
      read() {
        reads += 1;
        this.push(null);
      },
    });
    expect((await catchAppError(() => store.addStream(randomUUID(), source, 'a'))).code).toBe(
      'NOT_FOUND',
    );
    expect(reads).toBe(0);
    expect(source.destroyed).toBe(true);
    expect(existsSync(blobsDir)).toBe(false);
    expect((await catchAppError(() => f.store.list(randomUUID()))).code).toBe('NOT_FOUND');
    expect(f.rowCount()).toBe(rows);
    expect(f.custody.entries.length).toBe(entries);
  });

  it('NOT_FOUND for an unknown attachment id in get, open, exportTo and verify', async () => {
    const id = randomUUID();
    expect((await catchAppError(() => f.store.get(id))).code).toBe('NOT_FOUND');
    expect((await catchAppError(() => f.store.open(id))).code).toBe('NOT_FOUND');
    expect((await catchAppError(() => f.store.exportTo(id, join(work(), 'x')))).code).toBe(
      'NOT_FOUND',
    );
    expect((await catchAppError(() => f.store.verify(id))).code).toBe('NOT_FOUND');
  });

  it.each([
    ['a missing file', (dir: string) => join(dir, 'missing.bin')],
    ['a folder', (dir: string) => dir],
    [
      'a symlink to nowhere',
      (dir: string) => {
        const link = join(dir, 'dangling');
        symlinkSync(join(dir, 'nowhere'), link);
        return link;
      },
    ],
  ])('FILE_UNREADABLE for %s', async (_name, make) => {
    const blobs = f.blobFiles();
    const error = await catchAppError(() => f.store.add(f.testimony(), make(work()), 'x.bin'));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(f.blobFiles()).toEqual(blobs);
  });

  it.skipIf(process.platform === 'win32')(
    'FILE_UNREADABLE for a FIFO, without hanging',
    async () => {
      const { execFileSync } = await import('node:child_process');
      const fifo = join(work(), 'fifo');
      execFileSync('mkfifo', [fifo]);
      const error = await catchAppError(() => f.store.add(f.testimony(), fifo));
      expect(error.code).toBe('FILE_UNREADABLE');
    },
  );
});

describe('file names: stored exactly, refused only when impossible', () => {
  const HOSTILE = [
    '<img src=x onerror=alert(1)>.jpg',
    '\u202Egnp.exe',
    '../../etc/passwd',
    '..\\..\\Windows\\System32\\cmd.exe',
    'CON.txt',
    '  leading and trailing spaces  ',
    '.hidden',
    'line\nbreak\r\ttab.txt',
    'e\u0301-decomposed.txt',
    '🙂👩‍👩‍👧.png',
    'Ї'.repeat(125), // 250 UTF-8 bytes
    'Фото з підвалу '.repeat(30).trim() + '.jpg',
  ];

  it.each(HOSTILE.map((name) => [JSON.stringify(name).slice(0, 60), name]))(
    '%s round-trips exactly through add and list',
    async (_label, name) => {
      const t = f.testimony();
      const added = await f.store.add(t, sourceFile(Buffer.from('x')), name);
      expect(added.fileName).toBe(name);
      expect(f.store.list(t).map((a) => a.fileName)).toEqual([name]);
      expect(f.store.get(added.id).fileName === name).toBe(true);
    },
  );

  it('a 250-byte Cyrillic name is 250 bytes', () => {
    expect(Buffer.byteLength('Ї'.repeat(125))).toBe(250);
  });

  it.each([
    ['empty', ''],
    ['with NUL', 'a\u0000.txt'],
    ['with a lone surrogate', 'a\uD800.txt'],
    ['over 1024 UTF-8 bytes', 'Ї'.repeat(513)],
  ])('BAD_INPUT for a name %s, before anything is written', async (_name, name) => {
    const rows = f.rowCount();
    const blobs = f.blobFiles();
    const path = sourceFile(Buffer.from('x'));
    expect((await catchAppError(() => f.store.add(f.testimony(), path, name))).code).toBe(
      'BAD_INPUT',
    );
    expect(f.rowCount()).toBe(rows);
    expect(f.blobFiles()).toEqual(blobs);
  });

  it('1024 UTF-8 bytes is still accepted', async () => {
    const name = 'Ї'.repeat(512);
    const added = await f.store.add(f.testimony(), sourceFile(Buffer.from('x')), name);
    expect(added.fileName).toBe(name);
  });
});

describe('failure cleanup: nothing is left of an intake that fails', () => {
  function expectNothingLeft(rows: number, blobs: string[], entries: number) {
    expect(f.rowCount()).toBe(rows);
    expect(f.blobFiles()).toEqual(blobs);
    expect(f.blobFiles().filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(f.custody.entries.length).toBe(entries);
  }

  it.each([0, 1, PLAIN_CHUNK_BYTES - 1, PLAIN_CHUNK_BYTES, PLAIN_CHUNK_BYTES + 1, 300 * KiB])(
    'a source that fails after %i bytes: FILE_UNREADABLE, no blob, no temp file, no row, no entry',
    async (failAfter) => {
      const t = f.testimony();
      const [rows, blobs, entries] = [f.rowCount(), f.blobFiles(), f.custody.entries.length];
      const error = await catchAppError(() =>
        f.store.addStream(t, failingSource(failAfter), 'broken.bin'),
      );
      expect(error.code).toBe('FILE_UNREADABLE');
      expect((error.cause as { code?: string }).code).toBe('EIO');
      expectNothingLeft(rows, blobs, entries);
      // The vault stays usable.
      const ok = await f.store.add(t, sourceFile(Buffer.from('after')), 'after.txt');
      expect((await readBack(ok.id)).toString()).toBe('after');
    },
  );

  it('a source that yields text instead of bytes: BAD_INPUT, nothing left', async () => {
    const [rows, blobs, entries] = [f.rowCount(), f.blobFiles(), f.custody.entries.length];
    const error = await catchAppError(() =>
      f.store.addStream(f.testimony(), Readable.from(['text'], { objectMode: true }), 'a.txt'),
    );
    expect(error.code).toBe('BAD_INPUT');
    expectNothingLeft(rows, blobs, entries);
  });

  it('the vault locked during intake: VAULT_LOCKED, and the blob is removed', async () => {
    const g = await openStoreFixture(dirs);
    try {
      const t = g.testimony();
      let reads = 0;
      const source = new Readable({
        read() {
          reads += 1;
          if (reads === 3) g.vault.close();
          this.push(reads <= 5 ? Buffer.alloc(PLAIN_CHUNK_BYTES, 1) : null);
        },
      });
      expect((await catchAppError(() => g.store.addStream(t, source, 'a.bin'))).code).toBe(
        'VAULT_LOCKED',
      );
      expect(g.blobFiles()).toEqual([]);
    } finally {
      g.close();
    }
  });

  it('a failure before the source is read (no blobs key): the source is closed, not leaked', async () => {
    const g = new AttachmentStore({
      ...f.deps,
      blobsKey: () => {
        throw new AppError('VAULT_LOCKED', 'locked');
      },
    });
    const stream = Readable.from([Buffer.from('x')]);
    const t = f.testimony();
    expect((await catchAppError(() => g.addStream(t, stream, 'a'))).code).toBe('VAULT_LOCKED');
    expect(stream.destroyed).toBe(true);
    if (process.platform === 'linux') {
      const path = sourceFile(Buffer.from('x'));
      expect((await catchAppError(() => g.add(t, path))).code).toBe('VAULT_LOCKED');
      expect(openDescriptorsOf(path)).toEqual([]);
    }
  });

  it('a locked vault refuses every method with VAULT_LOCKED, writing nothing', async () => {
    const g = await openStoreFixture(dirs);
    const t = g.testimony();
    const added = await g.store.add(t, sourceFile(Buffer.from('x')));
    g.close();
    const path = sourceFile(Buffer.from('y'));
    for (const run of [
      () => g.store.add(t, path),
      () => g.store.addStream(t, Readable.from([Buffer.from('y')]), 'y'),
      () => g.store.list(t),
      () => g.store.get(added.id),
      () => g.store.open(added.id),
      () => g.store.exportTo(added.id, join(work(), 'out')),
      () => g.store.verify(added.id),
    ]) {
      expect((await catchAppError(run)).code).toBe('VAULT_LOCKED');
    }
    expect(g.blobFiles()).toEqual([`${added.id}.blob`]);
  });
});

describe('size limit', () => {
  it('a file over the limit: ATTACHMENT_TOO_LARGE before anything is written', async () => {
    // A blobs folder that does not exist yet: any attempt to write would create it.
    const blobsDir = join(work(), 'blobs');
    const g = new AttachmentStore({ ...f.deps, blobsDir: () => blobsDir, maxBytes: 100 * KiB });
    const error = await catchAppError(() =>
      g.add(f.testimony(), sourceFile(randomBytes(100 * KiB + 1))),
    );
    expect(error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(existsSync(blobsDir)).toBe(false);
    // Exactly at the limit is accepted.
    const ok = await g.add(f.testimony(), sourceFile(randomBytes(100 * KiB)));
    expect(ok.size).toBe(100 * KiB);
    expect(readdirSync(blobsDir)).toEqual([`${ok.id}.blob`]);
  });

  it('a stream that runs over the limit is stopped there, and nothing is kept', async () => {
    const g = new AttachmentStore({ ...f.deps, maxBytes: 100 * KiB });
    const [rows, blobs] = [f.rowCount(), f.blobFiles()];
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += PLAIN_CHUNK_BYTES;
        this.push(Buffer.alloc(PLAIN_CHUNK_BYTES));
      },
    });
    const error = await catchAppError(() => g.addStream(f.testimony(), endless, 'endless'));
    expect(error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(produced).toBeLessThan(10 * PLAIN_CHUNK_BYTES);
    expect(endless.destroyed).toBe(true);
    expect(f.rowCount()).toBe(rows);
    expect(f.blobFiles()).toEqual(blobs);
  });
});

describe('exportTo', () => {
  it('writes the original bytes, owner-only, and leaves no temp file', async () => {
    const bytes = randomBytes(130 * KiB);
    const added = await f.store.add(f.testimony(), sourceFile(bytes));
    const out = work();
    const target = join(out, 'copy.bin');
    await expect(f.store.exportTo(added.id, target)).resolves.toEqual(added);
    expect(readFileSync(target).equals(bytes)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(out)).toEqual(['copy.bin']);
  });

  it('refuses to overwrite an existing file (FILE_EXISTS) unless asked', async () => {
    const added = await f.store.add(f.testimony(), sourceFile(Buffer.from('new')));
    const out = work();
    const target = join(out, 'existing.txt');
    writeFileSync(target, 'old');
    const entries = f.custody.entries.length;
    expect((await catchAppError(() => f.store.exportTo(added.id, target))).code).toBe(
      'FILE_EXISTS',
    );
    // Refused before anything was decrypted or written: no export, so no custody entry.
    expect(f.custody.entries.length).toBe(entries);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(out)).toEqual(['existing.txt']);
    await f.store.exportTo(added.id, target, { overwrite: true });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(out)).toEqual(['existing.txt']);
  });

  it('a file created at the target while the export runs is not replaced (FILE_EXISTS)', async () => {
    const added = await f.store.add(f.testimony(), sourceFile(Buffer.from('exported')));
    const out = work();
    const target = join(out, 'race.txt');
    // The custody entry is recorded once the bytes are on disk, just before the file takes its
    // name: the moment another program could have created the same name.
    f.custody.beforeNext = () => writeFileSync(target, 'someone else’s file');
    expect((await catchAppError(() => f.store.exportTo(added.id, target))).code).toBe(
      'FILE_EXISTS',
    );
    expect(readFileSync(target, 'utf8')).toBe('someone else’s file');
    expect(readdirSync(out)).toEqual(['race.txt']);
  });

  it('a dangling symlink at the target counts as existing; nothing is written through it', async () => {
    const added = await f.store.add(f.testimony(), sourceFile(Buffer.from('x')));
    const out = work();
    const elsewhere = join(work(), 'elsewhere.txt');
    symlinkSync(elsewhere, join(out, 'link.txt'));
    expect(
      (await catchAppError(() => f.store.exportTo(added.id, join(out, 'link.txt')))).code,
    ).toBe('FILE_EXISTS');
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('a missing target folder fails and creates nothing', async () => {
    const added = await f.store.add(f.testimony(), sourceFile(Buffer.from('x')));
    const out = work();
    await expect(f.store.exportTo(added.id, join(out, 'no', 'such.txt'))).rejects.toThrow();
    expect(readdirSync(out)).toEqual([]);
    mkdirSync(join(out, 'no'));
    await f.store.exportTo(added.id, join(out, 'no', 'such.txt'));
    expect(readFileSync(join(out, 'no', 'such.txt'), 'utf8')).toBe('x');
  });
});

describe('keys', () => {
  it('every copy of the blobs sub-key handed to the store is wiped after use', async () => {
    const added = await f.store.add(f.testimony(), sourceFile(randomBytes(1000)));
    await f.store.verify(added.id);
    await f.store.exportTo(added.id, join(work(), 'k.bin'));
    expect(f.keysHandedOut.length).toBeGreaterThan(2);
    for (const key of f.keysHandedOut) expect(key.every((b) => b === 0)).toBe(true);
  });

  it('each blob has its own key: the same bytes twice make unrelated blobs', async () => {
    const bytes = Buffer.alloc(10 * KiB, 7);
    const t = f.testimony();
    const a = await f.store.add(t, sourceFile(bytes));
    const b = await f.store.add(t, sourceFile(bytes));
    const blobA = readFileSync(join(f.blobsDir, `${a.id}.blob`));
    const blobB = readFileSync(join(f.blobsDir, `${b.id}.blob`));
    expect(a.sha256).toBe(b.sha256);
    expect(blobA.subarray(PREFIX_BYTES).equals(blobB.subarray(PREFIX_BYTES))).toBe(false);
    const rows = f.vault.db
      .prepare('SELECT blob_key FROM attachment WHERE id IN (?, ?)')
      .all(a.id, b.id) as Array<{ blob_key: Buffer }>;
    expect(rows).toHaveLength(2);
    expect(rows[0]?.blob_key.equals(rows[1]?.blob_key ?? Buffer.alloc(0))).toBe(false);
  });
});

describe('append-only rows', () => {
  it('the database refuses to change or delete an attachment row', async () => {
    const added = await f.store.add(f.testimony(), sourceFile(Buffer.from('x')));
    expect(() =>
      f.vault.db.prepare("UPDATE attachment SET file_name = 'y' WHERE id = ?").run(added.id),
    ).toThrow(/append-only/);
    expect(() => f.vault.db.prepare('DELETE FROM attachment WHERE id = ?').run(added.id)).toThrow(
      /append-only/,
    );
    expect(f.store.get(added.id)).toEqual(added);
  });
});

afterEach(() => {
  // A test that leaves a failure or hook armed would break the next one.
  expect(f.custody.failWith).toBeUndefined();
  expect(f.custody.beforeNext).toBeUndefined();
});

/** This process's open file descriptors that point at `path` (Linux). */
function openDescriptorsOf(path: string): string[] {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(join('/proc/self/fd', fd)) === path;
    } catch {
      return false;
    }
  });
}

describe('sweepLeftovers: what a crash can leave in blobs/', () => {
  it('removes stale temp blobs and blobs without a row; keeps fresh ones, real blobs and anything else', async () => {
    const g = await openStoreFixture(dirs);
    try {
      const kept = await g.store.add(g.testimony(), sourceFile(Buffer.from('kept')));
      const old = new Date(Date.now() - 2 * 3600_000);
      const file = (name: string, age?: Date) => {
        writeFileSync(join(g.blobsDir, name), randomBytes(100));
        if (age) utimesSync(join(g.blobsDir, name), age, age);
      };
      const orphan = `${randomUUID()}.blob`;
      const temp = `.${randomUUID()}.blob.0123456789ab.tmp`;
      const freshOrphan = `${randomUUID()}.blob`;
      const freshTemp = `.${randomUUID()}.blob.ba9876543210.tmp`;
      file(orphan, old);
      file(temp, old);
      file(freshOrphan);
      file(freshTemp);
      file('notes.txt', old);
      file('not-a-uuid.blob', old);
      utimesSync(join(g.blobsDir, `${kept.id}.blob`), old, old);

      expect(await g.store.sweepLeftovers()).toEqual([temp, orphan].sort());
      expect(g.blobFiles()).toEqual(
        [`${kept.id}.blob`, freshOrphan, freshTemp, 'notes.txt', 'not-a-uuid.blob'].sort(),
      );
      expect(await drain(await g.store.open(kept.id))).toMatchObject({ ended: true });
      // With no minimum age, the fresh leftovers go too; the real blob never does.
      expect(await g.store.sweepLeftovers(0)).toEqual([freshTemp, freshOrphan].sort());
      expect(g.blobFiles()).toEqual([`${kept.id}.blob`, 'notes.txt', 'not-a-uuid.blob'].sort());
    } finally {
      g.close();
    }
  });

  it('a vault that never had an attachment (no blobs/ folder): nothing to do', async () => {
    const g = await openStoreFixture(dirs);
    try {
      expect(await g.store.sweepLeftovers()).toEqual([]);
    } finally {
      g.close();
    }
  });
});
