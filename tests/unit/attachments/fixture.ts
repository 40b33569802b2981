/**
 * An AttachmentStore over a real vault (SQLCipher database, real libsodium, blobs/ on disk), with
 * a custody recorder that remembers what it was asked to record — and whether a transaction was
 * open at the time — and can be told to fail. Shared by the unit and integration suites.
 */
import { createCipheriv, createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AttachmentStore } from '../../../electron/main/attachments';
import { ConsentGate } from '../../../electron/main/interviews';
import type { AttachmentStoreDeps } from '../../../electron/main/attachments';
import type {
  CustodyAction,
  CustodyDetails,
  CustodyRecorder,
  CustodySubject,
} from '../../../electron/main/custody/types';
import { Vault } from '../../../electron/main/vault';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../../electron/main/vault';
import { consentAnswers } from '../../helpers/consent';
import { FAST_KDF, PASSPHRASE } from '../../helpers/kdf';
import type { TempDirs } from '../../helpers/temp';

export interface RecordedEntry {
  readonly action: CustodyAction;
  readonly subject: CustodySubject | undefined;
  readonly details: CustodyDetails | undefined;
  /** Whether the vault database had a transaction open when the entry was recorded. */
  readonly inTransaction: boolean;
}

export class RecordingCustody implements CustodyRecorder {
  readonly entries: RecordedEntry[] = [];
  /** When set, the next record() throws it. */
  failWith: Error | undefined;
  /** When set, the next record() calls it first (to make something happen at that moment). */
  beforeNext: (() => void) | undefined;

  constructor(private readonly db: () => Db) {}

  record(action: CustodyAction, subject?: CustodySubject, details?: CustodyDetails): void {
    const hook = this.beforeNext;
    this.beforeNext = undefined;
    hook?.();
    const error = this.failWith;
    this.failWith = undefined;
    if (error) throw error;
    this.entries.push({ action, subject, details, inTransaction: this.db().inTransaction });
  }
}

export interface StoreFixture {
  readonly vault: Vault;
  readonly dir: string;
  readonly blobsDir: string;
  readonly store: AttachmentStore;
  /** The dependencies the store was made with, to make another store over the same vault. */
  readonly deps: AttachmentStoreDeps;
  readonly custody: RecordingCustody;
  /** Every blobs key handed out, to check the store wiped each one. */
  readonly keysHandedOut: Uint8Array[];
  /** Inserts a testimony row with consent on record (section B) and returns its id. */
  testimony(): string;
  /** Inserts a testimony row with nothing in section B: the gate refuses attachments. */
  testimonyWithoutConsent(): string;
  rowCount(): number;
  /** Every file under blobs/ (none when the folder was never made). */
  blobFiles(): string[];
  close(): void;
}

export async function openStoreFixture(
  dirs: TempDirs,
  overrides: Partial<AttachmentStoreDeps> = {},
): Promise<StoreFixture> {
  const dir = dirs.make('attachments');
  const vault = await Vault.create(dir, PASSPHRASE, { kdf: FAST_KDF });
  const blobsDir = join(dir, 'blobs');
  // As VaultService.database(): VAULT_LOCKED once the vault is closed.
  const db = (): Db => {
    if (!vault.isOpen) throw new AppError('VAULT_LOCKED', 'The vault is locked');
    return vault.db;
  };
  const custody = new RecordingCustody(db);
  const keysHandedOut: Uint8Array[] = [];
  const deps: AttachmentStoreDeps = {
    db,
    blobsDir: () => blobsDir,
    blobsKey: () => {
      const key = vault.subkey('blobs');
      keysHandedOut.push(key);
      return key;
    },
    custody,
    // The real gate: it reads section B from the vault (rows inserted by testimony() below).
    consent: new ConsentGate(db),
    ...overrides,
  };
  const insertTestimony = (): string => {
    const id = randomUUID();
    vault.db
      .prepare('INSERT INTO testimony (id, record_code, created_at) VALUES (?, ?, ?)')
      .run(id, `UA-${id.slice(0, 8)}`, new Date().toISOString());
    return id;
  };
  return {
    vault,
    dir,
    blobsDir,
    deps,
    store: new AttachmentStore(deps),
    custody,
    keysHandedOut,
    testimony() {
      const id = insertTestimony();
      // Section B as the interview store writes it (its hashes play no part here).
      vault.db
        .prepare(
          `INSERT INTO section_revision (id, testimony_id, section_id, seq, answers,
             content_hash, prev_hash, revision_hash, author, created_at)
           VALUES (?, ?, 'B', 1, ?, 'fixture', NULL, 'fixture', 'fixture', ?)`,
        )
        .run(randomUUID(), id, JSON.stringify(consentAnswers()), new Date().toISOString());
      return id;
    },
    testimonyWithoutConsent: insertTestimony,
    rowCount: () =>
      (vault.db.prepare('SELECT count(*) AS n FROM attachment').get() as { n: number }).n,
    blobFiles: () => (existsSync(blobsDir) ? readdirSync(blobsDir).sort() : []),
    close: () => vault.close(),
  };
}

/** Everything a stream emitted before it ended or failed, and how it stopped. */
export interface Drained {
  readonly bytes: Buffer;
  readonly error: unknown;
  readonly ended: boolean;
}

export function drain(stream: Readable): Promise<Drained> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () =>
      resolve({ bytes: Buffer.concat(chunks), error: undefined, ended: true }),
    );
    stream.once('error', (error) => resolve({ bytes: Buffer.concat(chunks), error, ended: false }));
  });
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Writes `size` pseudo-random bytes to `path` one 1 MiB piece at a time (never the whole file in
 * memory) and returns their SHA-256, computed independently of anything under test.
 */
export async function writeRandomFile(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path, { flags: 'wx' });
  // AES-256-CTR over zeros, keyed from the path: fast, deterministic, incompressible.
  const key = createHash('sha256').update(path).digest();
  const keystream = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let left = size; left > 0;) {
    const piece = keystream.update(zeros.subarray(0, Math.min(left, zeros.length)));
    hash.update(piece);
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    left -= piece.length;
  }
  out.end();
  await finished(out);
  // On disk before anything is measured, so its write-back does not compete with the test.
  const file = await open(path, 'r+');
  await file.sync();
  await file.close();
  return hash.digest('hex');
}

/** A source that yields `failAfter` bytes in small pieces, then fails like a pulled USB stick. */
export function failingSource(failAfter: number, piece = 10_000): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= failAfter) {
        this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
        return;
      }
      const n = Math.min(piece, failAfter - sent);
      sent += n;
      this.push(Buffer.alloc(n, 0x42));
    },
  });
}

/** A blob mutation: returns a changed copy (or a shorter view) of the blob's bytes. */
export type BlobMutation = (blob: Buffer) => Buffer;

/** Flips the lowest bit of the byte at `at`, in a copy. */
export const flipAt =
  (at: number): BlobMutation =>
  (blob) => {
    const copy = Buffer.from(blob);
    copy[at] = (copy[at] ?? 0) ^ 0x01;
    return copy;
  };

/** Keeps the first `length` bytes. */
export const cutTo =
  (length: number): BlobMutation =>
  (blob) =>
    blob.subarray(0, length);
