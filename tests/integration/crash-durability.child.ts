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
import { createLogger } from '../../electron/main/log';
import { collectFacts, sha256Hex } from '../helpers/crash-check';
import { createRng, randomInt } from '../helpers/prng';
import { prose } from '../helpers/ukrainian-text';

const [vaultDir, testimonyId, textSeed, unlockWith] = process.argv.slice(2);

/**
 * Writes a line and waits until it has left the process. A pipe write that does not fit the pipe
 * is finished later by the event loop, and a save loop that only awaits already-settled promises
 * never gives the loop a turn: once the check line outgrew the pipe (a few hundred revisions),
 * the parent saw nothing at all while the child went on saving (found by the soak).
 */
function say(line: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(line + '\n', () => resolve()));
}

async function fatal(stage: string, code: string): Promise<never> {
  await say(`fatal ${stage} ${code}`);
  process.exit(2);
}

async function main(): Promise<void> {
  if (!vaultDir || !testimonyId || !textSeed) return fatal('args', 'MISSING');
  // The log holds event names and codes only (never testimony text): on stderr, the parent
  // shows it with any failure, so a failed unlock says which check failed and why.
  const log = createLogger((line) => process.stderr.write(line + '\n'));
  const api = createApi({ vaultDir, log });
  const unlocked =
    unlockWith === 'recovery'
      ? await api.dispatch('vault:unlockWithRecoveryKey', {
          recoveryKey: process.env.CRASH_RECOVERY_KEY ?? '',
        })
      : await api.dispatch('vault:unlock', { passphrase: process.env.CRASH_PASSPHRASE ?? '' });
  if (!unlocked.ok) return fatal('unlock', unlocked.error.code);

  await say(`check ${JSON.stringify(await collectFacts(api, testimonyId))}`);

  // What the editor does when it opens the testimony: start from the latest revision.
  const opened = await api.dispatch('testimony:get', { id: testimonyId });
  if (!opened.ok) return fatal('get', opened.error.code);
  let revision = (opened.value as { revision: number }).revision;

  const rng = createRng(Number(textSeed));
  for (;;) {
    const next = revision + 1;
    // Short and long texts alike: a long one spans several database pages.
    const narrative = `rev ${next} ${prose(rng, randomInt(rng, 100, 3000))}`;
    await say(`begin ${next}`);
    const saved = await api.dispatch('testimony:saveNarrative', {
      id: testimonyId,
      narrative,
      baseRevision: revision,
    });
    if (!saved.ok) return fatal('save', saved.error.code);
    revision = (saved.value as { revision: number }).revision;
    await say(`ack ${revision} ${sha256Hex(narrative)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  void fatal('internal', error instanceof Error ? error.name : 'unknown');
});
