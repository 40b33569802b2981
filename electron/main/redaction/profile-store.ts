/**
 * Redaction profiles: the two built in (shared/redaction/profiles.ts) and the vault's custom ones
 * (`redaction_profile`). A profile decides what an export removes and to which recipient classes
 * it may go; an export names it by id, the CLI by id or by name.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { BUILTIN_PROFILES, redactionProfileSchema } from '../../../shared/redaction';
import type { RedactionProfile } from '../../../shared/redaction';
import type { CustodyRecorder } from '../custody';
import { toStorageError } from '../files';
import type { Db } from '../vault';

export type ProfileInput = Omit<RedactionProfile, 'id'>;

export interface ProfileStoreDeps {
  readonly db: () => Db;
  readonly custody: CustodyRecorder;
  readonly now?: () => Date;
}

export class ProfileStore {
  constructor(private readonly deps: ProfileStoreDeps) {}

  list(): RedactionProfile[] {
    const rows = this.deps
      .db()
      .prepare('SELECT body FROM redaction_profile ORDER BY created_at, rowid')
      .all() as Array<{ body: string }>;
    return [...BUILTIN_PROFILES, ...rows.map((row) => parseStored(row.body))];
  }

  /** By id, or by either of its names (case-insensitive), for the CLI's `--profile NAME`. */
  find(idOrName: string): RedactionProfile {
    const wanted = idOrName.trim().toLocaleLowerCase();
    const found = this.list().find(
      (p) =>
        p.id === wanted ||
        p.name.uk.toLocaleLowerCase() === wanted ||
        p.name.en.toLocaleLowerCase() === wanted,
    );
    if (!found) throw new AppError('NOT_FOUND', 'No such redaction profile');
    return found;
  }

  add(input: ProfileInput): RedactionProfile {
    const profile = redactionProfileSchema.parse({
      ...input,
      id: `custom-${randomBytes(4).toString('hex')}`,
    });
    const taken = this.list().some((p) =>
      [p.name.uk, p.name.en].some((n) =>
        [profile.name.uk, profile.name.en].some(
          (m) => n.toLocaleLowerCase() === m.toLocaleLowerCase(),
        ),
      ),
    );
    if (taken) throw new AppError('CONFLICT', 'A profile with this name exists');
    const db = this.deps.db();
    try {
      db.transaction(() => {
        db.prepare(
          'INSERT INTO redaction_profile (id, name, body, created_at) VALUES (?, ?, ?, ?)',
        ).run(
          profile.id,
          profile.name.en,
          JSON.stringify(profile),
          (this.deps.now?.() ?? new Date()).toISOString(),
        );
        this.deps.custody.record(
          'redaction.changed',
          {},
          { op: 'profile_added', profileId: profile.id },
        );
      })();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw toStorageError(error);
    }
    return profile;
  }
}

function parseStored(body: string): RedactionProfile {
  const parsed = redactionProfileSchema.safeParse(JSON.parse(body));
  if (!parsed.success)
    throw new AppError('VAULT_CORRUPT', 'A stored redaction profile is malformed');
  return parsed.data;
}
