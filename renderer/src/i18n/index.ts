import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, LANGUAGES } from '../../../shared/i18n';
import type { Language } from '../../../shared/i18n';

export function initialLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'uk';
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: {
      en: { translation: catalogues.en },
      uk: { translation: catalogues.uk },
    },
    lng: initialLanguage(),
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    // React escapes text itself; testimony never goes through i18next interpolation as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
}
