/**
 * Locking must zero every key the process holds, including the device's Ed25519 secret key that
 * the custody log caches for signing. The key pair comes from libsodium's real
 * crypto_sign_seed_keypair; a pass-through spy keeps a reference to the very buffer custody
 * holds, so the test can look at its bytes after the lock without any hook in production code.
 */
import sodium from 'libsodium-wrappers-sumo';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ok, startApi } from '../../helpers/api';
import type { TestApi } from '../../helpers/api';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs();
const apis: TestApi[] = [];
beforeAll(async () => {
  await sodium.ready;
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const t of apis.splice(0)) t.api.shutdown();
  dirs.cleanup();
});

interface KeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
  keyType: string;
}

/** Records every key pair libsodium derives from a seed, still returning the real one. */
function captureKeyPairs(): KeyPair[] {
  const pairs: KeyPair[] = [];
  const real = sodium.crypto_sign_seed_keypair.bind(sodium) as (seed: Uint8Array) => KeyPair;
  vi.spyOn(sodium, 'crypto_sign_seed_keypair').mockImplementation(((seed: Uint8Array) => {
    const pair = real(seed);
    pairs.push(pair);
    return pair;
  }) as typeof sodium.crypto_sign_seed_keypair);
  return pairs;
}

const b64 = (bytes: Uint8Array): string => sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
const allZero = (bytes: Uint8Array): boolean => bytes.every((b) => b === 0);

/**
 * The key pair custody signs with: the latest captured one whose public key custody reports (an
 * earlier, wiped pair has the same public key).
 */
function custodyPair(t: TestApi, pairs: KeyPair[]): KeyPair {
  const publicKey = t.api.services.custody.publicKey();
  const pair = [...pairs].reverse().find((p) => b64(p.publicKey) === publicKey);
  if (!pair) throw new Error('custody did not derive its key through crypto_sign_seed_keypair');
  return pair;
}

describe('lock zeroes the device signing key', () => {
  it('after vault:lock the secret key buffer custody held is all zeros', async () => {
    const pairs = captureKeyPairs();
    const t = startApi(join(dirs.make('devkey'), 'vault'));
    apis.push(t);
    ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
    const pair = custodyPair(t, pairs);
    expect(pair.privateKey.length).toBe(sodium.crypto_sign_SECRETKEYBYTES);
    expect(allZero(pair.privateKey)).toBe(false);

    ok(await t.call('vault:lock', {}));

    expect(allZero(pair.privateKey)).toBe(true);
  });

  it('the key derived again after unlock is wiped by the next lock too', async () => {
    const pairs = captureKeyPairs();
    const t = startApi(join(dirs.make('devkey-again'), 'vault'));
    apis.push(t);
    ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
    ok(await t.call('vault:lock', {}));
    ok(await t.call('vault:unlock', { passphrase: PASSPHRASE }));
    const pair = custodyPair(t, pairs);
    // A fresh buffer, not the one the first lock wiped.
    expect(allZero(pair.privateKey)).toBe(false);

    t.api.shutdown();

    expect(allZero(pair.privateKey)).toBe(true);
  });
});
