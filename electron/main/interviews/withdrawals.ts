/**
 * A recorded withdrawal of consent stays recorded: a later save of section B may add withdrawals
 * and complete one (the date, whether recipients were told, a note), but not remove one or change
 * what was withdrawn. Otherwise one mistaken deletion would silently reopen the consent gate and
 * let a withdrawn testimony travel again; the revision history alone would not stop that.
 */
import { AppError } from '../../../shared/errors';
import type { SectionAnswers } from '../../../shared/forms/answers';
import { CONSENT_WITHDRAWALS_FIELD } from '../../../shared/forms/consent';

/** Withdrawal item id → the scope it withdrew, for items that name a scope. */
function withdrawnScopes(answers: SectionAnswers): Map<string, string> {
  const scopes = new Map<string, string>();
  const group = answers[CONSENT_WITHDRAWALS_FIELD];
  if (group?.state !== 'answered') return scopes;
  const items = (group.value as { items?: unknown }).items;
  if (!Array.isArray(items)) return scopes;
  for (const item of items as Array<{ id: string; answers: SectionAnswers }>) {
    const scope = item.answers['scope'];
    if (scope?.state === 'answered' && typeof scope.value === 'string') {
      scopes.set(item.id, scope.value);
    }
  }
  return scopes;
}

export function requireWithdrawalsKept(previous: SectionAnswers, next: SectionAnswers): void {
  const before = withdrawnScopes(previous);
  const after = withdrawnScopes(next);
  for (const [id, scope] of before) {
    if (after.get(id) !== scope) {
      throw new AppError(
        'WITHDRAWAL_PERMANENT',
        'A recorded withdrawal of consent cannot be removed or changed',
      );
    }
  }
}
