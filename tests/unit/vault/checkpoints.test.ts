/**
 * Checkpoints run when the vault is quiet, never inside a save, and stop on lock; a WAL left by a
 * crash is folded back at the next unlock.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startIdleCheckpoints } from '../../../electron/main/vault/checkpoints';
import { ok, startApi } from '../../helpers/api';
import { PASSPHRASE } from '../../helpers/kdf';

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function walDb() {
  const dir = mkdtempSync(join(tmpdir(), 'svidok-ckpt-'));
  dirs.push(dir);
  const path = join(dir, 'x.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (x TEXT)');
  return { db, wal: `${path}-wal` };
}

const walSize = (p: string) => statSync(p).size;

describe('idle checkpoints', () => {
  it('fold the WAL back once writes have stopped for a tick, not while they go on', () => {
    vi.useFakeTimers();
    const { db, wal } = walDb();
    const stop = startIdleCheckpoints(db, wal, () => {});
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let tick = 0; tick < 3; tick++) {
      insert.run('x'.repeat(10_000));
      vi.advanceTimersByTime(2000);
      expect(walSize(wal)).toBeGreaterThan(0); // still busy: no checkpoint
    }
    vi.advanceTimersByTime(2000); // a quiet tick
    expect(walSize(wal)).toBe(0);
    insert.run('y');
    stop();
    vi.advanceTimersByTime(10_000);
    expect(walSize(wal)).toBeGreaterThan(0); // stopped: nothing runs after lock
    db.close();
  });

  it('reports an error instead of throwing from the timer', () => {
    vi.useFakeTimers();
    const { db, wal } = walDb();
    const onError = vi.fn();
    const stop = startIdleCheckpoints(db, wal, onError);
    db.close();
    vi.advanceTimersByTime(2000);
    expect(onError).toHaveBeenCalled();
    stop();
  });
});

describe('a WAL left by a crash', () => {
  it('is folded back into vault.db when the vault is next unlocked, and nothing is lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svidok-ckpt-vault-'));
    dirs.push(dir);
    const live = startApi(join(dir, 'live'));
    ok(await live.call('vault:create', { passphrase: PASSPHRASE }));
    for (const code of ['WAL-1', 'WAL-2', 'WAL-3']) {
      ok(await live.call('testimony:create', { recordCode: code }));
    }
    // The image of a process killed now: the committed transactions are only in the WAL.
    const crashed = join(dir, 'crashed');
    mkdirSync(crashed);
    for (const file of ['vault.json', 'vault.db', 'vault.db-wal']) {
      copyFileSync(join(dir, 'live', file), join(crashed, file));
    }
    live.api.shutdown();
    const walBefore = walSize(join(crashed, 'vault.db-wal'));
    expect(walBefore).toBeGreaterThan(0);

    const reopened = startApi(crashed);
    ok(await reopened.call('vault:unlock', { passphrase: PASSPHRASE }));
    // Folded in: the WAL was emptied and holds only what the unlock itself wrote since (its
    // custody entry); without the checkpoint it would have grown past its size at the crash.
    expect(walSize(join(crashed, 'vault.db-wal'))).toBeLessThan(walBefore / 2);
    const listed = ok(await reopened.call('testimony:list', {}));
    expect(listed.items.map((t) => t.recordCode).sort()).toEqual(['WAL-1', 'WAL-2', 'WAL-3']);
    reopened.api.shutdown();
  });
});
