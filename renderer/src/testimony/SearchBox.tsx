import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { excerptParts, MIN_SEARCH_CHARS } from '../../../shared/search';
import { call } from '../ipc/client';
import { ConsentBadge } from './ConsentBadge';

type Summary = OutputOf<'testimony:list'>['items'][number];
type Hit = OutputOf<'testimony:search'>['items'][number];

const DEBOUNCE_MS = 250;

/** Full-text search over current narratives; results show the matching excerpt, as text. */
export function SearchBox({
  onSelect,
  items,
}: {
  onSelect: (id: string) => void;
  /** The listed testimonies: a hit shows the same consent badge as the list. */
  items: readonly Summary[];
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const helpId = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);

  useEffect(() => {
    const q = query.trim();
    if ([...q].length < MIN_SEARCH_CHARS) return;
    let live = true;
    const timer = setTimeout(() => {
      void call('testimony:search', { query: q }).then((result) => {
        if (live) setHits(result.ok ? result.value.items : []);
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const active = [...query.trim()].length >= MIN_SEARCH_CHARS;
  return (
    <div className="search" role="search">
      <div className="field">
        <label htmlFor={inputId}>{t('testimony.search')}</label>
        <input
          id={inputId}
          type="search"
          aria-describedby={helpId}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <p id={helpId} className="help">
          {t('testimony.searchHelp')}
        </p>
      </div>
      {active && hits && (
        <ul className="search-results" aria-live="polite">
          {hits.length === 0 && <li className="muted">{t('testimony.noResults')}</li>}
          {hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" onClick={() => onSelect(hit.id)}>
                <span className="hit-head">
                  <span className="record-code-small">{hit.recordCode}</span>
                  <ConsentBadge summary={items.find((i) => i.id === hit.id)} />
                </span>
                <span className="excerpt">
                  {excerptParts(hit.excerpt).map((part, i) =>
                    part.match ? (
                      <mark key={i}>{part.text}</mark>
                    ) : (
                      <span key={i}>{part.text}</span>
                    ),
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
