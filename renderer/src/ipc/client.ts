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

export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<ResultOf<C>> {
  const bridge = window.svidok;
  if (!bridge) {
    return { ok: false, error: { code: 'INTERNAL', message: 'The app bridge is missing' } };
  }
  try {
    return (await bridge.invoke(channel, input)) as ResultOf<C>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The app core did not answer' } };
  }
}
