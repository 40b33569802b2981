/**
 * Tunes Argon2id to about one second on this computer, as KeePassXC does: one derivation at the
 * default cost is timed and the number of passes scaled from it (Argon2's time grows linearly
 * with passes). Memory stays at the default 256 MiB: it is what an attacker's GPUs pay for, but
 * raising it (libsodium's SENSITIVE level is 1 GiB) risks an unlock that runs out of memory on
 * the small, old laptops interviewers carry. The result is never below KDF_DEFAULT and never
 * above KDF_TUNING_MAX_OPSLIMIT passes.
 */
import { performance } from 'node:perf_hooks';
import { KDF_DEFAULT } from './kdf';
import type { KdfCost } from './kdf';
import { loadSodium } from './sodium';
import type { Sodium } from './sodium';

export const KDF_TARGET_MS = 1000;
/** About four seconds on a machine where the default takes one: unlock must stay bearable. */
export const KDF_TUNING_MAX_OPSLIMIT = 12;

/** Milliseconds one derivation at `cost` takes. */
export type KdfTimer = (cost: KdfCost) => number;

/**
 * The cost to use, from one timed derivation at KDF_DEFAULT. A timer that reports nothing usable
 * (zero, negative, not a number) yields the default: no measurement is no reason to go higher.
 */
export function chooseKdfCost(time: KdfTimer, targetMs: number = KDF_TARGET_MS): KdfCost {
  const base = KDF_DEFAULT;
  const ms = time(base);
  if (!Number.isFinite(ms) || ms <= 0 || !Number.isFinite(targetMs) || targetMs <= 0) return base;
  const scaled = Math.floor((base.opslimit * targetMs) / ms);
  const opslimit = Math.min(KDF_TUNING_MAX_OPSLIMIT, Math.max(base.opslimit, scaled));
  return { opslimit, memlimit: base.memlimit };
}

/**
 * Times one real Argon2id derivation of a throwaway passphrase with a random salt. The first
 * derivation at a memory size also grows libsodium's WebAssembly memory, which can take several
 * times as long as the derivation itself: an untimed single pass at the same memory comes first,
 * so the time measured is the one every later unlock pays.
 */
export function argon2Timer(sodium: Sodium): KdfTimer {
  const derive = (opslimit: number, memlimit: number) => {
    const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
    const key = sodium.crypto_pwhash(
      32,
      'svidok kdf tuning',
      salt,
      opslimit,
      memlimit,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
    sodium.memzero(key);
  };
  return (cost) => {
    derive(1, cost.memlimit);
    const started = performance.now();
    derive(cost.opslimit, cost.memlimit);
    return performance.now() - started;
  };
}

/** The tuned cost for a new passphrase slot on this computer (takes about a second). */
export async function tuneKdf(targetMs: number = KDF_TARGET_MS, time?: KdfTimer): Promise<KdfCost> {
  return chooseKdfCost(time ?? argon2Timer(await loadSodium()), targetMs);
}
