/**
 * Migration 0007 redactions, tested as tests/unit/vault/migrations.test.ts tests the others:
 * migrate to 6, insert data, migrate to 7, check. Plain in-memory databases of the same driver.
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../electron/main/vault';
import type { Db } from '../../../electron/main/vault';
import { m0007Redactions } from '../../../electron/main/vault/migrations/0007-redactions';
import { memoryDb, sqliteCode } from '../../helpers/migration-db';

function at6(): Db {
  const db = memoryDb();
  migrate(db, MIGRATIONS, 6);
  db.prepare(
    "INSERT INTO testimony (id, record_code, created_at) VALUES ('t1', 'UA-1', 'x')",
  ).run();
  return db;
}

describe('migration 0007 redactions', () => {
  it('is version 7, registered right after 0006', () => {
    expect(m0007Redactions.version).toBe(7);
    expect(MIGRATIONS[6]).toBe(m0007Redactions);
  });

  it('keeps the data of version 6 and adds the redaction tables with their constraints', () => {
    const db = at6();
    migrate(db, MIGRATIONS, 7);
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT record_code FROM testimony').get()).toEqual({ record_code: 'UA-1' });
    const insert = db.prepare(
      'INSERT INTO redaction (id, testimony_id, kind, body, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    expect(sqliteCode(() => insert.run('r1', 't1', 'entity', '{"text":"x"}', 'now'))).toBe(
      'no error',
    );
    expect(sqliteCode(() => insert.run('r2', 'nobody', 'entity', '{}', 'now'))).toBe(
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
    expect(sqliteCode(() => insert.run('r3', 't1', 'blur', '{}', 'now'))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    expect(sqliteCode(() => insert.run('r4', 't1', 'field', 'not json', 'now'))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    const profile = db.prepare('INSERT INTO redaction_profile VALUES (?, ?, ?, ?)');
    expect(sqliteCode(() => profile.run('p1', 'Для ГО', '{}', 'now'))).toBe('no error');
    expect(sqliteCode(() => profile.run('p2', 'Для ГО', '{}', 'now'))).toBe(
      'SQLITE_CONSTRAINT_UNIQUE',
    );
  });

  it('a redaction is never deleted or rewritten: it can only be stamped removed, once', () => {
    const db = at6();
    migrate(db, MIGRATIONS, 7);
    db.prepare(
      "INSERT INTO redaction (id, testimony_id, kind, body, created_at) VALUES ('r1', 't1', 'entity', '{}', 'now')",
    ).run();
    expect(sqliteCode(() => db.prepare("DELETE FROM redaction WHERE id = 'r1'").run())).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    expect(sqliteCode(() => db.prepare(`UPDATE redaction SET body = '{"a":1}'`).run())).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    expect(
      sqliteCode(() =>
        db.prepare(`UPDATE redaction SET removed_at = 'later', kind = 'field'`).run(),
      ),
    ).toBe('SQLITE_CONSTRAINT_TRIGGER');
    expect(sqliteCode(() => db.prepare(`UPDATE redaction SET removed_at = 'later'`).run())).toBe(
      'no error',
    );
    expect(sqliteCode(() => db.prepare(`UPDATE redaction SET removed_at = 'again'`).run())).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    expect(db.prepare('SELECT removed_at FROM redaction').get()).toEqual({ removed_at: 'later' });
  });
});
