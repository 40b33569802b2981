/**
 * Consent, read from section B's answers. Until the survivor has consented to the interview and
 * to storing identifying data, only the record code and section B itself can be saved (main
 * enforces it; the UI follows). A withdrawal removes a scope however often it was granted before.
 *
 * Section B must have these fields (the template test checks it):
 *   scopes       group: scope (choice, CONSENT_SCOPES), decision (choice: granted | refused),
 *                date (date), method (choice: written | verbal_recorded | verbal_witnessed)
 *   withdrawals  group: scope (choice, CONSENT_SCOPES), date (date), recipients_told (yesno), note
 */
import type { SectionAnswers } from './answers';

export const CONSENT_SECTION = 'B';
export const CONSENT_SCOPES_FIELD = 'scopes';
export const CONSENT_WITHDRAWALS_FIELD = 'withdrawals';

/** Sharing scopes, one per recipient class: an export to a class needs its scope (issue 6). */
export const RECIPIENT_CLASSES = [
  'national_prosecutor',
  'icc_otp',
  'special_tribunal',
  'un_inquiry',
  'foreign_prosecutor',
  'ngo',
] as const;
export type RecipientClass = (typeof RECIPIENT_CLASSES)[number];

export const CONSENT_SCOPES = [
  'interview',
  'store_identifying',
  'audio',
  'video',
  'photographs',
  ...RECIPIENT_CLASSES.map((c) => `share_${c}` as const),
  'pattern_analysis',
  'recontact',
  'public_use',
  'sexual_violence_questions',
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export interface ConsentStatus {
  /** Scopes granted with a date and a method and not withdrawn. */
  readonly granted: readonly ConsentScope[];
  /** Scopes withdrawn at least once. */
  readonly withdrawn: readonly ConsentScope[];
  /** Interview and storing identifying data: everything else may be saved. */
  readonly canStore: boolean;
}

const SCOPES = new Set<string>(CONSENT_SCOPES);

function leafText(answers: Record<string, unknown>, id: string): string | undefined {
  const answer = answers[id] as { state?: string; value?: unknown } | undefined;
  return answer?.state === 'answered' && typeof answer.value === 'string'
    ? answer.value
    : undefined;
}

function groupItems(answers: SectionAnswers, id: string): Array<Record<string, unknown>> {
  const answer = answers[id];
  if (answer?.state !== 'answered') return [];
  const value = answer.value as { items?: Array<{ answers: Record<string, unknown> }> };
  return Array.isArray(value?.items) ? value.items.map((item) => item.answers) : [];
}

export function consentStatus(sectionB: SectionAnswers | undefined): ConsentStatus {
  const answers = sectionB ?? {};
  const granted = new Set<ConsentScope>();
  for (const item of groupItems(answers, CONSENT_SCOPES_FIELD)) {
    const scope = leafText(item, 'scope');
    if (!scope || !SCOPES.has(scope)) continue;
    if (leafText(item, 'decision') !== 'granted') continue;
    if (!leafText(item, 'date') || !leafText(item, 'method')) continue;
    granted.add(scope as ConsentScope);
  }
  const withdrawn = new Set<ConsentScope>();
  for (const item of groupItems(answers, CONSENT_WITHDRAWALS_FIELD)) {
    const scope = leafText(item, 'scope');
    if (scope && SCOPES.has(scope)) withdrawn.add(scope as ConsentScope);
  }
  for (const scope of withdrawn) granted.delete(scope);
  return {
    granted: CONSENT_SCOPES.filter((s) => granted.has(s)),
    withdrawn: CONSENT_SCOPES.filter((s) => withdrawn.has(s)),
    canStore: granted.has('interview') && granted.has('store_identifying'),
  };
}
