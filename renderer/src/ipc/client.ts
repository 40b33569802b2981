/**
 * The renderer's only way to main: a typed call derived from the IPC table. Inputs are checked
 * at compile time; main validates them again, because a renderer is never trusted.
 */
import type { Channel, InputOf, ResultOf, SvidokBridge } from '../../../shared/ipc';

declare global {
  interface Window {
    readonly svidok?: SvidokBridge;
  }
}

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/**
 * Called whenever main answers VAULT_LOCKED: main may lock on its own (OS suspend, screen lock),
 * and then the renderer must drop what it shows at once.
 */
export function onVaultLocked(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<ResultOf<C>> {
  const bridge = window.svidok;
  if (!bridge) {
    return { ok: false, error: { code: 'INTERNAL', message: 'The app bridge is missing' } };
  }
  let result: ResultOf<C>;
  try {
    result = (await bridge.invoke(channel, input)) as ResultOf<C>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The app core did not answer' } };
  }
  if (!result.ok && result.error.code === 'VAULT_LOCKED') {
    for (const listener of lockedListeners) listener();
  }
  return result;
}
