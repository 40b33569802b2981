/**
 * Rows of interview_event: the flow of an interview, append-only. Main stores only events that
 * shared/forms/sessions.ts allows in the current state, so replaying them (deriveFlow) on either
 * side of the boundary gives the same sessions.
 */
import { randomUUID } from 'node:crypto';
import type { InterviewEvent, InterviewEventKind } from '../../../shared/forms/sessions';
import type { Db } from '../vault';

interface EventRow {
  seq: number;
  kind: InterviewEventKind;
  at: string;
  section_id: string | null;
  reason: string | null;
  qualified: number | null;
}

export interface NewEvent {
  readonly kind: InterviewEventKind;
  readonly sectionId?: string | undefined;
  readonly reason?: string | undefined;
  readonly qualified?: boolean | undefined;
}

export function readEvents(db: Db, testimonyId: string): InterviewEvent[] {
  const rows = db
    .prepare(
      `SELECT seq, kind, at, section_id, reason, qualified FROM interview_event
        WHERE testimony_id = ? ORDER BY seq`,
    )
    .all(testimonyId) as EventRow[];
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind,
    at: r.at,
    ...(r.section_id === null ? {} : { sectionId: r.section_id }),
    ...(r.reason === null ? {} : { reason: r.reason }),
    ...(r.qualified === null ? {} : { qualified: r.qualified === 1 }),
  }));
}

/** Appends the next event; call inside the transaction that checked it may come next. */
export function appendEvent(
  db: Db,
  testimonyId: string,
  seq: number,
  event: NewEvent,
  at: string,
  author: string,
): void {
  db.prepare(
    `INSERT INTO interview_event (id, testimony_id, seq, kind, at, section_id, reason, qualified,
       author)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    randomUUID(),
    testimonyId,
    seq,
    event.kind,
    at,
    event.sectionId ?? null,
    event.reason ?? null,
    event.qualified === undefined ? null : event.qualified ? 1 : 0,
    author,
  );
}
