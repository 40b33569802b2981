/**
 * The peer of the vault's database: plain SQLite through the same driver
 * (better-sqlite3-multiple-ciphers, never keyed), with every setting copied from an open vault
 * database, so the two differ in encryption only and follow database.ts when it changes.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { CustodyLog } from '../../electron/main/custody';
import { ConsentGate, InterviewStore } from '../../electron/main/interviews';
import { TestimonyStore } from '../../electron/main/testimonies';
import { migrate } from '../../electron/main/vault';
import type { Db } from '../../electron/main/vault';

/** The settings that shape write and read cost; page_size must match before the first write. */
const SETTINGS = [
  'page_size',
  'journal_mode',
  'synchronous',
  'foreign_keys',
  'recursive_triggers',
  'secure_delete',
  'temp_store',
  'cache_size',
  'wal_autocheckpoint',
  'journal_size_limit',
  'mmap_size',
] as const;

export type Settings = Record<(typeof SETTINGS)[number], string>;

export function readSettings(db: Db): Settings {
  const out = {} as Settings;
  for (const name of SETTINGS) out[name] = String(db.pragma(name, { simple: true }));
  return out;
}

/** A new plain database at `path` with the settings of `model` (an open vault database). */
export function openPlainLike(path: string, model: Db): Db {
  const db = new Database(path);
  const settings = readSettings(model);
  for (const name of SETTINGS) db.pragma(`${name} = ${settings[name]}`);
  const got = readSettings(db);
  const differ = SETTINGS.filter(
    (name) => got[name].toLowerCase() !== settings[name].toLowerCase(),
  );
  if (differ.length > 0) throw new Error(`plain peer differs in ${differ.join(', ')}`);
  return db;
}

/**
 * The peer of the app's testimony service: the same migrations, TestimonyStore and CustodyLog
 * wired as services.ts wires them, over a plain database. libsodium must be loaded (loadSodium).
 */
export function openPlainStore(
  path: string,
  model: Db,
): { db: Db; store: TestimonyStore; interviews: InterviewStore } {
  const db = openPlainLike(path, model);
  migrate(db);
  const custody = new CustodyLog({
    db: () => db,
    vaultId: () => '00000000-0000-4000-8000-000000000000',
    signingSeed: () => new Uint8Array(32).fill(7),
  });
  const author = () => `device:${custody.publicKey()}`;
  const consent = new ConsentGate(() => db);
  const store = new TestimonyStore({ db: () => db, custody, author, consent });
  const interviews = new InterviewStore({ db: () => db, custody, author });
  return { db, store, interviews };
}
