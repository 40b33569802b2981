/**
 * The child of the crash test (bundled by tests/helpers/bundle.mjs and run by plain node). It plays
 * the app after a crash: unlocks the vault through the real API, reports what it finds (the
 * parent judges it), then saves revisions of one narrative as fast as it can and acknowledges each
 * save on stdout only after dispatch has returned, until the parent kills it.
 *
 *   node crash-durability.child.cjs VAULT_DIR TESTIMONY_ID TEXT_SEED passphrase|recovery
 *
 * The secret comes from the environment (CRASH_PASSPHRASE or CRASH_RECOVERY_KEY), as in the CLI.
 *
 * Lines written (stdout is a pipe, so each write is synchronous):
 *   check <json VaultFacts>     after unlocking, before the first save
 *   begin <revision>            a save is about to be dispatched
 *   ack <revision> <sha256>     that save returned ok; sha256 of the text sent
 *   fatal <stage> <code>        something failed; the child exits with status 2
 */
import { createApi } from '../../electron/main/api';
import { silentLogger } from '../../electron/main/log';
import { collectFacts, sha256Hex } from '../helpers/crash-check';
import { createRng, randomInt } from '../helpers/prng';
import { prose } from '../helpers/ukrainian-text';

const [vaultDir, testimonyId, textSeed, unlockWith] = process.argv.slice(2);

function say(line: string): void {
  process.stdout.write(line + '\n');
}

function fatal(stage: string, code: string): never {
  say(`fatal ${stage} ${code}`);
  process.exit(2);
}

async function main(): Promise<void> {
  if (!vaultDir || !testimonyId || !textSeed) fatal('args', 'MISSING');
  const api = createApi({ vaultDir, log: silentLogger });
  const unlocked =
    unlockWith === 'recovery'
      ? await api.dispatch('vault:unlockWithRecoveryKey', {
          recoveryKey: process.env.CRASH_RECOVERY_KEY ?? '',
        })
      : await api.dispatch('vault:unlock', { passphrase: process.env.CRASH_PASSPHRASE ?? '' });
  if (!unlocked.ok) fatal('unlock', unlocked.error.code);

  say(`check ${JSON.stringify(await collectFacts(api, testimonyId))}`);

  // What the editor does when it opens the testimony: start from the latest revision.
  const opened = await api.dispatch('testimony:get', { id: testimonyId });
  if (!opened.ok) fatal('get', opened.error.code);
  let revision = (opened.value as { revision: number }).revision;

  const rng = createRng(Number(textSeed));
  for (;;) {
    const next = revision + 1;
    // Short and long texts alike: a long one spans several database pages.
    const narrative = `rev ${next} ${prose(rng, randomInt(rng, 100, 3000))}`;
    say(`begin ${next}`);
    const saved = await api.dispatch('testimony:saveNarrative', {
      id: testimonyId,
      narrative,
      baseRevision: revision,
    });
    if (!saved.ok) fatal('save', saved.error.code);
    revision = (saved.value as { revision: number }).revision;
    say(`ack ${revision} ${sha256Hex(narrative)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  fatal('internal', error instanceof Error ? error.name : 'unknown');
});
