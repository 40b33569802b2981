/**
 * "Name or number everywhere": one entity redaction removes every occurrence in every text of the
 * testimony, whatever its case or apostrophe (Марʼяна, Мар'яна, Мар’яна), including ones typed
 * later, which a span could not.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ENTITY_CHARS } from '../../../shared/redaction/model';
import type { RedactionCategory } from '../../../shared/redaction/model';
import { CategorySelect } from './CategorySelect';
import type { NewRedaction } from './use-redaction';

export function EntityForm({
  busy,
  add,
}: {
  busy: boolean;
  add: (redaction: NewRedaction) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<RedactionCategory>('name');
  const [empty, setEmpty] = useState(false);

  return (
    <form
      className="redaction-entity-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        const value = text.trim();
        setEmpty(value === '');
        if (value === '') return;
        void add({ kind: 'entity', text: value, category }).then((ok) => ok && setText(''));
      }}
      noValidate
    >
      <h3 id={`${id}-title`}>{t('redaction.entityTitle')}</h3>
      <p className="help" id={`${id}-help`}>
        {t('redaction.entityHelp')}
      </p>
      <div className="redaction-entity-row">
        <span className="redaction-control">
          <label htmlFor={`${id}-text`}>{t('redaction.entityText')}</label>
          <input
            id={`${id}-text`}
            value={text}
            maxLength={MAX_ENTITY_CHARS}
            aria-describedby={`${id}-help`}
            aria-invalid={empty || undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </span>
        <CategorySelect id={`${id}-category`} value={category} onChange={setCategory} />
        <button type="submit">{t('redaction.entityAdd')}</button>
      </div>
      {empty && (
        <p className="error-note" role="alert">
          {t('redaction.entityEmpty')}
        </p>
      )}
    </form>
  );
}
