import { TORTURE_DETENTION_V1 } from '../../../../shared/forms/templates/torture-detention-v1';
import type { Migration } from './types';

/**
 * The structured interview (issue 4). Each testimony pins the template it is taken with; rows made
 * before this migration were taken with the first template, version 1 (frozen here by importing
 * that version itself, never "the current" one, which moves on).
 *
 * - section_revision: every save of a section's answers, append-only and chained by hash per
 *   section, like testimony_revision.
 * - interview_event: the flow (sessions, breaks, skips, stops), append-only.
 * - facility, perpetrator: the vault's registers. Entries are edited in place (custody records
 *   each change), but one that a testimony links to cannot be deleted.
 * - register_link: which testimony mentions which entry, and where; rebuilt for a section on each
 *   of its saves, so it always mirrors the latest answers.
 * - interview_search: the text of the latest answers, for the same trigram search as narratives.
 */
export const m0005Interviews: Migration = {
  version: 5,
  name: 'interviews',
  up(db) {
    const { id, version } = TORTURE_DETENTION_V1;
    // A DEFAULT must be a literal; the id is ours, but it is checked before it is spliced in.
    if (!/^[a-z0-9-]{1,64}$/.test(id) || !Number.isInteger(version)) {
      throw new Error('migration 0005: unexpected template id');
    }
    db.exec(`
      ALTER TABLE testimony ADD COLUMN template_id TEXT NOT NULL DEFAULT '${id}';
      ALTER TABLE testimony ADD COLUMN template_version INTEGER NOT NULL DEFAULT ${version}
        CHECK (template_version >= 1);

      CREATE TABLE section_revision (
        id TEXT PRIMARY KEY,
        testimony_id TEXT NOT NULL REFERENCES testimony(id),
        section_id TEXT NOT NULL CHECK (length(section_id) BETWEEN 1 AND 2),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        answers TEXT NOT NULL CHECK (json_valid(answers)),
        content_hash TEXT NOT NULL,
        prev_hash TEXT,
        revision_hash TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (testimony_id, section_id, seq)
      ) STRICT;

      CREATE TRIGGER section_revision_no_update BEFORE UPDATE ON section_revision
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
      CREATE TRIGGER section_revision_no_delete BEFORE DELETE ON section_revision
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

      CREATE TABLE interview_event (
        id TEXT PRIMARY KEY,
        testimony_id TEXT NOT NULL REFERENCES testimony(id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        section_id TEXT,
        reason TEXT,
        qualified INTEGER CHECK (qualified IN (0, 1)),
        author TEXT NOT NULL,
        UNIQUE (testimony_id, seq)
      ) STRICT;

      CREATE TRIGGER interview_event_no_update BEFORE UPDATE ON interview_event
      BEGIN SELECT RAISE(ABORT, 'interview events are append-only'); END;
      CREATE TRIGGER interview_event_no_delete BEFORE DELETE ON interview_event
      BEGIN SELECT RAISE(ABORT, 'interview events are append-only'); END;

      CREATE TABLE facility (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) >= 1),
        kind TEXT NOT NULL,
        location TEXT NOT NULL,
        aliases TEXT NOT NULL CHECK (json_valid(aliases)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE perpetrator (
        id TEXT PRIMARY KEY,
        names TEXT NOT NULL CHECK (json_valid(names)),
        call_signs TEXT NOT NULL CHECK (json_valid(call_signs)),
        unit TEXT NOT NULL,
        description TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE register_link (
        testimony_id TEXT NOT NULL REFERENCES testimony(id),
        section_id TEXT NOT NULL,
        register TEXT NOT NULL CHECK (register IN ('facilities', 'perpetrators')),
        entry_id TEXT NOT NULL,
        path TEXT NOT NULL,
        PRIMARY KEY (testimony_id, path)
      ) STRICT;

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

      CREATE VIRTUAL TABLE interview_search USING fts5(answers, tokenize = 'trigram');
      INSERT INTO interview_search (interview_search, rank) VALUES ('secure-delete', 1);
    `);
  },
};
