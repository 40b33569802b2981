/**
 * Changing the passphrase rewrites one slot (new salt, cost and wrapped key) and the header MAC,
 * atomically; the data is not re-encrypted. Afterwards the old passphrase fails, the new one and
 * the recovery key open the vault. A write that fails — before the rename, after it, or on a
 * full disk — leaves a header that opens with a passphrase the user was told about.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../electron/main/log';
import { writeFileAtomic } from '../../../electron/main/files';
import {
  MIN_PASSPHRASE_CHARS,
  Vault,
  VaultService,
  vaultPaths,
} from '../../../electron/main/vault';
import { catchAppError } from '../../helpers/app-error';
import { FAST_KDF, OTHER_PASSPHRASE, PASSPHRASE } from '../../helpers/kdf';
import { snapshotDir } from '../../helpers/snapshot';
import { createTempDirs } from '../../helpers/temp';
import { fillDisk, mountTmpfs, tmpfsAvailable, unmountTmpfs } from '../../helpers/tmpfs';
import { readHeaderJson } from '../../helpers/vault';
import type { HeaderJson } from '../../helpers/vault';
import { createRecoveryTemplate, passphraseSlot, recoverySlot } from './recovery-template';
import type { RecoveryTemplate } from './recovery-template';

const dirs = createTempDirs();
const templates = createTempDirs();
const mounts: string[] = [];
afterEach(() => {
  try {
    for (const dir of mounts.splice(0)) unmountTmpfs(dir);
  } finally {
    dirs.cleanup();
  }
});
afterAll(() => templates.cleanup());

const NEW_PASSPHRASE = 'a new passphrase, шість слів і ще кілька';
const SEEDED_CODE = 'UA-CHANGE-1';
let template: RecoveryTemplate;
beforeAll(async () => {
  template = await createRecoveryTemplate(templates, (db) => {
    db.prepare('INSERT INTO testimony (id, record_code, created_at) VALUES (?, ?, ?)').run(
      randomUUID(),
      SEEDED_CODE,
      '2026-01-01T00:00:00.000Z',
    );
  });
});

const codes = (vault: Vault) =>
  (
    vault.db.prepare('SELECT record_code FROM testimony').all() as Array<{ record_code: string }>
  ).map((r) => r.record_code);

async function opensWith(dir: string, passphrase: string): Promise<string> {
  try {
    const vault = await Vault.open(dir, passphrase);
    vault.close();
    return 'opens';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('changePassphrase', () => {
  it('old passphrase fails, new one and the recovery key open, the data is there', async () => {
    const dir = dirs.copyOf(template.dir);
    const vault = await Vault.open(dir, PASSPHRASE);
    await vault.changePassphrase(PASSPHRASE, NEW_PASSPHRASE, { kdf: FAST_KDF });
    // The open vault goes on working and knows its new header.
    expect(codes(vault)).toEqual([SEEDED_CODE]);
    expect(vault.header).toEqual(readHeaderJson(dir));
    vault.close();

    expect(await opensWith(dir, PASSPHRASE)).toBe('WRONG_PASSPHRASE');
    const reopened = await Vault.open(dir, NEW_PASSPHRASE);
    expect(codes(reopened)).toEqual([SEEDED_CODE]);
    reopened.close();
    const recovered = await Vault.openWithRecoveryKey(dir, template.recoveryKey);
    expect(codes(recovered)).toEqual([SEEDED_CODE]);
    recovered.close();
  });

  it('rewrites exactly one slot and the MAC; everything else is byte-identical; the db is untouched', async () => {
    const dir = dirs.copyOf(template.dir);
    const before = readHeaderJson(dir);
    const dbBefore = readFileSync(vaultPaths(dir).database);
    const vault = await Vault.open(dir, PASSPHRASE);
    await vault.changePassphrase(PASSPHRASE, NEW_PASSPHRASE, { kdf: FAST_KDF });
    vault.close();
    const after = readHeaderJson(dir);

    const rest = (h: HeaderJson) => ({ ...h, slots: undefined, mac: undefined });
    expect(rest(after)).toEqual(rest(before));
    expect(JSON.stringify(recoverySlot(after))).toBe(JSON.stringify(recoverySlot(before)));
    expect(after.slots.map((s) => s.kind)).toEqual(before.slots.map((s) => s.kind));
    const [oldSlot, newSlot] = [passphraseSlot(before), passphraseSlot(after)];
    for (const field of ['id', 'nonce', 'wrappedKey'] as const) {
      expect(newSlot[field], field).not.toBe(oldSlot[field]);
    }
    expect(newSlot.kdf.salt).not.toBe(oldSlot.kdf.salt);
    expect(newSlot.kdf).toMatchObject(FAST_KDF);
    expect(after.mac).not.toBe(before.mac);
    // Closing checkpointed nothing new: the data was not re-encrypted.
    expect(readFileSync(vaultPaths(dir).database).equals(dbBefore)).toBe(true);
    // The new header is written like every header: owner-only, no temp file left beside it.
    expect(readdirSync(dir).sort()).toEqual(['vault.db', 'vault.json']);
  });

  it('the recovery key proves the right to change, after a recovery unlock', async () => {
    const dir = dirs.copyOf(template.dir);
    const vault = await Vault.openWithRecoveryKey(dir, template.recoveryKey);
    await vault.changePassphrase(template.recoveryKey, NEW_PASSPHRASE, { kdf: FAST_KDF });
    vault.close();
    expect(await opensWith(dir, NEW_PASSPHRASE)).toBe('opens');
    expect(await opensWith(dir, PASSPHRASE)).toBe('WRONG_PASSPHRASE');
  });

  it('a wrong current passphrase -> WRONG_PASSPHRASE, and the header is byte-identical', async () => {
    const dir = dirs.copyOf(template.dir);
    const before = snapshotDir(dir);
    const vault = await Vault.open(dir, PASSPHRASE);
    try {
      const error = await catchAppError(() =>
        vault.changePassphrase(OTHER_PASSPHRASE, NEW_PASSPHRASE, { kdf: FAST_KDF }),
      );
      expect(error.code).toBe('WRONG_PASSPHRASE');
      expect(readFileSync(vaultPaths(dir).header)).toEqual(
        readFileSync(join(template.dir, 'vault.json')),
      );
    } finally {
      vault.close();
    }
    expect(snapshotDir(dir)).toEqual(before);
  });

  it(`a new passphrase under ${MIN_PASSPHRASE_CHARS} characters -> WEAK_PASSPHRASE, nothing written`, async () => {
    const dir = dirs.copyOf(template.dir);
    const header = readFileSync(vaultPaths(dir).header);
    const vault = await Vault.open(dir, PASSPHRASE);
    try {
      for (const weak of ['', 'short', 'й'.repeat(MIN_PASSPHRASE_CHARS - 1)]) {
        const error = await catchAppError(() =>
          vault.changePassphrase(PASSPHRASE, weak, { kdf: FAST_KDF }),
        );
        expect(error.code).toBe('WEAK_PASSPHRASE');
      }
    } finally {
      vault.close();
    }
    expect(readFileSync(vaultPaths(dir).header).equals(header)).toBe(true);
  });

  it('a KDF cost under the floor for the new slot -> KDF_TOO_WEAK, nothing written', async () => {
    const dir = dirs.copyOf(template.dir);
    const header = readFileSync(vaultPaths(dir).header);
    const vault = await Vault.open(dir, PASSPHRASE);
    try {
      const kdf = { opslimit: 1, memlimit: FAST_KDF.memlimit };
      const error = await catchAppError(() =>
        vault.changePassphrase(PASSPHRASE, NEW_PASSPHRASE, { kdf }),
      );
      expect(error.code).toBe('KDF_TOO_WEAK');
    } finally {
      vault.close();
    }
    expect(readFileSync(vaultPaths(dir).header).equals(header)).toBe(true);
  });

  it('on a closed vault -> VAULT_LOCKED', async () => {
    const dir = dirs.copyOf(template.dir);
    const vault = await Vault.open(dir, PASSPHRASE);
    vault.close();
    const error = await catchAppError(() =>
      vault.changePassphrase(PASSPHRASE, NEW_PASSPHRASE, { kdf: FAST_KDF }),
    );
    expect(error.code).toBe('VAULT_LOCKED');
  });
});

describe('changePassphrase when the write fails', () => {
  it('a crash before the rename (a torn temp file left behind): the old header stays and opens', async () => {
    const dir = dirs.copyOf(template.dir);
    const header = readFileSync(vaultPaths(dir).header);
    const vault = await Vault.open(dir, PASSPHRASE);
    const headerBefore = vault.header;
    const crashBeforeRename = (path: string, data: string) => {
      // What a power cut leaves: part of the new header in a temp file, the target untouched.
      writeFileSync(join(dir, '.vault.json.deadbeef0000.tmp'), data.slice(0, data.length / 2));
      throw Object.assign(new Error(`simulated crash writing ${path}`), { code: 'EIO' });
    };
    const error = await catchAppErrorOrThrown(() =>
      vault.changePassphrase(PASSPHRASE, NEW_PASSPHRASE, {
        kdf: FAST_KDF,
        writeHeader: crashBeforeRename,
      }),
    );
    expect(error).toContain('simulated crash');
    expect(vault.header).toBe(headerBefore);
    expect(codes(vault)).toEqual([SEEDED_CODE]);
    vault.close();

    expect(readFileSync(vaultPaths(dir).header).equals(header)).toBe(true);
    expect(await opensWith(dir, PASSPHRASE)).toBe('opens');
    expect(await opensWith(dir, NEW_PASSPHRASE)).toBe('WRONG_PASSPHRASE');
  });

  it('a failure after the rename (folder fsync): the new header is in place, so the change is reported done', async () => {
    const dir = dirs.copyOf(template.dir);
    const vault = await Vault.open(dir, PASSPHRASE);
    const failAfterRename = (path: string, data: string) => {
      writeFileAtomic(path, data);
      throw Object.assign(new Error('simulated fsync failure of the folder'), { code: 'EIO' });
    };
    await vault.changePassphrase(PASSPHRASE, NEW_PASSPHRASE, {
      kdf: FAST_KDF,
      writeHeader: failAfterRename,
    });
    expect(vault.header).toEqual(readHeaderJson(dir));
    vault.close();
    expect(await opensWith(dir, NEW_PASSPHRASE)).toBe('opens');
    expect(await opensWith(dir, PASSPHRASE)).toBe('WRONG_PASSPHRASE');
  });

  it.skipIf(!tmpfsAvailable)(
    'a real full disk -> DISK_FULL; the old header is byte-identical and still opens',
    async () => {
      const disk = dirs.make('disk');
      mountTmpfs(disk, 1024);
      mounts.push(disk);
      const dir = join(disk, 'vault');
      mkdirSync(dir);
      for (const name of ['vault.json', 'vault.db']) {
        writeFileSync(join(dir, name), readFileSync(join(template.dir, name)));
      }
      const header = readFileSync(vaultPaths(dir).header);
      const vault = await Vault.open(dir, PASSPHRASE);
      try {
        fillDisk(join(disk, 'filler'));
        const error = await catchAppError(() =>
          vault.changePassphrase(PASSPHRASE, NEW_PASSPHRASE, { kdf: FAST_KDF }),
        );
        expect(error.code).toBe('DISK_FULL');
      } finally {
        vault.close(); // an open database would keep the tmpfs busy and unmountable
      }
      expect(readFileSync(vaultPaths(dir).header).equals(header)).toBe(true);
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      expect(await opensWith(dir, PASSPHRASE)).toBe('opens');
    },
  );
});

describe('VaultService.changePassphrase', () => {
  it('works while unlocked, logs the event without either passphrase, and the next unlock needs the new one', async () => {
    const dir = dirs.copyOf(template.dir);
    const lines: string[] = [];
    const service = new VaultService(dir, createLogger(memorySink(lines)), { kdf: FAST_KDF });
    await service.unlock(PASSPHRASE);
    expect(await service.changePassphrase(PASSPHRASE, NEW_PASSPHRASE)).toBe('unlocked');
    service.lock();
    expect((await catchAppError(() => service.unlock(PASSPHRASE))).code).toBe('WRONG_PASSPHRASE');
    expect(await service.unlock(NEW_PASSPHRASE)).toBe('unlocked');
    service.lock();
    const log = lines.join('\n');
    expect(log).toContain('vault.passphrase_changed');
    expect(log).not.toContain(PASSPHRASE);
    expect(log).not.toContain(NEW_PASSPHRASE);
  });

  it('while locked -> VAULT_LOCKED, nothing written', async () => {
    const dir = dirs.copyOf(template.dir);
    const before = snapshotDir(dir);
    const service = new VaultService(dir, createLogger(memorySink([])), { kdf: FAST_KDF });
    const error = await catchAppError(() => service.changePassphrase(PASSPHRASE, NEW_PASSPHRASE));
    expect(error.code).toBe('VAULT_LOCKED');
    expect(snapshotDir(dir)).toEqual(before);
  });
});

/** The message of whatever the operation threw (the simulated crash is not an AppError). */
async function catchAppErrorOrThrown(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the operation to fail');
}
