import { useTranslation } from 'react-i18next';
import { REDACTION_CATEGORIES } from '../../../shared/redaction/model';
import type { RedactionCategory } from '../../../shared/redaction/model';

/** The category a new mark is filed under; profiles keep or remove by category. */
export function CategorySelect({
  id,
  value,
  onChange,
  label,
}: {
  id: string;
  value: RedactionCategory;
  onChange: (category: RedactionCategory) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <span className="redaction-control">
      <label htmlFor={id}>{label ?? t('redaction.category')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as RedactionCategory)}>
        {REDACTION_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`redaction.categories.${c}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
