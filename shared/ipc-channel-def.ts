/** The shape of one channel of the IPC table (shared/ipc.ts), in a module of its own so that
 * the table's parts (shared/ipc-redaction.ts) can be written in files of their own. */
import type { z } from 'zod';
import type { DomainErrorCode } from './errors';

export interface ChannelDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  E extends DomainErrorCode = DomainErrorCode,
> {
  readonly input: I;
  readonly output: O;
  readonly errors: readonly E[];
  /** Upper bound on the serialized input; DEFAULT_MAX_INPUT_BYTES when absent. */
  readonly maxInputBytes?: number;
}

export function channel<
  I extends z.ZodType,
  O extends z.ZodType,
  E extends DomainErrorCode = never,
>(def: ChannelDef<I, O, E>): ChannelDef<I, O, E> {
  return def;
}
