import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterName } from '../../../shared/forms/registers';
import { getTemplate } from '../../../shared/forms/templates';
import type { OutputOf } from '../../../shared/ipc';
import { ErrorNote } from '../app/ErrorNote';
import { useLocalText } from '../interview/local-text';
import { call } from '../ipc/client';
import { ConsentBadge } from '../testimony/ConsentBadge';
import { describePath } from './mention-path';

type Mention = OutputOf<'register:mentions'>['items'][number];

/** The testimonies that mention a register entry, and where; a click opens the testimony. */
export function Mentions({
  register,
  id,
  onOpenTestimony,
}: {
  register: RegisterName;
  id: string;
  onOpenTestimony: (id: string) => void;
}) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const [items, setItems] = useState<Mention[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('register:mentions', { register, id }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setItems(result.value.items);
        setError(null);
      } else setError(result.error.code);
    });
    return () => {
      live = false;
    };
  }, [register, id]);

  return (
    <section className="mentions" aria-labelledby="mentions-title">
      <h3 id="mentions-title">{t('registers.mentions')}</h3>
      {error && <ErrorNote code={error} />}
      {items?.length === 0 && <p className="muted">{t('registers.noMentions')}</p>}
      {items && items.length > 0 && (
        <ul className="mention-list">
          {items.map((m) => (
            <li key={m.testimonyId}>
              <button type="button" onClick={() => onOpenTestimony(m.testimonyId)}>
                <span className="hit-head">
                  <span className="record-code-small">{m.recordCode}</span>
                  <ConsentBadge summary={m} />
                </span>
                <span className="help">
                  {m.paths
                    .map((p) => describePath(getTemplate(m.templateId, m.templateVersion), p, lt))
                    .join('; ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
