/**
 * Numbered migrations, run in order inside one transaction. A database from a newer Svidok is
 * refused untouched; a list out of order is a programming error caught before anything runs.
 */
import { AppError } from '../../../../shared/errors';
import type { Db } from '../database';
import { m0001Testimonies } from './0001-testimonies';
import { m0002Custody } from './0002-custody';
import { m0003Attachments } from './0003-attachments';
import { m0004Search } from './0004-search';
import { m0005Interviews } from './0005-interviews';
import { m0006Recipients } from './0006-recipients';
import { m0007Redactions } from './0007-redactions';
import { m0008SearchSecureDeleteOff } from './0008-search-secure-delete-off';
import { m0009PeopleRegister } from './0009-people-register';
import { m0010AttachmentSha512 } from './0010-attachment-sha512';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  m0001Testimonies,
  m0002Custody,
  m0003Attachments,
  m0004Search,
  m0005Interviews,
  m0006Recipients,
  m0007Redactions,
  m0008SearchSecureDeleteOff,
  m0009PeopleRegister,
  m0010AttachmentSha512,
];

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, target?: number) {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}`);
  });
  const latest = migrations.length;
  const goal = target ?? latest;
  // A target past the list would stamp a version no migration made: the next open would see a
  // database "from the future".
  if (!Number.isInteger(goal) || goal < 0 || goal > latest) {
    throw new Error(`migration target ${goal} is outside 0..${latest}`);
  }
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError('VAULT_FROM_FUTURE', 'This vault was made by a newer Svidok; update Svidok');
  }
  const pending = migrations.filter((m) => m.version > current && m.version <= goal);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${goal}`);
  })();
}
