import { dateLocale } from '../interview/date-locale';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { diffWords } from '../../../shared/text-diff';
import type { DiffPart } from '../../../shared/text-diff';
import { ErrorNote } from '../app/ErrorNote';
import { call } from '../ipc/client';

type Revision = OutputOf<'testimony:history'>['items'][number];

/** The saved revisions of a narrative, and what each one changed compared with the one before. */
export function HistoryPanel({ id, refreshKey }: { id: string; refreshKey: string | null }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Revision[] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [diff, setDiff] = useState<DiffPart[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('testimony:history', { id }).then((result) => {
      if (!live) return;
      if (result.ok) setItems(result.value.items);
      else setError(result.error.code);
    });
    return () => {
      live = false;
    };
  }, [id, refreshKey]);

  async function show(seq: number) {
    setSelected(seq);
    setDiff(null);
    const [before, after] = await Promise.all([
      call('testimony:revision', { id, seq: seq - 1 }),
      call('testimony:revision', { id, seq }),
    ]);
    if (before.ok && after.ok) setDiff(diffWords(before.value.narrative, after.value.narrative));
    else setError(!before.ok ? before.error.code : !after.ok ? after.error.code : 'INTERNAL');
  }

  const time = (iso: string) => new Date(iso).toLocaleString(dateLocale(i18n.language));
  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {error && <ErrorNote code={error} />}
      {items?.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ol className="revision-list">
        {[...(items ?? [])].reverse().map((r) => (
          <li key={r.seq}>
            <button
              type="button"
              aria-pressed={selected === r.seq}
              onClick={() => void show(r.seq)}
            >
              {t('history.line', { n: r.seq, time: time(r.createdAt), chars: r.chars })}
            </button>
          </li>
        ))}
      </ol>
      {selected !== null && diff && (
        <div className="diff" aria-label={t('history.changes', { n: selected })}>
          <h3>{t('history.changes', { n: selected })}</h3>
          <DiffView parts={diff} />
        </div>
      )}
    </section>
  );
}

function DiffView({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation();
  if (!parts.some((p) => p.kind !== 'same'))
    return <p className="muted">{t('history.noChange')}</p>;
  return (
    <p className="diff-text">
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          <del key={i} title={t('history.removed')}>
            {part.text}
          </del>
        ) : (
          <ins key={i} title={t('history.added')}>
            {part.text}
          </ins>
        ),
      )}
    </p>
  );
}
