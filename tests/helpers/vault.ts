/**
 * Real vaults for tests: made once at the KDF floor, closed (so the WAL is checkpointed into
 * vault.db), then copied per test with fs.cpSync — Argon2id runs once per template, not per test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Vault, vaultPaths } from '../../electron/main/vault';
import type { Db } from '../../electron/main/vault';
import { FAST_KDF, PASSPHRASE } from './kdf';
import type { TempDirs } from './temp';

export interface VaultTemplate {
  readonly dir: string;
  readonly passphrase: string;
  readonly vaultId: string;
}

/** Creates a vault, lets `seed` write into its database, and closes it. */
export async function createVaultTemplate(
  dirs: TempDirs,
  seed: (db: Db) => void = () => {},
  passphrase = PASSPHRASE,
): Promise<VaultTemplate> {
  const dir = dirs.make('template');
  const vault = await Vault.create(dir, passphrase, { kdf: FAST_KDF });
  try {
    seed(vault.db);
  } finally {
    vault.close();
  }
  return { dir, passphrase, vaultId: vault.header.vaultId };
}

/** The header as a mutable JSON value, for tamper tests. */
export type HeaderJson = {
  format: string;
  version: number;
  vaultId: string;
  createdAt: string;
  slots: Array<{
    id: string;
    kind: string;
    kdf: { alg: string; opslimit: number; memlimit: number; salt: string };
    nonce: string;
    wrappedKey: string;
  }>;
  mac: string;
  [extra: string]: unknown;
};

export function readHeaderJson(dir: string): HeaderJson {
  return JSON.parse(readFileSync(vaultPaths(dir).header, 'utf8')) as HeaderJson;
}

/** Rewrites vault.json the way Svidok writes it (2-space JSON and a newline). */
export function writeHeaderJson(dir: string, header: unknown): void {
  writeFileSync(vaultPaths(dir).header, JSON.stringify(header, null, 2) + '\n');
}

/** The first slot; every vault Svidok makes has at least one. */
export function firstSlot(header: HeaderJson): HeaderJson['slots'][number] {
  const slot = header.slots[0];
  if (!slot) throw new Error('header has no slot');
  return slot;
}
