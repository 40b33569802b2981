/**
 * One child of the crash test: spawned with plain node, its lines read as they come (see
 * tests/integration/crash-durability.child.ts for what it writes), and killed with SIGKILL when
 * its kill plan says so. Everything the child wrote before it died is returned.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { VaultFacts } from './crash-check';
import { randomInt } from './prng';
import type { Rng } from './prng';

export type KillPlan =
  | { readonly kind: 'startup'; readonly fraction: number }
  | { readonly kind: 'delay'; readonly afterFirstAckMs: number }
  | { readonly kind: 'acks'; readonly afterAcks: number };

/**
 * Most kills land while saving. One in ten lands around the moment the child finishes unlocking
 * — a fraction (0.6 to 1.2) of the time earlier children took to report — where opening the
 * database, recovering its WAL and the first custody writes happen.
 */
export function planKill(rng: Rng, startupShare = 0.1): KillPlan {
  const r = rng();
  if (r < startupShare) return { kind: 'startup', fraction: 0.6 + rng() * 0.6 };
  if (r < startupShare + 0.45) return { kind: 'delay', afterFirstAckMs: rng() * 25 };
  return { kind: 'acks', afterAcks: randomInt(rng, 1, 8) };
}

export interface ChildRun {
  readonly facts: VaultFacts | undefined;
  readonly acks: ReadonlyArray<readonly [number, string]>;
  /** The revision announced by a `begin` and never acknowledged, if any. */
  readonly inFlight: number | null;
  /** Killed by the watchdog, not by the plan: what the child was doing then. */
  readonly hung: string | undefined;
  /** Milliseconds from spawn to the `check` line, if it came. */
  readonly checkAtMs: number | undefined;
  /** The longest wait between two lines (or from spawn to the first). */
  readonly longestSilenceMs: number;
  readonly signal: NodeJS.Signals | null;
  readonly code: number | null;
  readonly fatal: string | undefined;
  readonly stderr: string;
}

/**
 * A child that writes nothing for this long is stuck. Generous: on a shared machine one fsync
 * can wait tens of seconds behind another process's large write, and that is not a hang.
 */
const SILENCE_LIMIT_MS = 120_000;

export interface ChildSpec {
  readonly script: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly plan: KillPlan;
  /** The usual spawn-to-`check` time, for startup kills; unknown for a lane's first children. */
  readonly typicalCheckMs: number | undefined;
}

export function runChild({
  script,
  args,
  env,
  plan,
  typicalCheckMs,
}: ChildSpec): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--enable-source-maps', script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const spawnedAt = performance.now();
    let facts: VaultFacts | undefined;
    let checkAtMs: number | undefined;
    let fatal: string | undefined;
    let inFlight: number | null = null;
    let killed = false;
    let hung: string | undefined;
    let lastLine = '(none)';
    let lastLineAt = spawnedAt;
    let longestSilenceMs = 0;
    const acks: Array<readonly [number, string]> = [];
    let pending = '';
    let stderr = '';
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    const timers: NodeJS.Timeout[] = [];
    const watchdog = setInterval(() => {
      const silence = performance.now() - lastLineAt;
      if (silence < SILENCE_LIMIT_MS || killed) return;
      hung = describeStuck(child.pid, lastLine, silence);
      kill();
    }, 1000);
    if (plan.kind === 'startup' && typicalCheckMs !== undefined) {
      timers.push(setTimeout(kill, plan.fraction * typicalCheckMs));
    }

    const onLine = (line: string) => {
      const now = performance.now();
      longestSilenceMs = Math.max(longestSilenceMs, now - lastLineAt);
      lastLine = line.slice(0, 80);
      lastLineAt = now;
      const space = line.indexOf(' ');
      const word = space < 0 ? line : line.slice(0, space);
      const rest = space < 0 ? '' : line.slice(space + 1);
      if (word === 'check') {
        facts = JSON.parse(rest) as VaultFacts;
        checkAtMs = now - spawnedAt;
        // No usual time to go by yet: a startup kill lands right after the report instead.
        if (plan.kind === 'startup' && typicalCheckMs === undefined) kill();
      } else if (word === 'begin') inFlight = Number(rest);
      else if (word === 'ack') {
        const [revision, hash] = rest.split(' ');
        acks.push([Number(revision), hash ?? '']);
        inFlight = null;
        if (killed) return;
        if (plan.kind === 'acks' && acks.length >= plan.afterAcks) kill();
        if (plan.kind === 'delay' && acks.length === 1) {
          timers.push(setTimeout(kill, plan.afterFirstAckMs));
        }
      } else if (word === 'fatal') fatal = rest;
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        onLine(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('error', reject);
    // 'close' comes after stdout has ended: every ack the child wrote before it died is counted.
    child.on('close', (code, signal) => {
      clearInterval(watchdog);
      for (const timer of timers) clearTimeout(timer);
      resolve({
        facts,
        acks,
        inFlight,
        hung,
        checkAtMs,
        longestSilenceMs,
        signal,
        code,
        fatal,
        stderr,
      });
    });
  });
}

/** Where a child that stopped talking is stuck, for the problem report (Linux only). */
function describeStuck(pid: number | undefined, lastLine: string, sinceMs: number): string {
  let where = '';
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ');
    where = `, state ${stat[2]}, wchan ${readFileSync(`/proc/${pid}/wchan`, 'utf8')}`;
  } catch {
    // Not Linux, or the child has just gone.
  }
  return `last line '${lastLine}' ${Math.round(sinceMs)} ms ago${where}`;
}

export function describePlan(plan: KillPlan): string {
  if (plan.kind === 'startup') return `at ${plan.fraction.toFixed(2)} of the usual startup`;
  if (plan.kind === 'delay') return `${plan.afterFirstAckMs.toFixed(1)} ms after the first ack`;
  return `at ack ${plan.afterAcks}`;
}
