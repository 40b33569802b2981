/**
 * Where tuning runs: create and changePassphrase tune when no cost is given, and never when one
 * is (tests, which pass KDF_FLOOR, must not pay for a tuning run). tuneKdf is replaced by a
 * counter returning a cheap cost, so the wiring is checked without timing anything.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, memorySink } from '../../../electron/main/log';
import { Vault, VaultService } from '../../../electron/main/vault';
import type { KdfCost } from '../../../electron/main/vault';
import { FAST_KDF, PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const TUNED: KdfCost = { opslimit: FAST_KDF.opslimit + 1, memlimit: FAST_KDF.memlimit };
const tuneKdf = vi.hoisted(() => vi.fn());

vi.mock('../../../electron/main/vault/kdf-tuning', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  tuneKdf,
}));

const dirs = createTempDirs();
beforeEach(() => {
  tuneKdf.mockReset();
  tuneKdf.mockResolvedValue(TUNED);
});
afterEach(() => dirs.cleanup());

const NEXT = 'the next passphrase, long enough';
const slotCost = (vault: Vault) => {
  const slot = vault.header.slots.find((s) => s.kind === 'passphrase');
  return slot && { opslimit: slot.kdf.opslimit, memlimit: slot.kdf.memlimit };
};

describe('KDF tuning is used exactly when no cost is given', () => {
  it('Vault.create without a cost tunes once and uses the tuned cost', async () => {
    const vault = await Vault.create(dirs.make(), PASSPHRASE);
    expect(tuneKdf).toHaveBeenCalledTimes(1);
    expect(slotCost(vault)).toEqual(TUNED);
    vault.close();
  });

  it('Vault.create with an explicit cost does not tune', async () => {
    const vault = await Vault.create(dirs.make(), PASSPHRASE, { kdf: FAST_KDF });
    expect(tuneKdf).not.toHaveBeenCalled();
    expect(slotCost(vault)).toEqual(FAST_KDF);
    vault.close();
  });

  it('changePassphrase tunes when no cost is given, and not when one is', async () => {
    const vault = await Vault.create(dirs.make(), PASSPHRASE, { kdf: FAST_KDF });
    await vault.changePassphrase(PASSPHRASE, NEXT, { kdf: FAST_KDF });
    expect(tuneKdf).not.toHaveBeenCalled();
    await vault.changePassphrase(NEXT, PASSPHRASE);
    expect(tuneKdf).toHaveBeenCalledTimes(1);
    expect(slotCost(vault)).toEqual(TUNED);
    vault.close();
  });

  it('a VaultService given a cost (as in every test) never tunes; one without tunes', async () => {
    const fixed = new VaultService(dirs.make(), createLogger(memorySink([])), { kdf: FAST_KDF });
    await fixed.create(PASSPHRASE);
    await fixed.changePassphrase(PASSPHRASE, NEXT);
    fixed.lock();
    expect(tuneKdf).not.toHaveBeenCalled();

    const tuned = new VaultService(dirs.make(), createLogger(memorySink([])));
    await tuned.create(PASSPHRASE);
    await tuned.changePassphrase(PASSPHRASE, NEXT);
    tuned.lock();
    expect(tuneKdf).toHaveBeenCalledTimes(2);
  });
});
