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
