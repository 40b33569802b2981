/**
 * The OpenSSL secretstream against libsodium's own: what one pushes the other pulls, the bytes
 * are identical given the same header, and any change to a chunk, its AD or the chunks' order
 * fails to verify. Lengths cover both MAC paths (|c| mod 16 in {0, 8} goes through OpenSSL's
 * AEAD, the rest through libsodium's Poly1305 with its own padding).
 */
import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';
import { describe, expect, it } from 'vitest';
import {
  NativeSecretStream,
  SECRETSTREAM_TAG as TAG,
} from '../../../electron/main/attachments/native-secretstream';
import { disposeStreamState } from '../../../electron/main/attachments/stream-state';

// Top level, not beforeAll: some cases are built while the file is collected, before any hook.
await sodium.ready;

interface Message {
  readonly plain: Uint8Array;
  readonly tag: number;
  readonly ad: Uint8Array;
}

const SIZES = [0, 1, 7, 8, 15, 16, 17, 24, 63, 64, 65, 100, 64 * 1024, 64 * 1024 + 5];

/** A stream of the sizes above with a REKEY and a PUSH in the middle and FINAL last. */
function sampleMessages(): Message[] {
  const messages = SIZES.map((size, i) => ({
    plain: randomBytes(size),
    tag: i === 5 ? TAG.rekey : i === 9 ? TAG.push : TAG.message,
    ad: randomBytes(i % 3 === 0 ? 0 : i * 3),
  }));
  return [...messages, { plain: randomBytes(33), tag: TAG.final, ad: randomBytes(40) }];
}

function sodiumPush(key: Uint8Array, messages: Message[]) {
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const chunks = messages.map((m) =>
    Buffer.from(sodium.crypto_secretstream_xchacha20poly1305_push(state, m.plain, m.ad, m.tag)),
  );
  disposeStreamState(sodium, state);
  return { header, chunks };
}

function sodiumPull(key: Uint8Array, header: Uint8Array, chunks: Buffer[], ads: Uint8Array[]) {
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  const out = chunks.map((chunk, i) => {
    const pulled = sodium.crypto_secretstream_xchacha20poly1305_pull(
      state,
      chunk,
      ads[i] ?? null,
    ) as { message: Uint8Array; tag: number } | false;
    if (!pulled) throw new Error(`libsodium rejected chunk ${i}`);
    return { message: Buffer.from(pulled.message), tag: pulled.tag };
  });
  disposeStreamState(sodium, state);
  return out;
}

function nativePull(key: Uint8Array, header: Uint8Array, chunks: Buffer[], ads: Uint8Array[]) {
  const stream = new NativeSecretStream(sodium, header, key);
  const out = chunks.map((chunk, i) => stream.pull(sodium, chunk, ads[i] ?? new Uint8Array()));
  stream.dispose();
  return out;
}

describe('native pull of libsodium push', () => {
  it('opens every message with its tag, at every length, across a REKEY', () => {
    const key = randomBytes(32);
    const messages = sampleMessages();
    const { header, chunks } = sodiumPush(key, messages);
    const pulled = nativePull(
      key,
      header,
      chunks,
      messages.map((m) => m.ad),
    );
    expect(pulled).toEqual(messages.map((m) => ({ message: Buffer.from(m.plain), tag: m.tag })));
  });

  it('opens a long stream of many chunks with REKEYs scattered through it', () => {
    const key = randomBytes(32);
    const ad = randomBytes(45);
    const messages: Message[] = Array.from({ length: 400 }, (_, i) => ({
      plain: randomBytes((i * 37) % 300),
      tag: i === 399 ? TAG.final : i % 61 === 60 ? TAG.rekey : TAG.message,
      ad,
    }));
    const { header, chunks } = sodiumPush(key, messages);
    const pulled = nativePull(
      key,
      header,
      chunks,
      messages.map((m) => m.ad),
    );
    pulled.forEach((p, i) => {
      expect(p).toEqual({ message: Buffer.from(messages[i]!.plain), tag: messages[i]!.tag });
    });
  });
});

describe('native push', () => {
  it('writes byte for byte what libsodium writes from the same header', () => {
    const key = randomBytes(32);
    const messages = sampleMessages();
    const { header, chunks } = sodiumPush(key, messages);
    const stream = new NativeSecretStream(sodium, header, key);
    const native = messages.map((m) => stream.push(sodium, m.plain, m.ad, m.tag));
    stream.dispose();
    native.forEach((chunk, i) => expect(chunk.equals(chunks[i]!), `chunk ${i}`).toBe(true));
  });

  it('is opened by libsodium pull', () => {
    const key = randomBytes(32);
    const header = randomBytes(24);
    const messages = sampleMessages();
    const stream = new NativeSecretStream(sodium, header, key);
    const chunks = messages.map((m) => stream.push(sodium, m.plain, m.ad, m.tag));
    stream.dispose();
    const pulled = sodiumPull(
      key,
      header,
      chunks,
      messages.map((m) => m.ad),
    );
    expect(pulled).toEqual(messages.map((m) => ({ message: Buffer.from(m.plain), tag: m.tag })));
  });
});

describe('native pull rejects', () => {
  // One aligned (OpenSSL AEAD) and one unaligned (Poly1305) length for each change.
  const cases = [64 * 1024, 8, 0, 1, 63, 65].map((size) => {
    const key = randomBytes(32);
    const ad = randomBytes(20);
    const messages: Message[] = [
      { plain: randomBytes(size), tag: TAG.message, ad },
      { plain: randomBytes(size), tag: TAG.message, ad },
      { plain: randomBytes(size), tag: TAG.final, ad },
    ];
    return { size, key, ad, ...sodiumPush(key, messages) };
  });

  const flipped = (chunk: Buffer, at: number) => {
    const copy = Buffer.from(chunk);
    copy[at] = (copy[at] ?? 0) ^ 0x01;
    return copy;
  };

  it.each(cases)('a flipped tag byte, ciphertext byte or MAC byte ($size bytes)', (c) => {
    const chunk = c.chunks[0]!;
    const spots = [0, chunk.length - 1, chunk.length - 16];
    if (c.size > 0) spots.push(1, 1 + Math.floor(c.size / 2));
    for (const at of spots) {
      const stream = new NativeSecretStream(sodium, c.header, c.key);
      expect(stream.pull(sodium, flipped(chunk, at), c.ad), `byte ${at}`).toBe(false);
      // A failed pull leaves the state as it was, as libsodium's does.
      expect(stream.pull(sodium, chunk, c.ad)).not.toBe(false);
    }
  });

  it.each(cases)('a wrong AD, a wrong header or key ($size bytes)', (c) => {
    const wrongAd = Buffer.from(c.ad);
    wrongAd[3] = (wrongAd[3] ?? 0) ^ 0x80;
    const pull = (header: Uint8Array, key: Uint8Array, ad: Uint8Array) =>
      new NativeSecretStream(sodium, header, key).pull(sodium, c.chunks[0]!, ad);
    expect(pull(c.header, c.key, wrongAd)).toBe(false);
    expect(pull(c.header, c.key, c.ad.subarray(1))).toBe(false);
    expect(pull(flipped(Buffer.from(c.header), 20), c.key, c.ad)).toBe(false);
    expect(pull(flipped(Buffer.from(c.header), 2), c.key, c.ad)).toBe(false);
    expect(pull(c.header, flipped(Buffer.from(c.key), 0), c.ad)).toBe(false);
  });

  it.each(cases)('reordered or dropped chunks ($size bytes)', (c) => {
    const [first, second, last] = c.chunks as [Buffer, Buffer, Buffer];
    for (const order of [[second], [last], [first, last], [first, first]]) {
      const pulled = nativePull(
        c.key,
        c.header,
        order,
        order.map(() => c.ad),
      );
      expect(pulled.at(-1)).toBe(false);
    }
  });

  it('a chunk too short to hold a tag byte and MAC', () => {
    const stream = new NativeSecretStream(sodium, randomBytes(24), randomBytes(32));
    expect(stream.pull(sodium, randomBytes(16), new Uint8Array())).toBe(false);
  });
});

describe('dispose', () => {
  it('wipes the stream key and refuses further use', () => {
    const stream = new NativeSecretStream(sodium, randomBytes(24), randomBytes(32));
    stream.push(sodium, randomBytes(10), new Uint8Array(), TAG.message);
    stream.dispose();
    const state = (stream as unknown as { state: Buffer }).state;
    expect(state.every((b) => b === 0)).toBe(true);
    expect(() => stream.push(sodium, randomBytes(10), new Uint8Array(), TAG.message)).toThrow();
    expect(() => stream.pull(sodium, randomBytes(30), new Uint8Array())).toThrow();
  });
});
