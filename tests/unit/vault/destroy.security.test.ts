/**
 * Destroy (crypto-shred) after a typed confirmation: afterwards neither the passphrase nor the
 * recovery key opens anything, vault.json holds none of the old slots' bytes (nor does a temp
 * file a crash left), and no new vault quietly takes the destroyed one's place.
 */
import { randomUUID } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../electron/main/log';
import {
  DESTROY_CONFIRMATION,
  Vault,
  VaultService,
  vaultPaths,
} from '../../../electron/main/vault';
import { catchAppError } from '../../helpers/app-error';
import { FAST_KDF, PASSPHRASE } from '../../helpers/kdf';
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

let template: RecoveryTemplate;
beforeAll(async () => {
  template = await createRecoveryTemplate(templates, (db) => {
    db.prepare('INSERT INTO testimony (id, record_code, created_at) VALUES (?, ?, ?)').run(
      randomUUID(),
      'UA-DESTROY-1',
      '2026-01-01T00:00:00.000Z',
    );
  });
});

function service(dir: string, lines: string[] = []) {
  return new VaultService(dir, createLogger(memorySink(lines)), { kdf: FAST_KDF });
}

/** Every base64 value of the slots and the MAC: the key material that must not survive. */
function secretsOf(header: HeaderJson): string[] {
  const p = passphraseSlot(header);
  const r = recoverySlot(header);
  return [p.kdf.salt, p.nonce, p.wrappedKey, r.nonce, r.wrappedKey, header.mac];
}

describe('destroy needs the exact confirmation', () => {
  it.each([
    ['empty', ''],
    ['lower case', DESTROY_CONFIRMATION.toLowerCase()],
    ['a trailing space', `${DESTROY_CONFIRMATION} `],
    ['a leading space', ` ${DESTROY_CONFIRMATION}`],
    ['Cyrillic look-alikes', DESTROY_CONFIRMATION.replace('E', 'Е').replace('O', 'О')],
    ['a translation', 'ЗНИЩИТИ'],
    ['the passphrase', PASSPHRASE],
  ])('%s -> DESTROY_NOT_CONFIRMED; still unlocked, header untouched', async (_name, typed) => {
    const dir = dirs.copyOf(template.dir);
    const header = readFileSync(vaultPaths(dir).header);
    const vault = service(dir);
    await vault.unlock(PASSPHRASE);
    expect((await catchAppError(() => vault.destroy(typed))).code).toBe('DESTROY_NOT_CONFIRMED');
    expect(vault.state()).toBe('unlocked');
    expect(vault.database().open).toBe(true);
    vault.lock();
    expect(readFileSync(vaultPaths(dir).header).equals(header)).toBe(true);
    expect(await vault.unlock(PASSPHRASE)).toBe('unlocked');
    vault.lock();
  });

  it('the confirmation is the plain Latin word DESTROY', () => {
    expect(DESTROY_CONFIRMATION).toBe('DESTROY');
  });
});

describe('after destroy', () => {
  it('unlocked -> destroyed: the database closes, lock listeners run, state says destroyed', async () => {
    const dir = dirs.copyOf(template.dir);
    const lines: string[] = [];
    const vault = service(dir, lines);
    await vault.unlock(PASSPHRASE);
    const db = vault.database();
    let listened = 0;
    vault.onLock(() => listened++);
    expect(await vault.destroy(DESTROY_CONFIRMATION)).toBe('destroyed');
    expect(listened).toBe(1);
    expect(db.open).toBe(false);
    expect(vault.state()).toBe('destroyed');
    expect(new VaultService(dir, createLogger(memorySink([]))).state()).toBe('destroyed');
    expect(lines.join('\n')).toContain('vault.destroyed');
  });

  it('neither the passphrase nor the recovery key opens it: VAULT_DESTROYED for both', async () => {
    const dir = dirs.copyOf(template.dir);
    const vault = service(dir);
    await vault.destroy(DESTROY_CONFIRMATION);
    expect((await catchAppError(() => vault.unlock(PASSPHRASE))).code).toBe('VAULT_DESTROYED');
    expect(
      (await catchAppError(() => vault.unlockWithRecoveryKey(template.recoveryKey))).code,
    ).toBe('VAULT_DESTROYED');
    expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_DESTROYED');
    expect(
      (await catchAppError(() => Vault.openWithRecoveryKey(dir, template.recoveryKey))).code,
    ).toBe('VAULT_DESTROYED');
    // Even a typo'd key is told the truth: the vault, not the key, is the problem.
    expect((await catchAppError(() => vault.unlockWithRecoveryKey('not a key'))).code).toBe(
      'VAULT_DESTROYED',
    );
  });

  it('vault.json holds no byte of the old slots or MAC, only a small tombstone', async () => {
    const dir = dirs.copyOf(template.dir);
    const secrets = secretsOf(readHeaderJson(dir));
    await service(dir).destroy(DESTROY_CONFIRMATION);
    const bytes = readFileSync(vaultPaths(dir).header);
    const text = bytes.toString('utf8');
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(bytes.includes(Buffer.from(secret, 'base64'))).toBe(false);
    }
    const tombstone = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(tombstone).sort()).toEqual([
      'destroyed',
      'destroyedAt',
      'format',
      'vaultId',
      'version',
    ]);
    expect(tombstone['vaultId']).toBe(template.vaultId);
    expect(tombstone['destroyed']).toBe(true);
  });

  it('the old header file itself is overwritten, not just unlinked: its inode now holds noise', async () => {
    // A hard link keeps the old inode reachable, as an open handle or undeleted blocks would;
    // through it, the bytes the old vault.json had are gone, not merely renamed over.
    const dir = dirs.copyOf(template.dir);
    const secrets = secretsOf(readHeaderJson(dir));
    const size = statSync(vaultPaths(dir).header).size;
    const oldInode = join(dirs.make('link'), 'old-vault.json');
    linkSync(vaultPaths(dir).header, oldInode);
    await service(dir).destroy(DESTROY_CONFIRMATION);
    const bytes = readFileSync(oldInode);
    expect(bytes.length).toBe(size);
    for (const secret of secrets) {
      expect(bytes.toString('latin1')).not.toContain(secret);
      expect(bytes.includes(Buffer.from(secret, 'base64'))).toBe(false);
    }
    expect(() => JSON.parse(bytes.toString('utf8'))).toThrow();
  });

  it('the ciphertext is deleted too, so an audit key exported earlier reads nothing', async () => {
    const dir = dirs.copyOf(template.dir);
    mkdirSync(join(dir, 'blobs'));
    writeFileSync(join(dir, 'blobs', 'a-blob'), 'ciphertext');
    const vault = service(dir);
    await vault.unlock(PASSPHRASE);
    const auditKey = vault.auditKeyHex();
    expect(existsSync(`${vaultPaths(dir).database}-wal`)).toBe(true);
    await vault.destroy(DESTROY_CONFIRMATION);
    expect(readdirSync(dir)).toEqual(['vault.json']);
    expect(readFileSync(vaultPaths(dir).header, 'utf8')).not.toContain(auditKey);
  });

  it('a temp header left by a crashed write (full of old slots) is shredded and removed too', async () => {
    const dir = dirs.copyOf(template.dir);
    const header = readFileSync(vaultPaths(dir).header);
    const secrets = secretsOf(readHeaderJson(dir));
    const stray = join(dir, '.vault.json.0123456789ab.tmp');
    writeFileSync(stray, header);
    await service(dir).destroy(DESTROY_CONFIRMATION);
    expect(existsSync(stray)).toBe(false);
    for (const name of readdirSync(dir).filter((n) => n !== 'vault.db')) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const secret of secrets) expect(text, name).not.toContain(secret);
    }
  });

  it('works while locked (a panic destroy needs no passphrase), and twice is harmless', async () => {
    const dir = dirs.copyOf(template.dir);
    const vault = service(dir);
    expect(vault.state()).toBe('locked');
    expect(await vault.destroy(DESTROY_CONFIRMATION)).toBe('destroyed');
    const after = snapshotDir(dir);
    expect(await vault.destroy(DESTROY_CONFIRMATION)).toBe('destroyed');
    expect(snapshotDir(dir)).toEqual(after);
  });

  it('works on a vault whose header is already damaged (no vault id to keep)', async () => {
    const dir = dirs.copyOf(template.dir);
    writeFileSync(vaultPaths(dir).header, '{"format": "svidok-vault", "slots": [');
    expect(await service(dir).destroy(DESTROY_CONFIRMATION)).toBe('destroyed');
    expect(readHeaderJson(dir)['vaultId']).toBeUndefined();
    expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_DESTROYED');
  });

  it.skipIf(!tmpfsAvailable)(
    'on a full disk (no room for a temp file) it still destroys, and says so truthfully',
    async () => {
      const disk = dirs.make('disk');
      mountTmpfs(disk, 1024);
      mounts.push(disk);
      const dir = join(disk, 'vault');
      mkdirSync(dir);
      for (const name of ['vault.json', 'vault.db']) {
        writeFileSync(join(dir, name), readFileSync(join(template.dir, name)));
      }
      const secrets = secretsOf(readHeaderJson(dir));
      fillDisk(join(disk, 'filler'));
      const vault = service(dir);
      expect(await vault.destroy(DESTROY_CONFIRMATION)).toBe('destroyed');
      const text = readFileSync(vaultPaths(dir).header, 'utf8');
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect((await catchAppError(() => vault.unlock(PASSPHRASE))).code).toBe('VAULT_DESTROYED');
    },
  );

  it('no vault -> VAULT_MISSING, nothing created', async () => {
    const dir = dirs.make();
    expect((await catchAppError(() => service(dir).destroy(DESTROY_CONFIRMATION))).code).toBe(
      'VAULT_MISSING',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a tombstone with anything added is not a tombstone: VAULT_CORRUPT, not destroyed', async () => {
    const dir = dirs.copyOf(template.dir);
    await service(dir).destroy(DESTROY_CONFIRMATION);
    const tombstone = readHeaderJson(dir);
    writeFileSync(vaultPaths(dir).header, JSON.stringify({ ...tombstone, slots: [] }));
    expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_CORRUPT');
    expect(service(dir).state()).toBe('locked');
  });
});

describe('creating a vault where one was destroyed', () => {
  it('is refused with VAULT_DESTROYED unless asked for; the tombstone stays', async () => {
    const dir = dirs.copyOf(template.dir);
    const vault = service(dir);
    await vault.destroy(DESTROY_CONFIRMATION);
    const before = snapshotDir(dir);
    expect((await catchAppError(() => vault.create(PASSPHRASE))).code).toBe('VAULT_DESTROYED');
    expect((await catchAppError(() => Vault.create(dir, PASSPHRASE, { kdf: FAST_KDF }))).code).toBe(
      'VAULT_DESTROYED',
    );
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('with replaceDestroyed: a new, empty vault with a new id; any remains of the old one are removed', async () => {
    const dir = dirs.copyOf(template.dir);
    const oldDb = readFileSync(vaultPaths(dir).database);
    const vault = service(dir);
    await vault.destroy(DESTROY_CONFIRMATION);
    // Remains a failed deletion could have left: the old database and a blob.
    writeFileSync(vaultPaths(dir).database, oldDb);
    mkdirSync(join(dir, 'blobs'));
    writeFileSync(join(dir, 'blobs', 'old-blob'), 'ciphertext of the old vault');
    expect(vault.state()).toBe('destroyed');

    const created = await vault.create(PASSPHRASE, { replaceDestroyed: true });
    expect(created.state).toBe('unlocked');
    expect(vault.vaultId()).not.toBe(template.vaultId);
    expect(vault.database().prepare('SELECT count(*) AS n FROM testimony').get()).toEqual({ n: 0 });
    vault.lock();
    expect(existsSync(join(dir, 'blobs'))).toBe(false);
    expect(readFileSync(vaultPaths(dir).database).equals(oldDb)).toBe(false);
    expect(await vault.unlockWithRecoveryKey(created.recoveryKey)).toBe('unlocked');
    vault.lock();
  });

  it('replaceDestroyed never overwrites a vault that was not destroyed: VAULT_EXISTS', async () => {
    const dir = dirs.copyOf(template.dir);
    const before = snapshotDir(dir);
    const error = await catchAppError(() =>
      service(dir).create(PASSPHRASE, { replaceDestroyed: true }),
    );
    expect(error.code).toBe('VAULT_EXISTS');
    expect(
      (
        await catchAppError(() =>
          Vault.create(dir, PASSPHRASE, { kdf: FAST_KDF, replaceDestroyed: true }),
        )
      ).code,
    ).toBe('VAULT_EXISTS');
    expect(snapshotDir(dir)).toEqual(before);
  });
});
