/**
 * Migration 0009 people register, tested as tests/unit/vault/migrations.test.ts tests the others:
 * migrate to 8, insert data, migrate to 9, check. register_link is rebuilt to allow 'people':
 * its rows, primary key, foreign key, index and the no-delete triggers must all survive exactly.
 * Plain in-memory databases of the same driver: encryption plays no part.
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../electron/main/vault';
import type { Db } from '../../../electron/main/vault';
import { m0009PeopleRegister } from '../../../electron/main/vault/migrations/0009-people-register';
import { memoryDb, sqliteCode } from '../../helpers/migration-db';

const link = (db: Db) =>
  db.prepare(
    'INSERT INTO register_link (testimony_id, section_id, register, entry_id, path) VALUES (?, ?, ?, ?, ?)',
  );

/** Version 8 with a testimony linking a facility and a perpetrator. */
function at8(): Db {
  const db = memoryDb();
  migrate(db, MIGRATIONS, 8);
  db.prepare(
    "INSERT INTO testimony (id, record_code, created_at) VALUES ('t1', 'UA-1', 'x')",
  ).run();
  db.prepare(
    `INSERT INTO facility (id, name, kind, location, aliases, created_at, updated_at)
     VALUES ('f1', 'Оленівка', 'penal_colony', '', '[]', 'x', 'x')`,
  ).run();
  db.prepare(
    `INSERT INTO perpetrator (id, names, call_signs, unit, description, created_at, updated_at)
     VALUES ('p1', '[]', '["Грім"]', '', '', 'x', 'x')`,
  ).run();
  link(db).run('t1', 'F', 'facilities', 'f1', 'F.places.i1.facility');
  link(db).run('t1', 'F', 'perpetrators', 'p1', 'F.commander');
  return db;
}

const schemaOf = (db: Db, type: string, name: string) =>
  (
    db.prepare('SELECT sql FROM sqlite_master WHERE type = ? AND name = ?').get(type, name) as
      { sql: string } | undefined
  )?.sql;

describe('migration 0009 people register', () => {
  it('is version 9, registered right after 0008', () => {
    expect(m0009PeopleRegister.version).toBe(9);
    expect(MIGRATIONS[8]).toBe(m0009PeopleRegister);
  });

  it('keeps every link of version 8 and now accepts links into the people register', () => {
    const db = at8();
    expect(sqliteCode(() => link(db).run('t1', 'F', 'people', 'x1', 'F.codetainees.i1.who'))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    migrate(db, MIGRATIONS, 9);
    expect(schemaVersion(db)).toBe(9);
    expect(
      db.prepare('SELECT register, entry_id, path FROM register_link ORDER BY path').all(),
    ).toEqual([
      { register: 'perpetrators', entry_id: 'p1', path: 'F.commander' },
      { register: 'facilities', entry_id: 'f1', path: 'F.places.i1.facility' },
    ]);
    expect(sqliteCode(() => link(db).run('t1', 'F', 'people', 'x1', 'F.codetainees.i1.who'))).toBe(
      'no error',
    );
    // The rest of the table's rules came through the rebuild.
    expect(sqliteCode(() => link(db).run('t1', 'F', 'witnesses', 'x1', 'F.other'))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    expect(sqliteCode(() => link(db).run('t1', 'F', 'people', 'x2', 'F.commander'))).toBe(
      'SQLITE_CONSTRAINT_PRIMARYKEY',
    );
    expect(sqliteCode(() => link(db).run('nobody', 'F', 'people', 'x1', 'F.a'))).toBe(
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
    expect(schemaOf(db, 'index', 'register_link_entry')).toMatch(
      /ON register_link \(register, entry_id\)/,
    );
    expect(schemaOf(db, 'table', 'register_link_new')).toBeUndefined();
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('adds the person table with its checks', () => {
    const db = at8();
    migrate(db, MIGRATIONS, 9);
    const insert = db.prepare(
      `INSERT INTO person (id, names, roles, description, created_at, updated_at)
       VALUES (?, ?, ?, '', 'x', 'x')`,
    );
    expect(sqliteCode(() => insert.run('s1', '["Олег"]', '["co_detainee"]'))).toBe('no error');
    expect(sqliteCode(() => insert.run('s2', 'Олег', '[]'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => insert.run('s3', '[]', 'witness'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => insert.run('s1', '[]', '[]'))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
  });

  it('a linked entry of any register still cannot be deleted; an unlinked one can', () => {
    const db = at8();
    migrate(db, MIGRATIONS, 9);
    db.prepare(
      `INSERT INTO person (id, names, roles, description, created_at, updated_at)
       VALUES ('s1', '["Олег"]', '["witness"]', '', 'x', 'x'), ('s2', '["Іра"]', '[]', '', 'x', 'x')`,
    ).run();
    link(db).run('t1', 'I', 'people', 's1', 'I.acts.i1.witness');
    for (const [table, id] of [
      ['facility', 'f1'],
      ['perpetrator', 'p1'],
      ['person', 's1'],
    ]) {
      expect(sqliteCode(() => db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id))).toBe(
        'SQLITE_CONSTRAINT_TRIGGER',
      );
    }
    expect(db.prepare("DELETE FROM person WHERE id = 's2'").run().changes).toBe(1);
  });
});
