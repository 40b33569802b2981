import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/i18n';
import type { Language } from '../../../shared/i18n';

const LANGUAGE_NAMES = { uk: 'Українська', en: 'English' } as const;

export function Header({
  onLock,
  onLanguage,
  onShortcuts,
}: {
  onLock: (() => void) | undefined;
  onLanguage: (language: Language) => void;
  onShortcuts: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <div className="header-actions">
        <div className="language-switch" role="group" aria-label={t('app.language')}>
          {LANGUAGES.map((lng) => (
            <button
              key={lng}
              type="button"
              lang={lng}
              aria-pressed={i18n.language === lng}
              onClick={() => {
                void i18n.changeLanguage(lng);
                onLanguage(lng);
              }}
            >
              {LANGUAGE_NAMES[lng]}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="header-button"
          title={t('app.shortcutsHint')}
          aria-keyshortcuts="F1"
          onClick={onShortcuts}
        >
          {t('app.shortcuts')}
        </button>
        {onLock && (
          <button
            type="button"
            className="lock-button"
            title={t('vault.lockHint')}
            aria-keyshortcuts="Control+L"
            onClick={onLock}
          >
            {t('vault.lock')}
          </button>
        )}
      </div>
    </header>
  );
}
