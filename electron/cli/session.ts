/**
 * An unlocked vault for one CLI command: the same services and dispatcher the app uses, so the
 * same validation applies and the same custody entries are written (unlocked … locked).
 */
import { createApi } from '../main/api';
import type { Api } from '../main/api';
import type { Logger } from '../main/log';
import type { ChannelInputs, ChannelOutputs } from './types';
import { readPassphrase } from './passphrase';
import type { CliIo } from './types';
import { AppError } from '../../shared/errors';
import type { Channel } from '../../shared/ipc';

export interface Session {
  readonly api: Api;
  call<C extends Channel>(channel: C, input: ChannelInputs[C]): Promise<ChannelOutputs[C]>;
}

export function openApi(vaultDir: string, log: Logger): Api {
  return createApi({ vaultDir, log });
}

/** Calls a channel and turns an error result back into the typed AppError it came from. */
export async function callOrThrow<C extends Channel>(
  api: Api,
  channel: C,
  input: ChannelInputs[C],
): Promise<ChannelOutputs[C]> {
  const result = await api.dispatch(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.value as ChannelOutputs[C];
}

/** Unlocks with the passphrase from the environment or stdin, runs `work`, always locks. */
export async function withUnlockedVault<T>(
  vaultDir: string,
  io: CliIo,
  log: Logger,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const api = openApi(vaultDir, log);
  try {
    // Before the passphrase is read: a wrong --vault is no passphrase problem (an empty stdin
    // would otherwise answer BAD_INPUT), and there is nothing to type a passphrase for.
    const state = api.vault.state();
    if (state === 'absent') throw new AppError('VAULT_MISSING', 'There is no vault in this folder');
    if (state === 'destroyed') throw new AppError('VAULT_DESTROYED', 'This vault was destroyed');
    const passphrase = await readPassphrase(io.env, io.stdin);
    await callOrThrow(api, 'vault:unlock', { passphrase });
    return await work({ api, call: (channel, input) => callOrThrow(api, channel, input) });
  } finally {
    api.shutdown();
  }
}
