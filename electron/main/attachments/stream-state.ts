/**
 * libsodium.js keeps a secretstream's state (which holds the stream's own key) in WebAssembly
 * memory and never frees it. Wipe and free it when a blob is done, so no key outlives its use.
 */
import type { Sodium } from '../vault';

/** The Emscripten module behind libsodium-wrappers; not part of its published types. */
interface WasmModule {
  readonly HEAPU8: Uint8Array;
  _free(address: number): void;
  _crypto_secretstream_xchacha20poly1305_statebytes(): number;
}

export type StreamState = ReturnType<Sodium['crypto_secretstream_xchacha20poly1305_init_pull']>;

export function disposeStreamState(sodium: Sodium, state: StreamState | undefined): void {
  if (state === undefined) return;
  const wasm = (sodium as unknown as { libsodium?: Partial<WasmModule> }).libsodium;
  const address = state as unknown;
  if (
    typeof address !== 'number' ||
    !wasm?.HEAPU8 ||
    typeof wasm._free !== 'function' ||
    typeof wasm._crypto_secretstream_xchacha20poly1305_statebytes !== 'function'
  ) {
    return; // another build of libsodium.js: leave its memory to it
  }
  const size = wasm._crypto_secretstream_xchacha20poly1305_statebytes();
  wasm.HEAPU8.fill(0, address, address + size);
  wasm._free(address);
}
