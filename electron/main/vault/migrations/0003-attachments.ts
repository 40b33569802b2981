import type { Migration } from './types';

/**
 * Attachments of a testimony: the original file name exactly as given, the size and SHA-256 of
 * the original bytes, and the blob's own key sealed with the vault's 'blobs' sub-key. The
 * encrypted bytes live in blobs/<id>.blob. Rows are append-only: evidence is never re-described.
 */
export const m0003Attachments: Migration = {
  version: 3,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachment (
        id TEXT PRIMARY KEY,
        testimony_id TEXT NOT NULL REFERENCES testimony(id),
        file_name TEXT NOT NULL CHECK (length(file_name) >= 1),
        size INTEGER NOT NULL CHECK (size >= 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        blob_key BLOB NOT NULL CHECK (length(blob_key) = 72),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX attachment_testimony ON attachment (testimony_id, created_at);

      CREATE TRIGGER attachment_no_update BEFORE UPDATE ON attachment
      BEGIN SELECT RAISE(ABORT, 'attachments are append-only'); END;
      CREATE TRIGGER attachment_no_delete BEFORE DELETE ON attachment
      BEGIN SELECT RAISE(ABORT, 'attachments are append-only'); END;
    `);
  },
};
