/**
 * An open vault: the folder, its authenticated header, and the encrypted database. Creating one
 * writes the database first and the header last, so a half-made vault never looks like a real one.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { toStorageError, writeFileAtomic } from '../files';
import { openEncryptedDatabase } from './database';
import type { Db } from './database';
import {
  decodeHeaderField,
  HEADER_FORMAT,
  HEADER_VERSION,
  headerMacInput,
  readHeader,
  serializeHeader,
} from './header';
import type { UnsignedHeader, VaultHeader } from './header';
import { KDF_DEFAULT } from './kdf';
import type { KdfCost } from './kdf';
import { createPassphraseSlot, openPassphraseSlot } from './keyslots';
import { migrate, schemaVersion } from './migrations';
import { loadSodium } from './sodium';
import type { Sodium } from './sodium';
import { deriveSubkey } from './subkeys';

export const MIN_PASSPHRASE_CHARS = 12;

export const vaultPaths = (dir: string) => ({
  header: join(dir, 'vault.json'),
  database: join(dir, 'vault.db'),
});

export interface CreateVaultOptions {
  /** Argon2id cost; tests use the floor to stay quick. */
  readonly kdf?: KdfCost;
}

export class Vault {
  private closed = false;

  private constructor(
    private readonly sodium: Sodium,
    readonly dir: string,
    readonly header: VaultHeader,
    readonly db: Db,
    private readonly master: Uint8Array,
  ) {}

  static async create(dir: string, passphrase: string, options: CreateVaultOptions = {}) {
    if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_CHARS) {
      throw new AppError('WEAK_PASSPHRASE', `Use at least ${MIN_PASSPHRASE_CHARS} characters`);
    }
    const paths = vaultPaths(dir);
    if (existsSync(paths.header) || existsSync(paths.database)) {
      throw new AppError('VAULT_EXISTS', 'A vault already exists in this folder');
    }
    const sodium = await loadSodium();
    const master = sodium.crypto_kdf_keygen();
    const vaultId = randomUUID();
    const slot = createPassphraseSlot(
      sodium,
      vaultId,
      master,
      passphrase,
      options.kdf ?? KDF_DEFAULT,
    );
    const unsigned: UnsignedHeader = {
      format: HEADER_FORMAT,
      version: HEADER_VERSION,
      vaultId,
      createdAt: new Date().toISOString(),
      slots: [slot],
    };
    const mac = sodium.to_base64(
      macHeader(sodium, master, unsigned),
      sodium.base64_variants.ORIGINAL,
    );
    const header: VaultHeader = { ...unsigned, mac };
    let db: Db | undefined;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      db = openWithMaster(sodium, paths.database, master, true);
      migrate(db);
      writeFileAtomic(paths.header, serializeHeader(header));
    } catch (error) {
      db?.close();
      sodium.memzero(master);
      // No database was here when we began (checked above): remove what this attempt made, so a
      // failed create (a full disk) leaves the folder 'absent', not a headerless half vault that
      // can be neither created (VAULT_EXISTS) nor unlocked (VAULT_MISSING).
      for (const suffix of ['', '-wal', '-shm', '-journal']) {
        try {
          rmSync(paths.database + suffix, { force: true });
        } catch {
          // The original error is the one to report.
        }
      }
      throw toStorageError(error);
    }
    return new Vault(sodium, dir, header, db, master);
  }

  static async open(dir: string, passphrase: string): Promise<Vault> {
    const paths = vaultPaths(dir);
    const header = readHeader(paths.header);
    const sodium = await loadSodium();
    const master = openFirstSlot(sodium, header, passphrase);
    try {
      const expected = decodeHeaderField(sodium, header.mac, sodium.crypto_auth_BYTES);
      if (!sodium.memcmp(expected, macHeader(sodium, master, header))) {
        throw new AppError('VAULT_CORRUPT', 'The vault header has been altered');
      }
      if (!existsSync(paths.database)) {
        throw new AppError('VAULT_CORRUPT', 'The vault database is missing');
      }
      const db = openWithMaster(sodium, paths.database, master, false);
      try {
        // Create migrates before it writes the header: a vault database at version 0 was
        // replaced or emptied, and migrating it would present an empty vault as the real one.
        if (schemaVersion(db) < 1) {
          throw new AppError('VAULT_CORRUPT', 'The vault database has no schema');
        }
        migrate(db);
      } catch (error) {
        db.close();
        throw error;
      }
      return new Vault(sodium, dir, header, db, master);
    } catch (error) {
      sodium.memzero(master);
      throw error;
    }
  }

  /**
   * A fresh copy of a purpose sub-key ('blobs' encrypts attachments, 'signing' seeds the Ed25519
   * device key). The caller wipes it with sodium.memzero when done.
   */
  subkey(purpose: 'blobs' | 'signing'): Uint8Array {
    if (this.closed) throw new AppError('VAULT_LOCKED', 'The vault is locked');
    return deriveSubkey(this.sodium, this.master, purpose);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Closes the database and wipes the key material this object holds. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.close();
    } finally {
      this.sodium.memzero(this.master);
    }
  }
}

function macHeader(sodium: Sodium, master: Uint8Array, header: UnsignedHeader): Uint8Array {
  const key = deriveSubkey(sodium, master, 'headerMac');
  try {
    return sodium.crypto_auth(headerMacInput(header), key);
  } finally {
    sodium.memzero(key);
  }
}

function openFirstSlot(sodium: Sodium, header: VaultHeader, passphrase: string): Uint8Array {
  let lastError: unknown;
  for (const slot of header.slots) {
    try {
      return openPassphraseSlot(sodium, header.vaultId, slot, passphrase);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function openWithMaster(sodium: Sodium, path: string, master: Uint8Array, create: boolean): Db {
  const key = deriveSubkey(sodium, master, 'database');
  try {
    return openEncryptedDatabase(path, key, create);
  } finally {
    sodium.memzero(key);
  }
}
