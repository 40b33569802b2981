/**
 * Migration 0003 attachments, tested as tests/unit/vault/migrations.test.ts tests the others:
 * migrate to 2, insert data, migrate to 3, check the table, its constraints and its append-only
 * triggers, and that nothing made before was changed. Plain in-memory databases of the same
 * driver: encryption plays no part here.
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../electron/main/vault';
import type { Db } from '../../../electron/main/vault';
import { m0003Attachments } from '../../../electron/main/vault/migrations/0003-attachments';
import { memoryDb, sqliteCode } from '../../helpers/migration-db';

const columns = (db: Db, table: string) =>
  (db.pragma(`table_info(${table})`) as Array<{ name: string; type: string; notnull: number }>).map(
    (c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}`,
  );

const names = (db: Db, type: 'table' | 'trigger' | 'index') =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all(type) as Array<{ name: string }>
  ).map((r) => r.name);

const SHA = 'a'.repeat(64);
const KEY = Buffer.alloc(72, 1);

describe('migration 0003 attachments', () => {
  function atVersion2WithData(): Db {
    const db = memoryDb();
    migrate(db, MIGRATIONS, 2);
    expect(schemaVersion(db)).toBe(2);
    db.prepare("INSERT INTO testimony VALUES ('t1', 'UA-1', '2026-01-01T00:00:00Z')").run();
    db.prepare(
      `INSERT INTO testimony_revision
         (id, testimony_id, seq, narrative, content_hash, prev_hash, revision_hash, created_at)
       VALUES ('r1', 't1', 1, 'Свідчення', 'c', NULL, 'h', '2026-01-01T00:00:01Z')`,
    ).run();
    return db;
  }

  it('is version 3, registered right after 0002', () => {
    expect(m0003Attachments.version).toBe(3);
    expect(MIGRATIONS[2]).toBe(m0003Attachments);
  });

  it('creates the attachment table with its columns, index and append-only triggers', () => {
    const db = atVersion2WithData();
    expect(names(db, 'table')).not.toContain('attachment');
    migrate(db, MIGRATIONS, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(columns(db, 'attachment')).toEqual([
      'id TEXT NOT NULL', // a STRICT table's primary key
      'testimony_id TEXT NOT NULL',
      'file_name TEXT NOT NULL',
      'size INTEGER NOT NULL',
      'sha256 TEXT NOT NULL',
      'blob_key BLOB NOT NULL',
      'created_at TEXT NOT NULL',
    ]);
    expect(names(db, 'trigger')).toEqual(
      expect.arrayContaining(['attachment_no_delete', 'attachment_no_update']),
    );
    expect(names(db, 'index')).toContain('attachment_testimony');
    // What was there before is untouched.
    expect(db.prepare('SELECT narrative FROM testimony_revision').get()).toEqual({
      narrative: 'Свідчення',
    });
  });

  it('accepts attachments of a testimony and enforces every constraint', () => {
    const db = atVersion2WithData();
    migrate(db, MIGRATIONS, 3);
    const insert = db.prepare('INSERT INTO attachment VALUES (?, ?, ?, ?, ?, ?, ?)');
    const row = (over: Partial<Record<string, unknown>> = {}) => {
      const r = {
        id: `a-${Math.random()}`,
        testimony: 't1',
        name: 'фото.jpg',
        size: 10,
        sha: SHA,
        key: KEY,
        at: 'now',
        ...over,
      };
      return () => insert.run(r.id, r.testimony, r.name, r.size, r.sha, r.key, r.at);
    };
    row({ id: 'a1' })();
    row({ id: 'a2', size: 0, name: '<img src=x onerror=alert(1)>' })();
    expect(db.prepare('SELECT count(*) AS n FROM attachment').get()).toEqual({ n: 2 });

    expect(sqliteCode(row({ id: 'a1' }))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(sqliteCode(row({ testimony: 'no-such-testimony' }))).toBe(
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
    expect(sqliteCode(row({ name: '' }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(row({ size: -1 }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(row({ sha: 'abc' }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(row({ key: Buffer.alloc(32) }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(row({ name: null }))).toBe('SQLITE_CONSTRAINT_NOTNULL');
    // STRICT: a value of the wrong type is refused, not converted.
    expect(
      sqliteCode(
        row({ key: 'not a blob of 72 bytes, but text of the same length..................' }),
      ),
    ).toBe('SQLITE_CONSTRAINT_DATATYPE');
    expect(sqliteCode(row({ size: '10' }))).toBe('no error'); // STRICT still converts lossless text
    expect(sqliteCode(row({ size: 'ten' }))).toBe('SQLITE_CONSTRAINT_DATATYPE');
    expect(sqliteCode(row({ name: Buffer.from('x') }))).toBe('SQLITE_CONSTRAINT_DATATYPE');

    // Append-only: no update, no delete, and INSERT OR REPLACE cannot sneak a delete in.
    expect(sqliteCode(() => db.prepare("UPDATE attachment SET file_name = 'x'").run())).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    expect(sqliteCode(() => db.prepare('DELETE FROM attachment').run())).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    db.pragma('recursive_triggers = ON');
    expect(
      sqliteCode(() =>
        db
          .prepare("INSERT OR REPLACE INTO attachment VALUES ('a1', 't1', 'x', 1, ?, ?, 'now')")
          .run(SHA, KEY),
      ),
    ).toBe('SQLITE_CONSTRAINT_TRIGGER');
    expect(db.prepare("SELECT file_name FROM attachment WHERE id = 'a1'").get()).toEqual({
      file_name: 'фото.jpg',
    });
  });

  it('is not run twice: migrating an up-to-date database changes nothing', () => {
    const db = atVersion2WithData();
    migrate(db);
    db.prepare(
      `INSERT INTO attachment (id, testimony_id, file_name, size, sha256, blob_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run('a1', 't1', 'x', 1, SHA, KEY, 'now');
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT id FROM attachment').all()).toEqual([{ id: 'a1' }]);
  });
});
