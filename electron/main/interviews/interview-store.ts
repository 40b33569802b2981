/**
 * The structured interview of a testimony: its sections' answers, saved as append-only revisions
 * checked against the template the testimony pinned, and its flow of sessions as events. Every
 * write commits together with its register links, search text and custody entry, or not at all.
 *
 * Gates, in this order: section B can always be saved, but an identifying answer in it only with
 * consent to the interview and to storing identifying data, recorded before or in the same save;
 * any other section needs that consent recorded (CONSENT_REQUIRED for both); a gated section
 * (sexual violence) also needs the interviewer marked qualified and the survivor's specific
 * consent (SECTION_LOCKED).
 */
import { AppError } from '../../../shared/errors';
import type { SectionAnswers } from '../../../shared/forms/answers';
import { CONSENT_SECTION, consentStatus } from '../../../shared/forms/consent';
import type { ConsentScope, ConsentStatus } from '../../../shared/forms/consent';
import { canApply, deriveFlow } from '../../../shared/forms/sessions';
import type { InterviewEvent } from '../../../shared/forms/sessions';
import { findSection } from '../../../shared/forms/template';
import type { Template } from '../../../shared/forms/template';
import { getTemplate } from '../../../shared/forms/templates';
import type { CustodyRecorder } from '../custody';
import { toStorageError } from '../files';
import { entryExists } from '../registers';
import type { Db } from '../vault';
import { answerTexts, checkAnswers } from './answer-check';
import type { RegisterRef } from './answer-check';
import { consentOf, consentRequired, requireIdentifyingAllowed } from './consent-gate';
import { withExplanationHash } from './explanation';
import { requireWithdrawalsKept } from './withdrawals';
import { appendEvent, readEvents } from './interview-events';
import type { NewEvent } from './interview-events';
import {
  answersJsonOf,
  answersOf,
  appendSectionRevision,
  latestSectionRevision,
  latestSectionRevisions,
  requireTestimonyRow,
} from './section-revisions';
import type { SectionRevisionRow, TestimonyRow } from './section-revisions';

export interface InterviewStoreDeps {
  readonly db: () => Db;
  readonly custody: CustodyRecorder;
  /** Who is saving: stored with each revision and event. */
  readonly author: () => string;
  readonly now?: () => Date;
  /** Looks a pinned template up; every version ever shipped (tests add their own). */
  readonly template?: (id: string, version: number) => Template | undefined;
}

/** A consent status that crosses the boundary (plain arrays). */
export interface ConsentView {
  readonly granted: ConsentScope[];
  readonly withdrawn: ConsentScope[];
  readonly canStore: boolean;
}

export interface SectionState {
  readonly answers: SectionAnswers;
  readonly revision: number;
  readonly savedAt: string | null;
}

export interface Interview {
  readonly templateId: string;
  readonly templateVersion: number;
  /** Every section of the pinned template; one never saved is empty at revision 0. */
  readonly sections: Record<string, SectionState>;
  readonly consent: ConsentView;
  readonly events: InterviewEvent[];
}

export interface SavedSection {
  readonly revision: number;
  readonly savedAt: string;
  readonly consent: ConsentView;
}

export class InterviewStore {
  private readonly db: () => Db;
  private readonly now: () => Date;
  private readonly template: (id: string, version: number) => Template | undefined;

  constructor(private readonly deps: InterviewStoreDeps) {
    this.db = deps.db;
    this.now = deps.now ?? (() => new Date());
    this.template = deps.template ?? getTemplate;
  }

  get(testimonyId: string): Interview {
    const db = this.db();
    const row = requireTestimonyRow(db, testimonyId);
    const template = this.pinned(row);
    const saved = new Map(latestSectionRevisions(db, testimonyId).map((r) => [r.section_id, r]));
    const sections: Record<string, SectionState> = {};
    for (const section of template.sections) {
      const latest = saved.get(section.id);
      sections[section.id] = {
        answers: answersOf(latest),
        revision: latest?.seq ?? 0,
        savedAt: latest?.created_at ?? null,
      };
    }
    return {
      templateId: row.template_id,
      templateVersion: row.template_version,
      sections,
      consent: view(consentStatus(answersOf(saved.get(CONSENT_SECTION)))),
      events: readEvents(db, testimonyId),
    };
  }

  /** The consent status alone, from section B's latest revision: no answer leaves. */
  consent(testimonyId: string): ConsentView {
    const db = this.db();
    requireTestimonyRow(db, testimonyId);
    return view(consentOf(db, testimonyId));
  }

  /** A section's answers as saved in revision `seq`, or undefined when there is none. */
  sectionAt(testimonyId: string, sectionId: string, seq: number): SectionAnswers | undefined {
    const row = this.db()
      .prepare(
        `SELECT section_id, seq, answers, content_hash, revision_hash, created_at
           FROM section_revision WHERE testimony_id = ? AND section_id = ? AND seq = ?`,
      )
      .get(testimonyId, sectionId, seq) as SectionRevisionRow | undefined;
    return row ? answersOf(row) : undefined;
  }

  /**
   * Replaces a section's answers with a new revision. `baseRevision` is the section revision the
   * form started from; a mismatch means another writer saved meanwhile (CONFLICT, not merged).
   */
  saveSection(
    testimonyId: string,
    sectionId: string,
    sent: SectionAnswers,
    baseRevision: number,
  ): SavedSection {
    const db = this.db();
    const save = db.transaction((): SavedSection => {
      const row = requireTestimonyRow(db, testimonyId);
      const latest = latestSectionRevision(db, testimonyId, sectionId);
      if ((latest?.seq ?? 0) !== baseRevision) {
        throw new AppError('CONFLICT', 'The section changed since it was opened');
      }
      const template = this.pinned(row);
      const section = findSection(template, sectionId);
      if (!section) {
        throw new AppError('INVALID_ANSWER', `Section ${sectionId} is not in this template`);
      }
      // The gates come first: answers that may not be stored are not even looked at.
      const stored = sectionId === CONSENT_SECTION ? undefined : consentOf(db, testimonyId);
      if (stored && !stored.canStore) throw consentRequired();
      if (section.gate === 'sexual_violence') this.requireSexualViolenceGate(db, testimonyId);
      const answers =
        sectionId === CONSENT_SECTION ? withExplanationHash(template, section, sent) : sent;
      if (sectionId === CONSENT_SECTION) {
        // B opens the gate itself: its identifying answers wait for the consent they need.
        requireIdentifyingAllowed(section, answersOf(latest), answers);
        requireWithdrawalsKept(answersOf(latest), answers);
      }
      const refs = checkAnswers(template, section, answers, this.now(), (register, id) =>
        entryExists(db, register, id),
      );
      // Saving B can open (or shut) the gate; the answer is read from what is being saved.
      const consent = stored ?? consentStatus(answers);

      const answersJson = answersJsonOf(answers);
      // The same answers again (an autosave with nothing new) add no revision.
      if (latest && latest.answers === answersJson) {
        return { revision: latest.seq, savedAt: latest.created_at, consent: view(consent) };
      }
      const appended = appendSectionRevision(db, {
        testimonyId,
        sectionId,
        answersJson,
        previous: latest,
        author: this.deps.author(),
        createdAt: this.now().toISOString(),
      });
      replaceLinks(db, testimonyId, sectionId, refs);
      this.reindex(db, testimonyId, row.rowid, template);
      this.deps.custody.record(
        'interview.section_saved',
        { testimonyId },
        {
          sectionId,
          seq: appended.seq,
          contentHash: appended.contentHash,
          revisionHash: appended.revisionHash,
        },
      );
      return { revision: appended.seq, savedAt: appended.createdAt, consent: view(consent) };
    });
    try {
      return save();
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /**
   * Records a step of the interview's flow if the current state allows it (INTERVIEW_STATE
   * otherwise). Sessions may start before consent, which is taken during the first one; a
   * reason (free text the survivor gave) is stored only once consent allows storing.
   */
  event(testimonyId: string, event: NewEvent): InterviewEvent[] {
    checkEventFields(event);
    const db = this.db();
    const record = db.transaction((): InterviewEvent[] => {
      const row = requireTestimonyRow(db, testimonyId);
      if (event.sectionId !== undefined && !findSection(this.pinned(row), event.sectionId)) {
        throw new AppError('BAD_INPUT', 'No such section in this template');
      }
      const events = readEvents(db, testimonyId);
      if (!canApply(deriveFlow(events).state, event.kind)) {
        throw new AppError('INTERVIEW_STATE', `${event.kind} is not possible now`);
      }
      if (event.reason !== undefined && !consentOf(db, testimonyId).canStore) {
        throw consentRequired();
      }
      const seq = (events.at(-1)?.seq ?? 0) + 1;
      appendEvent(db, testimonyId, seq, event, this.now().toISOString(), this.deps.author());
      this.deps.custody.record(
        'interview.event',
        { testimonyId },
        { kind: event.kind, seq, sectionId: event.sectionId ?? null },
      );
      return readEvents(db, testimonyId);
    });
    try {
      return record();
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** The template a testimony pinned. */
  private pinned(row: TestimonyRow): Template {
    const template = this.template(row.template_id, row.template_version);
    if (!template) {
      // Templates come with new versions of Svidok: this one was taken with a newer build.
      throw new AppError(
        'VAULT_FROM_FUTURE',
        'This testimony was taken with a newer template; update Svidok',
      );
    }
    return template;
  }

  private requireSexualViolenceGate(db: Db, testimonyId: string): void {
    const qualified = deriveFlow(readEvents(db, testimonyId)).qualified;
    const consented = consentOf(db, testimonyId).granted.includes('sexual_violence_questions');
    if (!qualified || !consented) {
      throw new AppError(
        'SECTION_LOCKED',
        'This section needs a qualified interviewer and the specific consent',
      );
    }
  }

  /** The search index holds the text of the latest answers of every section, in one row. */
  private reindex(db: Db, testimonyId: string, rowid: number, template: Template): void {
    const texts: string[] = [];
    for (const saved of latestSectionRevisions(db, testimonyId)) {
      const section = findSection(template, saved.section_id);
      if (section) texts.push(...answerTexts(section, answersOf(saved)));
    }
    db.prepare('DELETE FROM interview_search WHERE rowid = ?').run(rowid);
    if (texts.length > 0) {
      db.prepare('INSERT INTO interview_search (rowid, answers) VALUES (?, ?)').run(
        rowid,
        texts.join('\n'),
      );
    }
  }
}

function view(status: ConsentStatus): ConsentView {
  return {
    granted: [...status.granted],
    withdrawn: [...status.withdrawn],
    canStore: status.canStore,
  };
}

/** Links mirror the latest answers of the section: replaced on every save of it. */
function replaceLinks(db: Db, testimonyId: string, sectionId: string, refs: RegisterRef[]): void {
  db.prepare('DELETE FROM register_link WHERE testimony_id = ? AND section_id = ?').run(
    testimonyId,
    sectionId,
  );
  const insert = db.prepare(
    `INSERT INTO register_link (testimony_id, section_id, register, entry_id, path)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (const ref of refs) insert.run(testimonyId, sectionId, ref.register, ref.entryId, ref.path);
}

/** Which fields an event kind carries; anything else is a malformed call. */
function checkEventFields(event: NewEvent): void {
  const skip = event.kind === 'section_skipped';
  const reasonAllowed = skip || event.kind === 'session_stopped';
  const qualifiedSet = event.kind === 'qualified_set';
  if (
    skip !== (event.sectionId !== undefined) ||
    (!reasonAllowed && event.reason !== undefined) ||
    qualifiedSet !== (event.qualified !== undefined)
  ) {
    throw new AppError('BAD_INPUT', `These fields do not fit a ${event.kind} event`);
  }
}
