import type { ConsentScope, RecipientClass } from '../../../shared/forms/consent';

export interface ConsentFacts {
  readonly granted: readonly ConsentScope[];
  readonly canStore: boolean;
}

export type ConsentGap =
  | { readonly kind: 'basic'; readonly testimonyId: string }
  | {
      readonly kind: 'share';
      readonly testimonyId: string;
      readonly recipientId: string;
      readonly scope: `share_${RecipientClass}`;
    };

/**
 * What main would refuse with CONSENT_REQUIRED, computed ahead to warn: a testimony without the
 * basic consent, or a chosen recipient whose kind the survivor did not consent to share with.
 * Testimonies whose facts are still being read are left out.
 */
export function consentGaps(
  testimonyIds: readonly string[],
  recipients: readonly { readonly id: string; readonly recipientClass: RecipientClass }[],
  facts: ReadonlyMap<string, ConsentFacts>,
): ConsentGap[] {
  const gaps: ConsentGap[] = [];
  for (const testimonyId of testimonyIds) {
    const consent = facts.get(testimonyId);
    if (!consent) continue;
    if (!consent.canStore) {
      gaps.push({ kind: 'basic', testimonyId });
      continue;
    }
    for (const r of recipients) {
      const scope = `share_${r.recipientClass}` as const;
      if (!consent.granted.includes(scope)) {
        gaps.push({ kind: 'share', testimonyId, recipientId: r.id, scope });
      }
    }
  }
  return gaps;
}
