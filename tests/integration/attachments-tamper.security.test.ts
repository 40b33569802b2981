/**
 * Blob tamper table, after age's payload tests (C2SP CCTV): a flipped byte anywhere, truncation at
 * many points, a dropped, duplicated or swapped chunk, bytes appended, another attachment's blob
 * put in its place — each gives ATTACHMENT_CORRUPT, from open(), exportTo() and verify(), and
 * open() releases exactly the chunks that verified before the damage, never a byte of the rest.
 * A missing blob is ATTACHMENT_MISSING.
 */
import { randomBytes } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CIPHER_CHUNK_BYTES,
  PLAIN_CHUNK_BYTES,
  PREFIX_BYTES,
} from '../../electron/main/attachments';
import { catchAppError } from '../helpers/app-error';
import { createTempDirs } from '../helpers/temp';
import { cutTo as cut, drain, flipAt as flip, openStoreFixture } from '../unit/attachments/fixture';
import type { BlobMutation, StoreFixture } from '../unit/attachments/fixture';

const dirs = createTempDirs();
const P = PREFIX_BYTES;
const C = CIPHER_CHUNK_BYTES;
const K = PLAIN_CHUNK_BYTES;
/** Five full chunks and a short sixth, FINAL one. */
const ORIGINAL = randomBytes(5 * K + 1000);
const LAST = P + 5 * C; // offset of the final chunk

let f: StoreFixture;
/** The blob of the latest fresh() attachment, as written. */
let pristine: Buffer;
beforeAll(async () => {
  f = await openStoreFixture(dirs);
});
afterAll(() => {
  f.close();
  dirs.cleanup();
});

/** Adds ORIGINAL as a fresh attachment and returns its id and blob path. */
async function fresh(): Promise<{ id: string; blob: string }> {
  const source = join(dirs.make('src'), 'evidence.bin');
  writeFileSync(source, ORIGINAL);
  const added = await f.store.add(f.testimony(), source);
  const blob = join(f.blobsDir, `${added.id}.blob`);
  pristine = readFileSync(blob);
  expect(pristine.length).toBe(P + 5 * C + 1000 + 17);
  return { id: added.id, blob };
}

const chunk = (blob: Buffer, i: number) => blob.subarray(P + i * C, P + (i + 1) * C);

type Mutation = BlobMutation;

/** [name, mutation, where the damage is detected: 'open' or the count of chunks released]. */
const TABLE: Array<[string, Mutation, 'open' | number]> = [
  ['flipped byte in the magic', flip(0), 'open'],
  ['flipped version byte', flip(8), 'open'],
  ['flipped byte in the stream header', flip(9 + 10), 0],
  ['flipped last byte of the stream header', flip(P - 1), 0],
  ['flipped tag byte of the first chunk', flip(P), 0],
  ['flipped byte in the first chunk', flip(P + 100), 0],
  ['flipped MAC byte of the first chunk', flip(P + C - 1), 0],
  ['flipped byte in a middle chunk', flip(P + 2 * C + 500), 2],
  ['flipped byte in the last full chunk', flip(P + 4 * C + 1), 4],
  ['flipped byte in the final chunk', flip(LAST + 10), 5],
  ['flipped last byte of the file', (b) => flip(b.length - 1)(b), 5],
  ['truncated to nothing', cut(0), 'open'],
  ['truncated inside the magic', cut(5), 'open'],
  ['truncated inside the stream header', cut(20), 'open'],
  ['truncated right after the header', cut(P), 0],
  ['truncated inside the first chunk', cut(P + 1000), 0],
  ['truncated one byte into the first chunk', cut(P + 1), 0],
  ['truncated inside a middle chunk', cut(P + 2 * C + 1000), 2],
  ['truncated at a chunk boundary (no FINAL chunk)', cut(P + 3 * C), 3],
  ['final chunk dropped', cut(LAST), 5],
  ['truncated by one byte', (b) => b.subarray(0, b.length - 1), 5],
  ['truncated inside the final chunk’s MAC', (b) => b.subarray(0, b.length - 10), 5],
  ['a chunk dropped', (b) => Buffer.concat([b.subarray(0, P + C), b.subarray(P + 2 * C)]), 1],
  [
    'two chunks swapped',
    (b) => Buffer.concat([b.subarray(0, P + C), chunk(b, 2), chunk(b, 1), b.subarray(P + 3 * C)]),
    1,
  ],
  [
    'a chunk duplicated',
    (b) => Buffer.concat([b.subarray(0, P + C), chunk(b, 0), b.subarray(P + C)]),
    1,
  ],
  [
    'first and last full chunks swapped',
    (b) =>
      Buffer.concat([
        b.subarray(0, P),
        chunk(b, 4),
        chunk(b, 1),
        chunk(b, 2),
        chunk(b, 3),
        chunk(b, 0),
        b.subarray(LAST),
      ]),
    0,
  ],
  ['one byte appended', (b) => Buffer.concat([b, Buffer.of(0)]), 5],
  ['a whole chunk of garbage appended', (b) => Buffer.concat([b, randomBytes(C)]), 5],
  ['the final chunk appended again', (b) => Buffer.concat([b, b.subarray(LAST)]), 5],
  [
    'the stream header replaced by another blob’s',
    (b) => Buffer.concat([b.subarray(0, 9), randomBytes(24), b.subarray(P)]),
    0,
  ],
];

describe('tampered blobs: ATTACHMENT_CORRUPT, and only verified chunks are ever released', () => {
  it.each(TABLE)('%s', async (_name, mutate, detected) => {
    const { id, blob } = await fresh();
    writeFileSync(blob, mutate(pristine));

    if (detected === 'open') {
      expect((await catchAppError(() => f.store.open(id))).code).toBe('ATTACHMENT_CORRUPT');
    } else {
      const out = await drain(await f.store.open(id));
      expect(out.error).toMatchObject({ code: 'ATTACHMENT_CORRUPT' });
      expect(out.ended).toBe(false);
      // Exactly the chunks before the damage, each verified; nothing from the damaged one on.
      expect(out.bytes.length).toBe(detected * K);
      expect(out.bytes.equals(ORIGINAL.subarray(0, detected * K))).toBe(true);
    }

    // Export leaves nothing behind; verify names the damage.
    const outDir = dirs.make('out');
    expect((await catchAppError(() => f.store.exportTo(id, join(outDir, 'x.bin')))).code).toBe(
      'ATTACHMENT_CORRUPT',
    );
    expect(readdirSync(outDir)).toEqual([]);
    expect((await catchAppError(() => f.store.verify(id))).code).toBe('ATTACHMENT_CORRUPT');
  });

  it('the untouched blob opens, exports and verifies (the control for the table)', async () => {
    const { id } = await fresh();
    const out = await drain(await f.store.open(id));
    expect(out.error).toBeUndefined();
    expect(out.bytes.equals(ORIGINAL)).toBe(true);
    await f.store.verify(id);
    const target = join(dirs.make('out'), 'x.bin');
    await f.store.exportTo(id, target);
    expect(readFileSync(target).equals(ORIGINAL)).toBe(true);
  });

  it('attachment A’s blob renamed over attachment B’s file: B does not open', async () => {
    const a = await fresh();
    const b = await fresh();
    renameSync(a.blob, b.blob);
    const out = await drain(await f.store.open(b.id));
    expect(out.error).toMatchObject({ code: 'ATTACHMENT_CORRUPT' });
    expect(out.bytes.length).toBe(0);
    expect((await catchAppError(() => f.store.verify(b.id))).code).toBe('ATTACHMENT_CORRUPT');
  });

  it('a folder in place of the blob: ATTACHMENT_CORRUPT', async () => {
    const { id, blob } = await fresh();
    rmSync(blob);
    mkdirSync(blob);
    expect((await catchAppError(() => f.store.open(id))).code).toBe('ATTACHMENT_CORRUPT');
  });

  it.skipIf(process.platform !== 'linux')(
    'a consumer that stops early gets no error, and the blob’s file is closed',
    async () => {
      const { id, blob } = await fresh();
      const stream = await f.store.open(id);
      const errors: unknown[] = [];
      stream.on('error', (error) => errors.push(error));
      const first = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
      expect(first.equals(ORIGINAL.subarray(0, K))).toBe(true);
      expect(openDescriptorsOf(blob)).toHaveLength(1);
      stream.destroy();
      await new Promise((resolve) => stream.once('close', resolve));
      expect(openDescriptorsOf(blob)).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
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

describe('a missing blob', () => {
  it('ATTACHMENT_MISSING from open, exportTo and verify; the row is still listed', async () => {
    const { id, blob } = await fresh();
    rmSync(blob);
    expect((await catchAppError(() => f.store.open(id))).code).toBe('ATTACHMENT_MISSING');
    const outDir = dirs.make('out');
    expect((await catchAppError(() => f.store.exportTo(id, join(outDir, 'x')))).code).toBe(
      'ATTACHMENT_MISSING',
    );
    expect(readdirSync(outDir)).toEqual([]);
    expect((await catchAppError(() => f.store.verify(id))).code).toBe('ATTACHMENT_MISSING');
    expect(f.store.get(id).id).toBe(id);
  });
});
