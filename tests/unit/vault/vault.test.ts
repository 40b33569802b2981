/**
 * The vault on disk: create and open a real SQLCipher file with real Argon2id (at the floor cost),
 * and the typed errors of the ordinary failure paths — wrong or weak passphrase, a vault that
 * exists already or is missing — each leaving the folder exactly as it was.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sodium from 'libsodium-wrappers-sumo';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  KDF_DEFAULT,
  KDF_FLOOR,
  MIN_PASSPHRASE_CHARS,
  Vault,
  VaultService,
  vaultPaths,
} from '../../../electron/main/vault';
import { createLogger, memorySink } from '../../../electron/main/log';
import { catchAppError, catchAppErrorSync } from '../../helpers/app-error';
import { FAST_KDF, OTHER_PASSPHRASE, PASSPHRASE } from '../../helpers/kdf';
import { snapshotDir } from '../../helpers/snapshot';
import { createTempDirs } from '../../helpers/temp';
import { createVaultTemplate } from '../../helpers/vault';
import type { VaultTemplate } from '../../helpers/vault';

const dirs = createTempDirs();
const templates = createTempDirs();
afterEach(() => dirs.cleanup());
afterAll(() => templates.cleanup());

const SEEDED_CODE = 'UA-SEED-1';
let template: VaultTemplate;

beforeAll(async () => {
  template = await createVaultTemplate(templates, (db) => {
    db.prepare('INSERT INTO testimony (id, record_code, created_at) VALUES (?, ?, ?)').run(
      randomUUID(),
      SEEDED_CODE,
      '2026-01-01T00:00:00.000Z',
    );
  });
});

const recordCodes = (vault: Vault): string[] =>
  (
    vault.db.prepare('SELECT record_code FROM testimony ORDER BY record_code').all() as Array<{
      record_code: string;
    }>
  ).map((r) => r.record_code);

describe('Vault create and open', () => {
  it('round trip: a created vault opens with its passphrase and keeps its identity', async () => {
    const dir = dirs.make();
    const created = await Vault.create(dir, PASSPHRASE, { kdf: FAST_KDF });
    const { vaultId, createdAt } = created.header;
    created.close();

    const opened = await Vault.open(dir, PASSPHRASE);
    try {
      expect(opened.isOpen).toBe(true);
      expect(opened.header.vaultId).toBe(vaultId);
      expect(opened.header.createdAt).toBe(createdAt);
      const slot = opened.header.slots[0];
      expect(slot?.kind === 'passphrase' && slot.kdf).toMatchObject(FAST_KDF);
    } finally {
      opened.close();
    }
  });

  it('data written while open is back after close and reopen', async () => {
    const dir = dirs.copyOf(template.dir);
    const code = `UA-${randomUUID()}`;
    const first = await Vault.open(dir, PASSPHRASE);
    first.db
      .prepare('INSERT INTO testimony (id, record_code, created_at) VALUES (?, ?, ?)')
      .run(randomUUID(), code, new Date().toISOString());
    first.close();

    const second = await Vault.open(dir, PASSPHRASE);
    try {
      expect(recordCodes(second)).toEqual([code, SEEDED_CODE].sort());
    } finally {
      second.close();
    }
  });

  it('the passphrase is compared after NFC normalisation (composed and decomposed both open)', async () => {
    const dir = dirs.make();
    const composed = 'пароль-йодль-їжак-ґанок'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    (await Vault.create(dir, composed, { kdf: FAST_KDF })).close();
    const opened = await Vault.open(dir, decomposed);
    opened.close();
    expect(opened.isOpen).toBe(false);
  });
});

describe('Vault open with the wrong passphrase', () => {
  it('fails with WRONG_PASSPHRASE and leaves every file byte-identical, nothing created', async () => {
    const dir = dirs.copyOf(template.dir);
    const before = snapshotDir(dir);
    const error = await catchAppError(() => Vault.open(dir, OTHER_PASSPHRASE));
    expect(error.code).toBe('WRONG_PASSPHRASE');
    expect(snapshotDir(dir)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['vault.db', 'vault.json']);
  });

  it('a passphrase differing only in case or a trailing space is wrong too', async () => {
    const dir = dirs.copyOf(template.dir);
    for (const attempt of [PASSPHRASE.toUpperCase(), `${PASSPHRASE} `]) {
      expect((await catchAppError(() => Vault.open(dir, attempt))).code).toBe('WRONG_PASSPHRASE');
    }
  });

  it('the message of the error never repeats the passphrase', async () => {
    const dir = dirs.copyOf(template.dir);
    const attempt = `guess-${randomUUID()}`;
    const error = await catchAppError(() => Vault.open(dir, attempt));
    expect(error.message).not.toContain(attempt);
    expect(String(error.stack)).not.toContain(attempt);
  });
});

describe('Vault create refusals', () => {
  it(`WEAK_PASSPHRASE under ${MIN_PASSPHRASE_CHARS} characters, and nothing is written`, async () => {
    const dir = dirs.make();
    for (const weak of ['', 'short', 'a'.repeat(MIN_PASSPHRASE_CHARS - 1)]) {
      const error = await catchAppError(() => Vault.create(dir, weak, { kdf: FAST_KDF }));
      expect(error.code).toBe('WEAK_PASSPHRASE');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('length counts characters after NFC, so decomposed letters cannot pad a short passphrase', async () => {
    const dir = dirs.make();
    // Six letters, twelve code points before NFC.
    const padded = 'йййййй'.normalize('NFD');
    expect([...padded].length).toBe(MIN_PASSPHRASE_CHARS);
    const error = await catchAppError(() => Vault.create(dir, padded, { kdf: FAST_KDF }));
    expect(error.code).toBe('WEAK_PASSPHRASE');
    expect(readdirSync(dir)).toEqual([]);
  });

  it(`exactly ${MIN_PASSPHRASE_CHARS} characters is accepted`, async () => {
    const dir = dirs.make();
    const vault = await Vault.create(dir, 'я'.repeat(MIN_PASSPHRASE_CHARS), { kdf: FAST_KDF });
    vault.close();
    expect(existsSync(vaultPaths(dir).header)).toBe(true);
  });

  it('a KDF cost below the floor is refused at create (KDF_TOO_WEAK) before anything is written', async () => {
    const dir = dirs.make();
    for (const kdf of [
      { opslimit: KDF_FLOOR.opslimit - 1, memlimit: KDF_FLOOR.memlimit },
      { opslimit: KDF_FLOOR.opslimit, memlimit: KDF_FLOOR.memlimit / 2 },
    ]) {
      expect((await catchAppError(() => Vault.create(dir, PASSPHRASE, { kdf }))).code).toBe(
        'KDF_TOO_WEAK',
      );
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('VAULT_EXISTS when creating over an existing vault; its data and files stay intact', async () => {
    const dir = dirs.copyOf(template.dir);
    const before = snapshotDir(dir);
    const error = await catchAppError(() => Vault.create(dir, OTHER_PASSPHRASE, { kdf: FAST_KDF }));
    expect(error.code).toBe('VAULT_EXISTS');
    expect(snapshotDir(dir)).toEqual(before);
    const vault = await Vault.open(dir, PASSPHRASE);
    try {
      expect(recordCodes(vault)).toEqual([SEEDED_CODE]);
    } finally {
      vault.close();
    }
  });

  it('VAULT_EXISTS also when only one of the two files is left (no silent overwrite)', async () => {
    for (const keep of ['vault.db', 'vault.json'] as const) {
      const dir = dirs.make();
      const source = join(template.dir, keep);
      const bytes = readFileSync(source);
      writeFileSync(join(dir, keep), bytes);
      const error = await catchAppError(() => Vault.create(dir, PASSPHRASE, { kdf: FAST_KDF }));
      expect(error.code).toBe('VAULT_EXISTS');
      expect(readdirSync(dir)).toEqual([keep]);
      expect(readFileSync(join(dir, keep)).equals(bytes)).toBe(true);
    }
  });
});

describe('Vault open of a folder without a vault', () => {
  it('VAULT_MISSING for an empty folder, which stays empty', async () => {
    const dir = dirs.make();
    expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_MISSING');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('VAULT_MISSING for a folder that does not exist, which is not created', async () => {
    const dir = join(dirs.make(), 'nowhere');
    expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_MISSING');
    expect(existsSync(dir)).toBe(false);
  });
});

describe('Vault close wipes keys', () => {
  it('after close the database handle is closed and the master key bytes are zero', async () => {
    const dir = dirs.copyOf(template.dir);
    const vault = await Vault.open(dir, PASSPHRASE);
    // The master key is private on purpose; the test looks at it to prove it is wiped.
    const master = (vault as unknown as { master: Uint8Array }).master;
    expect(master).toBeInstanceOf(Uint8Array);
    expect(master.length).toBe(32);
    expect(master.some((b) => b !== 0)).toBe(true);

    vault.close();
    expect(vault.isOpen).toBe(false);
    expect(vault.db.open).toBe(false);
    expect(master.every((b) => b === 0)).toBe(true);
    expect(() => vault.db.prepare('SELECT 1')).toThrow();
    vault.close(); // idempotent
  });

  it('after lock the service hands out no database: database() throws VAULT_LOCKED', async () => {
    const dir = dirs.copyOf(template.dir);
    const service = new VaultService(dir, createLogger(memorySink([])));
    expect(service.state()).toBe('locked');
    expect(catchAppErrorSync(() => service.database()).code).toBe('VAULT_LOCKED');

    expect(await service.unlock(PASSPHRASE)).toBe('unlocked');
    const db = service.database();
    expect(db.open).toBe(true);

    expect(service.lock()).toBe('locked');
    expect(db.open).toBe(false);
    expect(catchAppErrorSync(() => service.database()).code).toBe('VAULT_LOCKED');
  });
});

describe('vault.db on disk is SQLCipher, configured for durability', () => {
  it('starts with no "SQLite format 3" magic and shows no schema names in plaintext', async () => {
    const dir = dirs.copyOf(template.dir);
    const bytes = readFileSync(vaultPaths(dir).database);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    for (const plain of ['SQLite format 3', 'testimony_revision', 'CREATE TABLE', SEEDED_CODE]) {
      expect(bytes.includes(Buffer.from(plain, 'utf8'))).toBe(false);
    }
  });

  it('PRAGMAs in force while open: WAL, synchronous FULL, foreign keys, secure delete, temp in memory, recursive triggers', async () => {
    const dir = dirs.copyOf(template.dir);
    const vault = await Vault.open(dir, PASSPHRASE);
    try {
      const pragma = (name: string) => vault.db.pragma(name, { simple: true });
      expect(pragma('journal_mode')).toBe('wal');
      expect(pragma('synchronous')).toBe(2);
      expect(pragma('foreign_keys')).toBe(1);
      expect(pragma('secure_delete')).toBe(1);
      expect(pragma('temp_store')).toBe(2);
      expect(pragma('recursive_triggers')).toBe(1);
    } finally {
      vault.close();
    }
  });

  it('vault.json is written owner-only (0600)', () => {
    if (process.platform === 'win32') return;
    const dir = dirs.copyOf(template.dir);
    // cpSync keeps the mode of the template, which Vault.create wrote.
    expect(statSync(vaultPaths(dir).header).mode & 0o777).toBe(0o600);
  });
});

describe('KDF cost', () => {
  it('the default cost is libsodium MODERATE or stronger (checked without running it)', async () => {
    await sodium.ready;
    expect(KDF_DEFAULT.opslimit).toBeGreaterThanOrEqual(sodium.crypto_pwhash_OPSLIMIT_MODERATE);
    expect(KDF_DEFAULT.memlimit).toBeGreaterThanOrEqual(sodium.crypto_pwhash_MEMLIMIT_MODERATE);
  });

  it('the floor is at least libsodium INTERACTIVE and OWASP (19 MiB, 2 passes)', async () => {
    await sodium.ready;
    expect(KDF_FLOOR.opslimit).toBeGreaterThanOrEqual(sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE);
    expect(KDF_FLOOR.memlimit).toBeGreaterThanOrEqual(sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE);
    expect(KDF_FLOOR.opslimit).toBeGreaterThanOrEqual(2);
    expect(KDF_FLOOR.memlimit).toBeGreaterThanOrEqual(19 * 1024 * 1024);
  });

  it('the floor is exactly 64 MiB and 2 passes (the issue pins it; lowering it is a downgrade)', () => {
    expect(KDF_FLOOR).toEqual({ opslimit: 2, memlimit: 64 * 1024 * 1024 });
  });
});
