/**
 * The C2SP CCTV age vectors (npm `cctv-age`) through Svidok's decrypt path. Svidok implements no
 * part of the format (age-stream.ts wraps age-encryption), so this is a check of the wrapper:
 * every success must stream out the exact payload, and every failure must surface as one of our
 * typed errors, never as an untyped exception, with only authenticated plaintext released
 * before it (the vector's `payload` hash covers what may be released). Armored vectors are
 * skipped: bundles are binary, and Svidok never reads armor.
 */
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { Readable } from 'node:stream';
import * as vectors from 'cctv-age';
import { describe, expect, it } from 'vitest';
import { decryptAge } from '../../electron/main/bundles/age-stream';

interface Vector {
  readonly name: string;
  readonly expect: string;
  readonly payload?: string;
  readonly identities: string[];
  readonly passphrases: string[];
  readonly armored: boolean;
  readonly body: Buffer;
}

function parse(name: string, bytes: Uint8Array): Vector {
  const data = Buffer.from(bytes);
  const split = data.indexOf('\n\n');
  const fields = data.subarray(0, split).toString('utf8').split('\n');
  const get = (key: string) =>
    fields.filter((l) => l.startsWith(`${key}: `)).map((l) => l.slice(key.length + 2));
  let body = data.subarray(split + 2);
  if (get('compressed')[0] === 'zlib') body = inflateSync(body);
  return {
    name,
    expect: get('expect')[0] ?? '',
    payload: get('payload')[0],
    identities: get('identity'),
    passphrases: get('passphrase'),
    armored: get('armored')[0] === 'yes',
    body,
  };
}

/** Which typed error each expected failure may map to. */
const EXPECTED: Record<string, readonly string[]> = {
  'no match': ['WRONG_IDENTITY'],
  'HMAC failure': ['BUNDLE_UNREADABLE'],
  'header failure': ['BUNDLE_UNREADABLE'],
  'payload failure': ['BUNDLE_UNREADABLE'],
};

/**
 * Payload failures where age-encryption releases LESS than the reference implementation: it holds
 * back each full chunk until it knows whether another follows, so the chunk before a bad or
 * missing final chunk is never released. Safer, not weaker; pinned here so a change is noticed.
 */
const HELD_BACK = new Set([
  'stream_no_final_full',
  'stream_no_final_two_chunks_full',
  'stream_trailing_garbage_long',
  'stream_trailing_garbage_short',
  'stream_two_final_chunks',
  'stream_two_final_chunks_full',
  'stream_two_final_chunks_second',
]);
const CHUNK = 64 * 1024;

/** Svidok always needs a key; a vector that gives none (e.g. `empty`) gets an unrelated one. */
const UNRELATED_IDENTITY =
  'AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0';

const all = Object.entries(vectors as Record<string, Uint8Array>)
  .map(([name, bytes]) => parse(name, bytes))
  .filter((v) => !v.armored);

describe('CCTV age vectors through decryptAge', () => {
  it('there are vectors to run', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it.each(all.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const released = createHash('sha256');
    let length = 0;
    const noKey = v.identities.length === 0 && v.passphrases.length === 0;
    let code: string | null = null;
    try {
      const plaintext = await decryptAge(Readable.from([v.body]), {
        identity: noKey ? UNRELATED_IDENTITY : v.identities.join('\n') || undefined,
        passphrase: v.passphrases[0],
      });
      for await (const part of plaintext) {
        released.update(part as Buffer);
        length += (part as Buffer).length;
      }
    } catch (error) {
      code = (error as { code?: string }).code ?? `untyped: ${String(error)}`;
    }
    if (v.expect === 'success') {
      expect(code).toBeNull();
    } else {
      expect(EXPECTED[v.expect], `unknown expectation ${v.expect}`).toBeDefined();
      expect(EXPECTED[v.expect]).toContain(code);
    }
    if (HELD_BACK.has(v.name)) {
      expect(v.expect).toBe('payload failure');
      expect(length % CHUNK).toBe(0);
      expect(released.digest('hex')).not.toBe(v.payload);
    } else if (v.payload !== undefined) {
      expect(released.digest('hex')).toBe(v.payload);
    }
  });
});
