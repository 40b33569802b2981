/**
 * Search over 10,000 testimonies: FTS5 with the trigram tokenizer, which matches any substring of
 * three characters or more — 'підвал' finds 'підвалі' and 'підвалом' without a Ukrainian stemmer.
 * The app's own TestimonyStore.search (its query, snippet and ranking) runs over the vault's
 * SQLCipher database and over a plain SQLite peer with the same settings and migrations,
 * taking turns. Also timed: replacing one 20 KB text in the index, the share of a save that
 * keeps search current.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '../../electron/main/api';
import { silentLogger } from '../../electron/main/log';
import type { InterviewStore } from '../../electron/main/interviews';
import type { TestimonyStore } from '../../electron/main/testimonies';
import { KDF_FLOOR, loadSodium } from '../../electron/main/vault';
import type { Db } from '../../electron/main/vault';
import { PASSPHRASE } from '../helpers/kdf';
import { consentAnswers } from '../helpers/consent';
import { createRng, randomInt } from '../helpers/prng';
import type { Rng } from '../helpers/prng';
import { prose } from '../helpers/ukrainian-text';
import { openPlainStore } from './plain-db';
import { summarize } from './stats';
import type { Summary } from './stats';

/** A surname put into a few texts: the rare, exact lookup. */
const RARE_NAME = 'Шевчук';

/** What a user types into the search box (the store quotes it as one phrase). */
export const FTS_QUERIES: readonly string[] = [
  'підвал',
  'катув',
  'допит',
  'фільтрац',
  'били прикладом',
  RARE_NAME,
];

export interface FtsQueryResult {
  readonly query: string;
  readonly matches: number;
  readonly cipher: Summary;
  readonly plain: Summary;
}

export interface FtsResult {
  /** The index as the vault's migrations create it (read back from sqlite_master). */
  readonly ddl: string;
  readonly documents: number;
  readonly averageChars: number;
  readonly loadSeconds: { readonly cipher: number; readonly plain: number };
  readonly fileBytes: { readonly cipher: number; readonly plain: number };
  readonly queries: FtsQueryResult[];
  /** Replacing one testimony's 20 KB text in the index (delete and insert, one transaction). */
  readonly reindex: { readonly cipher: Summary; readonly plain: Summary };
}

interface Side {
  readonly db: Db;
  readonly store: TestimonyStore;
  readonly interviews: InterviewStore;
  readonly file: string;
}

/** Testimonies through the store, 500 to a transaction, as an import would add them. */
function load(side: Side, texts: readonly string[]): number {
  const start = performance.now();
  for (let i = 0; i < texts.length; i += 500) {
    side.db.transaction(() => {
      texts.slice(i, i + 500).forEach((text, j) => {
        const { id } = side.store.create(`UA-${i + j + 1}`);
        side.interviews.saveSection(id, 'B', consentAnswers(), 0);
        side.store.saveNarrative(id, text, 0);
      });
    })();
  }
  side.db.pragma('wal_checkpoint(TRUNCATE)');
  return (performance.now() - start) / 1000;
}

function reindexCost(sides: { cipher: Side; plain: Side }, rng: Rng, count: number) {
  const samples = { cipher: [] as number[], plain: [] as number[] };
  const statements = ({ db }: Side) => ({
    remove: db.prepare('DELETE FROM testimony_search WHERE rowid = ?'),
    insert: db.prepare('INSERT INTO testimony_search (rowid, narrative) VALUES (?, ?)'),
  });
  const prepared = { cipher: statements(sides.cipher), plain: statements(sides.plain) };
  for (let i = -2; i < count; i++) {
    const rowid = randomInt(rng, 1, 1000);
    const text = prose(rng, 11_000); // about 20 KB in UTF-8
    for (const side of ['cipher', 'plain'] as const) {
      const { remove, insert } = prepared[side];
      const start = performance.now();
      sides[side].db.transaction(() => {
        remove.run(rowid);
        insert.run(rowid, text);
      })();
      if (i >= 0) samples[side].push(performance.now() - start);
    }
  }
  return { cipher: summarize(samples.cipher), plain: summarize(samples.plain) };
}

export async function benchFts(
  workDir: string,
  options: { documents: number; repeats: number; reindexes: number; seed: number },
): Promise<FtsResult> {
  await loadSodium();
  const rng = createRng(options.seed);
  const texts = Array.from({ length: options.documents }, () => {
    const text = prose(rng, randomInt(rng, 500, 5000));
    return rng() < 0.005 ? `${text} Позивний ${RARE_NAME}.` : text;
  });
  const vaultDir = join(workDir, 'vault');
  const api = createApi({ vaultDir, log: silentLogger, vault: { kdf: KDF_FLOOR } });
  let plainDb: Db | undefined;
  try {
    const created = await api.dispatch('vault:create', { passphrase: PASSPHRASE });
    if (!created.ok) throw new Error(`vault:create: ${created.error.code}`);
    const cipherDb = api.vault.database();
    const cipher: Side = {
      db: cipherDb,
      store: api.services.testimonies,
      interviews: api.services.interviews,
      file: join(vaultDir, 'vault.db'),
    };
    const plainFile = join(workDir, 'plain.db');
    const opened = openPlainStore(plainFile, cipherDb);
    plainDb = opened.db;
    const plain: Side = { ...opened, file: plainFile };
    const loadSeconds = { cipher: load(cipher, texts), plain: load(plain, texts) };

    const queries = FTS_QUERIES.map((query) => {
      const samples = { cipher: [] as number[], plain: [] as number[] };
      for (let i = -2; i < options.repeats; i++) {
        // Alternate which goes first, so neither always finds the caches warmed by the other.
        const order = i % 2 === 0 ? ([cipher, plain] as const) : ([plain, cipher] as const);
        for (const side of order) {
          const start = performance.now();
          side.store.search(query);
          const elapsed = performance.now() - start;
          if (i >= 0) samples[side === cipher ? 'cipher' : 'plain'].push(elapsed);
        }
      }
      const count = cipherDb
        .prepare('SELECT count(*) AS n FROM testimony_search WHERE testimony_search MATCH ?')
        .get(`"${query}"`) as { n: number };
      return {
        query,
        matches: count.n,
        cipher: summarize(samples.cipher),
        plain: summarize(samples.plain),
      };
    });
    const ddl = cipherDb
      .prepare(`SELECT sql FROM sqlite_master WHERE name = 'testimony_search'`)
      .get() as { sql: string } | undefined;
    return {
      ddl: ddl?.sql ?? '(no testimony_search table)',
      documents: texts.length,
      averageChars: Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length),
      loadSeconds,
      fileBytes: { cipher: statSync(cipher.file).size, plain: statSync(plain.file).size },
      queries,
      reindex: reindexCost({ cipher, plain }, rng, options.reindexes),
    };
  } finally {
    api.shutdown();
    plainDb?.close();
  }
}
