/**
 * `svidok`: the vault's services from a terminal, for scripts and audits. Errors print their code
 * and a message, never a stack; exit status 0 on success, 1 on a refused operation, 2 on usage.
 */
import { resolve } from 'node:path';
import { isAppError } from '../../shared/errors';
import { createLogger } from '../main/log';
import { parseArgs, UsageError } from './args';
import { attachmentAdd, attachmentGet, attachmentList } from './commands/attachment';
import { custodyVerify } from './commands/custody';
import { exportBundle } from './commands/export';
import { recipientAdd, recipientList } from './commands/recipient';
import { redactAdd, redactList, redactSuggest } from './commands/redact';
import { testimonyAdd, testimonyList, testimonyShow } from './commands/testimony';
import { vaultAuditKey, vaultInit, vaultPubkey, vaultStatus } from './commands/vault';
import { verify } from './commands/verify';
import { defaultVaultDir } from './default-paths';
import type { CliIo, CommandContext } from './types';

export type { CliIo } from './types';

interface Command {
  readonly run: (ctx: CommandContext) => number | Promise<number>;
  /** How many words may follow the command name. */
  readonly args: number;
  /** Options besides --vault and --verbose. Anything else is refused, so a passphrase typed
   * as an argument never goes unnoticed. */
  readonly options?: readonly string[];
}

/** Commands by their first two words, or by one word (`export`, `verify`). */
const COMMANDS: Record<string, Command> = {
  'vault status': { run: vaultStatus, args: 0 },
  'vault init': { run: vaultInit, args: 0 },
  'vault audit-key': { run: vaultAuditKey, args: 0 },
  'vault pubkey': { run: vaultPubkey, args: 0 },
  'testimony add': { run: testimonyAdd, args: 0, options: ['json'] },
  'testimony list': { run: testimonyList, args: 0 },
  'testimony show': { run: testimonyShow, args: 1 },
  'attachment add': { run: attachmentAdd, args: Infinity, options: ['testimony'] },
  'attachment list': { run: attachmentList, args: 1 },
  'attachment get': { run: attachmentGet, args: 1, options: ['out'] },
  'recipient add': { run: recipientAdd, args: 1, options: ['name', 'org', 'class'] },
  'recipient list': { run: recipientList, args: 0 },
  'custody verify': { run: custodyVerify, args: 0 },
  'redact suggest': { run: redactSuggest, args: 1 },
  'redact list': { run: redactList, args: 1 },
  'redact add': {
    run: redactAdd,
    args: 0,
    options: [
      'testimony',
      'entity',
      'field',
      'span',
      'attachment',
      'exclude',
      'region',
      'category',
      'reason',
    ],
  },
  export: {
    run: exportBundle,
    args: 0,
    options: ['testimony', 'recipient', 'out', 'lang', 'profile'],
  },
  // Opens no vault: a recipient runs it on a machine without one.
  verify: { run: verify, args: 1, options: ['identity', 'pubkey', 'extract'] },
};

/** Every command's name, for the test that keeps README's table complete. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

const GLOBAL_OPTIONS = ['vault', 'verbose'];

/** Options that take a value; every other --flag is a switch. */
const VALUED = new Set([
  'vault',
  'json',
  'testimony',
  'out',
  'name',
  'org',
  'class',
  'recipient',
  'lang',
  'identity',
  'pubkey',
  'extract',
  'entity',
  'field',
  'span',
  'attachment',
  'region',
  'category',
  'reason',
  'profile',
]);

export const USAGE = `Usage: svidok <command> [--vault DIR]

Commands:
  vault status                 absent, locked or destroyed (no passphrase needed)
  vault init                   create a vault; prints the recovery key once
  vault audit-key              print the raw database key for an audit (see README)
  vault pubkey                 print the device signing key as a minisign .pub file
  testimony add --json FILE    import a testimony.json (${'svidok.testimony/1'})
  testimony list               record code, id, created, updated: one per line
  testimony show CODE          print a testimony as testimony.json
  attachment add --testimony CODE FILE…
                               attach files (streamed, hashed, encrypted; originals untouched)
  attachment list CODE         id, SHA-256, size and name of each attachment
  attachment get ID --out FILE write the original bytes of an attachment to FILE
  recipient add --name N --org O [--class C] age1…
                               add a recipient's age public key; prints its fingerprint
  recipient list               fingerprint, class, key, name, organisation: one per line
  custody verify               check the custody log's chain and signatures
  redact suggest CODE          what to redact: text, category, source (one per line)
  redact list CODE             the testimony's redactions: id, kind, category, what
  redact add --testimony CODE (--entity TEXT | --field PATH | --span FIELD:START:END
             | --attachment ID (--exclude | --region X,Y,W,H…)) --category C [--reason R]
                               add a redaction (categories: name, place, unit, contact,
                               medical, other; PATH as narrative, C.name_uk, …)
  export --testimony CODE… --recipient age1…|NAME… --out FILE|DIR [--lang uk|en]
         [--profile full|redacted|NAME]
                               seal testimonies into a bundle (age, signed BagIt bag),
                               through a redaction profile (full by default)
  verify BUNDLE --identity KEYFILE [--pubkey DEVICEKEY] [--extract DIR]
                               check a sealed bundle (no vault needed); DEVICEKEY is the
                               interviewer's .pub file or its base64 line
  help                         show this text

The passphrase comes from SVIDOK_PASSPHRASE or the first line of stdin, never from arguments.
--vault DIR defaults to the app's own vault folder (${defaultVaultDir()}).`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { words, options } = parseArgs(argv, VALUED);
    if (words.length === 0 || words[0] === 'help') {
      io.out(USAGE);
      return words.length === 0 ? 2 : 0;
    }
    const single = Object.hasOwn(COMMANDS, words[0] ?? '') ? words[0] : undefined;
    const name = single ?? words.slice(0, 2).join(' ');
    const command = COMMANDS[name];
    if (!command || !Object.hasOwn(COMMANDS, name)) {
      throw new UsageError(`unknown command: ${words.join(' ')}`);
    }
    const args = words.slice(single === undefined ? 2 : 1);
    if (args.length > command.args) throw new UsageError(`too many arguments for ${name}`);
    for (const option of options.keys()) {
      if (!GLOBAL_OPTIONS.includes(option) && !command.options?.includes(option)) {
        throw new UsageError(`unknown option --${option} for ${name}`);
      }
    }
    // The CLI writes no log file; events go to stderr only with --verbose.
    const log = createLogger(options.has('verbose') ? (line) => io.err(line) : () => {});
    return await command.run({
      args,
      options,
      vaultDir: resolve(options.get('vault')?.at(-1) ?? defaultVaultDir()),
      io,
      log,
    });
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
