/**
 * The C2SP CCTV age vectors (npm `cctv-age`) through Svidok's decrypt paths. Svidok implements
 * the X25519 format itself (bundles/age-x25519.ts, age-header.ts, age-payload.ts), so every
 * applicable vector must give exactly the reference's result:
 *
 * - X25519 vectors (identities `AGE-SECRET-KEY-1…`, no passphrase) run through Svidok's own
 *   implementation, directly and through decryptAge. A failure must be of the expected CCTV class
 *   (header / hmac / payload / no match, carried by the error's cause) with the expected typed
 *   code, and the plaintext released before it must hash to the vector's `payload`: no less and
 *   no more than the reference releases.
 * - scrypt vectors (a passphrase) and post-quantum ones (`AGE-SECRET-KEY-PQ-1…`) go through the
 *   age-encryption package, as decryptAge routes them: checked for the typed code and the payload.
 * - Armored vectors are not applicable: bundles are binary and Svidok implements no armor
 *   decoding (a `-----BEGIN AGE ENCRYPTED FILE-----` file is refused as a header failure). They
 *   test the armor decoder, which we do not have; they are counted and skipped.
 */
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { Readable } from 'node:stream';
import * as vectors from 'cctv-age';
import { describe, expect, it } from 'vitest';
import { decryptAge, MAX_AGE_HEADER_BYTES } from '../../electron/main/bundles/age-stream';
import { ageFailureKind } from '../../electron/main/bundles/age-header';
import type { AgeFailureKind } from '../../electron/main/bundles/age-header';
import { openX25519, parseX25519Identity } from '../../electron/main/bundles/age-x25519';
import { loadSodium } from '../../electron/main/vault';

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

/** The CCTV expectation as our failure class and typed code (null: success). */
const EXPECTED: Record<string, { kind: AgeFailureKind | null; code: string | null }> = {
  success: { kind: null, code: null },
  'no match': { kind: 'no match', code: 'WRONG_IDENTITY' },
  'HMAC failure': { kind: 'hmac', code: 'BUNDLE_UNREADABLE' },
  'header failure': { kind: 'header', code: 'BUNDLE_UNREADABLE' },
  'payload failure': { kind: 'payload', code: 'BUNDLE_UNREADABLE' },
};

/** Svidok always needs a key; a vector that gives none (e.g. `empty`) gets an unrelated one. */
const UNRELATED_IDENTITY =
  'AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0';

const all = Object.entries(vectors as Record<string, Uint8Array>).map(([name, bytes]) =>
  parse(name, bytes),
);
const armored = all.filter((v) => v.armored);
const binary = all.filter((v) => !v.armored);
/** decryptAge's own routing: Svidok's implementation unless a passphrase or a PQ key is given. */
const isX25519 = (v: Vector) =>
  v.passphrases.length === 0 && v.identities.every((i) => !i.startsWith('AGE-SECRET-KEY-PQ-'));
const ours = binary.filter(isX25519);
const viaPackage = binary.filter((v) => !isX25519(v));

interface Outcome {
  readonly code: string | null;
  readonly kind: AgeFailureKind | undefined;
  readonly released: string;
}

async function run(open: () => Promise<Readable>): Promise<Outcome> {
  const released = createHash('sha256');
  try {
    for await (const part of await open()) released.update(part as Buffer);
    return { code: null, kind: undefined, released: released.digest('hex') };
  } catch (error) {
    return {
      code: (error as { code?: string }).code ?? `untyped: ${String(error)}`,
      kind: ageFailureKind(error),
      released: released.digest('hex'),
    };
  }
}

const identitiesOf = (v: Vector) =>
  v.identities.length === 0 && v.passphrases.length === 0 ? [UNRELATED_IDENTITY] : v.identities;

describe('CCTV age vectors', () => {
  it('every vector is accounted for: X25519 through our code, the rest through the package', () => {
    const count = (list: Vector[]) =>
      Object.fromEntries(
        Object.keys(EXPECTED).map((e) => [e, list.filter((v) => v.expect === e).length]),
      );
    console.log(
      `CCTV: ${all.length} vectors; ours (X25519) ${ours.length} ${JSON.stringify(count(ours))}; ` +
        `age-encryption (scrypt, PQ) ${viaPackage.length} ${JSON.stringify(count(viaPackage))}; ` +
        `armored, not applicable ${armored.length}`,
    );
    expect(ours.length + viaPackage.length + armored.length).toBe(all.length);
    expect(ours.length).toBeGreaterThan(60);
    // Every expectation of a binary vector is one we map; `armor failure` only occurs armored.
    for (const v of binary) expect(EXPECTED[v.expect], v.name).toBeDefined();
  });

  describe("X25519: Svidok's own implementation gives the reference result exactly", () => {
    it.each(ours.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
      const want = EXPECTED[v.expect]!;
      const sodium = await loadSodium();
      const direct = await run(() =>
        openX25519(
          Readable.from([v.body]),
          identitiesOf(v).map((i) => parseX25519Identity(i, sodium)),
          MAX_AGE_HEADER_BYTES,
        ),
      );
      const viaApi = await run(() =>
        decryptAge(Readable.from([v.body]), { identity: identitiesOf(v).join('\n') }),
      );
      for (const outcome of [direct, viaApi]) {
        expect(outcome.code).toBe(want.code);
        expect(outcome.kind).toBe(want.kind ?? undefined);
        // Released plaintext, whether or not decryption then failed: exactly the reference's.
        if (v.payload !== undefined) expect(outcome.released).toBe(v.payload);
      }
    });
  });

  describe('scrypt and post-quantum: through age-encryption', () => {
    it.each(viaPackage.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
      const want = EXPECTED[v.expect]!;
      const outcome = await run(() =>
        decryptAge(Readable.from([v.body]), {
          identity: v.identities.join('\n') || undefined,
          passphrase: v.passphrases[0],
        }),
      );
      // The package's errors carry no CCTV class: the typed code is what can be compared.
      expect(outcome.code).toBe(want.code);
      if (v.payload !== undefined) expect(outcome.released).toBe(v.payload);
    });
  });

  it('armored vectors are refused as binary files (not applicable: no armor decoding)', async () => {
    for (const v of armored.filter((a) => a.identities.length > 0 && isX25519(a))) {
      const outcome = await run(() =>
        decryptAge(Readable.from([v.body]), { identity: v.identities.join('\n') }),
      );
      expect([outcome.code, outcome.kind], v.name).toEqual(['BUNDLE_UNREADABLE', 'header']);
    }
  });
});
