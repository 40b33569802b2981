import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const MINUTES = [1, 2, 5, 10, 15, 30, 60];

export function IdleLockSetting({
  value,
  onChange,
}: {
  value: number;
  onChange: (seconds: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // A value set outside the list (e.g. by a test) still shows, so the select never lies.
  const options = MINUTES.map((m) => m * 60);
  if (!options.includes(value)) options.unshift(value);
  return (
    <div className="field idle-lock">
      <label htmlFor={id}>{t('settings.idleLock')}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {options.map((seconds) => (
          <option key={seconds} value={seconds}>
            {t('settings.minutes', { count: Math.max(1, Math.round(seconds / 60)) })}
          </option>
        ))}
      </select>
    </div>
  );
}
