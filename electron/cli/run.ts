/**
 * `svidok`: the vault's services from a terminal, for scripts and audits. Errors print their code
 * and a message, never a stack; exit status 0 on success, 1 on a refused operation, 2 on usage.
 */
import { resolve } from 'node:path';
import { isAppError } from '../../shared/errors';
import { createLogger } from '../main/log';
import type { Logger } from '../main/log';
import { VaultService } from '../main/vault';
import { parseArgs, UsageError } from './args';
import { defaultVaultDir } from './default-paths';
import { readPassphrase } from './passphrase';

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: AsyncIterable<Buffer | string>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const USAGE = `Usage: svidok <command> [--vault DIR]

Commands:
  vault status   say whether the vault folder holds a vault (no passphrase needed)
  vault init     create a vault; the passphrase comes from SVIDOK_PASSPHRASE or stdin
  help           show this text

--vault DIR defaults to the app's own vault folder (${defaultVaultDir()}).`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let log: Logger | undefined;
  try {
    const { words, options } = parseArgs(argv, new Set(['vault']));
    const vaultDir = resolve(options.get('vault')?.at(-1) ?? defaultVaultDir());
    // The CLI logs nothing to disk; events go to stderr only when asked for.
    log = createLogger(options.has('verbose') ? (line) => io.err(line) : () => {});
    const vault = new VaultService(vaultDir, log);
    const command = words.join(' ');
    switch (command) {
      case 'vault status':
        io.out(vault.state() === 'absent' ? 'absent' : 'present (locked)');
        return 0;
      case 'vault init': {
        const passphrase = await readPassphrase(io.env, io.stdin);
        await vault.create(passphrase);
        vault.lock();
        io.out(`vault created in ${vaultDir}`);
        return 0;
      }
      case '':
      case 'help':
        io.out(USAGE);
        return command === '' ? 2 : 0;
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`svidok: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (isAppError(error)) {
      io.err(`svidok: ${error.code}: ${error.message}`);
      return 1;
    }
    io.err('svidok: INTERNAL: unexpected error');
    return 1;
  }
}
