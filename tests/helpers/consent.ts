/**
 * Consent, as an interviewer records it in section B: nothing but the record code and section B
 * can be stored before it (electron/main/interviews/consent-gate.ts). Tests that save a narrative,
 * an attachment or a section call `recordConsent` first, through the same channel the app uses —
 * the gate itself is never bypassed. No test framework imports: the bench and the e2e suite
 * (Playwright) may use it too.
 */
import { randomUUID } from 'node:crypto';
import type { GroupItem, SectionAnswers } from '../../shared/forms/answers';
import type { ConsentScope } from '../../shared/forms/consent';

/** What consent the gate needs before anything more than section B is stored. */
export const STORE_SCOPES: readonly ConsentScope[] = ['interview', 'store_identifying'];
/** Well in the past on any clock: a date after "now" is refused as a typing slip. */
export const CONSENT_DATE = '2024-05-14';

const answered = (value: string) => ({ state: 'answered' as const, value });

/** One item of section B's `scopes` group. */
export function consentItem(
  scope: ConsentScope,
  decision: 'granted' | 'refused' = 'granted',
  date = CONSENT_DATE,
  method: 'written' | 'verbal_recorded' | 'verbal_witnessed' = 'written',
): GroupItem {
  return {
    id: randomUUID(),
    answers: {
      scope: answered(scope),
      decision: answered(decision),
      date: answered(date),
      method: answered(method),
    },
  };
}

/** One item of section B's `withdrawals` group. */
export function withdrawalItem(scope: ConsentScope, date = CONSENT_DATE): GroupItem {
  return {
    id: randomUUID(),
    answers: { scope: answered(scope), date: answered(date), recipients_told: answered('no') },
  };
}

/** Section B's answers: the explanation given, the scopes granted, any withdrawals. */
export function consentAnswers(
  scopes: readonly ConsentScope[] = STORE_SCOPES,
  withdrawn: readonly ConsentScope[] = [],
): SectionAnswers {
  const answers: SectionAnswers = {
    explanation_given: answered('yes'),
    scopes: { state: 'answered', value: { items: scopes.map((s) => consentItem(s)) } },
  };
  if (withdrawn.length > 0) {
    answers['withdrawals'] = {
      state: 'answered',
      value: { items: withdrawn.map((s) => withdrawalItem(s)) },
    };
  }
  return answers;
}

/** Anything with the app's one dispatch function (createApi's Api, a test API's `api`). */
interface Dispatching {
  dispatch(
    channel: unknown,
    input: unknown,
  ): Promise<
    { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }
  >;
}

/**
 * Saves section B with the interview and storing identifying data granted (or `scopes`), as
 * the first revision of B, and returns that revision. Throws with the error code otherwise.
 */
export async function recordConsent(
  api: Dispatching,
  testimonyId: string,
  scopes: readonly ConsentScope[] = STORE_SCOPES,
  baseRevision = 0,
): Promise<number> {
  const result = await api.dispatch('interview:saveSection', {
    testimonyId,
    sectionId: 'B',
    answers: consentAnswers(scopes),
    baseRevision,
  });
  if (!result.ok) throw new Error(`recordConsent: ${result.error.code}: ${result.error.message}`);
  return (result.value as { revision: number }).revision;
}
