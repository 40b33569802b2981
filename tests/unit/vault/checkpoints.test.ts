/** Checkpoints run when the vault is quiet, never inside a save, and stop on lock. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startIdleCheckpoints } from '../../../electron/main/vault/checkpoints';

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
