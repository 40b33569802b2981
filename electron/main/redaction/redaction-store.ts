/**
 * The redaction sets of the vault's testimonies (issue 6): rows in `redaction`, a layer over the
 * testimony that never touches it. Adding and removing are custody entries that name the
 * redaction by id, kind and category only: not its text, and not a hash of it, because the
 * custody log travels in bundles and a hash of a short name can be guessed.
 */
import { AppError } from '../../../shared/errors';
import { redactionSchema } from '../../../shared/redaction';
import type { Redaction } from '../../../shared/redaction';
import type { CustodyRecorder } from '../custody';
import { toStorageError } from '../files';
import type { Db } from '../vault';

export interface StoredRedaction {
  readonly redaction: Redaction;
  readonly createdAt: string;
}

export interface RedactionStoreDeps {
  readonly db: () => Db;
  readonly custody: CustodyRecorder;
  readonly now?: () => Date;
}

interface Row {
  body: string;
  created_at: string;
}

/** A set larger than this is a runaway script, not an interviewer. */
export const MAX_REDACTIONS_PER_TESTIMONY = 5_000;

export class RedactionStore {
  private readonly now: () => Date;

  constructor(private readonly deps: RedactionStoreDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The redactions in force for a testimony, oldest first. */
  list(testimonyId: string): StoredRedaction[] {
    const rows = this.deps
      .db()
      .prepare(
        `SELECT body, created_at FROM redaction
          WHERE testimony_id = ? AND removed_at IS NULL ORDER BY created_at, rowid`,
      )
      .all(testimonyId) as Row[];
    return rows.map((row) => ({
      // Stored only after this same schema accepted it; a row that no longer parses is damage.
      redaction: parseStored(row.body),
      createdAt: row.created_at,
    }));
  }

  /**
   * Stores one redaction. `check` runs inside the transaction, against the testimony as it is
   * now (a span must point into the current text), and throws to refuse.
   */
  add(testimonyId: string, redaction: Redaction, check: () => void): StoredRedaction {
    const parsed = redactionSchema.parse(redaction);
    const createdAt = this.now().toISOString();
    const db = this.deps.db();
    this.write(() => {
      if (!db.prepare('SELECT 1 FROM testimony WHERE id = ?').get(testimonyId)) {
        throw new AppError('NOT_FOUND', 'No such testimony');
      }
      if (db.prepare('SELECT 1 FROM redaction WHERE id = ?').get(parsed.id)) {
        throw new AppError('CONFLICT', 'A redaction with this id exists');
      }
      const count = db
        .prepare(
          'SELECT count(*) AS n FROM redaction WHERE testimony_id = ? AND removed_at IS NULL',
        )
        .get(testimonyId) as { n: number };
      if (count.n >= MAX_REDACTIONS_PER_TESTIMONY) {
        throw new AppError('BAD_INPUT', 'This testimony has too many redactions');
      }
      check();
      db.prepare(
        `INSERT INTO redaction (id, testimony_id, kind, body, created_at) VALUES (?, ?, ?, ?, ?)`,
      ).run(parsed.id, testimonyId, parsed.kind, JSON.stringify(parsed), createdAt);
      this.deps.custody.record(
        'redaction.changed',
        { testimonyId },
        { op: 'added', redactionId: parsed.id, kind: parsed.kind, category: parsed.category },
      );
    });
    return { redaction: parsed, createdAt };
  }

  /** Removes a redaction from the set; the row stays, stamped, so history keeps it. */
  remove(testimonyId: string, redactionId: string): void {
    const db = this.deps.db();
    this.write(() => {
      const row = db
        .prepare(
          `SELECT kind, body FROM redaction
            WHERE id = ? AND testimony_id = ? AND removed_at IS NULL`,
        )
        .get(redactionId, testimonyId) as { kind: string; body: string } | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'No such redaction');
      db.prepare('UPDATE redaction SET removed_at = ? WHERE id = ?').run(
        this.now().toISOString(),
        redactionId,
      );
      this.deps.custody.record(
        'redaction.changed',
        { testimonyId },
        {
          op: 'removed',
          redactionId,
          kind: row.kind,
          category: parseStored(row.body).category,
        },
      );
    });
  }

  private write(body: () => void): void {
    try {
      this.deps.db().transaction(body)();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw toStorageError(error);
    }
  }
}

function parseStored(body: string): Redaction {
  const parsed = redactionSchema.safeParse(JSON.parse(body));
  if (!parsed.success) throw new AppError('VAULT_CORRUPT', 'A stored redaction is malformed');
  return parsed.data;
}
