/** Every channel of the table, implemented by calling the services. No logic of its own. */
import type { Handlers } from './dispatch';
import type { Services } from './services';

export function createHandlers({ vault, custody, testimonies }: Services): Handlers {
  return {
    'vault:status': () => ({ state: vault.state() }),
    'vault:create': async ({ passphrase }) => {
      const state = await vault.create(passphrase);
      custody.record('vault.created');
      return { state };
    },
    'vault:unlock': async ({ passphrase }) => {
      const state = await vault.unlock(passphrase);
      custody.record('vault.unlocked');
      return { state };
    },
    'vault:lock': () => ({ state: vault.lock() }),
    'testimony:list': () => ({ items: testimonies.list() }),
    'testimony:create': ({ recordCode }) => testimonies.create(recordCode),
    'testimony:get': ({ id }) => {
      const testimony = testimonies.get(id);
      custody.record('testimony.viewed', { testimonyId: id }, { revision: testimony.revision });
      return testimony;
    },
    'testimony:saveNarrative': ({ id, narrative, baseRevision }) =>
      testimonies.saveNarrative(id, narrative, baseRevision),
    'testimony:history': ({ id }) => ({ items: testimonies.history(id) }),
    'testimony:revision': ({ id, seq }) => ({ seq, narrative: testimonies.revisionText(id, seq) }),
    'custody:verify': () => custody.verify(),
  };
}
