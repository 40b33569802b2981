/**
 * The custody log of an open vault. `record` appends an entry on the vault's own connection, so
 * called inside a transaction it commits or rolls back with the action it describes.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Sodium } from '../vault';
import { loadedSodium } from '../vault';
import { CUSTODY_FORMAT_VERSION, GENESIS_HASH, sha256Hex, signedBytes } from './entry';
import type { CustodyEntry, UnsignedEntry } from './entry';
import { deviceKeyFromSeed, wipeDeviceKey } from './device-key';
import type { DeviceKey } from './device-key';
import type { CustodyAction, CustodyDetails, CustodyRecorder, CustodySubject } from './types';
import { verifyEntries } from './verify';
import type { CustodyReport } from './verify';

export interface CustodyDeps {
  readonly db: () => Db;
  readonly vaultId: () => string;
  /** A copy of the 'signing' sub-key; wiped after the key pair is derived. */
  readonly signingSeed: () => Uint8Array;
  readonly now?: () => Date;
}

interface Row {
  seq: number;
  id: string;
  at: string;
  action: string;
  testimony_id: string | null;
  attachment_id: string | null;
  details: string;
  prev_hash: string;
  entry_hash: string;
  public_key: string;
  signature: string;
}

export class CustodyLog implements CustodyRecorder {
  private key: DeviceKey | null = null;

  constructor(private readonly deps: CustodyDeps) {}

  record(action: CustodyAction, subject: CustodySubject = {}, details: CustodyDetails = {}) {
    const sodium = loadedSodium();
    const db = this.deps.db();
    const key = this.deviceKey(sodium);
    const last = db
      .prepare('SELECT seq, entry_hash FROM custody_entry ORDER BY seq DESC LIMIT 1')
      .get() as { seq: number; entry_hash: string } | undefined;
    const entry: UnsignedEntry = {
      v: CUSTODY_FORMAT_VERSION,
      seq: (last?.seq ?? 0) + 1,
      id: randomUUID(),
      at: (this.deps.now?.() ?? new Date()).toISOString(),
      vault: this.deps.vaultId(),
      action,
      testimony: subject.testimonyId ?? null,
      attachment: subject.attachmentId ?? null,
      details: { ...details },
      prev: last?.entry_hash ?? GENESIS_HASH,
      key: b64(sodium, key.publicKey),
    };
    const bytes = signedBytes(entry);
    db.prepare(
      `INSERT INTO custody_entry (seq, id, at, action, testimony_id, attachment_id, details,
         prev_hash, entry_hash, public_key, signature)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      entry.seq,
      entry.id,
      entry.at,
      entry.action,
      entry.testimony,
      entry.attachment,
      JSON.stringify(entry.details),
      entry.prev,
      sha256Hex(bytes),
      entry.key,
      b64(sodium, sodium.crypto_sign_detached(bytes, key.privateKey)),
    );
  }

  /** Entries in order; only those about one testimony when asked. */
  entries(filter: { testimonyId?: string } = {}): CustodyEntry[] {
    const db = this.deps.db();
    const rows = (
      filter.testimonyId
        ? db
            .prepare('SELECT * FROM custody_entry WHERE testimony_id = ? ORDER BY seq')
            .all(filter.testimonyId)
        : db.prepare('SELECT * FROM custody_entry ORDER BY seq').all()
    ) as Row[];
    // Every entry of this database belongs to this vault; the hash proves it.
    const vault = this.deps.vaultId();
    return rows.map((row) => toEntry(row, vault));
  }

  /** The device public key (base64) that signs this vault's entries. */
  publicKey(): string {
    const sodium = loadedSodium();
    return b64(sodium, this.deviceKey(sodium).publicKey);
  }

  verify(): CustodyReport {
    return verifyEntries(loadedSodium(), this.entries(), {
      publicKey: this.publicKey(),
      vaultId: this.deps.vaultId(),
    });
  }

  /** Drops the cached key pair; called when the vault locks. */
  forget(): void {
    if (this.key) wipeDeviceKey(loadedSodium(), this.key);
    this.key = null;
  }

  private deviceKey(sodium: Sodium): DeviceKey {
    if (!this.key) {
      const seed = this.deps.signingSeed();
      try {
        this.key = deviceKeyFromSeed(sodium, seed);
      } finally {
        sodium.memzero(seed);
      }
    }
    return this.key;
  }
}

function toEntry(row: Row, vault: string): CustodyEntry {
  let details: CustodyEntry['details'];
  try {
    details = JSON.parse(row.details) as CustodyEntry['details'];
  } catch {
    details = { malformed: true };
  }
  return {
    v: CUSTODY_FORMAT_VERSION,
    seq: row.seq,
    id: row.id,
    at: row.at,
    vault,
    action: row.action as CustodyAction,
    testimony: row.testimony_id,
    attachment: row.attachment_id,
    details,
    prev: row.prev_hash,
    key: row.public_key,
    hash: row.entry_hash,
    sig: row.signature,
  };
}

function b64(sodium: Sodium, bytes: Uint8Array): string {
  return sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
}
