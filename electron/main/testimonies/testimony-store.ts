/**
 * Testimonies in the vault database. Every save appends a revision chained by hash to the one
 * before it; nothing is ever updated in place, so the history stands as evidence.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { toStorageError } from '../files';
import { SNIPPET_END, SNIPPET_START } from '../../../shared/search';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import type { CustodyRecorder } from '../custody';
import type { Db } from '../vault';

export interface TestimonySummary {
  id: string;
  recordCode: string;
  createdAt: string;
  updatedAt: string;
  consentGiven: boolean;
  consentWithdrawn: boolean;
}

/** The template a testimony is taken with, pinned at creation. */
export interface TemplatePin {
  readonly id: string;
  readonly version: number;
}

/**
 * The consent gate (kept by the interviews service, read from section B). Nothing but the record
 * code and section B is stored before consent; the store asks inside its write transaction.
 */
export interface TestimonyConsent {
  /** Throws CONSENT_REQUIRED unless more than the record code may be stored. */
  requireCanStore(testimonyId: string): void;
  summary(testimonyId: string): { consentGiven: boolean; consentWithdrawn: boolean };
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

/** The latest change: the newest narrative or section revision (ISO times compare as text). */
const UPDATED_AT = `MAX(t.created_at,
  COALESCE((SELECT MAX(created_at) FROM testimony_revision WHERE testimony_id = t.id), ''),
  COALESCE((SELECT MAX(created_at) FROM section_revision WHERE testimony_id = t.id), ''))`;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash that chains a revision to the one before it; covers who, when, what and where. */
export function revisionHashOf(r: {
  revisionId: string;
  testimonyId: string;
  seq: number;
  createdAt: string;
  author: string;
  contentHash: string;
  prevHash: string | null;
}): string {
  return sha256(
    JSON.stringify([
      r.revisionId,
      r.testimonyId,
      r.seq,
      r.createdAt,
      r.author,
      r.contentHash,
      r.prevHash,
    ]),
  );
}

export interface RevisionSummary {
  seq: number;
  createdAt: string;
  author: string;
  contentHash: string;
  revisionHash: string;
  chars: number;
}

export interface SearchHit {
  id: string;
  recordCode: string;
  excerpt: string;
}

export interface TestimonyStoreDeps {
  readonly db: () => Db;
  /** Records created and revised inside the same transaction as the change. */
  readonly custody: CustodyRecorder;
  /** Who is saving: stored with each revision. */
  readonly author: () => string;
  readonly consent: TestimonyConsent;
  /** What new testimonies are taken with; the current built-in template by default. */
  readonly template?: () => TemplatePin;
  readonly now?: () => Date;
}

export class TestimonyStore {
  private readonly db: () => Db;
  private readonly now: () => Date;

  constructor(private readonly deps: TestimonyStoreDeps) {
    this.db = deps.db;
    this.now = deps.now ?? (() => new Date());
  }

  list(): TestimonySummary[] {
    const rows = this.db()
      .prepare(
        `SELECT t.id, t.record_code, t.created_at, ${UPDATED_AT} AS updated_at
           FROM testimony t ORDER BY t.created_at DESC, t.record_code`,
      )
      .all() as Array<{ id: string; record_code: string; created_at: string; updated_at: string }>;
    return rows.map((r) => ({
      id: r.id,
      recordCode: r.record_code,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      ...this.deps.consent.summary(r.id),
    }));
  }

  /** A new testimony, pinned to `template` (the current one unless an import names another). */
  create(recordCode: string, template: TemplatePin = this.currentTemplate()): TestimonySummary {
    const id = randomUUID();
    const createdAt = this.now().toISOString();
    const db = this.db();
    try {
      db.transaction(() => {
        db.prepare(
          `INSERT INTO testimony (id, record_code, created_at, template_id, template_version)
           VALUES (?, ?, ?, ?, ?)`,
        ).run(id, recordCode, createdAt, template.id, template.version);
        this.deps.custody.record(
          'testimony.created',
          { testimonyId: id },
          { templateId: template.id, templateVersion: template.version },
        );
      })();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new AppError('DUPLICATE_RECORD_CODE', 'A testimony with this record code exists');
      }
      throw toStorageError(error);
    }
    return { id, recordCode, createdAt, updatedAt: createdAt, ...this.deps.consent.summary(id) };
  }

  /** The id of the testimony with this record code (codes are unique). */
  idByCode(recordCode: string): string {
    const row = this.db()
      .prepare('SELECT id FROM testimony WHERE record_code = ?')
      .get(recordCode.normalize('NFC')) as { id: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No testimony has this record code');
    return row.id;
  }

  get(id: string): Testimony {
    const db = this.db();
    const row = db
      .prepare(
        `SELECT t.id, t.record_code, t.created_at, ${UPDATED_AT} AS updated_at
           FROM testimony t WHERE t.id = ?`,
      )
      .get(id) as
      { id: string; record_code: string; created_at: string; updated_at: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No such testimony');
    const latest = this.latestRevision(db, id);
    return {
      id: row.id,
      recordCode: row.record_code,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      ...this.deps.consent.summary(id),
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
      this.deps.consent.requireCanStore(id);
      const seq = current + 1;
      const revisionId = randomUUID();
      const createdAt = this.now().toISOString();
      const contentHash = sha256(narrative);
      const prevHash = latest?.revision_hash ?? null;
      const author = this.deps.author();
      const revisionHash = revisionHashOf({
        revisionId,
        testimonyId: id,
        seq,
        createdAt,
        author,
        contentHash,
        prevHash,
      });
      db.prepare(
        `INSERT INTO testimony_revision (id, testimony_id, seq, narrative, content_hash,
           prev_hash, revision_hash, created_at, author)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(revisionId, id, seq, narrative, contentHash, prevHash, revisionHash, createdAt, author);
      // The search index holds the current text only; it is rebuilt per save, in the same
      // transaction, so search never shows text the testimony no longer has.
      const { rowid } = db.prepare('SELECT rowid FROM testimony WHERE id = ?').get(id) as {
        rowid: number;
      };
      db.prepare('DELETE FROM testimony_search WHERE rowid = ?').run(rowid);
      db.prepare('INSERT INTO testimony_search (rowid, narrative) VALUES (?, ?)').run(
        rowid,
        narrative,
      );
      this.deps.custody.record(
        'testimony.revised',
        { testimonyId: id },
        { seq, contentHash, revisionHash, chars: narrative.length },
      );
      return { revision: seq, savedAt: createdAt };
    });
    try {
      return save();
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /**
   * Testimonies whose current narrative or interview answers contain `query` (3+ characters, any
   * case), narrative matches first, each with a short excerpt around the match. Highlights are
   * marked with SNIPPET_START/END.
   */
  search(query: string, limit = 50): SearchHit[] {
    const phrase = `"${query.replaceAll('"', '""')}"`;
    const hits = new Map<string, SearchHit>();
    // The answers' index is kept by the interviews service (migration 0005), one row per testimony.
    for (const table of ['testimony_search', 'interview_search'] as const) {
      const rows = this.db()
        .prepare(
          `SELECT t.id, t.record_code, snippet(${table}, 0, ?, ?, '…', 12) AS excerpt
             FROM ${table} s JOIN testimony t ON t.rowid = s.rowid
            WHERE ${table} MATCH ?
            ORDER BY rank LIMIT ?`,
        )
        .all(SNIPPET_START, SNIPPET_END, phrase, limit) as Array<{
        id: string;
        record_code: string;
        excerpt: string;
      }>;
      for (const r of rows) {
        if (hits.size >= limit) break;
        if (!hits.has(r.id))
          hits.set(r.id, { id: r.id, recordCode: r.record_code, excerpt: r.excerpt });
      }
    }
    return [...hits.values()];
  }

  /** Every revision of a testimony, oldest first, without the texts. */
  history(id: string): RevisionSummary[] {
    const db = this.db();
    if (!db.prepare('SELECT 1 FROM testimony WHERE id = ?').get(id)) {
      throw new AppError('NOT_FOUND', 'No such testimony');
    }
    const rows = db
      .prepare(
        `SELECT seq, created_at, author, content_hash, revision_hash, length(narrative) AS chars
           FROM testimony_revision WHERE testimony_id = ? ORDER BY seq`,
      )
      .all(id) as Array<{
      seq: number;
      created_at: string;
      author: string;
      content_hash: string;
      revision_hash: string;
      chars: number;
    }>;
    return rows.map((r) => ({
      seq: r.seq,
      createdAt: r.created_at,
      author: r.author,
      contentHash: r.content_hash,
      revisionHash: r.revision_hash,
      chars: r.chars,
    }));
  }

  /** The text of one revision; revision 0 is the empty text a testimony starts with. */
  revisionText(id: string, seq: number): string {
    if (seq === 0) {
      if (!this.db().prepare('SELECT 1 FROM testimony WHERE id = ?').get(id)) {
        throw new AppError('NOT_FOUND', 'No such testimony');
      }
      return '';
    }
    const row = this.db()
      .prepare('SELECT narrative FROM testimony_revision WHERE testimony_id = ? AND seq = ?')
      .get(id, seq) as { narrative: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No such revision');
    return row.narrative;
  }

  private currentTemplate(): TemplatePin {
    const pin = this.deps.template?.() ?? CURRENT_TEMPLATE;
    return { id: pin.id, version: pin.version };
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
