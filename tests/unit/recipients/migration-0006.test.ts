/**
 * Migration 0006 recipients, tested as tests/unit/vault/migrations.test.ts tests the others:
 * migrate to 5, insert data, migrate to 6, check. Plain in-memory databases of the same driver.
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../electron/main/vault';
import { m0006Recipients } from '../../../electron/main/vault/migrations/0006-recipients';
import { RECIPIENT_CLASSES } from '../../../shared/forms/consent';
import { memoryDb, sqliteCode } from '../../helpers/migration-db';

const KEY_A = 'age1' + 'q'.repeat(58);
const KEY_B = 'age1' + 'p'.repeat(58);

describe('migration 0006 recipients', () => {
  it('is version 6, registered right after 0005', () => {
    expect(m0006Recipients.version).toBe(6);
    expect(MIGRATIONS[5]).toBe(m0006Recipients);
  });

  it('keeps the data of version 5 and adds the recipient table with its constraints', () => {
    const db = memoryDb();
    migrate(db, MIGRATIONS, 5);
    db.prepare(
      "INSERT INTO testimony (id, record_code, created_at) VALUES ('t1', 'UA-1', 'x')",
    ).run();
    migrate(db, MIGRATIONS, 6);
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT record_code FROM testimony').get()).toEqual({ record_code: 'UA-1' });
    expect(
      (db.pragma('table_info(recipient)') as Array<{ name: string }>).map((c) => c.name),
    ).toEqual(['id', 'name', 'organisation', 'public_key', 'recipient_class', 'created_at']);
    const insert = db.prepare('INSERT INTO recipient VALUES (?, ?, ?, ?, ?, ?)');
    // Every class the consent scopes know is accepted: the frozen list matches shared/forms.
    RECIPIENT_CLASSES.forEach((cls, i) => {
      const key = 'age1' + 'q'.repeat(57) + 'pzry9x'[i];
      insert.run(`r${i}`, 'Офіс', 'ОГП', key, cls, 'now');
    });
    expect(sqliteCode(() => insert.run('d', 'n', 'o', KEY_A, 'ngo', 'now'))).toBe('no error');
    expect(sqliteCode(() => insert.run('d2', 'n', 'o', KEY_A, 'ngo', 'now'))).toBe(
      'SQLITE_CONSTRAINT_UNIQUE',
    );
    expect(sqliteCode(() => insert.run('x1', 'n', 'o', KEY_B, 'journalist', 'now'))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    expect(sqliteCode(() => insert.run('x2', 'n', 'o', 'ssh-ed25519 AAAA', 'ngo', 'now'))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    expect(sqliteCode(() => insert.run('x3', '', 'o', KEY_B, 'ngo', 'now'))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    expect(sqliteCode(() => insert.run('x4', 'n', 'o', KEY_B, 'ngo', Buffer.from('x')))).toBe(
      'SQLITE_CONSTRAINT_DATATYPE',
    );
  });
});
