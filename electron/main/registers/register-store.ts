/**
 * The vault's registers — facilities, perpetrators and people — shared by every testimony.
 * Place and person answers link to entries by id (register_link, kept by the interview store); an
 * entry lists the testimonies that mention it. Entries are edited in place and each change is a
 * custody entry (a hash of the entry, never its text); an entry that is linked cannot be deleted
 * (the database refuses), and there is no delete at all for now.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Facility, Person, Perpetrator, RegisterName } from '../../../shared/forms/registers';
import type { CustodyRecorder } from '../custody';
import { toStorageError } from '../files';
import { canonicalJson } from '../vault';
import type { Db } from '../vault';
import { listPeople, writePerson } from './people';
import type { PersonInput } from './people';

/** What the testimony list shows of a testimony's consent (the interviews' consent gate). */
export interface MentionConsent {
  summary(testimonyId: string): { consentGiven: boolean; consentWithdrawn: boolean };
}

export interface RegisterStoreDeps {
  readonly db: () => Db;
  readonly custody: CustodyRecorder;
  /** A withdrawal is shown wherever the testimony appears, the mention list too. */
  readonly consent: MentionConsent;
  readonly now?: () => Date;
}

export type FacilityInput = Omit<Facility, 'id'> & { id?: string | undefined };
export type PerpetratorInput = Omit<Perpetrator, 'id'> & { id?: string | undefined };

export type RegisterEntry =
  | { readonly register: 'facilities'; readonly entry: Facility }
  | { readonly register: 'perpetrators'; readonly entry: Perpetrator }
  | { readonly register: 'people'; readonly entry: Person };

export interface Mention {
  readonly testimonyId: string;
  readonly recordCode: string;
  /** Where in the testimony, e.g. `F.places.<item id>.facility`. */
  readonly paths: string[];
  /** The template the testimony pinned: its paths are described with that version. */
  readonly templateId: string;
  readonly templateVersion: number;
  readonly consentGiven: boolean;
  readonly consentWithdrawn: boolean;
}

interface FacilityRow {
  id: string;
  name: string;
  kind: Facility['kind'];
  location: string;
  aliases: string;
}

interface PerpetratorRow {
  id: string;
  names: string;
  call_signs: string;
  unit: string;
  description: string;
}

interface MentionRow {
  testimony_id: string;
  record_code: string;
  template_id: string;
  template_version: number;
  path: string;
}

const TABLE: Record<RegisterName, string> = {
  facilities: 'facility',
  perpetrators: 'perpetrator',
  people: 'person',
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export class RegisterStore {
  private readonly now: () => Date;

  constructor(private readonly deps: RegisterStoreDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  list(): { facilities: Facility[]; perpetrators: Perpetrator[]; people: Person[] } {
    const db = this.deps.db();
    const facilities = db
      .prepare('SELECT id, name, kind, location, aliases FROM facility ORDER BY created_at, rowid')
      .all() as FacilityRow[];
    const perpetrators = db
      .prepare(
        `SELECT id, names, call_signs, unit, description FROM perpetrator
          ORDER BY created_at, rowid`,
      )
      .all() as PerpetratorRow[];
    return {
      facilities: facilities.map(toFacility),
      perpetrators: perpetrators.map(toPerpetrator),
      people: listPeople(db),
    };
  }

  saveFacility(input: FacilityInput): Facility {
    const entry: Facility = {
      id: input.id ?? randomUUID(),
      name: input.name,
      kind: input.kind,
      location: input.location,
      aliases: [...input.aliases],
    };
    this.write('facilities', entry, input.id !== undefined, (db, created, at) => {
      if (created) {
        db.prepare(
          `INSERT INTO facility (id, name, kind, location, aliases, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(entry.id, entry.name, entry.kind, entry.location, json(entry.aliases), at, at);
      } else {
        db.prepare(
          `UPDATE facility SET name = ?, kind = ?, location = ?, aliases = ?, updated_at = ?
            WHERE id = ?`,
        ).run(entry.name, entry.kind, entry.location, json(entry.aliases), at, entry.id);
      }
    });
    return entry;
  }

  savePerpetrator(input: PerpetratorInput): Perpetrator {
    const entry: Perpetrator = {
      id: input.id ?? randomUUID(),
      names: [...input.names],
      callSigns: [...input.callSigns],
      unit: input.unit,
      description: input.description,
    };
    this.write('perpetrators', entry, input.id !== undefined, (db, created, at) => {
      if (created) {
        db.prepare(
          `INSERT INTO perpetrator (id, names, call_signs, unit, description, created_at,
             updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          entry.id,
          json(entry.names),
          json(entry.callSigns),
          entry.unit,
          entry.description,
          at,
          at,
        );
      } else {
        db.prepare(
          `UPDATE perpetrator SET names = ?, call_signs = ?, unit = ?, description = ?,
             updated_at = ? WHERE id = ?`,
        ).run(
          json(entry.names),
          json(entry.callSigns),
          entry.unit,
          entry.description,
          at,
          entry.id,
        );
      }
    });
    return entry;
  }

  savePerson(input: PersonInput): Person {
    const entry: Person = {
      id: input.id ?? randomUUID(),
      names: [...input.names],
      roles: [...input.roles],
      description: input.description,
    };
    this.write('people', entry, input.id !== undefined, (db, created, at) =>
      writePerson(db, entry, created, at),
    );
    return entry;
  }

  /** The testimonies that link to an entry, with where; NOT_FOUND for an unknown entry. */
  mentions(register: RegisterName, id: string): Mention[] {
    const db = this.deps.db();
    requireEntry(db, register, id);
    const rows = db
      .prepare(
        `SELECT l.testimony_id, t.record_code, t.template_id, t.template_version, l.path
           FROM register_link l JOIN testimony t ON t.id = l.testimony_id
          WHERE l.register = ? AND l.entry_id = ?
          ORDER BY t.created_at, t.record_code, l.path`,
      )
      .all(register, id) as MentionRow[];
    const byTestimony = new Map<string, Mention>();
    for (const row of rows) {
      let mention = byTestimony.get(row.testimony_id);
      if (!mention) {
        mention = {
          testimonyId: row.testimony_id,
          recordCode: row.record_code,
          paths: [],
          templateId: row.template_id,
          templateVersion: row.template_version,
          ...this.deps.consent.summary(row.testimony_id),
        };
        byTestimony.set(row.testimony_id, mention);
      }
      mention.paths.push(row.path);
    }
    return [...byTestimony.values()];
  }

  /** One write and its custody entry in one transaction; replacing needs an existing entry. */
  private write(
    register: RegisterName,
    entry: Facility | Perpetrator | Person,
    replacing: boolean,
    apply: (db: Db, created: boolean, at: string) => void,
  ): void {
    const db = this.deps.db();
    const save = db.transaction(() => {
      if (replacing) requireEntry(db, register, entry.id);
      apply(db, !replacing, this.now().toISOString());
      this.deps.custody.record(
        'register.changed',
        {},
        {
          register,
          entryId: entry.id,
          created: !replacing,
          contentHash: sha256(canonicalJson(entry)),
        },
      );
    });
    try {
      save();
    } catch (error) {
      throw toStorageError(error);
    }
  }
}

/** Whether a register holds an entry: the one place that knows each register's table. */
export function entryExists(db: Db, register: RegisterName, id: string): boolean {
  return Boolean(db.prepare(`SELECT 1 FROM ${TABLE[register]} WHERE id = ?`).get(id));
}

function requireEntry(db: Db, register: RegisterName, id: string): void {
  if (!entryExists(db, register, id)) {
    throw new AppError('NOT_FOUND', 'No such register entry');
  }
}

const json = (value: readonly string[]) => JSON.stringify(value);

function toFacility(row: FacilityRow): Facility {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    location: row.location,
    aliases: JSON.parse(row.aliases) as string[],
  };
}

function toPerpetrator(row: PerpetratorRow): Perpetrator {
  return {
    id: row.id,
    names: JSON.parse(row.names) as string[],
    callSigns: JSON.parse(row.call_signs) as string[],
    unit: row.unit,
    description: row.description,
  };
}
