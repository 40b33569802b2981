import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown once after creation: the recovery key, to be written on paper. It is never stored. */
export function RecoveryKeyNotice({
  recoveryKey,
  onDone,
}: {
  recoveryKey: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const checkId = useId();
  const [confirmed, setConfirmed] = useState(false);
  return (
    <section className="card narrow" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('recovery.title')}</h1>
      <p className="muted">{t('recovery.intro')}</p>
      <p className="recovery-key" aria-label={t('recovery.field')}>
        {recoveryKey}
      </p>
      <div className="check">
        <input
          id={checkId}
          type="checkbox"
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
        />
        <label htmlFor={checkId}>{t('recovery.confirm')}</label>
      </div>
      <button type="button" className="primary" disabled={!confirmed} onClick={onDone}>
        {t('recovery.continue')}
      </button>
    </section>
  );
}
