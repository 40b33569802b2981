/**
 * WAL checkpoints off the save path: every couple of seconds, if the database changed and then
 * stayed quiet, fold the WAL back into vault.db; and do it anyway once the WAL grows large.
 */
import { statSync } from 'node:fs';
import type { Db } from './database';

const TICK_MS = 2000;
const WAL_BACKSTOP_BYTES = 64 * 1024 * 1024;

export function startIdleCheckpoints(db: Db, walPath: string, onError: () => void): () => void {
  let lastChanges = totalChanges(db);
  let checkpointed = lastChanges;
  const timer = setInterval(() => {
    try {
      const changes = totalChanges(db);
      const quiet = changes === lastChanges;
      lastChanges = changes;
      if ((quiet && changes !== checkpointed) || walBytes(walPath) > WAL_BACKSTOP_BYTES) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        checkpointed = changes;
      }
    } catch {
      onError();
    }
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Folds a WAL left by a crash back into vault.db right after unlocking. Idle checkpoints need
 * two quiet seconds, so an app that keeps crashing within seconds of opening would otherwise let
 * the WAL grow without bound (the crash test saw 1.3 GB after 250 kills), and every later unlock
 * would read all of it. Best effort: a failure leaves the WAL as it was, which is still valid.
 */
export function checkpointLeftoverWal(db: Db, walPath: string): boolean {
  if (walBytes(walPath) === 0) return true;
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    return result?.busy === 0;
  } catch {
    return false;
  }
}

function totalChanges(db: Db): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

function walBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
