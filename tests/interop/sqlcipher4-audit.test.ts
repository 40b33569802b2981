/**
 * An auditor opens vault.db with stock SQLCipher 4, given the raw database key from
 * VaultService.auditKeyHex() and the pragmas the README gives — no Svidok code involved.
 *
 * Two independent readers check it:
 *  1. Signal's SQLCipher build (@signalapp/sqlcipher, SQLCipher 4.x community edition compiled
 *     by Signal, a different codebase from the SQLite3 Multiple Ciphers library the app uses),
 *     which reads known rows with exactly the README's pragmas.
 *  2. The published SQLCipher 4 page format implemented here with node:crypto — AES-256-CBC per
 *     page, a random IV and an HMAC-SHA512 per page, the HMAC key derived from the raw key by
 *     PBKDF2-HMAC-SHA512 (2 iterations, the salt XOR 0x3a) — which authenticates every page and
 *     decrypts page 1 to a valid SQLite header.
 */
import { createDecipheriv, createHmac, pbkdf2Sync, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import SignalDatabase from '@signalapp/sqlcipher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../electron/main/log';
import { MIGRATIONS, VaultService, vaultPaths } from '../../electron/main/vault';
import { FAST_KDF, PASSPHRASE } from '../helpers/kdf';
import { createTempDirs } from '../helpers/temp';

const dirs = createTempDirs('svidok-interop-');
afterAll(() => dirs.cleanup());

const PAGE_SIZE = 4096;
const RESERVE = 16 + 64; // IV + HMAC-SHA512, already a multiple of the AES block
const ROWS = [
  { code: 'UA-AUDIT-0001', at: '2026-03-01T09:00:00.000Z' },
  { code: 'UA-AUDIT-Свідок-ґ', at: '2026-03-02T10:30:00.000Z' },
];

let vaultDir: string;
let keyHex: string;

beforeAll(async () => {
  vaultDir = dirs.make('vault');
  const vault = new VaultService(vaultDir, createLogger(memorySink([])), { kdf: FAST_KDF });
  await vault.create(PASSPHRASE);
  const insert = vault
    .database()
    .prepare('INSERT INTO testimony (id, record_code, created_at) VALUES (?, ?, ?)');
  for (const row of ROWS) insert.run(randomUUID(), row.code, row.at);
  keyHex = vault.auditKeyHex();
  vault.lock(); // closes the database: the WAL is checkpointed into vault.db
});

/** A copy of vault.db (and its WAL, when there is one) for the auditor to work on. */
function auditCopy(from = vaultDir): string {
  const dir = dirs.make('audit');
  const source = vaultPaths(from).database;
  copyFileSync(source, join(dir, 'vault.db'));
  if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, join(dir, 'vault.db-wal'));
  return join(dir, 'vault.db');
}

/** The README's commands, as an auditor types them into stock SQLCipher 4. */
function openAsAuditor(path: string, hex: string, explicit = false): SignalDatabase {
  const db = new SignalDatabase(path);
  db.exec(`PRAGMA key = "x'${hex}'";`);
  if (explicit) {
    db.exec(`PRAGMA cipher_page_size = 4096;
      PRAGMA kdf_iter = 256000;
      PRAGMA cipher_hmac_algorithm = HMAC_SHA512;
      PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;
      PRAGMA cipher_plaintext_header_size = 0;`);
  } else {
    db.exec('PRAGMA cipher_compatibility = 4;');
  }
  return db;
}

function recordCodes(db: SignalDatabase): unknown[] {
  return db
    .prepare('SELECT record_code, created_at FROM testimony ORDER BY created_at')
    .all()
    .map((r) => ({ code: r['record_code'], at: r['created_at'] }));
}

describe('stock SQLCipher 4 (Signal’s build) opens vault.db with the raw key', () => {
  it('is a SQLCipher 4 build, not the library the app uses', () => {
    const db = new SignalDatabase(':memory:');
    try {
      expect(String(db.pragma('cipher_version', { simple: true }))).toMatch(/^4\./);
    } finally {
      db.close();
    }
  });

  it('README pragmas (cipher_compatibility = 4): known rows, every page authentic, schema current', () => {
    const db = openAsAuditor(auditCopy(), keyHex);
    try {
      expect(recordCodes(db)).toEqual(ROWS);
      expect(db.pragma('cipher_integrity_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    } finally {
      db.close();
    }
  });

  it('README pragmas (the explicit v4 settings instead of cipher_compatibility)', () => {
    const db = openAsAuditor(auditCopy(), keyHex, true);
    try {
      expect(recordCodes(db)).toEqual(ROWS);
    } finally {
      db.close();
    }
  });

  it('a copy taken while the app has the vault open (rows still in the WAL) reads them too', async () => {
    const dir = dirs.make('live');
    const live = new VaultService(dir, createLogger(memorySink([])), { kdf: FAST_KDF });
    await live.create(PASSPHRASE);
    live
      .database()
      .prepare('INSERT INTO testimony (id, record_code, created_at) VALUES (?, ?, ?)')
      .run(randomUUID(), 'UA-IN-WAL', '2026-04-01T00:00:00.000Z');
    const hex = live.auditKeyHex();
    expect(existsSync(`${vaultPaths(dir).database}-wal`)).toBe(true);
    const copy = auditCopy(dir);
    live.lock();
    const db = openAsAuditor(copy, hex);
    try {
      expect(db.prepare('SELECT record_code FROM testimony').all()).toEqual([
        { record_code: 'UA-IN-WAL' },
      ]);
    } finally {
      db.close();
    }
  });

  it('a wrong key (one hex digit changed) is refused at the first read', () => {
    const wrong = (keyHex[0] === '0' ? '1' : '0') + keyHex.slice(1);
    const db = openAsAuditor(auditCopy(), wrong);
    try {
      expect(() => db.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(
        /not a database|encrypted/i,
      );
    } finally {
      db.close();
    }
  });
});

describe('the SQLCipher 4 page format, checked from its specification with node:crypto', () => {
  const key = () => Buffer.from(keyHex, 'hex');
  const pages = () => {
    const bytes = readFileSync(vaultPaths(vaultDir).database);
    expect(bytes.length % PAGE_SIZE).toBe(0);
    return Array.from({ length: bytes.length / PAGE_SIZE }, (_, i) =>
      bytes.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE),
    );
  };
  /** The HMAC key: PBKDF2-HMAC-SHA512 of the raw key, salt XOR 0x3a, 2 iterations, 32 bytes. */
  const hmacKey = (salt: Buffer) =>
    pbkdf2Sync(key(), Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');

  function pageMacOk(page: Buffer, pageNumber: number, macKey: Buffer): boolean {
    const start = pageNumber === 1 ? 16 : 0; // page 1 begins with the 16-byte salt
    const body = page.subarray(start, PAGE_SIZE - RESERVE);
    const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - 64);
    const number = Buffer.alloc(4);
    number.writeUInt32LE(pageNumber);
    const mac = createHmac('sha512', macKey).update(body).update(iv).update(number).digest();
    return mac.equals(page.subarray(PAGE_SIZE - 64));
  }

  it('every page carries a valid HMAC-SHA512 under the key derived from the audit key', () => {
    const all = pages();
    const macKey = hmacKey(all[0]!.subarray(0, 16));
    expect(all.length).toBeGreaterThan(1);
    all.forEach((page, i) => expect(pageMacOk(page, i + 1, macKey), `page ${i + 1}`).toBe(true));
  });

  it('a flipped bit fails the page HMAC (the check can fail)', () => {
    const all = pages();
    const macKey = hmacKey(all[0]!.subarray(0, 16));
    const page = Buffer.from(all[1]!);
    page[100] = page[100]! ^ 0x01;
    expect(pageMacOk(page, 2, macKey)).toBe(false);
    expect(pageMacOk(all[1]!, 1, macKey)).toBe(false); // the page number is authenticated too
  });

  it('page 1 decrypts (AES-256-CBC, the raw key) to a SQLite header: 4096-byte pages, 80 reserved', () => {
    const page = pages()[0]!;
    const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - 64);
    const decipher = createDecipheriv('aes-256-cbc', key(), iv).setAutoPadding(false);
    const plain = Buffer.concat([
      decipher.update(page.subarray(16, PAGE_SIZE - RESERVE)),
      decipher.final(),
    ]);
    // Offsets below are the SQLite file header's, less the 16 salt bytes SQLCipher puts first.
    expect(plain.readUInt16BE(0)).toBe(PAGE_SIZE); // header offset 16: page size
    expect([plain[2], plain[3]]).toEqual([2, 2]); // offsets 18, 19: WAL read/write versions
    expect(plain[4]).toBe(RESERVE); // offset 20: reserved bytes per page
    expect([plain[5], plain[6], plain[7]]).toEqual([64, 32, 32]); // payload fractions
    expect(plain.readUInt32BE(44 - 16)).toBe(4); // offset 44: schema format 4
  });
});
