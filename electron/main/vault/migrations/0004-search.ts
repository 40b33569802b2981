import type { Migration } from './types';

/**
 * Full-text search over the current narrative of each testimony. The trigram tokenizer matches
 * any 3+ character substring, which copes with Ukrainian inflection (підвал, підвалі, підвалом)
 * without a stemmer. The index lives in the encrypted database like everything else.
 */
export const m0004Search: Migration = {
  version: 4,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE testimony_search USING fts5(narrative, tokenize = 'trigram');
      -- Replaced text leaves the index at once, not at some later merge (as secure_delete does
      -- for ordinary tables): words edited or redacted out must not stay findable.
      INSERT INTO testimony_search (testimony_search, rank) VALUES ('secure-delete', 1);

      INSERT INTO testimony_search (rowid, narrative)
        SELECT t.rowid, r.narrative
          FROM testimony t
          JOIN testimony_revision r ON r.testimony_id = t.id
         WHERE r.seq = (SELECT MAX(seq) FROM testimony_revision WHERE testimony_id = t.id);
    `);
  },
};
