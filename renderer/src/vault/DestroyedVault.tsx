import { useTranslation } from 'react-i18next';

export function DestroyedVault({ onCreateNew }: { onCreateNew: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card narrow" aria-labelledby="destroyed-title">
      <h1 id="destroyed-title">{t('vaultSettings.destroyedTitle')}</h1>
      <p className="muted">{t('vaultSettings.destroyedIntro')}</p>
      <button type="button" className="primary" onClick={onCreateNew}>
        {t('vaultSettings.createNew')}
      </button>
    </section>
  );
}
