/**
 * A vault template that also keeps the recovery key printed at creation (the shared template
 * helper drops it). Made once at the KDF floor and copied per test, like the others.
 */
import { Vault } from '../../../electron/main/vault';
import type { Db } from '../../../electron/main/vault';
import { FAST_KDF, PASSPHRASE } from '../../helpers/kdf';
import type { TempDirs } from '../../helpers/temp';
import type { HeaderJson, VaultTemplate } from '../../helpers/vault';

export interface RecoveryTemplate extends VaultTemplate {
  readonly recoveryKey: string;
}

export async function createRecoveryTemplate(
  dirs: TempDirs,
  seed: (db: Db) => void = () => {},
): Promise<RecoveryTemplate> {
  const dir = dirs.make('template');
  const vault = await Vault.create(dir, PASSPHRASE, { kdf: FAST_KDF });
  const recoveryKey = vault.takeRecoveryKey();
  try {
    if (recoveryKey === undefined) throw new Error('a new vault must hand out its recovery key');
    seed(vault.db);
  } finally {
    vault.close();
  }
  return { dir, passphrase: PASSPHRASE, vaultId: vault.header.vaultId, recoveryKey };
}

/** The header's recovery slot as mutable JSON (it has no kdf block). */
export type RecoverySlotJson = { id: string; kind: string; nonce: string; wrappedKey: string };

export function recoverySlot(header: HeaderJson): RecoverySlotJson {
  const slot = header.slots.find((s) => s.kind === 'recovery');
  if (!slot) throw new Error('header has no recovery slot');
  return slot as unknown as RecoverySlotJson;
}

export function passphraseSlot(header: HeaderJson): HeaderJson['slots'][number] {
  const slot = header.slots.find((s) => s.kind === 'passphrase');
  if (!slot) throw new Error('header has no passphrase slot');
  return slot;
}
