/**
 * Opens vault.db: SQLCipher v4 format through SQLite3 Multiple Ciphers, keyed with a raw 32-byte
 * key (no second KDF: the key already comes from Argon2id through the master key).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { statSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { toStorageError } from '../files';

export type Db = Database.Database;

/** What opening did beyond opening, for the caller to log. */
export interface OpenReport {
  /** Search indexes found inconsistent and rebuilt from their own content. */
  searchRebuilt?: string[];
}

export function openEncryptedDatabase(
  path: string,
  key: Uint8Array,
  create: boolean,
  report: OpenReport = {},
): Db {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  // SQLite treats an empty file as a new, empty database and would write a fresh one over it:
  // an existing vault database that is empty has been destroyed, and stays as it is for recovery.
  if (!create && fileSize(path) === 0) {
    throw new AppError('VAULT_CORRUPT', 'The vault database is missing or empty');
  }
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: !create });
  } catch (error) {
    throw new AppError('VAULT_CORRUPT', 'The vault database is missing or unreadable', {
      cause: error,
    });
  }
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    // A JS string cannot be wiped; it lives only as long as this call needs it.
    db.pragma(`key="x'${Buffer.from(key).toString('hex')}'"`);
    // The first read proves the key; a wrong key or a damaged file fails here, not later.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // Every page is authenticated by SQLCipher's HMAC, but only checked when read: read them all
    // now (before anything is written) so a damaged or altered page fails the unlock, not a save.
    const rebuild = create ? [] : checkPages(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // SQLite would checkpoint inside whichever commit crosses 1000 WAL pages (about one autosave
    // in 25); the vault checkpoints when idle instead (checkpoints.ts), and on close.
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('journal_size_limit = 16777216');
    db.pragma('foreign_keys = ON');
    // INSERT OR REPLACE deletes the row it replaces without firing DELETE triggers unless
    // triggers are recursive, which would let it overwrite an append-only revision.
    db.pragma('recursive_triggers = ON');
    db.pragma('secure_delete = ON');
    // Sorts and temp indexes stay in memory: SQLite's temp files would not be encrypted.
    db.pragma('temp_store = MEMORY');
    if (rebuild.length > 0) rebuildSearch(db, rebuild, report);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    const storage = toStorageError(error);
    if (storage !== error) throw storage;
    throw new AppError('VAULT_CORRUPT', 'The vault database cannot be read with this key', {
      cause: error,
    });
  }
}

/** The search indexes, derived from rows the vault keeps anyway: the only thing ever rebuilt. */
const SEARCH_INDEXES = new Set(['testimony_search', 'interview_search']);
/** How FTS5 names an inconsistent index in a quick_check row. */
const SEARCH_FINDING = [
  /^fts5: checksum mismatch for table "(\w+)"$/u,
  /^malformed inverted index for FTS5 table main\.(\w+)$/u,
];

/**
 * quick_check over every page (and, since SQLite 3.44, each FTS5 index's own check). Returns the
 * search indexes to rebuild when they are all that is wrong; anything else is damage.
 */
function checkPages(db: Db): string[] {
  const rows = (db.pragma('quick_check(20)') as Array<{ quick_check: string }>).map(
    (row) => row.quick_check,
  );
  if (rows[0] === 'ok') return [];
  const tables = rows.map((row) => SEARCH_FINDING.map((re) => re.exec(row)?.[1]).find(Boolean));
  if (tables.every((t): t is string => t !== undefined && SEARCH_INDEXES.has(t))) {
    return [...new Set(tables)];
  }
  throw damaged(rows.find((row) => !SEARCH_FINDING.some((re) => re.test(row))) ?? rows[0]);
}

/** SQLite's finding names pages and indexes, never row contents: it goes into the log. */
function damaged(finding: unknown): AppError {
  return new AppError('VAULT_CORRUPT', 'The vault database is damaged', {
    cause: { code: 'QUICK_CHECK', finding: String(finding) },
  });
}

/**
 * A search index that fails its own checksum is rebuilt from the content it indexes (FTS5
 * 'rebuild'), then everything is checked again: the interviewer keeps the vault, and search.
 */
function rebuildSearch(db: Db, tables: readonly string[], report: OpenReport): void {
  db.transaction(() => {
    for (const table of tables) db.exec(`INSERT INTO ${table} (${table}) VALUES ('rebuild')`);
  })();
  const again = db.pragma('quick_check(1)', { simple: true });
  if (again !== 'ok') throw damaged(again);
  report.searchRebuilt = [...tables];
}

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}
