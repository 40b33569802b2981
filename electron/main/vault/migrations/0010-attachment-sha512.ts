import type { Migration } from './types';

/**
 * The SHA-512 of an attachment's original bytes, taken at intake beside its SHA-256 (issue 5).
 * A bundle's manifest-sha512.txt lists it; with both digests recorded at intake, an export no
 * longer hashes gigabytes again: the blob's authenticated encryption already proves the bytes
 * are the ones hashed. Rows from before this migration keep NULL (rows are append-only) and are
 * hashed while they are exported, as before.
 */
export const m0010AttachmentSha512: Migration = {
  version: 10,
  name: 'attachment-sha512',
  up(db) {
    db.exec(`
      ALTER TABLE attachment ADD COLUMN sha512 TEXT
        CHECK (sha512 IS NULL OR (length(sha512) = 128 AND sha512 NOT GLOB '*[^0-9a-f]*'));
    `);
  },
};
