import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { ErrorNote } from '../app/ErrorNote';
import { call } from '../ipc/client';

export function NewTestimonyForm({
  onCreated,
}: {
  onCreated: (created: OutputOf<'testimony:create'>) => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const helpId = useId();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!code.trim()) return;
    const result = await call('testimony:create', { recordCode: code.trim() });
    if (result.ok) {
      setCode('');
      setError(null);
      onCreated(result.value);
    } else setError(result.error.code);
  }

  return (
    <form className="new-testimony" onSubmit={submit} aria-labelledby="new-title">
      <h2 id="new-title">{t('testimony.newTitle')}</h2>
      <div className="field">
        <label htmlFor={inputId}>{t('testimony.recordCode')}</label>
        <input
          id={inputId}
          aria-describedby={helpId}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <p id={helpId} className="help">
          {t('testimony.recordCodeHelp')}
        </p>
      </div>
      {error && <ErrorNote code={error} />}
      <button type="submit">{t('testimony.create')}</button>
    </form>
  );
}
