/**
 * The API as the renderer reaches it — createApi and its one dispatch function — over a temp
 * vault folder, a fast KDF, and a log captured in memory or written to a file.
 */
import { createApi } from '../../electron/main/api';
import type { Api } from '../../electron/main/api';
import { createLogger, memorySink } from '../../electron/main/log';
import type { LogSink } from '../../electron/main/log';
import type { Channel, InputOf, IpcError, OutputOf, Result } from '../../shared/ipc';
import { FAST_KDF } from './kdf';

export interface TestApi {
  readonly api: Api;
  /** Every log line written so far (memory sink only; empty when a sink was given). */
  readonly logLines: string[];
  /** A typed call through dispatch. */
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>, string>>;
}

export function startApi(vaultDir: string, sink?: LogSink): TestApi {
  const logLines: string[] = [];
  const log = createLogger(sink ?? memorySink(logLines));
  const api = createApi({ vaultDir, log, vault: { kdf: FAST_KDF } });
  return {
    api,
    logLines,
    call: (channel, input) =>
      api.dispatch(channel, input) as Promise<Result<OutputOf<typeof channel>, string>>,
  };
}

/** The value of a successful result; a failure throws with its code. */
export function ok<T>(result: Result<T, string>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a failed result; a success throws. */
export function err(result: Result<unknown, string>): IpcError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}
