/**
 * Argon2id tuning, driven by an injected timer so the logic is tested without wall-clock
 * asserts: the cost scales passes from one timed derivation at the default, never goes below
 * KDF_DEFAULT, never above the cap, and never raises memory.
 */
import sodium from 'libsodium-wrappers-sumo';
import { describe, expect, it } from 'vitest';
import {
  chooseKdfCost,
  KDF_DEFAULT,
  KDF_FLOOR,
  KDF_TARGET_MS,
  KDF_TUNING_MAX_OPSLIMIT,
  tuneKdf,
} from '../../../electron/main/vault';
import type { KdfCost, KdfTimer } from '../../../electron/main/vault';
import { argon2Timer } from '../../../electron/main/vault/kdf-tuning';
import { KDF_CEILING } from '../../../electron/main/vault/kdf';

/** A machine on which one pass at the default memory takes `msPerPass`; records what it timed. */
function machine(msPerPass: number): KdfTimer & { calls: KdfCost[] } {
  const calls: KdfCost[] = [];
  const timer = (cost: KdfCost) => {
    calls.push(cost);
    return cost.opslimit * msPerPass;
  };
  return Object.assign(timer, { calls });
}

describe('chooseKdfCost', () => {
  it.each([
    // ms per pass at 256 MiB -> expected passes for a 1 s target
    [1000 / 3, 3], // the default already takes a second
    [100, 10],
    [125, 8],
    [110, 9], // 9.09 -> 9: rounded down, so unlock stays under the target
    [200, 5],
  ])('%d ms per pass -> %d passes, memory unchanged', (msPerPass, passes) => {
    const cost = chooseKdfCost(machine(msPerPass), 1000);
    expect(cost).toEqual({ opslimit: passes, memlimit: KDF_DEFAULT.memlimit });
  });

  it('times exactly one derivation, at the default cost', () => {
    const timer = machine(50);
    chooseKdfCost(timer);
    expect(timer.calls).toEqual([KDF_DEFAULT]);
  });

  it('a slow machine never goes below the default (2 s, 10 s per derivation)', () => {
    for (const msPerPass of [2000 / 3, 10_000 / 3]) {
      expect(chooseKdfCost(machine(msPerPass))).toEqual(KDF_DEFAULT);
    }
  });

  it(`a fast machine is capped at ${KDF_TUNING_MAX_OPSLIMIT} passes`, () => {
    for (const msPerPass of [50, 1, 0.001]) {
      expect(chooseKdfCost(machine(msPerPass)).opslimit).toBe(KDF_TUNING_MAX_OPSLIMIT);
    }
  });

  it('a timer that measures nothing usable yields the default, not the cap', () => {
    for (const ms of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(chooseKdfCost(() => ms)).toEqual(KDF_DEFAULT);
    }
  });

  it('a longer target gives more passes; the default target is one second', () => {
    expect(chooseKdfCost(machine(100), 500).opslimit).toBe(5);
    expect(chooseKdfCost(machine(100), 1200).opslimit).toBe(12);
    expect(KDF_TARGET_MS).toBe(1000);
    expect(chooseKdfCost(machine(100))).toEqual(chooseKdfCost(machine(100), 1000));
  });

  it('every result is at or above the default and the floor, and under the ceiling a header may hold', () => {
    for (let msPerPass = 0.5; msPerPass < 5000; msPerPass *= 1.7) {
      const cost = chooseKdfCost(machine(msPerPass));
      expect(cost.opslimit).toBeGreaterThanOrEqual(KDF_DEFAULT.opslimit);
      expect(cost.opslimit).toBeGreaterThanOrEqual(KDF_FLOOR.opslimit);
      expect(cost.opslimit).toBeLessThanOrEqual(KDF_CEILING.opslimit);
      expect(cost.memlimit).toBe(KDF_DEFAULT.memlimit);
      expect(Number.isInteger(cost.opslimit)).toBe(true);
    }
  });
});

describe('tuneKdf', () => {
  it('uses the injected timer when given one', async () => {
    const timer = machine(125);
    expect(await tuneKdf(1000, timer)).toEqual({ opslimit: 8, memlimit: KDF_DEFAULT.memlimit });
    expect(timer.calls).toHaveLength(1);
  });

  it('the real timer runs Argon2id and reports a positive time (at the floor, to stay quick)', async () => {
    await sodium.ready;
    const ms = argon2Timer(sodium)(KDF_FLOOR);
    expect(ms).toBeGreaterThan(0);
    expect(Number.isFinite(ms)).toBe(true);
  });
});
