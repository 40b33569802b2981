import { useTranslation } from 'react-i18next';

/**
 * Said first, before anything else on the screen: marks that no longer fit their text are not
 * applied, and a redacted export is refused (REDACTION_STALE) until they are marked again.
 */
export function StaleNotice({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <div className="banner banner-stale" role="alert">
      <strong>{t('redaction.staleTitle', { count })}</strong>
      <p>{t('redaction.staleIntro')}</p>
    </div>
  );
}
