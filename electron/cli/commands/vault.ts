import { readPassphrase } from '../passphrase';
import { callOrThrow, openApi, withUnlockedVault } from '../session';
import type { CommandContext } from '../types';

export function vaultStatus({ vaultDir, io, log }: CommandContext): number {
  const state = openApi(vaultDir, log).vault.state();
  io.out(state === 'unlocked' ? 'locked' : state);
  return 0;
}

export async function vaultInit({ vaultDir, io, log }: CommandContext): Promise<number> {
  const api = openApi(vaultDir, log);
  const passphrase = await readPassphrase(io.env, io.stdin);
  try {
    const { recoveryKey } = await callOrThrow(api, 'vault:create', { passphrase });
    io.out(`vault created in ${vaultDir}`);
    io.out('');
    io.out('Recovery key (shown once; write it down and keep it apart from this computer):');
    io.out(`  ${recoveryKey}`);
    return 0;
  } finally {
    api.shutdown();
  }
}

/**
 * `vault audit-key`: the raw database key, for opening vault.db with stock SQLCipher 4. As
 * sensitive as the passphrase; its export is a custody entry.
 */
export async function vaultAuditKey(ctx: CommandContext): Promise<number> {
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ api }) => {
    const key = api.vault.auditKeyHex();
    api.services.custody.record('vault.audit_key_exported');
    ctx.io.out(key);
    return 0;
  });
}

/**
 * `vault pubkey`: the device's signing key as a minisign `.pub` file, for a recipient to pin and
 * pass to `minisign -V -p`. It is public, so printing it needs no custody entry; it still needs
 * the passphrase, because the key is derived from the vault's master key.
 */
export async function vaultPubkey(ctx: CommandContext): Promise<number> {
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ call }) => {
    const { minisign } = await call('vault:devicePublicKey', {});
    ctx.io.out(minisign.trimEnd());
    return 0;
  });
}
