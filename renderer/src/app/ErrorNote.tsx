import { useTranslation } from 'react-i18next';

/** A typed error from main, in the interviewer's language. */
export function ErrorNote({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <p className="error-note" role="alert" data-error-code={code}>
      {t(`errors.${code}`, { defaultValue: t('errors.INTERNAL') })}
    </p>
  );
}
