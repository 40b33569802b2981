import type { Migration } from './types';

/**
 * FTS5 `secure-delete` off for both search indexes, and each index rebuilt from its own content.
 *
 * With secure-delete on, SQLite 3.53.4's FTS5 trigram index fails its own checksum after some
 * sequences of replacing one row (three successive narrative revisions suffice:
 * tests/fixtures/fts5-secure-delete-repro.json), and the unlock's quick_check then refused the
 * whole vault as damaged. What secure-delete protected is in the vault anyway: every earlier
 * revision is kept, encrypted, in the append-only revision tables. The rebuild repairs an index
 * that was already damaged.
 */
export const m0008SearchSecureDeleteOff: Migration = {
  version: 8,
  name: 'search-secure-delete-off',
  up(db) {
    for (const table of ['testimony_search', 'interview_search']) {
      db.exec(`
        INSERT INTO ${table} (${table}, rank) VALUES ('secure-delete', 0);
        INSERT INTO ${table} (${table}) VALUES ('rebuild');
      `);
    }
  },
};
