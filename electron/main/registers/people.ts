/**
 * The people register's rows (migration 0009): co-detainees and witnesses, shaped like
 * perpetrators. Kept apart from register-store.ts so that file only wires it in.
 */
import type { Person } from '../../../shared/forms/registers';
import type { Db } from '../vault';

export type PersonInput = Omit<Person, 'id'> & { id?: string | undefined };

interface PersonRow {
  id: string;
  names: string;
  roles: string;
  description: string;
}

export function listPeople(db: Db): Person[] {
  const rows = db
    .prepare('SELECT id, names, roles, description FROM person ORDER BY created_at, rowid')
    .all() as PersonRow[];
  return rows.map((row) => ({
    id: row.id,
    names: JSON.parse(row.names) as string[],
    roles: JSON.parse(row.roles) as Person['roles'],
    description: row.description,
  }));
}

/** Inserts `entry` when `created`, else replaces the row with its id (which must exist). */
export function writePerson(db: Db, entry: Person, created: boolean, at: string): void {
  const names = JSON.stringify(entry.names);
  const roles = JSON.stringify(entry.roles);
  if (created) {
    db.prepare(
      `INSERT INTO person (id, names, roles, description, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(entry.id, names, roles, entry.description, at, at);
  } else {
    db.prepare(
      'UPDATE person SET names = ?, roles = ?, description = ?, updated_at = ? WHERE id = ?',
    ).run(names, roles, entry.description, at, entry.id);
  }
}
