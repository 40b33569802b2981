/**
 * Migrations, as Signal tests its own: one test per migration file (migrate to N-1, insert data,
 * migrate to N, check), and the runner's guarantees — it refuses an out-of-order list and a
 * database from the future, and a migration that fails leaves nothing behind. Encryption plays no
 * part here, so these use plain in-memory databases of the same driver.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../electron/main/vault';
import type { Db, Migration } from '../../../electron/main/vault';
import { m0001Testimonies } from '../../../electron/main/vault/migrations/0001-testimonies';
import { m0002Custody } from '../../../electron/main/vault/migrations/0002-custody';
import { m0004Search } from '../../../electron/main/vault/migrations/0004-search';
import { catchAppErrorSync } from '../../helpers/app-error';
import { memoryDb, sqliteCode } from '../../helpers/migration-db';

const MIGRATIONS_DIR = join(__dirname, '../../../electron/main/vault/migrations');

/** Versions that have their own describe block below. Add one with every new migration. */
// 0003 (attachments) is tested beside its service: tests/unit/attachments/migration-0003.test.ts
// 0005 (interviews) too: tests/unit/interviews/migration-0005.test.ts
// 0006 (recipients) too: tests/unit/recipients/migration-0006.test.ts
// 0007 (redactions) too: tests/unit/redaction-store/migration-0007.test.ts
// 0008 (search secure-delete off): tests/unit/vault/search-index-repair.test.ts
// 0009 (people register): tests/unit/registers/migration-0009.test.ts
// 0010 (attachment SHA-512): tests/unit/attachments/migration-0010.test.ts
const TESTED_VERSIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const tables = (db: Db): string[] =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as Array<{ name: string }>
  ).map((r) => r.name);

const triggers = (db: Db): string[] =>
  (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
      .all() as Array<{ name: string }>
  ).map((r) => r.name);

const columns = (db: Db, table: string): string[] =>
  (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);

describe('the migration list', () => {
  it('every NNNN-*.ts file in migrations/ is registered, in number order', () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}-.+\.ts$/.test(f))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((f) => Number(f.slice(0, 4)))).toEqual(MIGRATIONS.map((m) => m.version));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('every migration has its own test in this file', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(TESTED_VERSIONS);
  });
});

describe('migration 0001 testimonies', () => {
  function atVersion1(): Db {
    const db = memoryDb();
    migrate(db, MIGRATIONS, 0);
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    migrate(db, MIGRATIONS, 1);
    expect(schemaVersion(db)).toBe(1);
    return db;
  }

  it('creates testimony and testimony_revision with their columns and the append-only triggers', () => {
    const db = atVersion1();
    expect(m0001Testimonies.version).toBe(1);
    expect(tables(db)).toEqual(['testimony', 'testimony_revision']);
    expect(columns(db, 'testimony')).toEqual(['id', 'record_code', 'created_at']);
    expect(columns(db, 'testimony_revision')).toEqual([
      'id',
      'testimony_id',
      'seq',
      'narrative',
      'content_hash',
      'prev_hash',
      'revision_hash',
      'created_at',
    ]);
    expect(triggers(db)).toEqual(['testimony_revision_no_delete', 'testimony_revision_no_update']);
  });

  it('accepts a testimony with revisions, and enforces its constraints', () => {
    const db = atVersion1();
    db.prepare("INSERT INTO testimony VALUES ('t1', 'UA-1', 'now')").run();
    const revision = db.prepare(
      "INSERT INTO testimony_revision VALUES (?, ?, ?, 'text', 'c', NULL, 'r', 'now')",
    );
    revision.run('r1', 't1', 1);
    revision.run('r2', 't1', 2);
    expect(db.prepare('SELECT count(*) AS n FROM testimony_revision').get()).toEqual({ n: 2 });

    // Record codes are unique.
    expect(
      sqliteCode(() => db.prepare("INSERT INTO testimony VALUES ('t2', 'UA-1', 'now')").run()),
    ).toBe('SQLITE_CONSTRAINT_UNIQUE');
    // One revision per sequence number, numbers start at 1, and the testimony must exist.
    expect(sqliteCode(() => revision.run('r3', 't1', 2))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(sqliteCode(() => revision.run('r4', 't1', 0))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => revision.run('r5', 'no-such-testimony', 1))).toBe(
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
    // STRICT tables refuse a value of the wrong type instead of storing it.
    expect(
      sqliteCode(() =>
        db
          .prepare(
            "INSERT INTO testimony_revision VALUES ('r6', 't1', 3, ?, 'c', NULL, 'r', 'now')",
          )
          .run(Buffer.from('not text')),
      ),
    ).toBe('SQLITE_CONSTRAINT_DATATYPE');
    // Revisions are append-only.
    expect(
      sqliteCode(() => db.prepare("UPDATE testimony_revision SET narrative = 'x'").run()),
    ).toBe('SQLITE_CONSTRAINT_TRIGGER');
    expect(sqliteCode(() => db.prepare('DELETE FROM testimony_revision').run())).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    expect(db.prepare('SELECT count(*) AS n FROM testimony_revision').get()).toEqual({ n: 2 });
  });

  it('is not run twice: migrating an up-to-date database changes nothing', () => {
    const db = atVersion1();
    db.prepare("INSERT INTO testimony VALUES ('t1', 'UA-1', 'now')").run();
    migrate(db);
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT record_code FROM testimony').all()).toEqual([
      { record_code: 'UA-1' },
    ]);
  });
});

describe('the runner', () => {
  const table = (version: number, name: string): Migration => ({
    version,
    name,
    up: (db) => db.exec(`CREATE TABLE ${name} (x INTEGER) STRICT`),
  });

  it.each([
    ['reversed', [table(2, 'b'), table(1, 'a')]],
    ['with a gap', [table(1, 'a'), table(3, 'c')]],
    ['with a duplicate', [table(1, 'a'), table(1, 'b')]],
    ['not starting at 1', [table(2, 'b')]],
  ])('refuses a list %s before running anything', (_name, list) => {
    const db = memoryDb();
    expect(() => migrate(db, list)).toThrow(/out of order/);
    expect(tables(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(0);
  });

  it('refuses a database from the future (VAULT_FROM_FUTURE) and leaves user_version as it was', () => {
    const db = memoryDb();
    const future = MIGRATIONS.length + 1;
    db.pragma(`user_version = ${future}`);
    expect(catchAppErrorSync(() => migrate(db)).code).toBe('VAULT_FROM_FUTURE');
    expect(schemaVersion(db)).toBe(future);
    expect(tables(db)).toEqual([]);
  });

  it('refuses a target outside the list, which would stamp a version no migration made', () => {
    const db = memoryDb();
    expect(() => migrate(db, MIGRATIONS, MIGRATIONS.length + 1)).toThrow(/outside/);
    expect(() => migrate(db, MIGRATIONS, -1)).toThrow(/outside/);
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('a migration that throws halfway rolls back every pending migration (from version 0)', () => {
    const db = memoryDb();
    const failing: Migration = {
      version: 2,
      name: 'fails-halfway',
      up(d) {
        d.exec('CREATE TABLE half_made (x INTEGER) STRICT');
        d.exec("INSERT INTO testimony VALUES ('t', 'UA-1', 'now')");
        throw new Error('disk went away');
      },
    };
    expect(() => migrate(db, [m0001Testimonies, failing])).toThrow('disk went away');
    expect(tables(db)).toEqual([]);
    expect(triggers(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(0);
  });

  it('a migration that throws halfway leaves an existing schema and its data as they were', () => {
    const db = memoryDb();
    migrate(db, [m0001Testimonies]);
    db.prepare("INSERT INTO testimony VALUES ('t0', 'UA-0', 'now')").run();
    const failing: Migration = {
      version: 2,
      name: 'fails-halfway',
      up(d) {
        d.exec('ALTER TABLE testimony ADD COLUMN place TEXT');
        d.exec("UPDATE testimony SET record_code = 'changed'");
        d.exec('CREATE TABLE half_made (x INTEGER) STRICT');
        throw new Error('disk went away');
      },
    };
    expect(() => migrate(db, [m0001Testimonies, failing])).toThrow('disk went away');
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['testimony', 'testimony_revision']);
    expect(columns(db, 'testimony')).toEqual(['id', 'record_code', 'created_at']);
    expect(db.prepare('SELECT record_code FROM testimony').all()).toEqual([
      { record_code: 'UA-0' },
    ]);
  });
});
describe('migration 0004 search', () => {
  it('indexes the latest narrative of every existing testimony, searchable by any 3-letter part', () => {
    const db = memoryDb();
    migrate(db, MIGRATIONS, 3);
    db.prepare("INSERT INTO testimony VALUES ('t1', 'UA-1', 'now')").run();
    db.prepare("INSERT INTO testimony VALUES ('t2', 'UA-2', 'now')").run();
    const rev = db.prepare(
      `INSERT INTO testimony_revision
         (id, testimony_id, seq, narrative, content_hash, prev_hash, revision_hash, created_at)
       VALUES (?, ?, ?, ?, 'c', NULL, 'h', 'now')`,
    );
    rev.run('r1', 't1', 1, 'Мене тримали в камері.');
    rev.run('r2', 't1', 2, 'Мене тримали в підвалі.');
    rev.run('r3', 't2', 1, 'Допитували щодня.');

    migrate(db, MIGRATIONS, 4);
    expect(m0004Search.version).toBe(4);
    const find = (q: string) =>
      (
        db
          .prepare(
            `SELECT t.id FROM testimony_search s JOIN testimony t ON t.rowid = s.rowid
              WHERE testimony_search MATCH ? ORDER BY t.id`,
          )
          .all(`"${q}"`) as Array<{ id: string }>
      ).map((r) => r.id);
    expect(find('підвал')).toEqual(['t1']);
    expect(find('ПІДВАЛ')).toEqual(['t1']);
    expect(find('камері')).toEqual([]); // an older revision is not indexed
    expect(find('допит')).toEqual(['t2']);
  });
});

describe('migration 0002 custody', () => {
  it('adds the append-only custody log and a revision author, keeping revisions made before', () => {
    const db = memoryDb();
    migrate(db, MIGRATIONS, 1);
    db.prepare("INSERT INTO testimony VALUES ('t1', 'UA-1', '2026-01-01T00:00:00Z')").run();
    db.prepare(
      `INSERT INTO testimony_revision
         (id, testimony_id, seq, narrative, content_hash, prev_hash, revision_hash, created_at)
       VALUES ('r1', 't1', 1, 'Свідчення', 'c', NULL, 'h', '2026-01-01T00:00:01Z')`,
    ).run();

    migrate(db, MIGRATIONS, 2);
    expect(m0002Custody.version).toBe(2);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toContain('custody_entry');
    expect(columns(db, 'testimony_revision')).toContain('author');
    expect(db.prepare('SELECT narrative, author FROM testimony_revision').get()).toEqual({
      narrative: 'Свідчення',
      author: 'unknown',
    });

    db.prepare(
      `INSERT INTO custody_entry VALUES
         (1, 'e1', 'now', 'vault.created', NULL, NULL, '{}', 'p', 'h', 'k', 's')`,
    ).run();
    expect(() => db.prepare("UPDATE custody_entry SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM custody_entry').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO custody_entry VALUES
             (0, 'e0', 'now', 'vault.created', NULL, NULL, '{}', 'p', 'h', 'k', 's')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
