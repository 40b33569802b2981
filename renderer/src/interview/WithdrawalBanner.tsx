import { useTranslation } from 'react-i18next';
import type { ConsentScope } from '../../../shared/forms/consent';
import { CONSENT_SCOPES_FIELD, CONSENT_SECTION } from '../../../shared/forms/consent';
import type { Template } from '../../../shared/forms/template';
import { findSection, findVocabulary } from '../../../shared/forms/template';
import { useLocalText } from './local-text';

/** A withdrawal of consent stays in view wherever the testimony is open. */
export function WithdrawalBanner({
  template,
  withdrawn,
}: {
  template: Template;
  withdrawn: readonly ConsentScope[];
}) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const terms = scopeTerms(template);
  const scopes = withdrawn.map((s) => lt(terms.find((term) => term.code === s)?.label) || s);
  return (
    <div className="banner banner-withdrawn" role="note" aria-labelledby="withdrawn-title">
      <strong id="withdrawn-title">{t('interview.withdrawnTitle')}</strong>{' '}
      {t('interview.withdrawn', { scopes: scopes.join(', ') })}
    </div>
  );
}

/** The terms of the vocabulary section B's consent scopes are chosen from. */
function scopeTerms(template: Template) {
  const group = findSection(template, CONSENT_SECTION)?.fields.find(
    (f) => f.id === CONSENT_SCOPES_FIELD,
  );
  const scope = group?.kind === 'group' ? group.fields.find((f) => f.id === 'scope') : undefined;
  return scope?.kind === 'choice' ? (findVocabulary(template, scope.vocabulary)?.terms ?? []) : [];
}
