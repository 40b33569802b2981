import type { Migration } from './types';

/**
 * Recipients of sealed bundles (issue 5): prosecutors' offices and others holding an age key.
 *
 * - public_key is the `age1…` text exactly as checked by recipients/age-key.ts, unique, so one
 *   key cannot be filed twice under two names (an export names its recipients by key).
 * - recipient_class gates exports by the survivor's sharing consent (issue 6). The list is
 *   frozen here as literals, never imported: a migration must mean the same forever, and a new
 *   class comes with its own migration.
 */
export const m0006Recipients: Migration = {
  version: 6,
  name: 'recipients',
  up(db) {
    db.exec(`
      CREATE TABLE recipient (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        organisation TEXT NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
        public_key TEXT NOT NULL UNIQUE
          CHECK (length(public_key) = 62 AND public_key GLOB 'age1*'),
        recipient_class TEXT NOT NULL CHECK (recipient_class IN (
          'national_prosecutor', 'icc_otp', 'special_tribunal', 'un_inquiry',
          'foreign_prosecutor', 'ngo')),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
