/**
 * A damaged, swapped, emptied or missing vault.db must fail the unlock with VAULT_CORRUPT (or
 * VAULT_FROM_FUTURE) and stay exactly as it is — never be "repaired" into a new, empty database
 * that would then be presented as the interviewer's vault (SQLite treats an empty file as a
 * fresh database, and migrating it would make one).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, Vault, vaultPaths } from '../../../electron/main/vault';
import { catchAppError } from '../../helpers/app-error';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../../helpers/kdf';
import { snapshotDir } from '../../helpers/snapshot';
import { createTempDirs } from '../../helpers/temp';
import { createVaultTemplate } from '../../helpers/vault';
import type { VaultTemplate } from '../../helpers/vault';

const dirs = createTempDirs();
const templates = createTempDirs();
afterEach(() => dirs.cleanup());
afterAll(() => templates.cleanup());

const PAGE = 4096;
let template: VaultTemplate;

beforeAll(async () => {
  // Enough rows that the file spans many pages, so damage far from page 1 can be tested.
  template = await createVaultTemplate(templates, (db) => {
    const insert = db.prepare(
      'INSERT INTO testimony (id, record_code, created_at) VALUES (?, ?, ?)',
    );
    for (let i = 0; i < 400; i++) {
      insert.run(randomUUID(), `UA-${String(i).padStart(4, '0')}-${'x'.repeat(40)}`, 'now');
    }
  });
});

/** Damages vault.db in a copy, tries to open it, and checks the folder is left as it was. */
async function openDamaged(damage: (dbPath: string) => void): Promise<string> {
  const dir = dirs.copyOf(template.dir);
  damage(vaultPaths(dir).database);
  const before = snapshotDir(dir);
  const error = await catchAppError(() => Vault.open(dir, PASSPHRASE));
  expect(snapshotDir(dir)).toEqual(before);
  return error.code;
}

describe('a damaged vault.db is refused and left byte-identical', () => {
  it('the template opens undamaged (control)', async () => {
    const dir = dirs.copyOf(template.dir);
    expect(readFileSync(vaultPaths(dir).database).length).toBeGreaterThan(8 * PAGE);
    const vault = await Vault.open(dir, PASSPHRASE);
    vault.close();
  });

  it('random bytes over the first pages -> VAULT_CORRUPT', async () => {
    const code = await openDamaged((path) => {
      const bytes = readFileSync(path);
      randomBytes(2 * PAGE).copy(bytes, 0);
      writeFileSync(path, bytes);
    });
    expect(code).toBe('VAULT_CORRUPT');
  });

  it('random bytes over the salt only (first 16 bytes) -> VAULT_CORRUPT', async () => {
    const code = await openDamaged((path) => {
      const bytes = readFileSync(path);
      randomBytes(16).copy(bytes, 0);
      writeFileSync(path, bytes);
    });
    expect(code).toBe('VAULT_CORRUPT');
  });

  it('one flipped bit in the last page -> VAULT_CORRUPT at unlock, not later at a read', async () => {
    const code = await openDamaged((path) => {
      const bytes = readFileSync(path);
      const at = bytes.length - PAGE / 2;
      bytes[at] = (bytes[at] as number) ^ 0x01;
      writeFileSync(path, bytes);
    });
    expect(code).toBe('VAULT_CORRUPT');
  });

  it.each([
    ['to zero bytes (SQLite would take it for a new database)', () => 0],
    ['to 100 bytes', () => 100],
    ['to one page', () => PAGE],
    ['to half its pages', (size: number) => Math.floor(size / PAGE / 2) * PAGE],
    ['by one byte', (size: number) => size - 1],
  ])('truncated %s -> VAULT_CORRUPT', async (_name, length) => {
    const code = await openDamaged((path) => {
      truncateSync(path, length(readFileSync(path).length));
    });
    expect(code).toBe('VAULT_CORRUPT');
  });

  it('the database of another vault (a wrong key) -> VAULT_CORRUPT at the first read', async () => {
    const other = await createVaultTemplate(templates, () => {}, PASSPHRASE);
    const code = await openDamaged((path) => {
      writeFileSync(path, readFileSync(vaultPaths(other.dir).database));
    });
    expect(code).toBe('VAULT_CORRUPT');
  });
});

describe('a missing vault.db is not recreated', () => {
  it('vault.db deleted, vault.json present -> VAULT_CORRUPT, and no vault.db appears', async () => {
    const dir = dirs.copyOf(template.dir);
    rmSync(vaultPaths(dir).database);
    const error = await catchAppError(() => Vault.open(dir, PASSPHRASE));
    expect(error.code).toBe('VAULT_CORRUPT');
    expect(existsSync(vaultPaths(dir).database)).toBe(false);
    expect(readdirSync(dir)).toEqual(['vault.json']);
  });

  it('with a wrong passphrase the answer is still WRONG_PASSPHRASE (nothing about the db leaks)', async () => {
    const dir = dirs.copyOf(template.dir);
    rmSync(vaultPaths(dir).database);
    expect((await catchAppError(() => Vault.open(dir, OTHER_PASSPHRASE))).code).toBe(
      'WRONG_PASSPHRASE',
    );
    expect(readdirSync(dir)).toEqual(['vault.json']);
  });
});

describe('schema version of vault.db', () => {
  it('user_version above the latest migration -> VAULT_FROM_FUTURE, file unchanged', async () => {
    const dir = dirs.copyOf(template.dir);
    const future = MIGRATIONS.length + 1;
    const vault = await Vault.open(dir, PASSPHRASE);
    vault.db.pragma(`user_version = ${future}`);
    vault.close();

    const before = snapshotDir(dir);
    expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_FROM_FUTURE');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('an emptied database under the right key (user_version 0) -> VAULT_CORRUPT, not migrated into an empty vault', async () => {
    const dir = dirs.copyOf(template.dir);
    const vault = await Vault.open(dir, PASSPHRASE);
    vault.db.exec('DROP TABLE testimony_revision; DROP TABLE testimony; PRAGMA user_version = 0;');
    vault.close();

    const before = snapshotDir(dir);
    expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_CORRUPT');
    expect(snapshotDir(dir)).toEqual(before);
  });
});
