/**
 * Migration 0010 attachment SHA-512, tested as tests/unit/vault/migrations.test.ts tests the
 * others: migrate to 9, insert an attachment, migrate to 10. The old row keeps NULL (rows are
 * append-only, and exports hash such an attachment as before); new rows take a well-formed
 * lowercase hex digest or NULL, nothing else; the append-only triggers still hold.
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../electron/main/vault';
import type { Db } from '../../../electron/main/vault';
import { m0010AttachmentSha512 } from '../../../electron/main/vault/migrations/0010-attachment-sha512';
import { memoryDb, sqliteCode } from '../../helpers/migration-db';

const SHA256 = 'a'.repeat(64);
const SHA512 = 'b'.repeat(128);
const KEY = Buffer.alloc(72, 1);

function at9WithAttachment(): Db {
  const db = memoryDb();
  migrate(db, MIGRATIONS, 9);
  db.prepare(
    "INSERT INTO testimony (id, record_code, created_at) VALUES ('t1', 'UA-1', 'x')",
  ).run();
  db.prepare(
    `INSERT INTO attachment (id, testimony_id, file_name, size, sha256, blob_key, created_at)
     VALUES ('old', 't1', 'фото.jpg', 1, ?, ?, 'x')`,
  ).run(SHA256, KEY);
  return db;
}

const insert = (db: Db, id: string, sha512: unknown) =>
  db
    .prepare(
      `INSERT INTO attachment
         (id, testimony_id, file_name, size, sha256, blob_key, created_at, sha512)
       VALUES (?, 't1', 'x', 1, ?, ?, 'x', ?)`,
    )
    .run(id, SHA256, KEY, sha512);

describe('migration 0010 attachment SHA-512', () => {
  it('is version 10, the last in the list', () => {
    expect(m0010AttachmentSha512.version).toBe(10);
    expect(MIGRATIONS.at(-1)).toBe(m0010AttachmentSha512);
  });

  it('adds a nullable sha512 column; the row from before keeps NULL and its other values', () => {
    const db = at9WithAttachment();
    migrate(db, MIGRATIONS, 10);
    expect(schemaVersion(db)).toBe(10);
    expect(
      db.prepare("SELECT file_name, sha256, sha512 FROM attachment WHERE id = 'old'").get(),
    ).toEqual({ file_name: 'фото.jpg', sha256: SHA256, sha512: null });
  });

  it('takes 128 lowercase hex digits or NULL, and refuses anything else', () => {
    const db = at9WithAttachment();
    migrate(db);
    expect(sqliteCode(() => insert(db, 'good', SHA512))).toBe('no error');
    expect(sqliteCode(() => insert(db, 'none', null))).toBe('no error');
    for (const [i, bad] of [
      'b'.repeat(127),
      'b'.repeat(129),
      'B'.repeat(128),
      `${'b'.repeat(127)}g`,
      `${'b'.repeat(127)} `,
      '',
    ].entries()) {
      expect(sqliteCode(() => insert(db, `bad-${i}`, bad))).toBe('SQLITE_CONSTRAINT_CHECK');
    }
    expect(db.prepare("SELECT sha512 FROM attachment WHERE id = 'good'").get()).toEqual({
      sha512: SHA512,
    });
  });

  it('keeps rows append-only: the old row cannot be given a digest afterwards', () => {
    const db = at9WithAttachment();
    migrate(db);
    expect(
      sqliteCode(() => db.prepare("UPDATE attachment SET sha512 = ? WHERE id = 'old'").run(SHA512)),
    ).toBe('SQLITE_CONSTRAINT_TRIGGER');
    expect(sqliteCode(() => db.prepare("DELETE FROM attachment WHERE id = 'old'").run())).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
  });

  it('is not run twice: migrating an up-to-date database changes nothing', () => {
    const db = at9WithAttachment();
    migrate(db);
    insert(db, 'new', SHA512);
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT id, sha512 FROM attachment ORDER BY id').all()).toEqual([
      { id: 'new', sha512: SHA512 },
      { id: 'old', sha512: null },
    ]);
  });
});
