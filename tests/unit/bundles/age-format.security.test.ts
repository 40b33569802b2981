/**
 * Svidok's own age v1 code (age-header.ts, age-payload.ts, age-x25519.ts) at its edges, beside
 * the CCTV vectors (tests/interop/age-cctv.test.ts) and the CLI interop (age-stream.test.ts):
 * malleable base64 refused, the header encoding canonical, round trips whatever the chunking of
 * the source, a bit flip anywhere never opening, and early stops that close the source.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  ageFailureKind,
  decodeBase64Strict,
  encodeHeader,
  parseHeader,
} from '../../../electron/main/bundles/age-header';
import { CHUNK_BYTES } from '../../../electron/main/bundles/age-payload';
import { decryptAge, encryptAge } from '../../../electron/main/bundles/age-stream';

// A fixed test key pair (age-keygen output), used for nothing else.
const IDENTITY = 'AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0';
let recipient: string;

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

/** `bytes` cut into pieces of `size` (the last shorter). */
function pieces(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

async function recipientOf(identity: string): Promise<string> {
  const { identityToRecipient } = await import('age-encryption');
  return identityToRecipient(identity);
}

async function seal(plain: Buffer, pieceSize = 65_536): Promise<Buffer> {
  recipient ??= await recipientOf(IDENTITY);
  return collect(
    await encryptAge(Readable.from(pieces(plain, pieceSize)), { recipients: [recipient] }),
  );
}

async function open(sealed: Buffer, pieceSize = 65_536) {
  const parts: Buffer[] = [];
  try {
    const plain = await decryptAge(Readable.from(pieces(sealed, pieceSize)), {
      identity: IDENTITY,
    });
    for await (const part of plain) parts.push(part as Buffer);
    return { plain: Buffer.concat(parts), kind: null };
  } catch (error) {
    return { plain: Buffer.concat(parts), kind: ageFailureKind(error) ?? String(error) };
  }
}

describe('base64 in the header: canonical, unpadded, nothing else', () => {
  it('accepts exactly the encoding of the bytes', () => {
    expect(decodeBase64Strict('')).toEqual(Buffer.alloc(0));
    expect(decodeBase64Strict('AAEC')).toEqual(Buffer.from([0, 1, 2]));
    expect(decodeBase64Strict('AAE')).toEqual(Buffer.from([0, 1]));
  });

  it.each([
    ['padding', 'AAE='],
    ['non-zero trailing bits', 'AAF'],
    ['a lone character', 'AAECA'],
    ['URL-safe alphabet', 'AA-_'],
    ['a space', 'AA EC'],
    ['a CR', 'AAEC\r'],
    ['a newline', 'AA\nEC'],
  ])('refuses %s', (_label, text) => {
    expect(decodeBase64Strict(text)).toBeNull();
  });
});

describe('header encoding', () => {
  it.each([0, 1, 32, 47, 48, 49, 96])(
    'a body of %i bytes round-trips, with the empty final line a multiple of 48 needs',
    (size) => {
      const fileKey = randomBytes(16);
      const stanza = { type: 'test', args: ['a', 'b'], body: randomBytes(size) };
      const header = encodeHeader([stanza], fileKey);
      const parsed = parseHeader(header);
      expect(parsed.stanzas).toEqual([stanza]);
      expect(header.toString('latin1').endsWith('\n')).toBe(true);
      if (size % 48 === 0) expect(header.toString('latin1')).toContain('\n\n---');
    },
  );
});

describe('sealing and opening', () => {
  it('round-trips whatever the chunking of the source and of the file', async () => {
    for (const size of [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 7]) {
      const plain = randomBytes(size);
      for (const pieceSize of [1000, CHUNK_BYTES, CHUNK_BYTES + 1, 5 * CHUNK_BYTES]) {
        const sealed = await seal(plain, pieceSize);
        // The sealed size is fixed by the plaintext size: header, nonce, one tag per chunk.
        const chunks = Math.max(1, Math.ceil(size / CHUNK_BYTES));
        expect(sealed.length - sealed.indexOf('\n---') - 49 - 16).toBe(size + 16 * chunks);
        const opened = await open(sealed, pieceSize === 1000 ? 7 : pieceSize);
        expect(opened.kind, `${size}/${pieceSize}`).toBeNull();
        expect(opened.plain.equals(plain), `${size}/${pieceSize}`).toBe(true);
      }
    }
  }, 60_000);

  it('a bit flipped anywhere never opens, and releases only authentic whole chunks', async () => {
    const plain = randomBytes(2 * CHUNK_BYTES + 100);
    const sealed = await seal(plain);
    for (let i = 0; i < 200; i++) {
      const at = i < 100 ? i * 3 : Math.floor(Math.random() * sealed.length);
      const copy = Buffer.from(sealed);
      copy[at]! ^= 1 << (i % 8);
      const { plain: released, kind } = await open(copy);
      expect(kind, `byte ${at}`).not.toBeNull();
      expect(released.length % CHUNK_BYTES).toBe(0);
      expect(released.equals(plain.subarray(0, released.length))).toBe(true);
    }
  }, 60_000);

  it('a consumer that stops early closes the source, sealing and opening', async () => {
    const closed: string[] = [];
    async function* source(bytes: Buffer, name: string): AsyncGenerator<Buffer> {
      try {
        for (const piece of pieces(bytes, CHUNK_BYTES)) yield piece;
      } finally {
        closed.push(name);
      }
    }
    const plain = randomBytes(40 * CHUNK_BYTES);
    const sealing = await encryptAge(source(plain, 'plaintext'), { recipients: [recipient] });
    for await (const _ of sealing) break;
    const opening = await decryptAge(source(await seal(plain), 'ciphertext'), {
      identity: IDENTITY,
    });
    for await (const _ of opening) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed.sort()).toEqual(['ciphertext', 'plaintext']);
  });

  it('an error of the plaintext source reaches the consumer as it is', async () => {
    const failure = new Error('the attachment vanished');
    async function* failing(): AsyncGenerator<Buffer> {
      yield randomBytes(3 * CHUNK_BYTES);
      throw failure;
    }
    const sealing = await encryptAge(failing(), { recipients: [recipient] });
    await expect(collect(sealing)).rejects.toBe(failure);
  });
});
