/**
 * The consent gate, read from the latest revision of section B. Until the survivor consented to
 * the interview and to storing identifying data, nothing but the record code and section B may
 * be stored: no other section, no narrative, no attachment. The stores that write those call
 * `requireCanStore` inside their own write transaction, so the answer cannot change between the
 * check and the write.
 *
 * Section B itself is saved before consent (it is where consent is recorded), but without an
 * identifying answer (a relative at risk, a guardian, a consent's witness) unless the answers
 * being saved grant both scopes themselves: `requireIdentifyingAllowed`.
 *
 * A withdrawal of either scope closes the gate again (shared/forms/consent.ts: a withdrawn scope
 * is no longer granted): what was stored stays, append-only, but nothing more is added until
 * section B says otherwise.
 */
import { AppError } from '../../../shared/errors';
import type { LeafAnswer, SectionAnswers } from '../../../shared/forms/answers';
import { CONSENT_SECTION, consentStatus } from '../../../shared/forms/consent';
import type { ConsentStatus } from '../../../shared/forms/consent';
import type { Section } from '../../../shared/forms/template';
import { canonicalJson } from '../vault';
import type { Db } from '../vault';
import { leafAnswers } from './answer-check';
import { answersOf, latestSectionRevision, requireTestimonyRow } from './section-revisions';

export interface ConsentSummary {
  readonly consentGiven: boolean;
  readonly consentWithdrawn: boolean;
}

export class ConsentGate {
  constructor(private readonly db: () => Db) {}

  /** The consent of a testimony as its latest section B records it (NOT_FOUND if none). */
  status(testimonyId: string): ConsentStatus {
    const db = this.db();
    requireTestimonyRow(db, testimonyId);
    return consentOf(db, testimonyId);
  }

  /** What the testimony list shows. */
  summary(testimonyId: string): ConsentSummary {
    const status = consentOf(this.db(), testimonyId);
    return { consentGiven: status.canStore, consentWithdrawn: status.withdrawn.length > 0 };
  }

  /** Throws CONSENT_REQUIRED unless more than the record code and section B may be stored. */
  requireCanStore(testimonyId: string): void {
    if (!consentOf(this.db(), testimonyId).canStore) throw consentRequired();
  }
}

export function consentOf(db: Db, testimonyId: string): ConsentStatus {
  return consentStatus(answersOf(latestSectionRevision(db, testimonyId, CONSENT_SECTION)));
}

export function consentRequired(): AppError {
  return new AppError(
    'CONSENT_REQUIRED',
    'Consent to the interview and to storing identifying data is not recorded (section B)',
  );
}

/**
 * Without consent in `next` itself, refuses (CONSENT_REQUIRED) any identifying answer that
 * `previous` (the latest revision) does not hold as it is: a field of an identifying group counts
 * too. Answers stored while consent held may stay unchanged, or go: a withdrawal must be
 * recordable with the form as it stands, and carrying them over stores nothing new.
 */
export function requireIdentifyingAllowed(
  section: Section,
  previous: SectionAnswers,
  next: SectionAnswers,
): void {
  if (consentStatus(next).canStore) return;
  const stored = new Map<string, string>();
  for (const { path, answer } of identifyingAnswers(section, previous)) {
    stored.set(path, canonicalJson(answer));
  }
  const added: string[] = [];
  for (const { path, answer } of identifyingAnswers(section, next)) {
    if (stored.get(path) !== canonicalJson(answer)) added.push(path);
  }
  if (added.length > 0) {
    // Paths only, never values: messages reach logs.
    throw new AppError(
      'CONSENT_REQUIRED',
      `Section ${section.id}: identifying answers need consent to the interview and to storing ` +
        `identifying data first (${added.slice(0, 5).join(', ')})`,
    );
  }
}

function* identifyingAnswers(
  section: Section,
  answers: SectionAnswers,
): Generator<{ path: string; answer: LeafAnswer }> {
  for (const { path, field, group, answer } of leafAnswers(section, answers)) {
    if (field.sensitivity === 'identifying' || group?.sensitivity === 'identifying') {
      yield { path, answer };
    }
  }
}
