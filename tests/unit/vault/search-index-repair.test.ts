/**
 * The search indexes and SQLite's FTS5 `secure-delete` (found by the crash test, seed 605974096):
 * with it on, three successive revisions of one narrative leave the trigram index failing its own
 * checksum, and the unlock's quick_check refused the whole vault as damaged. Migration 0008 turns
 * it off and rebuilds both indexes; an unlock that finds nothing wrong but a search index rebuilds
 * it from its own content, keeps every row, and says so in the log (which index, never what).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../electron/main/vault';
import type { Db } from '../../../electron/main/vault';
import { m0008SearchSecureDeleteOff } from '../../../electron/main/vault/migrations/0008-search-secure-delete-off';
import { ok, startApi } from '../../helpers/api';
import { recordConsent } from '../../helpers/consent';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const { texts } = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/fts5-secure-delete-repro.json'), 'utf8'),
) as { texts: string[] };
const dirs = createTempDirs('svidok-fts-');
afterAll(() => dirs.cleanup());

/** What the testimony store does on every save: the row of the search index replaced. */
function replay(db: Db, table: string, rowid: number): void {
  for (const text of texts) {
    db.transaction(() => {
      db.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(rowid);
      db.prepare(`INSERT INTO ${table} (rowid, narrative) VALUES (?, ?)`).run(rowid, text);
    })();
  }
}

const quickCheck = (db: Db) =>
  (db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check);

describe('FTS5 secure-delete and the search index', () => {
  it('the fixture breaks a trigram index with secure-delete on, and not with it off', () => {
    for (const secure of [1, 0]) {
      const db = new Database(':memory:');
      db.exec(`CREATE VIRTUAL TABLE s USING fts5(narrative, tokenize = 'trigram');
               INSERT INTO s (s, rank) VALUES ('secure-delete', ${secure});`);
      replay(db, 's', 1);
      expect(quickCheck(db)).toEqual(secure ? ['fts5: checksum mismatch for table "s"'] : ['ok']);
      db.close();
    }
  });

  it('migration 0008 rebuilds an index damaged at version 7 and keeps secure-delete off', () => {
    expect(MIGRATIONS[7]).toBe(m0008SearchSecureDeleteOff);
    const db = new Database(':memory:');
    try {
      migrate(db, MIGRATIONS, 7);
      db.prepare(
        "INSERT INTO testimony (id, record_code, created_at) VALUES ('t1', 'UA-1', 'x')",
      ).run();
      const rowid = (
        db.prepare("SELECT rowid FROM testimony WHERE id = 't1'").get() as { rowid: number }
      ).rowid;
      replay(db, 'testimony_search', rowid);
      expect(quickCheck(db)).toEqual(['fts5: checksum mismatch for table "testimony_search"']);
      migrate(db, MIGRATIONS, 8);
      expect(quickCheck(db)).toEqual(['ok']);
      replay(db, 'testimony_search', rowid);
      expect(quickCheck(db)).toEqual(['ok']);
      // The rebuilt index still finds the latest text by any three letters of it.
      const word = texts
        .at(-1)!
        .split(' ')
        .find((w) => w.length > 6)!;
      const hit = db
        .prepare('SELECT rowid FROM testimony_search WHERE narrative LIKE ?')
        .all(`%${word}%`) as Array<{ rowid: number }>;
      expect(hit).toEqual([{ rowid }]);
    } finally {
      db.close();
    }
  });

  it('an unlock rebuilds a search index that fails its checksum, keeps every row, and logs which', async () => {
    const dir = join(dirs.make('vault'), 'vault');
    const t = startApi(dir);
    ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
    const { id } = ok(await t.call('testimony:create', { recordCode: 'FTS-1' }));
    await recordConsent(t.api, id);
    // A vault damaged before migration 0008: secure-delete back on, the fixture saved through
    // the store, as an interviewer's autosaves would.
    const db = t.api.vault.database();
    db.exec("INSERT INTO testimony_search (testimony_search, rank) VALUES ('secure-delete', 1)");
    let revision = 0;
    for (const narrative of texts) {
      revision = ok(
        await t.call('testimony:saveNarrative', { id, narrative, baseRevision: revision }),
      ).revision;
    }
    expect(quickCheck(db)).toEqual(['fts5: checksum mismatch for table "testimony_search"']);
    ok(await t.call('vault:lock', {}));

    ok(await t.call('vault:unlock', { passphrase: PASSPHRASE }));
    const reopened = t.api.vault.database();
    expect(quickCheck(reopened)).toEqual(['ok']);
    expect(ok(await t.call('testimony:get', { id })).narrative).toBe(texts.at(-1));
    expect(ok(await t.call('testimony:history', { id })).items).toHaveLength(texts.length);
    const word = texts
      .at(-1)!
      .split(' ')
      .find((w) => w.length > 6)!;
    const found = ok(await t.call('testimony:search', { query: word })).items;
    expect(found.map((hit) => hit.id)).toContain(id);
    const rebuilt = t.logLines.filter((line) => line.includes('vault.search_index_rebuilt'));
    expect(rebuilt).toHaveLength(1);
    expect(rebuilt[0]).toContain('testimony_search');
    expect(t.logLines.join('\n')).not.toContain(word);
    t.api.shutdown();
  });

  it('anything else wrong is still refused whole: a finding that is not a search index', async () => {
    // The allow-list is by table name: an index the vault does not own is damage, not search.
    const dir = join(dirs.make('other'), 'vault');
    const t = startApi(dir);
    ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
    const db = t.api.vault.database();
    db.exec(`CREATE VIRTUAL TABLE stray USING fts5(narrative, tokenize = 'trigram');
             INSERT INTO stray (stray, rank) VALUES ('secure-delete', 1);`);
    replay(db, 'stray', 1);
    expect(quickCheck(db)).toEqual(['fts5: checksum mismatch for table "stray"']);
    ok(await t.call('vault:lock', {}));
    const refused = await t.call('vault:unlock', { passphrase: PASSPHRASE });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('VAULT_CORRUPT');
    t.api.shutdown();
  });
});
