/**
 * The blob reader reads BLOB_READ_CHUNKS chunks at a time and the next batch ahead; the tamper
 * table (attachments-tamper.security.test.ts) uses a blob inside one batch, so this one takes
 * blobs across batches and damages them at the batch edges: the authentic prefix is released
 * exactly up to the damaged chunk, whichever batch it is in, a FINAL chunk that ends a full batch
 * is checked against the next read, and nothing is released after damage.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLOB_READ_CHUNKS,
  CIPHER_CHUNK_BYTES,
  PLAIN_CHUNK_BYTES,
  PREFIX_BYTES,
} from '../../electron/main/attachments';
import { createTempDirs } from '../helpers/temp';
import { cutTo as cut, drain, flipAt as flip, openStoreFixture } from '../unit/attachments/fixture';
import type { StoreFixture } from '../unit/attachments/fixture';

const dirs = createTempDirs();
const P = PREFIX_BYTES;
const C = CIPHER_CHUNK_BYTES;
const K = PLAIN_CHUNK_BYTES;
const B = BLOB_READ_CHUNKS;

let f: StoreFixture;
beforeAll(async () => {
  f = await openStoreFixture(dirs);
});
afterAll(() => {
  f.close();
  dirs.cleanup();
});

/** Takes `original` in as an attachment; its id, blob path and blob bytes. */
async function added(original: Buffer) {
  const source = join(dirs.make('src'), 'evidence.bin');
  writeFileSync(source, original);
  const { id } = await f.store.add(f.testimony(), source);
  const blob = join(f.blobsDir, `${id}.blob`);
  return { id, blob, bytes: readFileSync(blob) };
}

/** Two and a half batches: 2B full chunks and a short FINAL one. */
const LONG = randomBytes(2 * B * K + 1000);
/** Exactly one batch: B full chunks, the last of them FINAL. */
const ONE_BATCH = randomBytes(B * K);

describe('blobs across read batches', () => {
  it.each([
    ['two and a half batches', LONG],
    ['exactly one batch, FINAL at its end', ONE_BATCH],
  ])('%s: the untouched blob opens whole', async (_name, original) => {
    const { id } = await added(original);
    const out = await drain(await f.store.open(id));
    expect(out.error).toBeUndefined();
    expect(out.bytes.equals(original)).toBe(true);
  });

  it.each<[string, Buffer, (blob: Buffer) => Buffer, number]>([
    ['flipped in the last chunk of the first batch', LONG, flip(P + (B - 1) * C + 9), B - 1],
    ['flipped in the first chunk of the second batch', LONG, flip(P + B * C + 9), B],
    ['flipped in the middle of the second batch', LONG, flip(P + (B + 3) * C + 9), B + 3],
    ['cut at the end of the second batch (no FINAL)', LONG, cut(P + 2 * B * C), 2 * B],
    ['cut just into the second batch', LONG, cut(P + B * C + 100), B],
    [
      'the first chunk of the second batch dropped',
      LONG,
      (b) => Buffer.concat([b.subarray(0, P + B * C), b.subarray(P + (B + 1) * C)]),
      B,
    ],
    [
      'one byte after a FINAL that ends a batch',
      ONE_BATCH,
      (b) => Buffer.concat([b, Buffer.of(0)]),
      B - 1,
    ],
    [
      'a whole chunk after a FINAL that ends a batch',
      ONE_BATCH,
      (b) => Buffer.concat([b, randomBytes(C)]),
      B - 1,
    ],
  ])(
    '%s: ATTACHMENT_CORRUPT after exactly the verified chunks',
    async (_n, original, mutate, released) => {
      const { id, blob, bytes } = await added(original);
      writeFileSync(blob, mutate(bytes));
      const out = await drain(await f.store.open(id));
      expect(out.error).toMatchObject({ code: 'ATTACHMENT_CORRUPT' });
      expect(out.ended).toBe(false);
      expect(out.bytes.length).toBe(released * K);
      expect(out.bytes.equals(original.subarray(0, released * K))).toBe(true);
    },
  );
});
