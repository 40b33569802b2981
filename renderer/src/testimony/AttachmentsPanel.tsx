import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { visibleText } from '../../../shared/visible-text';
import { ErrorNote } from '../app/ErrorNote';
import { call } from '../ipc/client';

type Attachment = OutputOf<'attachment:list'>['items'][number];

/**
 * Files attached to a testimony. Names are evidence and may be hostile: shown only as text.
 * Memoised: the narrative editor above it re-renders whenever its save state flips, mid-typing.
 */
export const AttachmentsPanel = memo(function AttachmentsPanel({
  testimonyId,
  locked = false,
}: {
  testimonyId: string;
  /** No consent yet: nothing may be added. */
  locked?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Attachment[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('attachment:list', { testimonyId }).then((result) => {
      if (!live) return;
      if (result.ok) setItems(result.value.items);
      else setError(result.error.code);
    });
    return () => {
      live = false;
    };
  }, [testimonyId]);

  async function add() {
    setBusy(true);
    setError(null);
    setNote(null);
    const result = await call('attachment:add', { testimonyId });
    setBusy(false);
    if (result.ok) setItems((list) => [...list, ...result.value.items]);
    else setError(result.error.code);
  }

  async function saveCopy(id: string) {
    setError(null);
    const result = await call('attachment:export', { id });
    if (!result.ok) setError(result.error.code);
    else if (result.value.exported) setNote(t('attachments.exported'));
  }

  const size = (bytes: number) =>
    new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unitDisplay: 'long',
      unit: bytes >= 1e6 ? 'megabyte' : bytes >= 1e3 ? 'kilobyte' : 'byte',
      maximumFractionDigits: 1,
    }).format(bytes >= 1e6 ? bytes / 1e6 : bytes >= 1e3 ? bytes / 1e3 : bytes);

  return (
    <section className="attachments" aria-labelledby="attachments-title">
      <div className="section-head">
        <h2 id="attachments-title">{t('attachments.title')}</h2>
        <button type="button" onClick={() => void add()} disabled={busy || locked}>
          {busy ? t('attachments.adding') : t('attachments.add')}
        </button>
      </div>
      {error && <ErrorNote code={error} />}
      {note && (
        <p className="ok-note" role="status">
          {note}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">{t('attachments.empty')}</p>
      ) : (
        <ul className="attachment-list">
          {items.map((a) => (
            <li key={a.id}>
              <span className="file-name" dir="auto">
                {visibleText(a.fileName)}
              </span>
              <span className="help">
                {t('attachments.line', { size: size(a.size), hash: a.sha256.slice(0, 16) + '…' })}
              </span>
              <button type="button" onClick={() => void saveCopy(a.id)}>
                {t('attachments.export')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
