import { useTranslation } from 'react-i18next';

/**
 * A typed error from main, in the interviewer's language. `context` names a catalogue section
 * whose `errors` may word a code for one screen (e.g. `bundles`: CONSENT_REQUIRED on export);
 * otherwise the general wording is used.
 */
export function ErrorNote({ code, context }: { code: string; context?: string }) {
  const { t } = useTranslation();
  const general = t(`errors.${code}`, { defaultValue: t('errors.INTERNAL') });
  return (
    <p className="error-note" role="alert" data-error-code={code}>
      {context ? t(`${context}.errors.${code}`, { defaultValue: general }) : general}
    </p>
  );
}
