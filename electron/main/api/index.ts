/**
 * The composition root of the services, and the one dispatch function every transport calls:
 * Electron IPC in the app, loopback HTTP in the e2e rig.
 */
import { createDispatcher } from './dispatch';
import type { Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { noDialogs } from './dialogs';
import type { Dialogs } from './dialogs';
import { createServices } from './services';
import type { ServiceOptions, Services } from './services';

export { createDispatcher } from './dispatch';
export type { Dispatch, Handlers } from './dispatch';
export { exceedsSize } from './payload-size';
export { createServices } from './services';
export type { Services } from './services';

export type { Dialogs } from './dialogs';
export { noDialogs } from './dialogs';

export interface ApiOptions extends ServiceOptions {
  readonly dialogs?: Dialogs;
}

export interface Api {
  readonly dispatch: Dispatch;
  readonly vault: Services['vault'];
  /** The services behind the dispatcher, for the CLI and tests. */
  readonly services: Services;
  /** Locks the vault: records the lock, wipes keys and closes the database. */
  shutdown(): void;
}

export function createApi(options: ApiOptions): Api {
  const services = createServices(options);
  const dispatch = createDispatcher(
    createHandlers(services, options.dialogs ?? noDialogs),
    options.log,
  );
  return { dispatch, vault: services.vault, services, shutdown: () => services.vault.lock() };
}
