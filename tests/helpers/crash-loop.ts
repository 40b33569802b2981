/**
 * The parent side of the crash test: make a vault, then again and again start a child that
 * reopens it, reports what it finds and saves revisions until it is killed with SIGKILL at a
 * random moment. After every kill the vault is reopened — by the next child, which reports its
 * facts before it writes anything, or, after the last kill, by this process — and the facts are
 * judged against every save acknowledged so far. Lanes (independent vaults) run side by side so
 * that both cores work; the moments are drawn from a seeded PRNG so a failure can be replayed.
 * Used by tests/integration/crash-durability.test.ts and by the soak in `npm run bench -- --soak`.
 */
import { mkdirSync } from 'node:fs';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createApi } from '../../electron/main/api';
import { silentLogger } from '../../electron/main/log';
import { recordConsent } from './consent';
import { KDF_FLOOR } from '../../electron/main/vault';
import { collectFacts, judgeFacts } from './crash-check';
import type { VaultFacts } from './crash-check';
import { PASSPHRASE } from './kdf';
import { describePlan, planKill, runChild } from './crash-child';
import type { KillPlan } from './crash-child';
import { createRng } from './prng';
import type { Rng } from './prng';

export interface CrashLoopOptions {
  /** The bundled child (tests/integration/crash-durability.child.ts). */
  readonly childScript: string;
  /** An empty folder; each lane makes its vault in a subfolder. */
  readonly workDir: string;
  /** Kills in all, shared out over the lanes. */
  readonly kills: number;
  readonly lanes: number;
  readonly seed: number;
  /** Stop at the first problem (the test) or go on and count them (a soak)? */
  readonly stopOnProblem?: boolean;
  readonly progress?: (line: string) => void;
}

export interface CrashLoopReport {
  readonly seed: number;
  readonly kills: number;
  /** Kills timed from the spawn: while the child starts, unlocks or reports, before it saves. */
  readonly killsAtStartup: number;
  /** Kills whose last line seen by the parent was `begin`: a save was in flight. */
  readonly killsInFlight: number;
  /** Kills after which the reopen found the unacknowledged save committed. */
  readonly unackedFoundCommitted: number;
  readonly acknowledged: number;
  /** Reopens after a kill: one per kill (the next child, or the parent after the last). */
  readonly reopens: number;
  /** Of the reopens, those that unlocked with the passphrase (the rest: the recovery key). */
  readonly passphraseUnlocks: number;
  /**
   * Reopens that reported and were judged (integrity, acknowledged saves, custody chain): every
   * kill's but those of children killed before they reported, whose next reopen judged both.
   */
  readonly checks: number;
  /** The longest a child went without writing a line: a slow disk shows here. */
  readonly longestSilenceMs: number;
  readonly elapsedMs: number;
  /** Each problem names the lane, the kill after which it was found, and the seed. */
  readonly problems: string[];
}

interface LaneTally {
  kills: number;
  killsAtStartup: number;
  killsInFlight: number;
  unackedFoundCommitted: number;
  acknowledged: number;
  passphraseUnlocks: number;
  checks: number;
  longestSilenceMs: number;
  problems: string[];
}

interface LaneVault {
  readonly testimonyId: string;
  /** Absent on a tree whose vault:create returns none. */
  readonly recoveryKey: string | undefined;
}

async function createLaneVault(dir: string, lane: number): Promise<LaneVault> {
  const api = createApi({ vaultDir: dir, log: silentLogger, vault: { kdf: KDF_FLOOR } });
  try {
    const created = await api.dispatch('vault:create', { passphrase: PASSPHRASE });
    if (!created.ok) throw new Error(`vault:create failed: ${created.error.code}`);
    const made = await api.dispatch('testimony:create', { recordCode: `CRASH-${lane}` });
    if (!made.ok) throw new Error(`testimony:create failed: ${made.error.code}`);
    const testimonyId = (made.value as { id: string }).id;
    // The children save narratives, which the consent gate allows only after section B.
    await recordConsent(api, testimonyId);
    return {
      testimonyId,
      recoveryKey: (created.value as { recoveryKey?: string }).recoveryKey,
    };
  } finally {
    api.shutdown();
  }
}

/**
 * With CRASH_EVIDENCE set to a folder, a vault found at fault is copied there as it was (with its
 * recovery key: test data only) so the failure can be studied after the temp folders are gone.
 */
async function keepEvidence(dir: string, vault: LaneVault, name: string): Promise<void> {
  const root = process.env.CRASH_EVIDENCE;
  if (!root) return;
  const target = join(root, `${name.replace(/[^\w-]+/g, '_')}-${Date.now()}`);
  // Asynchronous: a synchronous copy would stall the other lanes' kill timers meanwhile.
  await cp(dir, target, { recursive: true });
  await writeFile(join(target, 'recovery-key.txt'), vault.recoveryKey ?? '');
}

/** This process reopens the vault itself, with the passphrase, after the lane's last kill. */
async function collectInParent(dir: string, testimonyId: string): Promise<VaultFacts> {
  const api = createApi({ vaultDir: dir, log: silentLogger });
  try {
    const unlocked = await api.dispatch('vault:unlock', { passphrase: PASSPHRASE });
    if (!unlocked.ok) throw new Error(`the vault does not open: ${unlocked.error.code}`);
    return await collectFacts(api, testimonyId);
  } finally {
    api.shutdown();
  }
}

/** CRASH_STARTUP_SHARE (0 to 1) aims more kills at startup, to soak the unlock path. */
function startupShare(): number {
  const share = Number(process.env.CRASH_STARTUP_SHARE ?? 0.1);
  return share >= 0 && share <= 1 ? share : 0.1;
}

/**
 * Which secret a child unlocks with. The passphrase costs a full Argon2id run (about half a
 * second at the floor) in every child; the recovery key opens the same header, the same database
 * and the same recovery path without it. One child in ten, and the parent, use the passphrase.
 */
function unlockSecret(rng: Rng, vault: LaneVault): { mode: string; env: NodeJS.ProcessEnv } {
  if (vault.recoveryKey === undefined || rng() < 0.1) {
    return { mode: 'passphrase', env: { CRASH_PASSPHRASE: PASSPHRASE } };
  }
  return { mode: 'recovery', env: { CRASH_RECOVERY_KEY: vault.recoveryKey } };
}

async function runLane(
  options: CrashLoopOptions,
  lane: number,
  kills: number,
  tally: LaneTally,
): Promise<void> {
  const rng = createRng(options.seed + lane * 0x9e3779b1);
  const dir = join(options.workDir, `lane-${lane}`);
  mkdirSync(dir, { recursive: true });
  const vault = await createLaneVault(dir, lane);
  const acked = new Map<number, string>();
  let lastKill: { n: number; plan: KillPlan; inFlight: number | null } | null = null;

  const judge = (facts: VaultFacts | undefined, where: string): boolean => {
    const after = lastKill
      ? `after kill ${lastKill.n} (${describePlan(lastKill.plan)})`
      : 'before the first kill';
    const found = facts ? judgeFacts(facts, acked) : ['no facts reported'];
    for (const problem of found) {
      tally.problems.push(`lane ${lane}, ${after}, reopened by ${where}: ${problem}`);
    }
    const inFlight = lastKill?.inFlight ?? null;
    if (facts && inFlight !== null && facts.revisions.length >= inFlight) {
      tally.unackedFoundCommitted++;
    }
    if (facts && lastKill) tally.checks++;
    return found.length === 0;
  };

  // How long a child takes to report, smoothed over the children so far.
  let typicalCheckMs: number | undefined;
  for (let n = 1; n <= kills; n++) {
    const plan = planKill(rng, startupShare());
    const textSeed = Math.floor(rng() * 2 ** 31);
    const secret = unlockSecret(rng, vault);
    const where = `child ${n} (${secret.mode})`;
    const run = await runChild({
      script: options.childScript,
      args: [dir, vault.testimonyId, String(textSeed), secret.mode],
      env: secret.env,
      plan,
      typicalCheckMs,
    });
    if (run.checkAtMs !== undefined) {
      typicalCheckMs = 0.8 * (typicalCheckMs ?? run.checkAtMs) + 0.2 * run.checkAtMs;
    }
    tally.longestSilenceMs = Math.max(tally.longestSilenceMs, run.longestSilenceMs);
    // Child 1 opens a vault no kill has touched; every later child reopens after one.
    if (secret.mode === 'passphrase' && n > 1) tally.passphraseUnlocks++;
    if (run.hung) {
      tally.problems.push(`lane ${lane}, ${where} hung: ${run.hung}\n${run.stderr}`);
    } else if (run.fatal) {
      tally.problems.push(`lane ${lane}, ${where}: ${run.fatal}\n${run.stderr}`);
    } else if (run.signal !== 'SIGKILL') {
      tally.problems.push(
        `lane ${lane}, ${where} ended by itself (code ${run.code}, signal ${run.signal})\n${run.stderr}`,
      );
    }
    // A child killed before it reported has checked nothing: the next reopen checks for both.
    const judgedOk = run.facts || plan.kind !== 'startup' ? judge(run.facts, where) : true;
    if (!judgedOk || run.fatal || run.hung) {
      await keepEvidence(dir, vault, `lane-${lane}-${where}`);
      if (options.stopOnProblem) return;
    }
    for (const [revision, hash] of run.acks) acked.set(revision, hash);
    tally.kills++;
    tally.acknowledged += run.acks.length;
    if (plan.kind === 'startup') tally.killsAtStartup++;
    if (run.inFlight !== null) tally.killsInFlight++;
    lastKill = { n, plan, inFlight: run.inFlight };
    if (n % 25 === 0) options.progress?.(`lane ${lane}: ${n}/${kills} kills`);
  }
  tally.passphraseUnlocks++;
  judge(await collectInParent(dir, vault.testimonyId), 'the parent (passphrase)');
}

export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopReport> {
  const started = performance.now();
  const tallies: LaneTally[] = [];
  const lanes: Array<Promise<void>> = [];
  for (let lane = 0; lane < options.lanes; lane++) {
    const tally: LaneTally = {
      kills: 0,
      killsAtStartup: 0,
      killsInFlight: 0,
      unackedFoundCommitted: 0,
      acknowledged: 0,
      passphraseUnlocks: 0,
      checks: 0,
      longestSilenceMs: 0,
      problems: [],
    };
    tallies.push(tally);
    const share =
      Math.floor(options.kills / options.lanes) + (lane < options.kills % options.lanes ? 1 : 0);
    lanes.push(runLane(options, lane, share, tally));
  }
  await Promise.all(lanes);
  const sum = (key: Exclude<keyof LaneTally, 'problems' | 'longestSilenceMs'>) =>
    tallies.reduce((total, t) => total + t[key], 0);
  return {
    seed: options.seed,
    kills: sum('kills'),
    killsAtStartup: sum('killsAtStartup'),
    killsInFlight: sum('killsInFlight'),
    unackedFoundCommitted: sum('unackedFoundCommitted'),
    acknowledged: sum('acknowledged'),
    reopens: sum('kills'),
    passphraseUnlocks: sum('passphraseUnlocks'),
    checks: sum('checks'),
    longestSilenceMs: Math.max(0, ...tallies.map((t) => t.longestSilenceMs)),
    elapsedMs: performance.now() - started,
    problems: tallies.flatMap((t) => t.problems.map((p) => `${p} [seed ${options.seed}]`)),
  };
}
