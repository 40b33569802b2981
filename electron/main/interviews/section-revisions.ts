/**
 * Rows of section_revision: each save of one section's answers, append-only and chained by hash
 * to the section's previous revision. The answers are stored as canonical JSON (sorted keys), so
 * the content hash depends on what was answered, not on the order the keys arrived in.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { SectionAnswers } from '../../../shared/forms/answers';
import { canonicalJson } from '../vault';
import type { Db } from '../vault';

export interface SectionRevisionRow {
  readonly section_id: string;
  readonly seq: number;
  readonly answers: string;
  readonly content_hash: string;
  readonly revision_hash: string;
  readonly created_at: string;
}

export interface TestimonyRow {
  readonly rowid: number;
  readonly template_id: string;
  readonly template_version: number;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash that chains a section revision to the one before it: who, when, what and where. */
export function sectionRevisionHashOf(r: {
  revisionId: string;
  testimonyId: string;
  sectionId: string;
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
      r.sectionId,
      r.seq,
      r.createdAt,
      r.author,
      r.contentHash,
      r.prevHash,
    ]),
  );
}

export function requireTestimonyRow(db: Db, testimonyId: string): TestimonyRow {
  const row = db
    .prepare('SELECT rowid, template_id, template_version FROM testimony WHERE id = ?')
    .get(testimonyId) as TestimonyRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such testimony');
  return row;
}

export function latestSectionRevision(
  db: Db,
  testimonyId: string,
  sectionId: string,
): SectionRevisionRow | undefined {
  return db
    .prepare(
      `SELECT section_id, seq, answers, content_hash, revision_hash, created_at
         FROM section_revision WHERE testimony_id = ? AND section_id = ?
        ORDER BY seq DESC LIMIT 1`,
    )
    .get(testimonyId, sectionId) as SectionRevisionRow | undefined;
}

/** The latest revision of every section of a testimony that has one. */
export function latestSectionRevisions(db: Db, testimonyId: string): SectionRevisionRow[] {
  return db
    .prepare(
      `SELECT s.section_id, s.seq, s.answers, s.content_hash, s.revision_hash, s.created_at
         FROM section_revision s
        WHERE s.testimony_id = ?
          AND s.seq = (SELECT MAX(seq) FROM section_revision
                        WHERE testimony_id = s.testimony_id AND section_id = s.section_id)
        ORDER BY s.section_id`,
    )
    .all(testimonyId) as SectionRevisionRow[];
}

/** The stored answers; the database only ever holds what the store wrote (valid JSON). */
export function answersOf(row: SectionRevisionRow | undefined): SectionAnswers {
  return row ? (JSON.parse(row.answers) as SectionAnswers) : {};
}

export interface AppendedRevision {
  readonly seq: number;
  readonly createdAt: string;
  readonly contentHash: string;
  readonly revisionHash: string;
}

/** Appends the next revision of a section; call inside the save's transaction. */
export function appendSectionRevision(
  db: Db,
  r: {
    testimonyId: string;
    sectionId: string;
    answersJson: string;
    previous: SectionRevisionRow | undefined;
    author: string;
    createdAt: string;
  },
): AppendedRevision {
  const revisionId = randomUUID();
  const seq = (r.previous?.seq ?? 0) + 1;
  const contentHash = sha256(r.answersJson);
  const prevHash = r.previous?.revision_hash ?? null;
  const revisionHash = sectionRevisionHashOf({
    revisionId,
    testimonyId: r.testimonyId,
    sectionId: r.sectionId,
    seq,
    createdAt: r.createdAt,
    author: r.author,
    contentHash,
    prevHash,
  });
  db.prepare(
    `INSERT INTO section_revision (id, testimony_id, section_id, seq, answers, content_hash,
       prev_hash, revision_hash, author, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    revisionId,
    r.testimonyId,
    r.sectionId,
    seq,
    r.answersJson,
    contentHash,
    prevHash,
    revisionHash,
    r.author,
    r.createdAt,
  );
  return { seq, createdAt: r.createdAt, contentHash, revisionHash };
}

export const answersJsonOf = (answers: SectionAnswers): string => canonicalJson(answers);
