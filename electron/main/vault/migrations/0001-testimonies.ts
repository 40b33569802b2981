import type { Migration } from './types';

/** Testimonies and their append-only revisions, chained by hash. */
export const m0001Testimonies: Migration = {
  version: 1,
  name: 'testimonies',
  up(db) {
    db.exec(`
      CREATE TABLE testimony (
        id TEXT PRIMARY KEY,
        record_code TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE testimony_revision (
        id TEXT PRIMARY KEY,
        testimony_id TEXT NOT NULL REFERENCES testimony(id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        narrative TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        prev_hash TEXT,
        revision_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (testimony_id, seq)
      ) STRICT;

      CREATE TRIGGER testimony_revision_no_update BEFORE UPDATE ON testimony_revision
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
      CREATE TRIGGER testimony_revision_no_delete BEFORE DELETE ON testimony_revision
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
    `);
  },
};
