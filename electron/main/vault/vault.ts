/**
 * An open vault: the folder, its authenticated header, and the encrypted database. Creating one
 * writes the database first and the header last, so a half-made vault never looks like a real one.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { MIN_PASSPHRASE_CHARS } from '../../../shared/vault-rules';
import { toStorageError, writeFileAtomic } from '../files';
import { openEncryptedDatabase } from './database';
import type { Db, OpenReport } from './database';
import { removeDestroyedRemains } from './destroy';
import {
  decodeHeaderField,
  HEADER_FORMAT,
  HEADER_VERSION,
  headerStatus,
  readHeader,
  serializeHeader,
} from './header';
import type { KeySlot, VaultHeader } from './header';
import { macHeader, signHeader } from './header-mac';
import { assertKdfCost } from './kdf';
import type { KdfCost } from './kdf';
import { tuneKdf } from './kdf-tuning';
import {
  createPassphraseSlot,
  createRecoverySlot,
  openPassphraseSlot,
  openPassphraseSlots,
  openRecoverySlot,
} from './keyslots';
import { migrate, schemaVersion } from './migrations';
import { formatRecoveryKey, parseRecoveryKey, RECOVERY_KEY_BYTES } from './recovery-key';
import { loadSodium } from './sodium';
import type { Sodium } from './sodium';
import { deriveSubkey } from './subkeys';

/** The passphrase rule, shared with the UI so both count the same way. */
export { MIN_PASSPHRASE_CHARS };

export const vaultPaths = (dir: string) => ({
  header: join(dir, 'vault.json'),
  database: join(dir, 'vault.db'),
});

export interface CreateVaultOptions {
  /** Argon2id cost; tests use the floor to stay quick. Absent: tuned to about a second. */
  readonly kdf?: KdfCost;
  /**
   * Make a new vault in a folder that holds a destroyed one, removing its remains. Without it,
   * such a folder is refused with VAULT_DESTROYED: a new, empty vault must never quietly take
   * the place of one the user may not know was destroyed.
   */
  readonly replaceDestroyed?: boolean;
}

/** Writes vault.json; writeFileAtomic unless a test injects a failing one. */
export type HeaderWriter = (path: string, data: string) => void;

export interface ChangePassphraseOptions {
  /** Argon2id cost of the new slot; absent: tuned now, as at create. */
  readonly kdf?: KdfCost;
  readonly writeHeader?: HeaderWriter;
}

/** The rule for a new passphrase, at create and at change: characters counted after NFC. */
export function assertPassphraseStrength(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_CHARS) {
    throw new AppError('WEAK_PASSPHRASE', `Use at least ${MIN_PASSPHRASE_CHARS} characters`);
  }
}

type Unwrap = (sodium: Sodium, header: VaultHeader) => Uint8Array;

export class Vault {
  /** Search indexes found inconsistent at this unlock and rebuilt (none, usually). */
  searchRebuilt: readonly string[] = [];
  private closed = false;
  private current: VaultHeader;
  private recoveryKey: string | undefined;

  private constructor(
    private readonly sodium: Sodium,
    readonly dir: string,
    header: VaultHeader,
    readonly db: Db,
    private readonly master: Uint8Array,
    recoveryKey?: string,
  ) {
    this.current = header;
    this.recoveryKey = recoveryKey;
  }

  /** The authenticated header as it is on disk now (a passphrase change replaces it). */
  get header(): VaultHeader {
    return this.current;
  }

  /**
   * Creates the vault with a passphrase slot and a recovery slot. The recovery key exists only in
   * memory: `takeRecoveryKey()` hands its printed form out once, and nothing stores it.
   */
  static async create(dir: string, passphrase: string, options: CreateVaultOptions = {}) {
    assertPassphraseStrength(passphrase);
    const paths = vaultPaths(dir);
    const destroyed = headerStatus(paths.header) === 'destroyed';
    if (destroyed && !options.replaceDestroyed) {
      throw new AppError('VAULT_DESTROYED', 'This folder holds a destroyed vault');
    }
    if (!destroyed && (existsSync(paths.header) || existsSync(paths.database))) {
      throw new AppError('VAULT_EXISTS', 'A vault already exists in this folder');
    }
    if (options.kdf) assertKdfCost(options.kdf);
    const cost = options.kdf ?? (await tuneKdf());
    const sodium = await loadSodium();
    const master = sodium.crypto_kdf_keygen();
    const vaultId = randomUUID();
    let header: VaultHeader;
    let recoveryText: string;
    const recovery = sodium.randombytes_buf(RECOVERY_KEY_BYTES);
    try {
      const slots: KeySlot[] = [
        createPassphraseSlot(sodium, vaultId, master, passphrase, cost),
        createRecoverySlot(sodium, vaultId, master, recovery),
      ];
      recoveryText = formatRecoveryKey(recovery);
      header = signHeader(sodium, master, {
        format: HEADER_FORMAT,
        version: HEADER_VERSION,
        vaultId,
        createdAt: new Date().toISOString(),
        slots,
      });
    } catch (error) {
      sodium.memzero(master);
      throw error;
    } finally {
      sodium.memzero(recovery);
    }
    let db: Db | undefined;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (destroyed) removeDestroyedRemains(dir, paths.database);
      db = openWithMaster(sodium, paths.database, master, true);
      migrate(db);
      writeFileAtomic(paths.header, serializeHeader(header));
    } catch (error) {
      db?.close();
      sodium.memzero(master);
      // No database was here when we began (checked above, or removed as a destroyed vault's):
      // remove what this attempt made, so a failed create (a full disk) leaves the folder as it
      // was, not a headerless half vault that can be neither created (VAULT_EXISTS) nor unlocked
      // (VAULT_MISSING).
      for (const suffix of ['', '-wal', '-shm', '-journal']) {
        try {
          rmSync(paths.database + suffix, { force: true });
        } catch {
          // The original error is the one to report.
        }
      }
      throw toStorageError(error);
    }
    return new Vault(sodium, dir, header, db, master, recoveryText);
  }

  static async open(dir: string, passphrase: string): Promise<Vault> {
    return Vault.openWith(dir, (sodium, header) => openPassphraseSlots(sodium, header, passphrase));
  }

  /** Opens with the printed recovery key (typos are RECOVERY_KEY_INVALID, checked first). */
  static async openWithRecoveryKey(dir: string, recoveryKey: string): Promise<Vault> {
    return Vault.openWith(dir, (sodium, header) => {
      const key = parseRecoveryKey(recoveryKey);
      try {
        const slot = header.slots.find((s) => s.kind === 'recovery');
        if (!slot) {
          throw new AppError('WRONG_RECOVERY_KEY', 'This vault has no recovery key slot');
        }
        return openRecoverySlot(sodium, header.vaultId, slot, key);
      } finally {
        sodium.memzero(key);
      }
    });
  }

  private static async openWith(dir: string, unwrap: Unwrap): Promise<Vault> {
    const paths = vaultPaths(dir);
    const header = readHeader(paths.header);
    const sodium = await loadSodium();
    const master = unwrap(sodium, header);
    try {
      const expected = decodeHeaderField(sodium, header.mac, sodium.crypto_auth_BYTES);
      if (!sodium.memcmp(expected, macHeader(sodium, master, header))) {
        throw new AppError('VAULT_CORRUPT', 'The vault header has been altered');
      }
      if (!existsSync(paths.database)) {
        throw new AppError('VAULT_CORRUPT', 'The vault database is missing');
      }
      const report: OpenReport = {};
      const db = openWithMaster(sodium, paths.database, master, false, report);
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
      const vault = new Vault(sodium, dir, header, db, master);
      vault.searchRebuilt = report.searchRebuilt ?? [];
      return vault;
    } catch (error) {
      sodium.memzero(master);
      throw error;
    }
  }

  /**
   * The printed recovery key of a vault this object just created, once; undefined afterwards and
   * for a vault that was opened. (A JS string cannot be wiped: the caller shows it and drops it.)
   */
  takeRecoveryKey(): string | undefined {
    const key = this.recoveryKey;
    this.recoveryKey = undefined;
    return key;
  }

  /**
   * Replaces the passphrase slot that `current` opens with a new one for `next` (new salt, cost
   * and wrapped key) and re-signs the header; the data is not re-encrypted. `current` may also be
   * the recovery key, so a user who unlocked with it can set a passphrase they know again. The
   * header is written atomically: a crash leaves the old file or the new one, never a mix.
   */
  async changePassphrase(
    current: string,
    next: string,
    options: ChangePassphraseOptions = {},
  ): Promise<void> {
    this.assertOpen();
    assertPassphraseStrength(next);
    if (options.kdf) assertKdfCost(options.kdf);
    const target = this.slotToReplace(current);
    const cost = options.kdf ?? (await tuneKdf());
    this.assertOpen(); // locked while the KDF was being tuned
    const header = this.current;
    const slot = createPassphraseSlot(this.sodium, header.vaultId, this.master, next, cost);
    const changed = signHeader(this.sodium, this.master, {
      format: header.format,
      version: header.version,
      vaultId: header.vaultId,
      createdAt: header.createdAt,
      slots: header.slots.map((s) => (s.id === target ? slot : s)),
    });
    const text = serializeHeader(changed);
    const path = vaultPaths(this.dir).header;
    try {
      (options.writeHeader ?? writeFileAtomic)(path, text);
    } catch (error) {
      // writeFileAtomic fails after the rename only when the folder cannot be flushed: the new
      // header is then the one in place, and reporting a failure would have the user keep a
      // passphrase that no longer opens the vault.
      if (fileEquals(path, text)) {
        this.current = changed;
        return;
      }
      throw toStorageError(error);
    }
    this.current = changed;
  }

  /**
   * The raw SQLCipher key of vault.db as 64 hex digits, for an auditor's stock SQLCipher 4
   * (`PRAGMA key = "x'…'"`). As sensitive as the passphrase: with a copy of vault.db it reads
   * every testimony, and it never changes (a new passphrase does not change it).
   */
  auditKeyHex(): string {
    this.assertOpen();
    const key = deriveSubkey(this.sodium, this.master, 'database');
    try {
      return this.sodium.to_hex(key);
    } finally {
      this.sodium.memzero(key);
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
    this.recoveryKey = undefined;
    try {
      this.db.close();
    } finally {
      this.sodium.memzero(this.master);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('VAULT_LOCKED', 'The vault is locked');
  }

  /** The id of the passphrase slot a change replaces, once `secret` proves it may. */
  private slotToReplace(secret: string): string {
    const { sodium } = this;
    const header = this.current;
    const passphraseSlots = header.slots.filter((s) => s.kind === 'passphrase');
    const recoverySlot = header.slots.find((s) => s.kind === 'recovery');
    const proves = (master: Uint8Array): boolean => {
      const same = sodium.memcmp(master, this.master);
      sodium.memzero(master);
      return same;
    };
    let recoveryKey: Uint8Array | undefined;
    try {
      recoveryKey = parseRecoveryKey(secret);
    } catch {
      recoveryKey = undefined; // not a recovery key: a passphrase
    }
    if (recoveryKey) {
      try {
        const first = passphraseSlots[0];
        if (first && recoverySlot) {
          const master = openRecoverySlot(sodium, header.vaultId, recoverySlot, recoveryKey);
          if (proves(master)) return first.id;
        }
      } catch {
        // A passphrase that happens to parse as a recovery key: try it as a passphrase below.
      } finally {
        sodium.memzero(recoveryKey);
      }
    }
    for (const slot of passphraseSlots) {
      try {
        if (proves(openPassphraseSlot(sodium, header.vaultId, slot, secret))) return slot.id;
      } catch {
        // the next slot, if any
      }
    }
    throw new AppError('WRONG_PASSPHRASE', 'The current passphrase does not open this vault');
  }
}

function fileEquals(path: string, text: string): boolean {
  try {
    return readFileSync(path, 'utf8') === text;
  } catch {
    return false;
  }
}

function openWithMaster(
  sodium: Sodium,
  path: string,
  master: Uint8Array,
  create: boolean,
  report?: OpenReport,
): Db {
  const key = deriveSubkey(sodium, master, 'database');
  try {
    return openEncryptedDatabase(path, key, create, report);
  } finally {
    sodium.memzero(key);
  }
}
