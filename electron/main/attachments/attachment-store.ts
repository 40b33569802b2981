/**
 * Attachments of testimonies: files taken in as evidence. Intake streams the original through
 * SHA-256 and secretstream into blobs/<id>.blob, then records the row and its custody entry in
 * one transaction; the original is only ever read. Reading streams the blob back, releasing
 * only verified bytes. Rows are append-only (the database refuses UPDATE and DELETE).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AppError } from '../../../shared/errors';
import type { CustodyRecorder } from '../custody';
import { fsyncDir, toStorageError } from '../files';
import { loadSodium } from '../vault';
import type { Db, Sodium } from '../vault';
import { blobFileName } from './blob-format';
import { openBlobKey, sealBlobKey } from './blob-key';
import { openBlobStream } from './blob-reader';
import { writeBlobFile } from './blob-writer';
import { writeStreamAtomic } from './file-output';
import { assertStorableFileName } from './file-names';
import { sweepLeftovers } from './leftovers';
import { openSourceFile, readingFrom } from './source-file';

/** Default largest attachment: 8 GiB (a long video). */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 8 * 1024 ** 3;

export interface AttachmentStoreDeps {
  readonly db: () => Db;
  /** The vault's blobs/ folder; created on first intake. */
  readonly blobsDir: () => string;
  /** A fresh copy of the vault's 'blobs' sub-key for each use; the store wipes it. */
  readonly blobsKey: () => Uint8Array;
  readonly custody: CustodyRecorder;
  /**
   * The consent gate (the interviews service): nothing but the record code and section B is
   * stored before consent. Asked before intake starts and again in the commit transaction.
   */
  readonly consent: { requireCanStore(testimonyId: string): void };
  readonly now?: () => Date;
  /** Largest original accepted, in bytes; larger is ATTACHMENT_TOO_LARGE. */
  readonly maxBytes?: number;
}

export interface AttachmentSummary {
  readonly id: string;
  readonly testimonyId: string;
  /** The original file name exactly as given: show it as text, write files via safeFileName. */
  readonly fileName: string;
  readonly size: number;
  /** SHA-256 of the original bytes, lowercase hex. */
  readonly sha256: string;
  readonly createdAt: string;
}

export interface ExportOptions {
  /** Replace a file already at the target path (otherwise FILE_EXISTS). */
  readonly overwrite?: boolean;
}

interface AttachmentRow {
  id: string;
  testimony_id: string;
  file_name: string;
  size: number;
  sha256: string;
  blob_key: Buffer;
  created_at: string;
  /** NULL for attachments taken in before migration 0010. */
  sha512: string | null;
}

const COLUMNS = 'id, testimony_id, file_name, size, sha256, blob_key, created_at, sha512';

export class AttachmentStore {
  private readonly maxBytes: number;

  constructor(private readonly deps: AttachmentStoreDeps) {
    this.maxBytes = deps.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  }

  /**
   * Takes in the file at `sourcePath` (opened read-only, never changed) as an attachment of the
   * testimony, under `fileName` (default: the file's own name), stored exactly as given.
   */
  async add(
    testimonyId: string,
    sourcePath: string,
    fileName?: string,
  ): Promise<AttachmentSummary> {
    const name = fileName ?? basename(sourcePath);
    assertStorableFileName(name);
    requireTestimony(this.deps.db(), testimonyId);
    this.deps.consent.requireCanStore(testimonyId);
    const sodium = await loadSodium();
    const source = await openSourceFile(sourcePath, this.maxBytes);
    return this.intake(sodium, testimonyId, source.stream, name);
  }

  /** As `add`, from a stream of bytes (a drop from the UI, a bundle being imported). */
  async addStream(
    testimonyId: string,
    source: AsyncIterable<unknown>,
    fileName: string,
  ): Promise<AttachmentSummary> {
    let sodium: Sodium;
    try {
      assertStorableFileName(fileName);
      requireTestimony(this.deps.db(), testimonyId);
      this.deps.consent.requireCanStore(testimonyId);
      sodium = await loadSodium();
    } catch (error) {
      await closeSource(source);
      throw error;
    }
    return this.intake(sodium, testimonyId, source, fileName);
  }

  /** The attachments of a testimony, oldest first. */
  list(testimonyId: string): AttachmentSummary[] {
    const db = this.deps.db();
    requireTestimony(db, testimonyId);
    const rows = db
      .prepare(
        `SELECT ${COLUMNS} FROM attachment WHERE testimony_id = ? ORDER BY created_at, rowid`,
      )
      .all(testimonyId) as AttachmentRow[];
    return rows.map(summary);
  }

  get(id: string): AttachmentSummary {
    return summary(this.row(id));
  }

  /**
   * The SHA-512 of the original bytes taken at intake, or undefined for an attachment taken in
   * before Svidok recorded it (migration 0010).
   */
  sha512(id: string): string | undefined {
    return this.row(id).sha512 ?? undefined;
  }

  /**
   * The original bytes, decrypted as they are read. Fails at once with NOT_FOUND,
   * ATTACHMENT_MISSING or ATTACHMENT_CORRUPT (a bad prefix); later damage destroys the stream
   * with ATTACHMENT_CORRUPT before any byte of the damaged chunk is released. Read it to the end
   * or destroy it: it holds the blob's file open until then.
   */
  async open(id: string): Promise<Readable> {
    return this.openRow(this.row(id));
  }

  /**
   * Writes the original bytes to `outPath` atomically (nothing is left there if any chunk fails
   * to verify) and records `attachment.exported`. The file is plaintext: it leaves the vault.
   */
  async exportTo(
    id: string,
    outPath: string,
    options: ExportOptions = {},
  ): Promise<AttachmentSummary> {
    const row = this.row(id);
    const stream = await this.openRow(row);
    try {
      await writeStreamAtomic(outPath, stream, {
        overwrite: options.overwrite ?? false,
        beforeCommit: () => {
          const db = this.deps.db();
          db.transaction(() => {
            this.deps.custody.record(
              'attachment.exported',
              { testimonyId: row.testimony_id, attachmentId: row.id },
              { sha256: row.sha256, size: row.size },
            );
          })();
        },
      });
    } finally {
      stream.destroy();
    }
    return summary(row);
  }

  /** Decrypts the whole blob and checks its size and SHA-256 against the row. */
  async verify(id: string): Promise<AttachmentSummary> {
    const row = this.row(id);
    const stream = await this.openRow(row);
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
      }
    } finally {
      stream.destroy();
    }
    if (size !== row.size || hash.digest('hex') !== row.sha256) {
      throw new AppError('ATTACHMENT_CORRUPT', 'The attachment does not match its recorded hash');
    }
    return summary(row);
  }

  private async intake(
    sodium: Sodium,
    testimonyId: string,
    source: AsyncIterable<unknown>,
    fileName: string,
  ): Promise<AttachmentSummary> {
    const id = randomUUID();
    const dir = this.deps.blobsDir();
    const path = join(dir, blobFileName(id));
    const blobKey = sodium.crypto_secretstream_xchacha20poly1305_keygen();
    let blobWritten = false;
    try {
      const sealedKey = this.withBlobsKey(sodium, (k) => sealBlobKey(sodium, blobKey, k, id));
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const { size, sha256, sha512 } = await writeBlobFile({
        sodium,
        source: readingFrom(source),
        path,
        attachmentId: id,
        key: blobKey,
        maxBytes: this.maxBytes,
      });
      blobWritten = true;
      // The original's file is closed before intake reports back (a USB stick can be ejected).
      await closeSource(source);
      const createdAt = (this.deps.now?.() ?? new Date()).toISOString();
      const db = this.deps.db();
      db.transaction(() => {
        requireTestimony(db, testimonyId);
        // Consent may have been withdrawn while the file streamed in.
        this.deps.consent.requireCanStore(testimonyId);
        db.prepare(`INSERT INTO attachment (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
          id,
          testimonyId,
          fileName,
          size,
          sha256,
          Buffer.from(sealedKey),
          createdAt,
          sha512,
        );
        this.deps.custody.record(
          'attachment.added',
          { testimonyId, attachmentId: id },
          { sha256, size },
        );
      })();
      return { id, testimonyId, fileName, size, sha256, createdAt };
    } catch (error) {
      await closeSource(source);
      // The blob's key was only ever in the row that was not written: the blob is unreadable
      // noise now, and is removed so a failed intake leaves nothing behind.
      if (blobWritten) await removeBlob(path);
      throw toStorageError(error);
    } finally {
      sodium.memzero(blobKey);
    }
  }

  /**
   * Removes what a crash during intake can leave in blobs/ — a temp blob, or a blob whose row
   * never committed — once older than an hour. Unreadable by construction (the key was only in
   * the uncommitted row). Meant to run after unlock; returns the file names removed.
   */
  async sweepLeftovers(minAgeMs?: number): Promise<string[]> {
    const db = this.deps.db();
    const hasRow = db.prepare('SELECT 1 FROM attachment WHERE id = ?');
    return sweepLeftovers({
      dir: this.deps.blobsDir(),
      hasRow: (id) => hasRow.get(id) !== undefined,
      now: this.deps.now?.() ?? new Date(),
      ...(minAgeMs === undefined ? {} : { minAgeMs }),
    });
  }

  private row(id: string): AttachmentRow {
    const row = this.deps.db().prepare(`SELECT ${COLUMNS} FROM attachment WHERE id = ?`).get(id) as
      AttachmentRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No such attachment');
    return row;
  }

  private async openRow(row: AttachmentRow): Promise<Readable> {
    const sodium = await loadSodium();
    const key = this.withBlobsKey(sodium, (k) => openBlobKey(sodium, row.blob_key, k, row.id));
    try {
      return await openBlobStream({
        sodium,
        path: join(this.deps.blobsDir(), blobFileName(row.id)),
        attachmentId: row.id,
        key,
        expectedSize: row.size,
      });
    } finally {
      sodium.memzero(key);
    }
  }

  private withBlobsKey<T>(sodium: Sodium, use: (key: Uint8Array) => T): T {
    const key = this.deps.blobsKey();
    try {
      return use(key);
    } finally {
      sodium.memzero(key);
    }
  }
}

function requireTestimony(db: Db, testimonyId: string): void {
  if (!db.prepare('SELECT 1 FROM testimony WHERE id = ?').get(testimonyId)) {
    throw new AppError('NOT_FOUND', 'No such testimony');
  }
}

function summary(row: AttachmentRow): AttachmentSummary {
  return {
    id: row.id,
    testimonyId: row.testimony_id,
    fileName: row.file_name,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

async function removeBlob(path: string): Promise<void> {
  try {
    await rm(path, { force: true });
    fsyncDir(dirname(path));
  } catch {
    // The original error is the one to report.
  }
}

/** Stops a source stream and waits until it has released its file, if it holds one. */
async function closeSource(source: AsyncIterable<unknown>): Promise<void> {
  if (!(source instanceof Readable)) return;
  source.destroy();
  await finished(source).catch(() => undefined);
}
