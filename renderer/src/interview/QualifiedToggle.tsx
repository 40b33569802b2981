import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The interviewer marks themself qualified for the sexual-violence section (recorded as an
 * event); the section shows only with that and the survivor's specific consent. The box follows
 * the click at once and goes back if main refuses.
 */
export function QualifiedToggle({
  qualified,
  consented,
  hasSection,
  onChange,
}: {
  qualified: boolean;
  consented: boolean;
  hasSection: boolean;
  /** Resolves to true once recorded. */
  onChange: (qualified: boolean) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const helpId = useId();
  const [pending, setPending] = useState<boolean | null>(null);
  const [seen, setSeen] = useState(qualified);
  if (seen !== qualified) {
    setSeen(qualified);
    setPending(null);
  }
  if (!hasSection) return null;
  const checked = pending ?? qualified;
  return (
    <div className="qualified">
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={helpId}
          onChange={(e) => {
            const next = e.target.checked;
            setPending(next);
            void onChange(next).then((ok) => {
              if (!ok) setPending(null);
            });
          }}
        />
        <label htmlFor={id}>{t('interview.qualified')}</label>
      </div>
      <p id={helpId} className="help">
        {checked && !consented ? t('interview.svNeedsConsent') : t('interview.qualifiedHelp')}
      </p>
    </div>
  );
}
