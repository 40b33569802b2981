/**
 * VaultService: the absent / locked / unlocked state the app shows, its typed refusals, the lock
 * listeners that run before the database closes, and what it writes to the log (codes, never
 * the passphrase).
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../electron/main/log';
import { VaultService } from '../../../electron/main/vault';
import { catchAppError, catchAppErrorSync } from '../../helpers/app-error';
import { FAST_KDF, PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs();
afterEach(() => dirs.cleanup());

function service(dir = dirs.make()) {
  const lines: string[] = [];
  const vault = new VaultService(dir, createLogger(memorySink(lines)), { kdf: FAST_KDF });
  return { vault, lines, dir };
}

describe('VaultService states', () => {
  it('absent -> unlocked (create) -> locked (lock) -> unlocked (unlock)', async () => {
    const { vault } = service();
    expect(vault.state()).toBe('absent');
    expect((await vault.create(PASSPHRASE)).state).toBe('unlocked');
    expect(vault.state()).toBe('unlocked');
    expect(vault.lock()).toBe('locked');
    expect(vault.state()).toBe('locked');
    expect(vault.lock()).toBe('locked'); // locking twice is harmless
    expect(await vault.unlock(PASSPHRASE)).toBe('unlocked');
    expect(await vault.unlock(PASSPHRASE)).toBe('unlocked'); // already open: no second open
    vault.lock();
  });

  it('create on a folder with a vault is VAULT_EXISTS, also from a second service instance', async () => {
    const { vault, dir } = service();
    await vault.create(PASSPHRASE);
    expect((await catchAppError(() => vault.create(PASSPHRASE))).code).toBe('VAULT_EXISTS');
    vault.lock();
    const second = service(dir).vault;
    expect(second.state()).toBe('locked');
    expect((await catchAppError(() => second.create(PASSPHRASE))).code).toBe('VAULT_EXISTS');
  });

  it('unlock with no vault is VAULT_MISSING and creates nothing', async () => {
    const { vault, dir } = service();
    expect((await catchAppError(() => vault.unlock(PASSPHRASE))).code).toBe('VAULT_MISSING');
    expect(readdirSync(dir)).toEqual([]);
    expect(vault.state()).toBe('absent');
  });

  it('a failed unlock leaves the state locked', async () => {
    const { vault } = service();
    await vault.create(PASSPHRASE);
    vault.lock();
    expect((await catchAppError(() => vault.unlock('not the passphrase'))).code).toBe(
      'WRONG_PASSPHRASE',
    );
    expect(vault.state()).toBe('locked');
  });

  it('lock listeners run before the database closes, and can unsubscribe', async () => {
    const { vault } = service();
    await vault.create(PASSPHRASE);
    const seen: boolean[] = [];
    const off = vault.onLock(() => seen.push(vault.database().open));
    vault.lock();
    expect(seen).toEqual([true]);
    off();
    await vault.unlock(PASSPHRASE);
    vault.lock();
    expect(seen).toEqual([true]);
  });
});

describe('VaultService log', () => {
  it('records events and error codes, never the passphrase', async () => {
    const { vault, lines } = service();
    const passphrase = `${PASSPHRASE}-${randomUUID()}`;
    const wrong = `wrong-${randomUUID()}`;
    await vault.create(passphrase);
    vault.lock();
    await catchAppError(() => vault.unlock(wrong));
    await vault.unlock(passphrase);
    vault.lock();

    const events = lines.map((l) => (JSON.parse(l) as { event: string }).event);
    expect(events).toEqual([
      'vault.created',
      'vault.locked',
      'vault.unlock_failed',
      'vault.unlocked',
      'vault.locked',
    ]);
    expect(lines.find((l) => l.includes('unlock_failed'))).toContain('WRONG_PASSPHRASE');
    const all = lines.join('\n');
    expect(all).not.toContain(passphrase);
    expect(all).not.toContain(wrong);
  });
});

describe('VaultService.auditKeyHex', () => {
  it('while unlocked: 64 hex digits that key vault.db; stable across lock, unlock and a passphrase change; never logged', async () => {
    const { vault, lines, dir } = service();
    const { recoveryKey } = await vault.create(PASSPHRASE);
    const hex = vault.auditKeyHex();
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    vault.lock();
    await vault.unlockWithRecoveryKey(recoveryKey);
    expect(vault.auditKeyHex()).toBe(hex);
    await vault.changePassphrase(recoveryKey, `${PASSPHRASE} (new)`);
    expect(vault.auditKeyHex()).toBe(hex);
    vault.lock();

    // The key opens vault.db on its own, with the pragmas the README gives auditors.
    const db = new Database(join(dir, 'vault.db'), { readonly: true });
    try {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key="x'${hex}'"`);
      expect(db.pragma('cipher_integrity_check')).toEqual([]);
      expect(db.prepare('SELECT count(*) AS n FROM sqlite_master').get()).not.toEqual({ n: 0 });
    } finally {
      db.close();
    }
    expect(lines.join('\n')).toContain('vault.audit_key_exported');
    expect(lines.join('\n')).not.toContain(hex);
  });

  it('while locked -> VAULT_LOCKED', async () => {
    const { vault } = service();
    expect(catchAppErrorSync(() => vault.auditKeyHex()).code).toBe('VAULT_LOCKED');
    await vault.create(PASSPHRASE);
    vault.lock();
    expect(catchAppErrorSync(() => vault.auditKeyHex()).code).toBe('VAULT_LOCKED');
  });
});
