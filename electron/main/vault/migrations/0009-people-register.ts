import type { Migration } from './types';

/**
 * The third register: people, the co-detainees and witnesses a testimony names (issue 4). Until
 * now they were free text; a register lets two testimonies naming the same cellmate meet.
 *
 * - person: shaped like perpetrator (names as JSON, a description), with roles as JSON. Like
 *   the other registers, an entry a testimony links to cannot be deleted.
 * - register_link: SQLite cannot alter a CHECK, so the table is rebuilt with 'people' allowed
 *   (new table, copy, drop, rename) and its index recreated exactly as 0005 made it. No trigger
 *   is defined ON register_link; the facility and perpetrator triggers only read it by name, and
 *   are dropped and recreated around the rename so they never point at a missing table.
 *
 * The register names are literals here, never imported: a migration must mean the same forever.
 */
export const m0009PeopleRegister: Migration = {
  version: 9,
  name: 'people-register',
  up(db) {
    db.exec(`
      CREATE TABLE person (
        id TEXT PRIMARY KEY,
        names TEXT NOT NULL CHECK (json_valid(names)),
        roles TEXT NOT NULL CHECK (json_valid(roles)),
        description TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      DROP TRIGGER facility_no_delete_linked;
      DROP TRIGGER perpetrator_no_delete_linked;

      CREATE TABLE register_link_new (
        testimony_id TEXT NOT NULL REFERENCES testimony(id),
        section_id TEXT NOT NULL,
        register TEXT NOT NULL CHECK (register IN ('facilities', 'perpetrators', 'people')),
        entry_id TEXT NOT NULL,
        path TEXT NOT NULL,
        PRIMARY KEY (testimony_id, path)
      ) STRICT;
      INSERT INTO register_link_new (testimony_id, section_id, register, entry_id, path)
        SELECT testimony_id, section_id, register, entry_id, path FROM register_link;
      DROP TABLE register_link;
      ALTER TABLE register_link_new RENAME TO register_link;

      CREATE INDEX register_link_entry ON register_link (register, entry_id);

      -- An entry some testimony points at must stay: the answer would point at nothing.
      CREATE TRIGGER facility_no_delete_linked BEFORE DELETE ON facility
      WHEN EXISTS (SELECT 1 FROM register_link
                    WHERE register = 'facilities' AND entry_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'the facility is referenced by a testimony'); END;
      CREATE TRIGGER perpetrator_no_delete_linked BEFORE DELETE ON perpetrator
      WHEN EXISTS (SELECT 1 FROM register_link
                    WHERE register = 'perpetrators' AND entry_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'the perpetrator is referenced by a testimony'); END;
      CREATE TRIGGER person_no_delete_linked BEFORE DELETE ON person
      WHEN EXISTS (SELECT 1 FROM register_link
                    WHERE register = 'people' AND entry_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'the person is referenced by a testimony'); END;
    `);
  },
};
