/**
 * Migration 0005 interviews, tested as tests/unit/vault/migrations.test.ts tests the others:
 * migrate to 4, insert data, migrate to 5, check. Testimonies made before it are pinned to the
 * first template's version 1 and keep their revisions; the new tables hold their constraints and
 * append-only triggers. Plain in-memory databases of the same driver: encryption plays no part.
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../electron/main/vault';
import type { Db } from '../../../electron/main/vault';
import { m0005Interviews } from '../../../electron/main/vault/migrations/0005-interviews';
import { TORTURE_DETENTION_V1 } from '../../../shared/forms/templates/torture-detention-v1';
import { memoryDb, sqliteCode } from '../../helpers/migration-db';

function atVersion4WithData(): Db {
  const db = memoryDb();
  migrate(db, MIGRATIONS, 4);
  db.prepare("INSERT INTO testimony VALUES ('t1', 'UA-1', '2026-01-01T00:00:00Z')").run();
  db.prepare(
    `INSERT INTO testimony_revision
       (id, testimony_id, seq, narrative, content_hash, prev_hash, revision_hash, created_at)
     VALUES ('r1', 't1', 1, 'Свідчення', 'c', NULL, 'h', '2026-01-01T00:00:01Z')`,
  ).run();
  return db;
}

const names = (db: Db, type: string) =>
  (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'")
      .all(type) as Array<{ name: string }>
  ).map((r) => r.name);

const revision = (db: Db) =>
  db.prepare(
    `INSERT INTO section_revision (id, testimony_id, section_id, seq, answers, content_hash,
       prev_hash, revision_hash, author, created_at) VALUES (?, ?, ?, ?, ?, 'c', NULL, 'h', 'a', 'now')`,
  );

describe('migration 0005 interviews', () => {
  it('is version 5, registered right after 0004', () => {
    expect(m0005Interviews.version).toBe(5);
    expect(MIGRATIONS[4]).toBe(m0005Interviews);
  });

  it('pins testimonies made before it to the first template, version 1, and keeps their text', () => {
    const db = atVersion4WithData();
    migrate(db, MIGRATIONS, 5);
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT template_id, template_version FROM testimony').get()).toEqual({
      template_id: TORTURE_DETENTION_V1.id,
      template_version: 1,
    });
    expect(db.prepare('SELECT narrative FROM testimony_revision').get()).toEqual({
      narrative: 'Свідчення',
    });
    expect(names(db, 'table')).toEqual(
      expect.arrayContaining([
        'section_revision',
        'interview_event',
        'facility',
        'perpetrator',
        'register_link',
        'interview_search',
      ]),
    );
    expect(names(db, 'trigger')).toEqual(
      expect.arrayContaining([
        'section_revision_no_update',
        'section_revision_no_delete',
        'interview_event_no_update',
        'interview_event_no_delete',
        'facility_no_delete_linked',
        'perpetrator_no_delete_linked',
      ]),
    );
  });

  it('section revisions: constraints hold, and they are append-only', () => {
    const db = atVersion4WithData();
    migrate(db, MIGRATIONS, 5);
    const insert = revision(db);
    insert.run('s1', 't1', 'B', 1, '{"scopes":{"state":"unknown"}}');
    insert.run('s2', 't1', 'C', 1, '{}');
    expect(sqliteCode(() => insert.run('s3', 't1', 'B', 1, '{}'))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(sqliteCode(() => insert.run('s4', 't1', 'B', 0, '{}'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => insert.run('s5', 't1', 'ABC', 2, '{}'))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    expect(sqliteCode(() => insert.run('s6', 't1', 'B', 2, 'not json'))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    expect(sqliteCode(() => insert.run('s7', 'nobody', 'B', 1, '{}'))).toBe(
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
    expect(sqliteCode(() => db.prepare("UPDATE section_revision SET answers = '{}'").run())).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    expect(sqliteCode(() => db.prepare('DELETE FROM section_revision').run())).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    db.pragma('recursive_triggers = ON');
    expect(
      sqliteCode(() =>
        db
          .prepare(
            `INSERT OR REPLACE INTO section_revision VALUES
               ('s1', 't1', 'B', 1, '{}', 'c', NULL, 'h', 'a', 'now')`,
          )
          .run(),
      ),
    ).toBe('SQLITE_CONSTRAINT_TRIGGER');
    expect(db.prepare("SELECT answers FROM section_revision WHERE id = 's1'").get()).toEqual({
      answers: '{"scopes":{"state":"unknown"}}',
    });
  });

  it('events are append-only; a linked register entry cannot be deleted', () => {
    const db = atVersion4WithData();
    migrate(db, MIGRATIONS, 5);
    db.prepare(
      `INSERT INTO interview_event (id, testimony_id, seq, kind, at, author)
       VALUES ('e1', 't1', 1, 'session_started', 'now', 'a')`,
    ).run();
    expect(sqliteCode(() => db.prepare("UPDATE interview_event SET kind = 'x'").run())).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    expect(sqliteCode(() => db.prepare('DELETE FROM interview_event').run())).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    const facility = db.prepare(
      "INSERT INTO facility VALUES (?, 'Оленівка', 'penal_colony', '', '[]', 'now', 'now')",
    );
    facility.run('f1');
    facility.run('f2');
    db.prepare(
      "INSERT INTO register_link VALUES ('t1', 'F', 'facilities', 'f1', 'F.places.x.facility')",
    ).run();
    expect(sqliteCode(() => db.prepare("DELETE FROM facility WHERE id = 'f1'").run())).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    expect(db.prepare("DELETE FROM facility WHERE id = 'f2'").run().changes).toBe(1);
    expect(
      sqliteCode(() =>
        db.prepare("INSERT INTO register_link VALUES ('t1', 'F', 'victims', 'f1', 'p')").run(),
      ),
    ).toBe('SQLITE_CONSTRAINT_CHECK');
  });

  it('is not run twice: migrating an up-to-date database changes nothing', () => {
    const db = atVersion4WithData();
    migrate(db);
    revision(db).run('s1', 't1', 'B', 1, '{}');
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT id FROM section_revision').all()).toEqual([{ id: 's1' }]);
  });
});
