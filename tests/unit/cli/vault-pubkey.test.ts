/**
 * `svidok vault pubkey`: the key a recipient pins must be the key the bundles are signed with.
 * The printed text is handed to the real `minisign` CLI, which checks a file signed by
 * signPrehashed with the same vault's device key.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minisignPublicKey, signPrehashed } from '../../../electron/main/bundles/minisign';
import { loadSodium } from '../../../electron/main/vault';
import { err, ok, startApi } from '../../helpers/api';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';
import { runCliCaptured } from '../../helpers/cli';

const dirs = createTempDirs('svidok-cli-pubkey-');
let dir: string;
beforeEach(() => {
  dir = dirs.make();
});
afterEach(() => dirs.cleanup());

const cli = (argv: string[], env: NodeJS.ProcessEnv = { SVIDOK_PASSPHRASE: PASSPHRASE }) =>
  runCliCaptured(argv, { env });

async function fastVault(): Promise<string> {
  const vault = join(dir, 'vault');
  const t = startApi(vault);
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
  t.api.shutdown();
  return vault;
}

/** Signs `file` with the vault's device key, the way a bundle's tag manifest is signed. */
async function signWithVault(vault: string, file: string, comment: string): Promise<string> {
  const t = startApi(vault);
  ok(await t.call('vault:unlock', { passphrase: PASSPHRASE }));
  const seed = t.api.services.vault.subkey('signing');
  try {
    const sodium = await loadSodium();
    const { keyId } = minisignPublicKey(sodium.crypto_sign_seed_keypair(seed).publicKey);
    return await signPrehashed(seed, keyId, createReadStream(file), comment);
  } finally {
    (await loadSodium()).memzero(seed);
    t.api.shutdown();
  }
}

describe('svidok vault pubkey', () => {
  it('prints a .pub that the minisign CLI uses to verify the vault’s own signature', async () => {
    const vault = await fastVault();
    const printed = await cli(['vault', 'pubkey', '--vault', vault]);
    expect(printed.err).toBe('');
    expect(printed.code).toBe(0);
    const [comment, key, ...rest] = printed.out.split('\n');
    expect(comment).toMatch(/^untrusted comment: minisign public key [0-9A-F]{16}$/);
    expect(key).toMatch(/^[A-Za-z0-9+/]{56}$/);
    expect(rest).toEqual([]);
    // The same key every time: a recipient pins it once.
    expect((await cli(['vault', 'pubkey', '--vault', vault])).out).toBe(printed.out);

    const pubFile = join(dir, 'device.pub');
    writeFileSync(pubFile, `${printed.out}\n`);
    const file = join(dir, 'tagmanifest-sha256.txt');
    writeFileSync(file, 'abc  bagit.txt\n');
    const comment2 = 'bundle:0001\ttime:2026-03-01T09:00:00Z';
    writeFileSync(`${file}.minisig`, await signWithVault(vault, file, comment2));

    for (const keyArgs of [
      ['-p', pubFile],
      ['-P', key!],
    ]) {
      const run = spawnSync('/usr/bin/minisign', ['-V', '-H', '-m', file, ...keyArgs], {
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`Trusted comment: ${comment2}`);
    }
  });

  it('the key id it prints is the one the channel returns', async () => {
    const vault = await fastVault();
    const printed = await cli(['vault', 'pubkey', '--vault', vault]);
    const t = startApi(vault);
    ok(await t.call('vault:unlock', { passphrase: PASSPHRASE }));
    const { keyId, minisign } = ok(await t.call('vault:devicePublicKey', {}));
    t.api.shutdown();
    expect(minisign.trimEnd()).toBe(printed.out);
    expect(printed.out).toContain(keyId);
  });

  it('needs the passphrase, and the channel refuses a locked vault', async () => {
    const vault = await fastVault();
    const wrong = await cli(['vault', 'pubkey', '--vault', vault], {
      SVIDOK_PASSPHRASE: 'not the passphrase at all',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^svidok: WRONG_PASSPHRASE: /);
    expect(wrong.out).toBe('');

    const t = startApi(vault);
    expect(err(await t.call('vault:devicePublicKey', {})).code).toBe('VAULT_LOCKED');
    t.api.shutdown();
  });

  it('takes no arguments', async () => {
    const vault = await fastVault();
    expect((await cli(['vault', 'pubkey', 'extra', '--vault', vault])).code).toBe(2);
  });
});
