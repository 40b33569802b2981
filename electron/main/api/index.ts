/**
 * The composition root of the services, and the one dispatch function every transport calls:
 * Electron IPC in the app, loopback HTTP in the e2e rig.
 */
import type { Logger } from '../log';
import { TestimonyStore } from '../testimonies';
import { VaultService } from '../vault';
import type { CreateVaultOptions } from '../vault';
import { createDispatcher } from './dispatch';
import type { Dispatch } from './dispatch';
import { createHandlers } from './handlers';

export { createDispatcher } from './dispatch';
export type { Dispatch, Handlers } from './dispatch';
export { exceedsSize } from './payload-size';

export interface ApiOptions {
  readonly vaultDir: string;
  readonly log: Logger;
  readonly vault?: CreateVaultOptions;
}

export interface Api {
  readonly dispatch: Dispatch;
  readonly vault: VaultService;
  /** Locks the vault: wipes keys and closes the database. */
  shutdown(): void;
}

export function createApi({ vaultDir, log, vault: vaultOptions }: ApiOptions): Api {
  const vault = new VaultService(vaultDir, log, vaultOptions);
  const testimonies = new TestimonyStore(() => vault.database());
  const dispatch = createDispatcher(createHandlers({ vault, testimonies }), log);
  return { dispatch, vault, shutdown: () => vault.lock() };
}
