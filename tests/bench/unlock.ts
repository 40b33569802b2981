/**
 * Unlock at the default KDF cost (KDF_DEFAULT) against its peer, libsodium's crypto_pwhash at the
 * same cost: the ratio is what the vault adds beyond Argon2id (header, slot, MAC, opening and
 * checking the database, the custody entry). Measured warm, in one process, taking turns; and
 * cold, each in a fresh process, where the first derivation at 256 MiB also grows libsodium's
 * WebAssembly memory — what a user pays for the first unlock after starting the app.
 */
import { spawnSync } from 'node:child_process';
import { createApi } from '../../electron/main/api';
import { silentLogger } from '../../electron/main/log';
import { KDF_DEFAULT, loadSodium } from '../../electron/main/vault';
import { PASSPHRASE } from '../helpers/kdf';
import { summarize } from './stats';
import type { Summary } from './stats';

export interface UnlockResult {
  readonly opslimit: number;
  readonly memlimitMiB: number;
  readonly warm: { readonly unlock: Summary; readonly pwhash: Summary };
  readonly cold: { readonly unlock: Summary; readonly pwhash: Summary };
}

/** One timing, printed by a fresh process as the last line of its output. */
export type ProbeKind = 'unlock' | 'pwhash';

async function timeUnlock(vaultDir: string): Promise<number> {
  const api = createApi({ vaultDir, log: silentLogger });
  try {
    const start = performance.now();
    const unlocked = await api.dispatch('vault:unlock', { passphrase: PASSPHRASE });
    const elapsed = performance.now() - start;
    if (!unlocked.ok) throw new Error(`vault:unlock: ${unlocked.error.code}`);
    return elapsed;
  } finally {
    api.shutdown();
  }
}

async function timePwhash(): Promise<number> {
  const start = performance.now();
  const sodium = await loadSodium();
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  sodium.crypto_pwhash(
    32,
    PASSPHRASE.normalize('NFC'),
    salt,
    KDF_DEFAULT.opslimit,
    KDF_DEFAULT.memlimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
  return performance.now() - start;
}

/** Run by `main.ts --probe KIND DIR` in a fresh process. */
export async function probe(kind: ProbeKind, vaultDir: string): Promise<number> {
  return kind === 'unlock' ? timeUnlock(vaultDir) : timePwhash();
}

function coldRun(script: string, kind: ProbeKind, vaultDir: string): number {
  const run = spawnSync(process.execPath, [script, '--probe', kind, vaultDir], {
    encoding: 'utf8',
  });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  const ms = Number(last);
  if (run.status !== 0 || !Number.isFinite(ms)) {
    throw new Error(`probe ${kind} failed: ${run.stderr.slice(-500)}`);
  }
  return ms;
}

export async function benchUnlock(
  vaultDir: string,
  options: { warm: number; cold: number; script: string },
): Promise<UnlockResult> {
  const api = createApi({ vaultDir, log: silentLogger, vault: { kdf: KDF_DEFAULT } });
  const created = await api.dispatch('vault:create', { passphrase: PASSPHRASE });
  api.shutdown();
  if (!created.ok) throw new Error(`vault:create: ${created.error.code}`);

  const warm = { unlock: [] as number[], pwhash: [] as number[] };
  await timePwhash(); // grows the WebAssembly memory once, for both
  for (let i = 0; i < options.warm; i++) {
    warm.unlock.push(await timeUnlock(vaultDir));
    warm.pwhash.push(await timePwhash());
  }
  const cold = { unlock: [] as number[], pwhash: [] as number[] };
  for (let i = 0; i < options.cold; i++) {
    cold.unlock.push(coldRun(options.script, 'unlock', vaultDir));
    cold.pwhash.push(coldRun(options.script, 'pwhash', vaultDir));
  }
  return {
    opslimit: KDF_DEFAULT.opslimit,
    memlimitMiB: KDF_DEFAULT.memlimit / 1024 / 1024,
    warm: { unlock: summarize(warm.unlock), pwhash: summarize(warm.pwhash) },
    cold: { unlock: summarize(cold.unlock), pwhash: summarize(cold.pwhash) },
  };
}
