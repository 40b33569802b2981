import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatApproximateDate,
  parseApproximateDate,
} from '../../../../shared/forms/approximate-date';
import { dateFromWords } from '../../../../shared/forms/date-words';
import type { DateField } from '../../../../shared/forms/template';
import { answered, textOf } from '../answer-values';
import { useUiLanguage } from '../local-text';
import type { LeafProps } from './leaf-props';
import { useDraftText } from './use-draft-text';

/**
 * An exact or approximate date, typed in words or digits ("about March 2022", "14.03.2022") or as
 * EDTF, read back in words while typing, or the reason it cannot be a date. Only a date that
 * reads is saved, as EDTF.
 */
export function DateInput({
  answer,
  onChange,
  labelId,
  describedBy,
  invalid,
  offerToday,
}: LeafProps<DateField>) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const readingId = useId();
  const hintId = useId();
  const committed = textOf(answer);
  // What the reading below the input describes: the typed text, or the saved one.
  const [typed, setTyped] = useState<string | null>(null);
  const [seen, setSeen] = useState(committed);
  if (seen !== committed) {
    setSeen(committed);
    setTyped(null);
  }
  const draft = useDraftText<HTMLInputElement>(committed, (text) => {
    const trimmed = text.trim();
    if (trimmed === '') {
      onChange(undefined);
      return true;
    }
    // Typed words ("весна 2022", "14.03.2022") are kept as the EDTF they read as.
    const parsed = parseApproximateDate(dateFromWords(trimmed));
    if (!parsed.ok) return false;
    onChange(answered(parsed.edtf));
    return true;
  });

  const shown = (typed ?? committed).trim();
  const parsed = shown ? parseApproximateDate(dateFromWords(shown)) : null;
  return (
    <div className="date-input">
      <div className="date-row">
        <input
          {...draft}
          onChange={(event) => {
            draft.onChange(event);
            setTyped(event.currentTarget.value);
          }}
          className={parsed && !parsed.ok ? 'invalid' : undefined}
          aria-invalid={invalid || (parsed !== null && !parsed.ok)}
          aria-labelledby={labelId}
          aria-describedby={[readingId, describedBy, hintId].filter(Boolean).join(' ')}
          spellCheck={false}
          autoComplete="off"
          inputMode="text"
          maxLength={80}
          size={24}
        />
        {offerToday && (
          <button
            type="button"
            className="chip"
            onClick={() => {
              const today = new Date();
              const iso = [
                today.getFullYear(),
                String(today.getMonth() + 1).padStart(2, '0'),
                String(today.getDate()).padStart(2, '0'),
              ].join('-');
              onChange(answered(iso));
            }}
          >
            {t('field.today')}
          </button>
        )}
      </div>
      <p
        id={readingId}
        className={parsed && !parsed.ok ? 'date-reading problem' : 'date-reading'}
        aria-live="polite"
        hidden={parsed === null}
      >
        {parsed === null
          ? ''
          : parsed.ok
            ? t('field.dateReads', { text: formatApproximateDate(parsed.edtf, lang) })
            : `${t(`date.problems.${parsed.problem}`)} ${t('field.dateNotKept')}`}
      </p>
      {/* Examples while there is nothing to read; a refusal of the syntax gives its own. */}
      <p id={hintId} className="help" hidden={parsed !== null}>
        {t('field.dateHint')}
      </p>
    </div>
  );
}
