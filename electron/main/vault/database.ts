/**
 * Opens vault.db: SQLCipher v4 format through SQLite3 Multiple Ciphers, keyed with a raw 32-byte
 * key (no second KDF: the key already comes from Argon2id through the master key).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';

export type Db = Database.Database;

export function openEncryptedDatabase(path: string, key: Uint8Array, create: boolean): Db {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
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
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    // Sorts and temp indexes stay in memory: SQLite's temp files would not be encrypted.
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (error) {
    db.close();
    throw new AppError('VAULT_CORRUPT', 'The vault database cannot be read with this key', {
      cause: error,
    });
  }
}
