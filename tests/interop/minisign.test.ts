/**
 * A prosecutor's analyst checks the bundle signature with the stock `minisign` CLI (Debian's
 * /usr/bin/minisign), never with Svidok: what Svidok signs must verify there, what minisign signs
 * must verify here, and every tampered part must fail in both, for the right reason.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  minisignPublicKey,
  signPrehashed,
  verifyPrehashed,
} from '../../electron/main/bundles/minisign';
import { loadSodium } from '../../electron/main/vault';
import type { Sodium } from '../../electron/main/vault';
import { createTempDirs } from '../helpers/temp';

const MINISIGN = '/usr/bin/minisign';
const dirs = createTempDirs('svidok-minisign-');
afterAll(() => dirs.cleanup());

let sodium: Sodium;
let dir: string;
let seed: Uint8Array;
let pub: ReturnType<typeof minisignPublicKey>;
const TRUSTED = 'bundle:6f1c2d0e\ttime:2026-03-01T09:00:00Z\tkey:device свідок';

beforeAll(async () => {
  sodium = await loadSodium();
  dir = dirs.make();
  seed = sodium.randombytes_buf(32);
  pub = minisignPublicKey(sodium.crypto_sign_seed_keypair(seed).publicKey);
  writeFileSync(join(dir, 'device.pub'), pub.text);
});

function minisign(...args: string[]) {
  const run = spawnSync(MINISIGN, args, { encoding: 'utf8', cwd: dir });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** A file and its Svidok signature, written side by side as a bundle holds them. */
async function signedFile(name: string, content: string | Uint8Array) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const sig = await signPrehashed(seed, pub.keyId, createReadStream(file), TRUSTED);
  writeFileSync(`${file}.minisig`, sig);
  return { file, sig };
}

/** Rewrites one base64 line of a .minisig with one byte of its decoded form flipped. */
function flipInLine(sig: string, lineIndex: number, byteIndex: number): string {
  const lines = sig.split('\n');
  const bytes = Buffer.from(lines[lineIndex]!, 'base64');
  bytes[byteIndex]! ^= 0x01;
  lines[lineIndex] = bytes.toString('base64');
  return lines.join('\n');
}

describe('minisign interop: Svidok signs, the minisign CLI verifies', () => {
  it('verifies with -P <base64> and with -p <pubfile>, printing the trusted comment', async () => {
    const { file } = await signedFile('tagmanifest-sha256.txt', 'abc  data/testimony.json\n');
    for (const keyArgs of [
      ['-P', pub.base64],
      ['-p', join(dir, 'device.pub')],
    ]) {
      const run = minisign('-V', '-H', '-m', file, ...keyArgs);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out).toContain('Signature and comment signature verified');
      expect(run.out).toContain(`Trusted comment: ${TRUSTED}`);
    }
  });

  it('names the same key id as minisign (which reads the stored bytes little-endian)', async () => {
    const { file } = await signedFile('other.txt', 'x');
    const otherSeed = sodium.randombytes_buf(32);
    const other = minisignPublicKey(sodium.crypto_sign_seed_keypair(otherSeed).publicKey);
    const run = minisign('-V', '-m', file, '-P', other.base64);
    expect(run.code).not.toBe(0);
    // minisign 0.11 prints the id without leading zeros; ours are always 16 digits.
    const strip = (id: string) => id.replace(/^0+/, '');
    expect(run.err).toContain(strip(pub.keyId));
    expect(run.err).toContain(strip(other.keyId));
  });

  it('signs an empty file and a file of every byte value', async () => {
    const all = Uint8Array.from({ length: 256 * 4 }, (_, i) => i % 256);
    for (const [name, content] of [
      ['empty', ''],
      ['bytes', all],
    ] as const) {
      const { file } = await signedFile(name, content);
      expect(minisign('-V', '-H', '-m', file, '-P', pub.base64).code).toBe(0);
    }
  });
});

describe('minisign interop: the minisign CLI signs, Svidok verifies', () => {
  let cliPub: string;
  beforeAll(() => {
    const made = minisign('-G', '-W', '-p', 'cli.pub', '-s', 'cli.key');
    expect(made.code).toBe(0);
    cliPub = readFileSync(join(dir, 'cli.pub'), 'utf8');
  });

  it('accepts a prehashed (default) signature and returns its trusted comment', async () => {
    const file = join(dir, 'from-cli.txt');
    writeFileSync(file, 'signed by the reference tool\n');
    expect(minisign('-S', '-s', 'cli.key', '-m', file, '-t', 'made by minisign').code).toBe(0);
    const sig = readFileSync(`${file}.minisig`, 'utf8');
    const verdict = await verifyPrehashed(cliPub, sig, createReadStream(file));
    expect(verdict).toMatchObject({ ok: true, trustedComment: 'made by minisign' });
    // The key id we report is minisign's own, from its .pub comment line.
    const printed = /minisign public key ([0-9A-F]+)/.exec(cliPub)![1]!;
    expect(verdict.ok && verdict.keyId).toBe(printed.padStart(16, '0'));
    // The bare base64 line works as well as the file, as with minisign -P.
    const line = cliPub.split('\n')[1]!;
    expect((await verifyPrehashed(line, sig, createReadStream(file))).ok).toBe(true);
  });

  it('refuses a legacy (-l, non-prehashed) signature with reason "algorithm"', async () => {
    const file = join(dir, 'legacy.txt');
    writeFileSync(file, 'legacy\n');
    expect(minisign('-S', '-l', '-s', 'cli.key', '-m', file).code).toBe(0);
    const sig = readFileSync(`${file}.minisig`, 'utf8');
    const data = () => createReadStream(file);
    expect(await verifyPrehashed(cliPub, sig, data())).toEqual({ ok: false, reason: 'algorithm' });
  });

  it('fails with the right reason when the CLI-signed file is changed', async () => {
    const file = join(dir, 'cli-tamper.txt');
    writeFileSync(file, 'original\n');
    minisign('-S', '-s', 'cli.key', '-m', file);
    const sig = readFileSync(`${file}.minisig`, 'utf8');
    writeFileSync(file, 'Original\n');
    expect(await verifyPrehashed(cliPub, sig, createReadStream(file))).toEqual({
      ok: false,
      reason: 'signature',
    });
  });
});

describe('minisign interop: tampering is caught by Svidok and by the minisign CLI', () => {
  const content = 'e3b0c442  data/custody.jsonl\n';
  // [name, how the .minisig or the file changes, expected reason]
  const cases: [string, (sig: string, file: string) => string, string][] = [
    [
      'a flipped byte in the signed file',
      (sig, file) => (writeFileSync(file, content.replace('e', 'f')), sig),
      'signature',
    ],
    ['a flipped byte in the signature', (sig) => flipInLine(sig, 1, 40), 'signature'],
    ['a flipped byte in the key id of the signature', (sig) => flipInLine(sig, 1, 3), 'key_id'],
    [
      'an edited trusted comment',
      (sig) => sig.replace('bundle:6f1c2d0e', 'bundle:6f1c2d0f'),
      'global_signature',
    ],
    ['a flipped byte in the global signature', (sig) => flipInLine(sig, 3, 10), 'global_signature'],
  ];

  for (const [name, tamper, reason] of cases) {
    it(`${name} → ${reason}`, async () => {
      const { file, sig } = await signedFile(`tamper-${reason}-${name.length}.txt`, content);
      const bad = tamper(sig, file);
      writeFileSync(`${file}.minisig`, bad);
      expect(await verifyPrehashed(pub.text, bad, createReadStream(file))).toEqual({
        ok: false,
        reason,
      });
      const run = minisign('-V', '-H', '-m', file, '-P', pub.base64);
      expect(run.code).not.toBe(0);
      expect(run.out).not.toContain('verified');
    });
  }

  it('a different key → key_id; the same key id over a different key → signature', async () => {
    const { file, sig } = await signedFile('wrong-key.txt', content);
    const otherPk = sodium.crypto_sign_seed_keypair(sodium.randombytes_buf(32)).publicKey;
    const other = minisignPublicKey(otherPk);
    expect(await verifyPrehashed(other.text, sig, createReadStream(file))).toEqual({
      ok: false,
      reason: 'key_id',
    });
    // A forged .pub that copies our key id but carries another key.
    const forged = Buffer.from(pub.base64, 'base64');
    forged.set(otherPk, 10);
    const forgedLine = forged.toString('base64');
    expect(await verifyPrehashed(forgedLine, sig, createReadStream(file))).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(minisign('-V', '-m', file, '-P', other.base64).code).not.toBe(0);
    expect(minisign('-V', '-m', file, '-P', forgedLine).code).not.toBe(0);
  });

  it('the untrusted comment is not covered: editing it changes nothing (as minisign says)', async () => {
    const { file, sig } = await signedFile('untrusted.txt', content);
    const edited = sig.replace(/^untrusted comment: .*$/m, 'untrusted comment: anything');
    writeFileSync(`${file}.minisig`, edited);
    expect((await verifyPrehashed(pub.text, edited, createReadStream(file))).ok).toBe(true);
    expect(minisign('-V', '-m', file, '-P', pub.base64).code).toBe(0);
  });
});

describe('minisign interop: large input is streamed', () => {
  const CHUNK = 1024 * 1024;
  const CHUNKS = 50;

  /** 50 MiB made on the fly from one reused buffer: never whole in memory. */
  async function* generated(): AsyncGenerator<Uint8Array> {
    const buffer = new Uint8Array(CHUNK);
    for (let i = 0; i < CHUNKS; i++) {
      for (let j = 0; j < CHUNK; j += 4096) buffer[j] = (i * 31 + j) & 0xff;
      yield buffer;
    }
  }

  it('signs 50 MiB from a generated stream; minisign verifies the same bytes on disk', async () => {
    const file = join(dir, 'large.bin');
    await pipeline(generated(), createWriteStream(file));
    const fromGenerator = await signPrehashed(seed, pub.keyId, generated(), TRUSTED);
    // Ed25519 is deterministic: the same bytes and comment give the same signature file.
    const fromFile = await signPrehashed(seed, pub.keyId, createReadStream(file), TRUSTED);
    expect(fromGenerator).toBe(fromFile);
    writeFileSync(`${file}.minisig`, fromGenerator);
    expect(minisign('-V', '-H', '-m', file, '-P', pub.base64).code).toBe(0);
    expect(await verifyPrehashed(pub.text, fromGenerator, generated())).toMatchObject({ ok: true });
  });
});
