import type { Migration } from './types';

/**
 * The custody log: one signed entry per action, chained by hash, append-only. And the author of
 * each revision, which custody and courts both ask for.
 */
export const m0002Custody: Migration = {
  version: 2,
  name: 'custody',
  up(db) {
    db.exec(`
      CREATE TABLE custody_entry (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        testimony_id TEXT,
        attachment_id TEXT,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        entry_hash TEXT NOT NULL,
        public_key TEXT NOT NULL,
        signature TEXT NOT NULL
      ) STRICT;

      CREATE INDEX custody_entry_testimony ON custody_entry (testimony_id);

      CREATE TRIGGER custody_entry_no_update BEFORE UPDATE ON custody_entry
      BEGIN SELECT RAISE(ABORT, 'custody entries are append-only'); END;
      CREATE TRIGGER custody_entry_no_delete BEFORE DELETE ON custody_entry
      BEGIN SELECT RAISE(ABORT, 'custody entries are append-only'); END;

      ALTER TABLE testimony_revision ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';
    `);
  },
};
