import type { Channel, InputOf, OutputOf } from '../../shared/ipc';
import type { Logger } from '../main/log';

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: AsyncIterable<Buffer | string>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export type ChannelInputs = { [C in Channel]: InputOf<C> };
export type ChannelOutputs = { [C in Channel]: OutputOf<C> };

/** What a command gets: its words after the command name, its options, and the vault folder. */
export interface CommandContext {
  readonly args: string[];
  readonly options: Map<string, string[]>;
  readonly vaultDir: string;
  readonly io: CliIo;
  readonly log: Logger;
}
