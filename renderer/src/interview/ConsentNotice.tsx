import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown on every page but consent until the survivor agreed to the interview and to storage. */
export function ConsentNotice({ onGoToConsent }: { onGoToConsent: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div className="notice" role="note" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('interview.consentFirstTitle')}</h3>
      <p>{t('interview.consentFirst')}</p>
      <button type="button" className="primary" onClick={onGoToConsent}>
        {t('interview.goToConsent')}
      </button>
    </div>
  );
}
