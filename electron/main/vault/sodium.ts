import sodiumModule from 'libsodium-wrappers-sumo';

export type Sodium = typeof sodiumModule;

let loaded = false;

/** libsodium is WebAssembly and must finish loading before first use. */
export async function loadSodium(): Promise<Sodium> {
  await sodiumModule.ready;
  loaded = true;
  return sodiumModule;
}

/**
 * libsodium for synchronous code that only runs once a vault is open (which loaded it), such as
 * signing a custody entry inside a database transaction.
 */
export function loadedSodium(): Sodium {
  if (!loaded) throw new Error('libsodium used before it was loaded');
  return sodiumModule;
}
