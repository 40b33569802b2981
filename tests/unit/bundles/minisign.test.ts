/**
 * The minisign format at its edges: the derived key id (pinned, so a recipient's pinned key never
 * silently changes), and hostile signature and key texts, which must give a reason, never throw,
 * never read the data, and never spend time on a huge input.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_TRUSTED_COMMENT_BYTES,
  minisignKeyNum,
  minisignPublicKey,
  signPrehashed,
  verifyPrehashed,
} from '../../../electron/main/bundles/minisign';
import { loadSodium } from '../../../electron/main/vault';
import type { Sodium } from '../../../electron/main/vault';
import { catchAppError } from '../../helpers/app-error';

let sodium: Sodium;
let seed: Uint8Array;
let publicKey: Uint8Array;
let good: string;
const DATA = new TextEncoder().encode('manifest line\n');

beforeAll(async () => {
  sodium = await loadSodium();
  seed = new Uint8Array(32).fill(7);
  publicKey = sodium.crypto_sign_seed_keypair(seed).publicKey;
  good = await signPrehashed(seed, minisignPublicKey(publicKey).keyId, [DATA], 'bundle:x');
});

/** Data that fails the test if anything reads it. */
function untouchable(): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]() {
      throw new Error('the data was read for a signature that could not be valid');
    },
  };
}

describe('minisign key id', () => {
  it('is BLAKE2b-256("svidok/minisign-key-id/v1\\0" || pk)[0..8], printed little-endian', () => {
    // Pinned vector, computed outside this module: seed = 32 × 0x07.
    expect(Buffer.from(publicKey).toString('hex')).toBe(
      'ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c',
    );
    expect(Buffer.from(minisignKeyNum(publicKey)).toString('hex')).toBe('275481d6ae29592c');
    const pub = minisignPublicKey(publicKey);
    expect(pub.keyId).toBe('2C5929AED6815427');
    expect(pub.base64).toBe('RWQnVIHWrilZLOpKbGPinFIKvvVQexMuxfmVR3auvr57kkIe6mkURtIs');
    expect(pub.text).toBe(
      `untrusted comment: minisign public key 2C5929AED6815427\n${pub.base64}\n`,
    );
  });

  it('is 16 upper-case hex digits for any key, and the same every time', () => {
    for (let i = 0; i < 50; i++) {
      const pk = sodium.crypto_sign_keypair().publicKey;
      const { keyId, base64 } = minisignPublicKey(pk);
      expect(keyId).toMatch(/^[0-9A-F]{16}$/);
      expect(minisignPublicKey(pk).keyId).toBe(keyId);
      const raw = Buffer.from(base64, 'base64');
      expect(raw.length).toBe(42);
      expect(raw.subarray(0, 2).toString()).toBe('Ed');
      expect(Buffer.from(raw.subarray(2, 10)).reverse().toString('hex').toUpperCase()).toBe(keyId);
      expect(new Uint8Array(raw.subarray(10))).toEqual(pk);
    }
  });

  it('refuses a public key that is not 32 bytes', async () => {
    expect((await catchAppError(() => minisignPublicKey(new Uint8Array(31)))).code).toBe(
      'BAD_INPUT',
    );
  });
});

describe('minisign signing refuses what it cannot sign faithfully', () => {
  const keyId = () => minisignPublicKey(publicKey).keyId;
  const cases: [string, () => Promise<unknown>][] = [
    ['a newline in the trusted comment', () => signPrehashed(seed, keyId(), [DATA], 'a\nb')],
    ['a carriage return', () => signPrehashed(seed, keyId(), [DATA], 'a\rb')],
    [
      'a NUL (minisign would cut the line there)',
      () => signPrehashed(seed, keyId(), [DATA], 'a\0'),
    ],
    [
      'a trusted comment over 1 KiB',
      () => signPrehashed(seed, keyId(), [DATA], 'я'.repeat(MAX_TRUSTED_COMMENT_BYTES / 2 + 1)),
    ],
    ['a lone surrogate', () => signPrehashed(seed, keyId(), [DATA], 'x\uD800')],
    ['a two-line untrusted comment', () => signPrehashed(seed, keyId(), [DATA], 'ok', 'a\nb')],
    ['a key id that is not hex', () => signPrehashed(seed, 'XYZ', [DATA], 'ok')],
    ['a key id of 17 digits', () => signPrehashed(seed, '1'.repeat(17), [DATA], 'ok')],
    ['a 31-byte seed', () => signPrehashed(new Uint8Array(31), keyId(), [DATA], 'ok')],
    [
      'text instead of bytes in the data',
      () => signPrehashed(seed, keyId(), ['text'] as unknown as Uint8Array[], 'ok'),
    ],
  ];
  for (const [name, run] of cases) {
    it(name, async () => {
      expect((await catchAppError(run)).code).toBe('BAD_INPUT');
    });
  }

  it('accepts exactly 1 KiB, Cyrillic included, and round-trips it', async () => {
    const comment = 'я'.repeat(MAX_TRUSTED_COMMENT_BYTES / 2);
    const sig = await signPrehashed(seed, minisignPublicKey(publicKey).keyId, [DATA], comment);
    expect(await verifyPrehashed(publicKey, sig, [DATA])).toMatchObject({
      ok: true,
      trustedComment: comment,
    });
  });

  it('signs with a 64-byte secret key exactly as with its seed, and leaves it intact', async () => {
    const { privateKey } = sodium.crypto_sign_seed_keypair(seed);
    const copy = Uint8Array.from(privateKey);
    const keyId = minisignPublicKey(publicKey).keyId;
    expect(await signPrehashed(privateKey, keyId, [DATA], 'bundle:x')).toBe(good);
    expect(privateKey).toEqual(copy);
  });
});

describe('minisign verify: hostile key and signature texts', () => {
  const lines = () => good.split('\n');
  const withLine = (i: number, value: string) => {
    const l = lines();
    l[i] = value;
    return l.join('\n');
  };
  const sigBytes = () => Buffer.from(lines()[1]!, 'base64');
  const withAlg = (alg: string) => {
    const b = sigBytes();
    b.write(alg, 0, 'latin1');
    return withLine(1, b.toString('base64'));
  };

  // Built lazily: the signature exists only once beforeAll has run.
  const malformed: [string, () => string | Uint8Array][] = [
    ['an empty text', () => ''],
    ['garbage', () => 'not a signature at all'],
    ['junk characters in the base64', () => withLine(1, lines()[1]!.replace(/^(.{10})/, '$1*'))],
    ['base64 without its padding', () => withLine(3, lines()[3]!.replace(/=+$/, ''))],
    [
      'a signature line one byte short',
      () => withLine(1, sigBytes().subarray(1).toString('base64')),
    ],
    ['a global signature one byte long', () => withLine(3, Buffer.alloc(65).toString('base64'))],
    ['no untrusted comment prefix', () => withLine(0, 'comment: x')],
    ['no trusted comment prefix', () => withLine(2, 'trusted: x')],
    ['a missing line', () => lines().slice(1).join('\n')],
    ['an extra line', () => `${good}extra\n`],
    ['a NUL inside the trusted comment', () => withLine(2, 'trusted comment: a\0b')],
    ['invalid UTF-8', () => Buffer.concat([Buffer.from(good), Buffer.from([0xff, 0xfe])])],
    ['a 10 MB text', () => 'A'.repeat(10 * 1024 * 1024)],
    ['10 MB of bytes', () => new Uint8Array(10 * 1024 * 1024)],
  ];
  for (const [name, sig] of malformed) {
    it(`${name} → malformed, data unread`, async () => {
      expect(await verifyPrehashed(publicKey, sig(), untouchable())).toEqual({
        ok: false,
        reason: 'malformed',
      });
    });
  }

  it('a legacy "Ed" or unknown algorithm → algorithm, data unread', async () => {
    for (const alg of ['Ed', 'XX', '\0\0']) {
      expect(await verifyPrehashed(publicKey, withAlg(alg), untouchable())).toEqual({
        ok: false,
        reason: 'algorithm',
      });
    }
  });

  it('accepts CRLF line ends, as minisign does', async () => {
    const crlf = good.replaceAll('\n', '\r\n');
    expect((await verifyPrehashed(publicKey, crlf, [DATA])).ok).toBe(true);
  });

  const badKeys: [string, () => string | Uint8Array][] = [
    ['an empty key', () => ''],
    ['a raw key of 31 bytes', () => new Uint8Array(31)],
    ['a key with the wrong algorithm', () => Buffer.from('Xx' + 'A'.repeat(40)).toString('base64')],
    ['a key one byte short', () => Buffer.alloc(41).toString('base64')],
    [
      'a .pub whose first line is not a comment',
      () => `hello\n${minisignPublicKey(publicKey).base64}`,
    ],
    ['a huge key text', () => 'A'.repeat(1_000_000)],
    ['three lines', () => `${minisignPublicKey(publicKey).text}more\n`],
  ];
  for (const [name, key] of badKeys) {
    it(`${name} → malformed`, async () => {
      expect(await verifyPrehashed(key(), good, untouchable())).toEqual({
        ok: false,
        reason: 'malformed',
      });
    });
  }

  it('never throws on random texts and random bytes', async () => {
    for (let i = 0; i < 200; i++) {
      const bytes = sodium.randombytes_buf(sodium.randombytes_uniform(600));
      const text = Buffer.from(bytes).toString('latin1');
      for (const sig of [bytes, text, withLine(1, Buffer.from(bytes).toString('base64'))]) {
        const verdict = await verifyPrehashed(publicKey, sig, [DATA]);
        expect(verdict.ok).toBe(false);
      }
    }
  });

  it('verifies with the raw key, the .pub text and the bare base64 line alike', async () => {
    const pub = minisignPublicKey(publicKey);
    for (const key of [publicKey, pub.text, pub.base64, ` ${pub.base64}\n`]) {
      expect(await verifyPrehashed(key, good, [DATA])).toEqual({
        ok: true,
        trustedComment: 'bundle:x',
        keyId: pub.keyId,
      });
    }
  });
});
