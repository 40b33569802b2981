/**
 * The transport-independent half of the boundary: look the channel up in the table, bound the
 * input, validate it strictly, run the handler, check its output, and return a Result. Both the
 * Electron binding in the shell and the loopback host of the e2e rig call this one function.
 */
import { channels, DEFAULT_MAX_INPUT_BYTES, isChannel } from '../../../shared/ipc';
import type { Channel, ParsedInputOf, OutputOf, Result } from '../../../shared/ipc';
import { isAppError } from '../../../shared/errors';
import type { ErrorCode } from '../../../shared/errors';
import type { Logger } from '../log';
import { exceedsSize } from './payload-size';

export type Handlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>;
};

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown, ErrorCode>>;

function fail(code: ErrorCode, message: string): Result<never, ErrorCode> {
  return { ok: false, error: { code, message } };
}

export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channelName, input) => {
    if (!isChannel(channelName)) {
      log.warn('ipc.unknown_channel');
      return fail('UNKNOWN_CHANNEL', 'Unknown channel');
    }
    const def = channels[channelName];
    if (exceedsSize(input, def.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES)) {
      log.warn('ipc.payload_too_large', { channel: channelName });
      return fail('PAYLOAD_TOO_LARGE', 'Input is too large');
    }
    const parsed = def.input.safeParse(input);
    if (!parsed.success) {
      // Issue paths name keys, never values: safe to log.
      log.warn('ipc.bad_input', { channel: channelName, paths: issuePaths(parsed.error.issues) });
      return fail('BAD_INPUT', 'Input does not match the expected shape');
    }
    try {
      const handler = handlers[channelName] as (i: unknown) => unknown;
      const output = await handler(parsed.data);
      const checked = def.output.safeParse(output);
      if (!checked.success) {
        log.error('ipc.bad_output', { channel: channelName });
        return fail('INTERNAL', 'Internal error');
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (isAppError(error)) {
        log.info('ipc.error', { channel: channelName, code: error.code });
        return fail(error.code, error.message);
      }
      // Unknown errors may carry data in their message: log only their type.
      log.error('ipc.internal_error', { channel: channelName, type: errorType(error) });
      return fail('INTERNAL', 'Internal error');
    }
  };
}

function issuePaths(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>): string {
  return issues
    .slice(0, 5)
    .map((i) => i.path.map(String).join('.') || '(root)')
    .join(',')
    .slice(0, 200);
}

function errorType(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name}:${code}` : error.name;
  }
  return typeof error;
}
