/**
 * Crash durability (SECURITY.md): a child saves revisions through the real API and acknowledges
 * each one; it is killed with SIGKILL at random moments, at least 200 times. After every kill the
 * vault opens, PRAGMA integrity_check is ok, every acknowledged save is there with the text that
 * was sent, and the custody chain verifies. A failure prints its seed: replay it with
 *   CRASH_SEED=<seed> npx vitest run tests/integration/crash-durability.test.ts
 * CRASH_KILLS and CRASH_LANES change the number of kills and of vaults killed side by side; the
 * longer soak is `npm run bench -- --soak`.
 *
 * How: tests/helpers/crash-loop.ts. Each kill is followed by a reopen through createApi — by the
 * next child, which reports what it reads (PRAGMA integrity_check, every revision's stored hash
 * and the hash of its stored text, custody:verify) before it writes anything, or, after the last
 * kill, by this process. Most children unlock with the recovery key, which opens the same header
 * and database without a second of Argon2id; one in ten, and this process, use the passphrase.
 *
 * A SIGKILL stops the process, not the machine: what the child wrote had reached the kernel and
 * stays in the page cache. So this proves that a save is acknowledged only once committed, that
 * every transaction is atomic, and that SQLite's recovery copes with a torn one (a child that
 * acknowledges before committing fails within a few kills; so does one that keeps its rollback
 * journal in memory). It cannot prove that fsync reaches the disk before a power cut: that is
 * synchronous=FULL's job, and no process kill can tell it from synchronous=OFF.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/main/api';
import { silentLogger } from '../../electron/main/log';
import { bundleEntry, removeBundles } from '../helpers/bundle.mjs';
import { recordConsent } from '../helpers/consent';
import { collectFacts, judgeFacts, sha256Hex } from '../helpers/crash-check';
import type { VaultFacts } from '../helpers/crash-check';
import { runCrashLoop } from '../helpers/crash-loop';
import { FAST_KDF, PASSPHRASE } from '../helpers/kdf';
import { newSeed } from '../helpers/prng';
import { createTempDirs } from '../helpers/temp';

const dirs = createTempDirs('svidok-crash-');
afterAll(() => {
  dirs.cleanup();
  removeBundles();
});

const seed = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : newSeed();
const kills = Number(process.env.CRASH_KILLS ?? 200);
const lanes = Number(process.env.CRASH_LANES ?? 2);

describe('crash durability', () => {
  it(`every acknowledged save survives ${kills} SIGKILLs at random moments`, async () => {
    const childScript = await bundleEntry('tests/integration/crash-durability.child.ts');
    const report = await runCrashLoop({
      childScript,
      workDir: dirs.make('loop'),
      kills,
      lanes,
      seed,
      stopOnProblem: true,
    });
    const seconds = (report.elapsedMs / 1000).toFixed(1);
    console.log(
      `crash test: seed ${seed}, ${report.kills} kills in ${seconds} s over ${lanes} vaults; ` +
        `${report.acknowledged} acknowledged saves; ${report.killsInFlight} kills with a save ` +
        `in flight, ${report.unackedFoundCommitted} of them committed without an ack; ` +
        `${report.killsAtStartup} during startup; ${report.checks} reopens checked, ` +
        `${report.passphraseUnlocks} of them with the passphrase`,
    );
    expect(report.problems, `replay with CRASH_SEED=${seed}`).toEqual([]);
    expect(report.kills).toBeGreaterThanOrEqual(kills);
    // Most kills must land while saving, or the test proves little.
    expect(report.kills - report.killsAtStartup).toBeGreaterThanOrEqual(kills * 0.75);
  }, 600_000);
});

describe('the crash check itself', () => {
  // The loop above only means something if its check can fail: feed it a vault where an
  // acknowledged save was lost, and one whose stored text was altered.
  it('reports a lost acknowledged save, an altered text, a gap, a broken chain and a damaged file', async () => {
    const dir = dirs.make('judge');
    const api = createApi({ vaultDir: dir, log: silentLogger, vault: { kdf: FAST_KDF } });
    try {
      expect((await api.dispatch('vault:create', { passphrase: PASSPHRASE })).ok).toBe(true);
      const made = await api.dispatch('testimony:create', { recordCode: 'JUDGE-1' });
      if (!made.ok) throw new Error(made.error.code);
      const id = (made.value as { id: string }).id;
      await recordConsent(api, id);
      const acked = new Map<number, string>();
      for (let revision = 1; revision <= 3; revision++) {
        const narrative = `rev ${revision} Свідчення про підвал`;
        const saved = await api.dispatch('testimony:saveNarrative', {
          id,
          narrative,
          baseRevision: revision - 1,
        });
        expect(saved.ok).toBe(true);
        acked.set(revision, sha256Hex(narrative));
      }
      const facts = await collectFacts(api, id);
      expect(judgeFacts(facts, acked)).toEqual([]);

      // Acknowledged but not stored: the child said ack 4, the vault ends at 3.
      const lost = new Map(acked).set(4, sha256Hex('rev 4'));
      expect(judgeFacts(facts, lost)).toEqual([
        'latest stored revision is 3, but 4 was acknowledged',
        'acknowledged revision 4 is not stored',
      ]);

      // A stored text that is not what was acknowledged: alter revision 2 behind the triggers.
      const db = api.vault.database();
      db.exec('DROP TRIGGER testimony_revision_no_update');
      db.prepare('UPDATE testimony_revision SET narrative = ? WHERE seq = 2').run('змінено');
      const altered = await collectFacts(api, id);
      expect(judgeFacts(altered, acked)).toEqual([
        'revision 2: stored text differs from the acknowledged text',
      ]);

      const gap: VaultFacts = { ...facts, revisions: facts.revisions.filter(([s]) => s !== 2) };
      expect(judgeFacts(gap, new Map())).toEqual(['revision 2 is missing (found 3 in its place)']);

      const unchained: VaultFacts = {
        ...facts,
        custody: { kind: 'verified', ok: false, entries: 9, detail: '{"seq":4,"reason":"chain"}' },
      };
      expect(judgeFacts(unchained, acked)).toEqual([
        'custody chain fails at {"seq":4,"reason":"chain"} (9 entries)',
      ]);

      const broken: VaultFacts = { ...facts, integrity: ['*** in database main ***', 'Page 5: x'] };
      expect(judgeFacts(broken, acked)).toEqual([
        'integrity_check: *** in database main ***; Page 5: x',
      ]);
    } finally {
      api.shutdown();
    }
  });
});
