/** Every channel of the table, implemented by calling the services. No logic of its own. */
import type { TestimonyStore } from '../testimonies';
import type { VaultService } from '../vault';
import type { Handlers } from './dispatch';

export interface Services {
  readonly vault: VaultService;
  readonly testimonies: TestimonyStore;
}

export function createHandlers({ vault, testimonies }: Services): Handlers {
  return {
    'vault:status': () => ({ state: vault.state() }),
    'vault:create': async ({ passphrase }) => ({ state: await vault.create(passphrase) }),
    'vault:unlock': async ({ passphrase }) => ({ state: await vault.unlock(passphrase) }),
    'vault:lock': () => ({ state: vault.lock() }),
    'testimony:list': () => ({ items: testimonies.list() }),
    'testimony:create': ({ recordCode }) => testimonies.create(recordCode),
    'testimony:get': ({ id }) => testimonies.get(id),
    'testimony:saveNarrative': ({ id, narrative, baseRevision }) =>
      testimonies.saveNarrative(id, narrative, baseRevision),
  };
}
