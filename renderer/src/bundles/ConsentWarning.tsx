import { useTranslation } from 'react-i18next';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import { findVocabulary } from '../../../shared/forms/template';
import { useLocalText } from '../interview/local-text';
import type { Recipient } from '../recipients/use-recipients';
import type { ConsentGap } from './consent-gaps';

/**
 * Warns, before sealing, of every chosen testimony and recipient the survivor's consent does
 * not cover. Main refuses such an export anyway (CONSENT_REQUIRED); this says which and why.
 */
export function ConsentWarning({
  gaps,
  codeOf,
  recipients,
}: {
  gaps: readonly ConsentGap[];
  codeOf: (testimonyId: string) => string;
  recipients: readonly Recipient[];
}) {
  const { t } = useTranslation();
  const lt = useLocalText();
  if (gaps.length === 0) return null;
  const terms = findVocabulary(CURRENT_TEMPLATE, 'consent_scopes')?.terms ?? [];
  const scopeLabel = (scope: string) => lt(terms.find((term) => term.code === scope)?.label);

  return (
    <div className="banner banner-consent" role="note" aria-labelledby="consent-gap-title">
      <strong id="consent-gap-title">{t('bundles.consentTitle')}</strong>
      <ul>
        {gaps.map((gap) => {
          const code = codeOf(gap.testimonyId);
          if (gap.kind === 'basic') {
            return <li key={`${gap.testimonyId}`}>{t('bundles.consentBasic', { code })}</li>;
          }
          const recipient = recipients.find((r) => r.id === gap.recipientId);
          return (
            <li key={`${gap.testimonyId}-${gap.recipientId}`}>
              {t('bundles.consentMissing', {
                code,
                scope: scopeLabel(gap.scope) || gap.scope,
                recipient: recipient?.name ?? '',
              })}
            </li>
          );
        })}
      </ul>
      <p>{t('bundles.consentFix')}</p>
    </div>
  );
}
