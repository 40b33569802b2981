/**
 * Opens vault.db: SQLCipher v4 format through SQLite3 Multiple Ciphers, keyed with a raw 32-byte
 * key (no second KDF: the key already comes from Argon2id through the master key).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { statSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { toStorageError } from '../files';

export type Db = Database.Database;

export function openEncryptedDatabase(path: string, key: Uint8Array, create: boolean): Db {
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
    if (!create) {
      const check = db.pragma('quick_check(1)', { simple: true });
      if (check !== 'ok') {
        // SQLite's finding names pages and indexes, never row contents: it goes into the log.
        throw new AppError('VAULT_CORRUPT', 'The vault database is damaged', {
          cause: { code: 'QUICK_CHECK', finding: String(check) },
        });
      }
    }
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

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}
