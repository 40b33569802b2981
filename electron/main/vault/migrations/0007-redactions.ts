import type { Migration } from './types';

/**
 * Redaction sets (issue 6): a layer over a testimony, never an edit of it.
 *
 * - redaction: one row per span, field, entity or attachment redaction; `body` is its JSON as
 *   checked by shared/redaction. A row is never deleted or rewritten: removing a redaction stamps
 *   `removed_at` once, so the set as it stood at any export can be told from the custody log.
 * - redaction_profile: custom profiles (the built-in ones live in code); `body` is the profile's
 *   JSON. Names are unique so the CLI can say `--profile NAME`.
 */
export const m0007Redactions: Migration = {
  version: 7,
  name: 'redactions',
  up(db) {
    db.exec(`
      CREATE TABLE redaction (
        id TEXT PRIMARY KEY,
        testimony_id TEXT NOT NULL REFERENCES testimony(id),
        kind TEXT NOT NULL CHECK (kind IN ('span', 'field', 'entity', 'attachment')),
        body TEXT NOT NULL CHECK (json_valid(body)),
        created_at TEXT NOT NULL,
        removed_at TEXT
      ) STRICT;
      CREATE INDEX redaction_by_testimony ON redaction (testimony_id, created_at);

      CREATE TRIGGER redaction_no_delete BEFORE DELETE ON redaction
      BEGIN SELECT RAISE(ABORT, 'redactions are removed by a stamp, not deleted'); END;
      CREATE TRIGGER redaction_only_removal BEFORE UPDATE ON redaction
      WHEN OLD.removed_at IS NOT NULL OR NEW.removed_at IS NULL
        OR NEW.id IS NOT OLD.id OR NEW.testimony_id IS NOT OLD.testimony_id
        OR NEW.kind IS NOT OLD.kind OR NEW.body IS NOT OLD.body
        OR NEW.created_at IS NOT OLD.created_at
      BEGIN SELECT RAISE(ABORT, 'a redaction can only be removed, once'); END;

      CREATE TABLE redaction_profile (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        body TEXT NOT NULL CHECK (json_valid(body)),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
