/**
 * What migration tests share: plain in-memory databases of the vault's driver (encryption plays
 * no part in a schema change), closed after each test, and the SQLite error code a statement
 * fails with.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach } from 'vitest';
import type { Db } from '../../electron/main/vault';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A new in-memory database with foreign keys on, as the vault opens its own. */
export function memoryDb(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  open.push(db);
  return db;
}

/** The SQLite error code `run` fails with, or 'no error'. */
export function sqliteCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'no error';
}
