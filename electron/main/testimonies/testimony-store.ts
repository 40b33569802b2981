/**
 * Testimonies in the vault database. Every save appends a revision chained by hash to the one
 * before it; nothing is ever updated in place, so the history stands as evidence.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { toStorageError } from '../files';
import type { Db } from '../vault';

export interface TestimonySummary {
  id: string;
  recordCode: string;
  createdAt: string;
  updatedAt: string;
}

export interface Testimony extends TestimonySummary {
  narrative: string;
  revision: number;
}

interface RevisionRow {
  seq: number;
  narrative: string;
  revision_hash: string;
  created_at: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export class TestimonyStore {
  constructor(
    private readonly db: () => Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): TestimonySummary[] {
    const rows = this.db()
      .prepare(
        `SELECT t.id, t.record_code, t.created_at,
                COALESCE(MAX(r.created_at), t.created_at) AS updated_at
           FROM testimony t LEFT JOIN testimony_revision r ON r.testimony_id = t.id
          GROUP BY t.id ORDER BY t.created_at DESC, t.record_code`,
      )
      .all() as Array<{ id: string; record_code: string; created_at: string; updated_at: string }>;
    return rows.map((r) => ({
      id: r.id,
      recordCode: r.record_code,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  create(recordCode: string): TestimonySummary {
    const id = randomUUID();
    const createdAt = this.now().toISOString();
    try {
      this.db()
        .prepare('INSERT INTO testimony (id, record_code, created_at) VALUES (?, ?, ?)')
        .run(id, recordCode, createdAt);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new AppError('DUPLICATE_RECORD_CODE', 'A testimony with this record code exists');
      }
      throw toStorageError(error);
    }
    return { id, recordCode, createdAt, updatedAt: createdAt };
  }

  get(id: string): Testimony {
    const db = this.db();
    const row = db
      .prepare('SELECT id, record_code, created_at FROM testimony WHERE id = ?')
      .get(id) as { id: string; record_code: string; created_at: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No such testimony');
    const latest = this.latestRevision(db, id);
    return {
      id: row.id,
      recordCode: row.record_code,
      createdAt: row.created_at,
      updatedAt: latest?.created_at ?? row.created_at,
      narrative: latest?.narrative ?? '',
      revision: latest?.seq ?? 0,
    };
  }

  /**
   * Appends a revision if the text changed. `baseRevision` is the revision the editor started
   * from; a mismatch means another writer saved meanwhile, and the save is refused, not merged.
   */
  saveNarrative(
    id: string,
    narrative: string,
    baseRevision: number,
  ): { revision: number; savedAt: string } {
    const db = this.db();
    const save = db.transaction(() => {
      const row = db.prepare('SELECT created_at FROM testimony WHERE id = ?').get(id) as
        { created_at: string } | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'No such testimony');
      const latest = this.latestRevision(db, id);
      const current = latest?.seq ?? 0;
      if (current !== baseRevision) {
        throw new AppError('CONFLICT', 'The testimony changed since it was opened');
      }
      // A new testimony reads as '' at revision 0, so saving '' then is no change either.
      if ((latest?.narrative ?? '') === narrative) {
        return { revision: current, savedAt: latest?.created_at ?? row.created_at };
      }
      const seq = current + 1;
      const revisionId = randomUUID();
      const createdAt = this.now().toISOString();
      const contentHash = sha256(narrative);
      const prevHash = latest?.revision_hash ?? null;
      const revisionHash = sha256(
        JSON.stringify([revisionId, id, seq, createdAt, contentHash, prevHash]),
      );
      db.prepare(
        `INSERT INTO testimony_revision
           (id, testimony_id, seq, narrative, content_hash, prev_hash, revision_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(revisionId, id, seq, narrative, contentHash, prevHash, revisionHash, createdAt);
      return { revision: seq, savedAt: createdAt };
    });
    try {
      return save();
    } catch (error) {
      throw toStorageError(error);
    }
  }

  private latestRevision(db: Db, id: string): RevisionRow | undefined {
    return db
      .prepare(
        `SELECT seq, narrative, revision_hash, created_at FROM testimony_revision
          WHERE testimony_id = ? ORDER BY seq DESC LIMIT 1`,
      )
      .get(id) as RevisionRow | undefined;
  }
}
