/**
 * The consent gate, read from the latest revision of section B. Until the survivor consented to
 * the interview and to storing identifying data, nothing but the record code and section B may
 * be stored: no other section, no narrative, no attachment. The stores that write those call
 * `requireCanStore` inside their own write transaction, so the answer cannot change between the
 * check and the write.
 *
 * A withdrawal of either scope closes the gate again (shared/forms/consent.ts: a withdrawn scope
 * is no longer granted): what was stored stays, append-only, but nothing more is added until
 * section B says otherwise.
 */
import { AppError } from '../../../shared/errors';
import { CONSENT_SECTION, consentStatus } from '../../../shared/forms/consent';
import type { ConsentStatus } from '../../../shared/forms/consent';
import type { Db } from '../vault';
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
