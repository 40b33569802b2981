import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { ConsentBadge } from './ConsentBadge';

type Summary = OutputOf<'testimony:list'>['items'][number];

export function TestimonyList(props: {
  items: Summary[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-labelledby="list-title">
      <h2 id="list-title">{t('testimony.listTitle')}</h2>
      {props.items.length === 0 ? (
        <p className="muted">{t('testimony.empty')}</p>
      ) : (
        <ul className="testimony-list">
          {props.items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                aria-current={item.id === props.selected ? 'true' : undefined}
                onClick={() => props.onSelect(item.id)}
              >
                <span className="record-code-small">{item.recordCode}</span>
                <ConsentBadge summary={item} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
