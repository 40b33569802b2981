import { useTranslation } from 'react-i18next';

/** Marks a testimony whose consent was withdrawn, or not recorded yet, wherever it is listed. */
export function ConsentBadge({
  summary,
}: {
  summary: { consentGiven: boolean; consentWithdrawn: boolean } | undefined;
}) {
  const { t } = useTranslation();
  if (!summary) return null;
  if (summary.consentWithdrawn)
    return <span className="badge badge-withdrawn">{t('interview.withdrawnBadge')}</span>;
  if (!summary.consentGiven)
    return <span className="badge badge-no-consent">{t('interview.noConsentBadge')}</span>;
  return null;
}
