import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalText } from '../../../shared/forms/template';

/** The UI language as the template knows it: template labels exist in `uk` and `en`. */
export function useUiLanguage(): 'uk' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'uk';
}

/** Picks a template text (label, help, vocabulary term) in the current UI language. */
export function useLocalText(): (text: LocalText | undefined) => string {
  const lang = useUiLanguage();
  return useCallback((text) => (text ? text[lang] || text.uk || text.en : ''), [lang]);
}
