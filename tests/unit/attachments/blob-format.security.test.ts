/**
 * The blob format at its own level, with streams built by hand from libsodium where the writer
 * would never produce them: a stream without a FINAL tag, a FINAL chunk followed by more, a short
 * chunk that claims more follows, unknown tags, a foreign attachment id, a wrong key. Each fails
 * with ATTACHMENT_CORRUPT and releases only the chunks that verified before the fault.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sodium from 'libsodium-wrappers-sumo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLOB_MAGIC,
  BLOB_VERSION,
  chunkAd,
  CIPHER_CHUNK_BYTES,
  encodePrefix,
  PLAIN_CHUNK_BYTES,
  PREFIX_BYTES,
} from '../../../electron/main/attachments/blob-format';
import { openBlobStream } from '../../../electron/main/attachments/blob-reader';
import { writeBlobFile } from '../../../electron/main/attachments/blob-writer';
import { disposeStreamState } from '../../../electron/main/attachments/stream-state';
import { catchAppError } from '../../helpers/app-error';
import { createTempDirs } from '../../helpers/temp';
import { drain, sha256Hex } from './fixture';

const dirs = createTempDirs();
beforeAll(async () => {
  await sodium.ready;
});
afterAll(() => dirs.cleanup());

const TAG = {
  message: 0,
  push: 1,
  rekey: 2,
  final: 3,
};

interface HandChunk {
  readonly plain: Uint8Array;
  readonly tag: number;
}

/** A blob built directly with libsodium, chunk by chunk, tags as given. */
function handMadeBlob(key: Uint8Array, id: string, chunks: HandChunk[]): Buffer {
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const parts = [encodePrefix(header)];
  for (const chunk of chunks) {
    parts.push(
      Buffer.from(
        sodium.crypto_secretstream_xchacha20poly1305_push(
          state,
          chunk.plain,
          chunkAd(id),
          chunk.tag,
        ),
      ),
    );
  }
  return Buffer.concat(parts);
}

async function readBlob(path: string, id: string, key: Uint8Array, expectedSize: number) {
  return drain(await openBlobStream({ sodium, path, attachmentId: id, key, expectedSize }));
}

function expectCorrupt(error: unknown): void {
  expect(error).toMatchObject({ name: 'AppError', code: 'ATTACHMENT_CORRUPT' });
}

async function writeThroughWriter(bytes: Buffer, id = randomUUID(), key = newKey()) {
  const dir = dirs.make('blob');
  const path = join(dir, `${id}.blob`);
  const result = await writeBlobFile({
    sodium,
    source: Readable.from([bytes]),
    path,
    attachmentId: id,
    key,
    maxBytes: Number.MAX_SAFE_INTEGER,
  });
  return { dir, path, id, key, result };
}

const newKey = () => sodium.crypto_secretstream_xchacha20poly1305_keygen();
const full = () => randomBytes(PLAIN_CHUNK_BYTES);

describe('layout', () => {
  it('starts with the magic, the version and the 24-byte stream header', async () => {
    const { path } = await writeThroughWriter(Buffer.from('x'));
    const blob = readFileSync(path);
    expect(blob.subarray(0, 8).toString('ascii')).toBe('SVDKBLOB');
    expect(blob[8]).toBe(BLOB_VERSION);
    expect(PREFIX_BYTES).toBe(8 + 1 + 24);
    expect(CIPHER_CHUNK_BYTES).toBe(PLAIN_CHUNK_BYTES + 17);
  });

  it.each([
    ['0 bytes: one empty FINAL chunk', 0, [TAG.final]],
    ['1 byte: one FINAL chunk', 1, [TAG.final]],
    ['exactly 64 KiB: one full FINAL chunk, no empty one after it', PLAIN_CHUNK_BYTES, [TAG.final]],
    [
      '64 KiB + 1: a full chunk, then a 1-byte FINAL',
      PLAIN_CHUNK_BYTES + 1,
      [TAG.message, TAG.final],
    ],
    ['exactly 2 chunks', 2 * PLAIN_CHUNK_BYTES, [TAG.message, TAG.final]],
  ])('%s', async (_name, size, tags) => {
    const bytes = randomBytes(size);
    const { path, id, key, result } = await writeThroughWriter(bytes);
    expect(result).toEqual({
      size,
      sha256: sha256Hex(bytes),
      sha512: createHash('sha512').update(bytes).digest('hex'),
    });
    // Walk the chunks by hand with libsodium: the tags are exactly as the format says.
    const blob = readFileSync(path);
    const pull = sodium.crypto_secretstream_xchacha20poly1305_init_pull(
      blob.subarray(9, PREFIX_BYTES),
      key,
    );
    const seen: number[] = [];
    const plain: Buffer[] = [];
    for (let offset = PREFIX_BYTES; offset < blob.length; offset += CIPHER_CHUNK_BYTES) {
      const out = sodium.crypto_secretstream_xchacha20poly1305_pull(
        pull,
        blob.subarray(offset, offset + CIPHER_CHUNK_BYTES),
        chunkAd(id),
      ) as { message: Uint8Array; tag: number } | false;
      if (!out) throw new Error(`chunk at ${offset} does not verify`);
      seen.push(out.tag);
      plain.push(Buffer.from(out.message));
    }
    expect(seen).toEqual(tags);
    expect(Buffer.concat(plain).equals(bytes)).toBe(true);
  });
});

describe('streams the writer never makes', () => {
  const id = randomUUID();

  async function tryHandMade(chunks: HandChunk[], expectedSize: number) {
    const key = newKey();
    const path = join(dirs.make('hand'), `${id}.blob`);
    writeFileSync(path, handMadeBlob(key, id, chunks));
    return readBlob(path, id, key, expectedSize);
  }

  it('a well-formed hand-made stream reads back (the control)', async () => {
    const a = full();
    const b = randomBytes(10);
    const out = await tryHandMade(
      [
        { plain: a, tag: TAG.message },
        { plain: b, tag: TAG.final },
      ],
      a.length + b.length,
    );
    expect(out.error).toBeUndefined();
    expect(out.bytes.equals(Buffer.concat([a, b]))).toBe(true);
  });

  it('no FINAL tag (every chunk a MESSAGE): corrupt after the verified chunks', async () => {
    const a = full();
    const b = full();
    const out = await tryHandMade(
      [
        { plain: a, tag: TAG.message },
        { plain: b, tag: TAG.message },
      ],
      a.length + b.length,
    );
    expectCorrupt(out.error);
    expect(out.ended).toBe(false);
    expect(out.bytes.equals(Buffer.concat([a, b]))).toBe(true);
  });

  it('a FINAL chunk followed by another chunk: corrupt, the FINAL chunk is not released', async () => {
    const a = full();
    const out = await tryHandMade(
      [
        { plain: a, tag: TAG.message },
        { plain: full(), tag: TAG.final },
        { plain: full(), tag: TAG.message },
      ],
      // The size up to the FINAL chunk: only the check for bytes after it can catch this.
      2 * PLAIN_CHUNK_BYTES,
    );
    expectCorrupt(out.error);
    expect(out.bytes.equals(a)).toBe(true);
  });

  it.each([
    ['one byte', 1],
    ['a whole chunk', CIPHER_CHUNK_BYTES],
  ])(
    'bytes appended after a full-size FINAL chunk (%s): corrupt, the FINAL chunk is not released',
    async (_name, extra) => {
      const bytes = randomBytes(2 * PLAIN_CHUNK_BYTES);
      const { path, id, key } = await writeThroughWriter(bytes);
      writeFileSync(path, Buffer.concat([readFileSync(path), randomBytes(extra)]));
      const out = await readBlob(path, id, key, bytes.length);
      expectCorrupt(out.error);
      expect(out.bytes.equals(bytes.subarray(0, PLAIN_CHUNK_BYTES))).toBe(true);
    },
  );

  it('a short MESSAGE chunk at the end (claims more follows): corrupt', async () => {
    const a = full();
    const out = await tryHandMade(
      [
        { plain: a, tag: TAG.message },
        { plain: randomBytes(100), tag: TAG.message },
      ],
      a.length + 100,
    );
    expectCorrupt(out.error);
    expect(out.bytes.equals(a)).toBe(true);
  });

  it.each([
    ['PUSH', TAG.push],
    ['REKEY', TAG.rekey],
  ])('a chunk tagged %s: corrupt', async (_name, tag) => {
    const out = await tryHandMade(
      [
        { plain: full(), tag },
        { plain: Buffer.alloc(0), tag: TAG.final },
      ],
      PLAIN_CHUNK_BYTES,
    );
    expectCorrupt(out.error);
    expect(out.bytes.length).toBe(0);
  });

  it('a size other than the one recorded: corrupt (too short at the end, too long at once)', async () => {
    const chunks = [
      { plain: full(), tag: TAG.message },
      { plain: randomBytes(5), tag: TAG.final },
    ];
    const shorter = await tryHandMade(chunks, PLAIN_CHUNK_BYTES + 6);
    expectCorrupt(shorter.error);
    const longer = await tryHandMade(chunks, 100);
    expectCorrupt(longer.error);
    expect(longer.bytes.length).toBe(0);
  });
});

describe('binding and keys', () => {
  it('the same key but another attachment id (associated data): corrupt, nothing released', async () => {
    const { path, key } = await writeThroughWriter(randomBytes(3 * PLAIN_CHUNK_BYTES));
    const out = await readBlob(path, randomUUID(), key, 3 * PLAIN_CHUNK_BYTES);
    expectCorrupt(out.error);
    expect(out.bytes.length).toBe(0);
  });

  it('the right id but another key: corrupt, nothing released', async () => {
    const { path, id } = await writeThroughWriter(randomBytes(1000));
    const out = await readBlob(path, id, newKey(), 1000);
    expectCorrupt(out.error);
    expect(out.bytes.length).toBe(0);
  });

  it('an unknown version or magic is refused before any decryption', async () => {
    const { path, id, key } = await writeThroughWriter(Buffer.from('x'));
    const blob = readFileSync(path);
    for (const [offset, value] of [
      [8, BLOB_VERSION + 1],
      [0, BLOB_MAGIC[0]! ^ 0x20],
    ] as const) {
      const copy = Buffer.from(blob);
      copy[offset] = value;
      writeFileSync(path, copy);
      const error = await catchAppError(() =>
        openBlobStream({ sodium, path, attachmentId: id, key, expectedSize: 1 }),
      );
      expect(error.code).toBe('ATTACHMENT_CORRUPT');
    }
  });
});

describe('the writer', () => {
  it('refuses a source that yields text (BAD_INPUT) and leaves no file', async () => {
    const dir = dirs.make('writer');
    const error = await catchAppError(() =>
      writeBlobFile({
        sodium,
        source: Readable.from(['text'], { objectMode: true }),
        path: join(dir, 'a.blob'),
        attachmentId: 'a',
        key: newKey(),
        maxBytes: 100,
      }),
    );
    expect(error.code).toBe('BAD_INPUT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops at maxBytes (ATTACHMENT_TOO_LARGE) and leaves no file', async () => {
    const dir = dirs.make('writer');
    const error = await catchAppError(() =>
      writeBlobFile({
        sodium,
        source: Readable.from([Buffer.alloc(60), Buffer.alloc(41)]),
        path: join(dir, 'a.blob'),
        attachmentId: 'a',
        key: newKey(),
        maxBytes: 100,
      }),
    );
    expect(error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('stream state', () => {
  it('disposeStreamState wipes the secretstream state (it holds the stream key) in WASM memory', () => {
    const { state } = sodium.crypto_secretstream_xchacha20poly1305_init_push(newKey());
    const wasm = (sodium as unknown as { libsodium: { HEAPU8: Uint8Array } }).libsodium;
    const address = state as unknown as number;
    const before = Buffer.from(wasm.HEAPU8.subarray(address, address + 52));
    expect(before.some((b) => b !== 0)).toBe(true);
    disposeStreamState(sodium, state);
    // The allocator may keep its free-list links in the first 8 bytes of a freed block.
    const after = wasm.HEAPU8.subarray(address, address + 52);
    expect(after.subarray(8).every((b) => b === 0)).toBe(true);
    expect(Buffer.from(after.subarray(0, 8)).equals(before.subarray(0, 8))).toBe(false);
  });
});
